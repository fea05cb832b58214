export { BACKFILL_INDEXES, BACKFILL_JOB, BACKFILL_STATUSES, BACKFILLS, percentDone, type BackfillDoc, type BackfillStatus } from '../../records/backfills/backfill.js';
export { backfillSettings, configureBackfills, DEFAULT_BACKFILL_SETTINGS, type BackfillSettings } from './backfill-settings.js';
export { recordBackfill, type BackfillPlan } from './record-backfill.js';
export { runBackfill, runBackfillBatch } from './run-backfill.js';
export { completeOnTheFly, filterPaths, refuseWhileBackfilling, runningBackfill } from '../../records/backfills/backfill-reads.js';
export { getBackfill, listBackfills, type BackfillQuery, type BackfillView } from './list-backfills.js';
export { retireFormerPlainTextJob, schedulePlainTextBackfills } from './plain-text-backfills.js';
