import { join } from 'node:path';
import type { Store, StoreProvider, TenantFiles } from '../port.js';
import { restoreSnapshot } from './tenant-snapshot.js';
import { EmbeddedStore } from './embedded-store.js';
import { SqliteFile, type Durability } from './sqlite-file.js';
import { DataDirectoryLock } from './data-directory-lock.js';

/**
 * 128 MiB holds about 145,000 records of ten fields: a tenant's hot records at the sizes a company
 * runs (the foundation benchmark's 100,000 deals take 89 MiB). At 64 MiB more than a quarter of its GETs by id
 * read SQLite and parsed the record again, which cost GET by id a tenth of its rate; the memory
 * stays bounded (docs/performance.md, RSS at a million records).
 */
export const DEFAULT_CACHE_MB = 128;

/**
 * SQLite's cache of file pages, beside the documents: a quarter of the document cache's bound.
 * Its 2 MiB default holds little more than the B-trees' upper levels, so every index walk and
 * every document read missed from the cache went to the file for its leaf pages (an approval's
 * dozen small queries spent about a tenth of its time there, half of it gone at 32 MiB).
 */
const PAGE_CACHE_SHARE = 0.25;

/**
 * Tenants of the embedded store: one directory each under the data directory, which one provider
 * holds alone from its construction to its close (a second one, in any process, is refused).
 */
export class EmbeddedStoreProvider implements StoreProvider {
  readonly kind = 'embedded' as const;
  private readonly stores = new Map<string, EmbeddedStore>();
  private readonly lock: DataDirectoryLock;

  constructor(
    private readonly dataDir: string,
    private readonly durability: Durability = 'process',
    /** The bound of each tenant's document cache (STORE_CACHE_MB in the configuration); SQLite's page cache takes a quarter of it again. */
    private readonly cacheBytes = DEFAULT_CACHE_MB * 1024 * 1024,
  ) {
    this.lock = DataDirectoryLock.acquire(dataDir);
  }

  async open(tenant: string): Promise<Store> {
    return this.store(tenant);
  }

  async backupTenant(tenant: string, dir: string): Promise<TenantFiles> {
    return this.store(tenant).backup(dir);
  }

  async restoreTenant(tenant: string, dir: string, files: TenantFiles): Promise<void> {
    if (this.stores.has(tenant)) throw new Error(`The tenant '${tenant}' is open: a backup is restored only into a tenant without a store.`);
    await restoreSnapshot(dir, files, join(this.dataDir, tenant));
  }

  private store(tenant: string): EmbeddedStore {
    let store = this.stores.get(tenant);
    if (!store) {
      const dir = join(this.dataDir, tenant);
      store = new EmbeddedStore(tenant, new SqliteFile(join(dir, 'store.sqlite'), this.durability, this.cacheBytes * PAGE_CACHE_SHARE), join(dir, 'blobs'), this.cacheBytes);
      this.stores.set(tenant, store);
    }
    return store;
  }

  async close(): Promise<void> {
    for (const store of this.stores.values()) await store.close();
    this.stores.clear();
    this.lock.release();
  }
}
