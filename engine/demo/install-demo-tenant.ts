import { performance } from 'node:perf_hooks';
import type { Tenant } from '../context/index.js';
import { operationContext } from '../context/operation-context.js';
import { principalOf } from '../context/principal.js';
import { log } from '../observability/index.js';
import { availablePack, availablePacks, installPack, type Pack } from '../packs/index.js';
import { giveDemoUsersPasswords } from './demo-users.js';
import type { DemoPack, DemoTenant, SkippedPack } from './demo-tenant.js';
import { installOrder } from './install-order.js';

/**
 * Makes a new tenant a demo: installs every pack of the packs folder with its demo data, each
 * after the packs it requires, as the tenant's first administrator (through the same install an
 * admin's request runs), then gives the demo users the packs created passwords to print once. A
 * pack that cannot be installed (broken files, a requirement missing or itself skipped, an install
 * refused) is skipped with a log line saying why, and the others go on: a demo with one pack short
 * is still a demo.
 */
export async function installDemoTenant(tenant: Tenant, packsDir: string, adminId: string): Promise<DemoTenant> {
  const started = performance.now();
  log.info({ packsDir }, 'demo: installing the packs of the packs folder with demo data');
  const skipped: SkippedPack[] = [];
  const skip = (name: string, reason: string) => {
    skipped.push({ name, reason });
    log.warn({ pack: name, reason }, `demo: pack '${name}' skipped: ${reason}`);
  };
  const packs: Pack[] = [];
  for (const found of await availablePacks(packsDir)) {
    if (found.problems) skip(found.name, `its files have ${found.problems.length} problem(s), first ${found.problems[0]!.path}`);
    else packs.push(await availablePack(packsDir, found.name));
  }
  const { ordered, circular } = installOrder(packs);
  for (const name of circular) skip(name, 'it requires packs that require it in turn');
  const installed: DemoPack[] = [];
  for (const pack of ordered) {
    const { name, version } = pack.manifest;
    const missing = Object.keys(pack.manifest.requires?.packs ?? {}).filter((needed) => !installed.some((done) => done.name === needed));
    if (missing.length > 0) {
      skip(name, `it requires ${missing.map((needed) => `'${needed}'`).join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not installed`);
      continue;
    }
    const packStarted = performance.now();
    try {
      const admin = await tenant.store.collection(tenant.metadata.snapshot.object('user')!.collection).findOne({ _id: adminId });
      const { plan } = await installPack(operationContext(tenant, principalOf(admin!), 'system'), pack, {}, { demoData: true });
      const records = Object.values(plan.demoData ?? {}).reduce((sum, count) => sum + count, 0);
      installed.push({ name, version, records });
      log.info({ pack: name, version, records, demoData: plan.demoData, ms: Math.round(performance.now() - packStarted) }, `demo: pack '${name}' ${version} installed`);
    } catch (error) {
      skip(name, `its install was refused: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const users = await giveDemoUsersPasswords(tenant, adminId);
  const ms = Math.round(performance.now() - started);
  log.info({ packs: installed.map((pack) => pack.name), skipped: skipped.map((pack) => pack.name), users: users.length, ms }, 'demo: the demo tenant is ready');
  return { installed, skipped, users, ms };
}
