export { engineWriteHooks, tenantWriteHooks, WriteHooks } from './write-hooks.js';
export { runAfterSave, runBeforeSave, runBeforeValidation } from './run-write-stages.js';
export { viewOfUnit, writeUnit, writeUnitFor } from './write-unit.js';
export { WRITE_STAGES, type BeforeSaveResult, type SavedEvent, type SavingEvent, type ValuesEvent, type WriteEvent, type WriteKind, type WriteStage, type WriteStages } from './write-stages.js';
