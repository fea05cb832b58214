export { appendRecordChange, RECORD_CHANGES, type RecordChangeDoc } from './record-changes.js';
export { purgeChangesBefore } from './purge-changes.js';
export { listChanges, CursorExpiredError, DEFAULT_CHANGES_LIMIT, MAX_CHANGES_LIMIT, type ChangePage, type RecordChange } from './list-changes.js';
