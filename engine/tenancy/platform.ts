import { ValidationError } from '../errors/index.js';
import type { StoreProvider } from '../store/port.js';
import { purgeExpired } from '../records/recycle-bin/index.js';
import { operationContext } from './operation-context.js';
import { SYSTEM_PRINCIPAL } from './principal.js';
import { Tenant } from './tenant.js';

export const DEFAULT_TENANT = 'default';
const TENANT_NAME = /^[a-z][a-z0-9_-]{0,39}$/;

/** The tenants of one engine process, opened on first use over one store provider. */
export class Platform {
  private readonly tenants = new Map<string, Promise<Tenant>>();

  constructor(readonly provider: StoreProvider) {}

  tenant(name: string = DEFAULT_TENANT): Promise<Tenant> {
    if (!TENANT_NAME.test(name)) {
      throw new ValidationError([{ path: '/tenant', message: 'must be lower-case letters, digits, - and _ (at most 40)' }]);
    }
    let tenant = this.tenants.get(name);
    if (!tenant) {
      tenant = this.provider.open(name).then((store) => Tenant.open(name, store));
      this.tenants.set(name, tenant);
      tenant.catch(() => this.tenants.delete(name));
    }
    return tenant;
  }

  /** Picks up metadata changes other engine instances made (only needed with a shared store). */
  async refreshAll(): Promise<void> {
    for (const tenant of this.tenants.values()) await (await tenant).metadata.refresh();
  }

  /** Purges, in every open tenant, what has been in the recycle bin longer than `days`. */
  async purgeRecycleBins(days: number): Promise<number> {
    const cutoff = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
    let purged = 0;
    for (const tenant of this.tenants.values()) {
      purged += await purgeExpired(operationContext(await tenant, SYSTEM_PRINCIPAL, 'system'), cutoff);
    }
    return purged;
  }

  async close(): Promise<void> {
    await this.provider.close();
  }
}
