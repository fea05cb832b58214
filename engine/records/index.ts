export { createRecord } from './create-record.js';
export { getRecord } from './get-record.js';
export { updateRecord } from './update-record.js';
export { deleteRecord } from './delete-record.js';
export { listRecords, type ListRequest, type ListResponse } from './list-records.js';
export { listRelated } from './list-related.js';
export { parseIfMatch } from './expected-version.js';
export { parseFilterParameter, parseFlag, parseLimit, MAX_LIMIT, DEFAULT_LIMIT } from './list-query.js';
export { presentRecord, type RecordView, type StoredRecord } from './record.js';
