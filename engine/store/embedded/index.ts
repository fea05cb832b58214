export { DEFAULT_CACHE_MB, EmbeddedStoreProvider } from './embedded-store-provider.js';
export type { Durability } from './sqlite-file.js';
export { DataDirectoryInUseError, DataDirectoryLock, LOCK_FILE } from './data-directory-lock.js';
