export { EmbeddedStoreProvider } from './embedded-store-provider.js';
export type { Durability } from './sqlite-file.js';
