import { ConflictError } from '../errors/index.js';
import { WebhookAllowlist } from '../mail/webhook-allowlist.js';
import type { StoreProvider } from '../store/port.js';
import { purgeExpired } from '../records/recycle-bin/index.js';
import { purgeChangesBefore } from '../records/changes/index.js';
import { purgeAuditBefore } from '../audit/purge-audit.js';
import { operationContext } from '../context/operation-context.js';
import { SYSTEM_PRINCIPAL } from '../context/principal.js';
import type { Tenant } from '../context/index.js';
import { openTenant } from './open-tenant.js';
import { activateInstalledPacks, DEFAULT_PACKS_DIR } from '../packs/index.js';
import { checkTenantName } from './tenant-name.js';
import { TenantRegistry, type TenantEntry } from './tenant-registry.js';
import { UnknownTenantError } from './unknown-tenant-error.js';
import { msg } from '../i18n/message.js';
import type { MasterKey } from '../crypto/index.js';
import { unsealedStore } from '../records/encryption/index.js';

export const DEFAULT_TENANT = 'default';

/** The tenants of one engine process, opened on first use over one store provider. */
export class Platform {
  private readonly tenants = new Map<string, Promise<Tenant>>();
  private registry: Promise<TenantRegistry> | undefined;

  /**
   * `masterKey`: wraps each tenant's data keys (encrypted fields, metadata secrets);
   * `webhookAllowlist`: the internal hosts the operator opened to webhooks (none by default);
   * `packsDir`: the folder of packs admins may install, whose code runs where they are installed.
   */
  constructor(
    readonly provider: StoreProvider,
    readonly masterKey: MasterKey,
    readonly webhookAllowlist: WebhookAllowlist = new WebhookAllowlist(),
    readonly packsDir: string = DEFAULT_PACKS_DIR,
  ) {}

  private tenantRegistry(): Promise<TenantRegistry> {
    if (!this.registry) {
      this.registry = TenantRegistry.open(this.provider, DEFAULT_TENANT);
      this.registry.catch(() => (this.registry = undefined));
    }
    return this.registry;
  }

  /**
   * A tenant that exists (the default one, or one an operator created), opened on first use. Any
   * other name is refused before a store is opened for it: a request naming a tenant cannot bring
   * one into being, and the map of open tenants holds only real ones.
   */
  async tenant(name: string = DEFAULT_TENANT): Promise<Tenant> {
    checkTenantName(name, '/tenant');
    const open = this.tenants.get(name);
    if (open) return open;
    if (!(await (await this.tenantRegistry()).has(name))) throw new UnknownTenantError(name);
    // Another request may have opened it while the registry answered: one Tenant per name.
    let tenant = this.tenants.get(name);
    if (!tenant) {
      tenant = this.provider.open(name).then(async (store) => {
        const opened = await openTenant(name, store, this.masterKey, this.webhookAllowlist);
        // The code of the packs installed there: hooks on its writes, routes and jobs.
        await activateInstalledPacks(opened, this.packsDir);
        return opened;
      });
      this.tenants.set(name, tenant);
      tenant.catch(() => this.tenants.delete(name));
    }
    return tenant;
  }

  /** Adds a tenant to the registry and opens it; 409 when the name is taken. A tenant that fails to open is not kept. */
  async registerTenant(name: string): Promise<Tenant> {
    checkTenantName(name, '/name');
    const registry = await this.tenantRegistry();
    if (!(await registry.add(name))) {
      throw new ConflictError('already_exists', msg`There is already a tenant named '${name}'.`, [{ path: '/name', message: msg`is taken by another tenant` }]);
    }
    try {
      return await this.tenant(name);
    } catch (error) {
      await registry.remove(name);
      throw error;
    }
  }

  /** Takes a tenant out of the registry (a creation that failed half-way); its store, if any, stays on disk. */
  async unregisterTenant(name: string): Promise<void> {
    await (await this.tenantRegistry()).remove(name);
    this.tenants.delete(name);
  }

  /** Every tenant, by name. */
  async listTenants(): Promise<TenantEntry[]> {
    return (await this.tenantRegistry()).list();
  }

  /** The tenants opened so far in this process (those that failed to open left out). */
  async openTenants(): Promise<Tenant[]> {
    const settled = await Promise.allSettled(this.tenants.values());
    return settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  }

  /** Picks up metadata changes and data key rotations other engine instances made (only needed with a shared store). */
  async refreshAll(): Promise<void> {
    for (const opened of this.tenants.values()) {
      const tenant = await opened;
      await tenant.metadata.refresh();
      // A rotation started on another instance: its new key seals values this one must open.
      await tenant.keys.reload(unsealedStore(tenant.store));
    }
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

  /** Removes, in every open tenant, the audit entries older than `days` days. */
  async purgeAuditLogs(days: number): Promise<number> {
    const cutoff = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
    let purged = 0;
    for (const tenant of this.tenants.values()) purged += await purgeAuditBefore((await tenant).store, cutoff);
    return purged;
  }

  /** Removes, in every open tenant, the change feed's entries older than `days` days. */
  async purgeChangeFeeds(days: number): Promise<number> {
    const cutoff = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
    let purged = 0;
    for (const tenant of await this.openTenants()) purged += await purgeChangesBefore(tenant.store, cutoff);
    return purged;
  }

  async close(): Promise<void> {
    await this.provider.close();
  }
}
