export { bulkWrite, writeRecord, MAX_BULK_RECORDS } from './bulk-write.js';
export { planBulk, BULK_MODES, type BulkMode, type BulkOptions, type BulkPlan } from './bulk-plan.js';
export { presentRowError, rowError, type PresentedRowError, type RowError, type RowOutcome } from './row-outcome.js';
export { writeBatch, DEFAULT_BATCH_LIMITS, type Batch, type BatchLimits } from './write-batch.js';
