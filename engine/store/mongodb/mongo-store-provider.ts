import { MongoClient } from 'mongodb';
import type { Store, StoreProvider } from '../port.js';
import { MongoStore } from './mongo-store.js';
import { transactionalUnits } from './deployment.js';

export interface MongoStoreProviderOptions {
  /** Put before the tenant's name to name its database; `crm_` unless given. */
  databasePrefix?: string;
  /** Start on a standalone mongod, whose units of work are not atomic (MONGODB_ALLOW_STANDALONE). */
  allowStandalone?: boolean;
}

/** Opens tenants' stores on one MongoDB deployment, one database per tenant, over one client. */
export class MongoStoreProvider implements StoreProvider {
  readonly kind = 'mongodb' as const;
  /** Whether units of work run as transactions: only replica sets and sharded clusters have them. */
  readonly supportsTransactions: boolean;
  readonly #client: MongoClient;
  readonly #prefix: string;
  readonly #stores = new Map<string, MongoStore>();

  private constructor(client: MongoClient, prefix: string, supportsTransactions: boolean) {
    this.#client = client;
    this.#prefix = prefix;
    this.supportsTransactions = supportsTransactions;
  }

  static async connect(uri: string, options: MongoStoreProviderOptions = {}): Promise<MongoStoreProvider> {
    // The engine unsets empty fields instead of storing null; without ignoreUndefined the driver
    // would write a property holding undefined as null, and the adapters would disagree.
    const client = new MongoClient(uri, { ignoreUndefined: true });
    await client.connect();
    try {
      const { transactional } = transactionalUnits(await client.db('admin').command({ hello: 1 }), options.allowStandalone ?? false);
      return new MongoStoreProvider(client, options.databasePrefix ?? 'crm_', transactional);
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  /** Tenant names are validated before they get here, so they are safe as database names. */
  async open(tenant: string): Promise<Store> {
    let store = this.#stores.get(tenant);
    if (store === undefined) {
      store = new MongoStore(this.#client, `${this.#prefix}${tenant}`, tenant, this.supportsTransactions);
      this.#stores.set(tenant, store);
    }
    return store;
  }

  async close(): Promise<void> {
    this.#stores.clear();
    await this.#client.close();
  }
}
