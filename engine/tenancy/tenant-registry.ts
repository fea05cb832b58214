import { DuplicateKeyError } from '../store/duplicate-key-error.js';
import type { Doc, Store, StoreProvider } from '../store/port.js';

/**
 * The platform's own store, opened through the same provider as the tenants' under a name no
 * tenant can take (tenant names start with a letter): the list of tenants lives beside them, in
 * the embedded data directory or the MongoDB deployment, and every engine instance sees it.
 */
export const PLATFORM_STORE = '_platform';
const TENANTS = 'platform.tenants';

export interface TenantEntry extends Doc {
  /** `_id` is the tenant's name. */
  createdAt: string;
}

/** Which tenants exist: the default one, and those a platform operator created. */
export class TenantRegistry {
  private constructor(private readonly store: Store) {}

  /** Opens the registry; `builtIn` (the default tenant) is always in it. */
  static async open(provider: StoreProvider, builtIn: string): Promise<TenantRegistry> {
    const registry = new TenantRegistry(await provider.open(PLATFORM_STORE));
    await registry.add(builtIn);
    return registry;
  }

  async has(name: string): Promise<boolean> {
    return (await this.store.collection<TenantEntry>(TENANTS).findOne({ _id: name })) !== null;
  }

  list(): Promise<TenantEntry[]> {
    return this.store.collection<TenantEntry>(TENANTS).find({}, { sort: { _id: 1 } });
  }

  /** Adds a tenant; false when it was there already (the store's unique _id decides, so two engines cannot both add it). */
  async add(name: string): Promise<boolean> {
    try {
      await this.store.collection<TenantEntry>(TENANTS).insertOne({ _id: name, createdAt: new Date().toISOString() });
      return true;
    } catch (error) {
      if (error instanceof DuplicateKeyError) return false;
      throw error;
    }
  }

  async remove(name: string): Promise<void> {
    await this.store.collection<TenantEntry>(TENANTS).deleteOne({ _id: name });
  }
}
