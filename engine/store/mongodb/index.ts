export { MongoStoreProvider, type MongoStoreProviderOptions } from './mongo-store-provider.js';
