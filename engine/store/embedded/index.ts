export { DEFAULT_CACHE_MB, EmbeddedStoreProvider } from './embedded-store-provider.js';
export type { Durability } from './sqlite-file.js';
