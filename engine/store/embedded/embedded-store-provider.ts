import { join } from 'node:path';
import type { Store, StoreProvider } from '../port.js';
import { EmbeddedStore } from './embedded-store.js';
import { SqliteFile, type Durability } from './sqlite-file.js';

/** Tenants of the embedded store: one directory each under the data directory. */
export class EmbeddedStoreProvider implements StoreProvider {
  readonly kind = 'embedded' as const;
  private readonly stores = new Map<string, EmbeddedStore>();

  constructor(
    private readonly dataDir: string,
    private readonly durability: Durability = 'process',
  ) {}

  async open(tenant: string): Promise<Store> {
    let store = this.stores.get(tenant);
    if (!store) {
      const dir = join(this.dataDir, tenant);
      store = new EmbeddedStore(tenant, new SqliteFile(join(dir, 'store.sqlite'), this.durability), join(dir, 'blobs'));
      this.stores.set(tenant, store);
    }
    return store;
  }

  async close(): Promise<void> {
    for (const store of this.stores.values()) await store.close();
    this.stores.clear();
  }
}
