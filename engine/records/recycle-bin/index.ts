export { restoreRecord } from './restore-record.js';
export { purgeRecord, purgeExpired } from './purge-record.js';
export { listRecycleBin, type RecycleBinEntry } from './list-recycle-bin.js';
