import { performance } from 'node:perf_hooks';
import type { Tenant } from '../context/index.js';
import { operationContext } from '../context/operation-context.js';
import { principalOf } from '../context/principal.js';
import { isEngineError, type ErrorDetail } from '../errors/index.js';
import { renderText } from '../i18n/message.js';
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
  const { ordered, circular } = installOrder(await usablePacks(packsDir, skip));
  for (const name of circular) skip(name, 'it requires packs that require each other in a circle');
  const admin = principalOf((await tenant.store.collection(tenant.metadata.snapshot.object('user')!.collection).findOne({ _id: adminId }))!);
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
      // A context per pack: each install starts from the metadata the one before it made.
      const { plan } = await installPack(operationContext(tenant, admin, 'system'), pack, {}, { demoData: true });
      const records = Object.values(plan.demoData ?? {}).reduce((sum, count) => sum + count, 0);
      installed.push({ name, version, records });
      log.info({ pack: name, version, records, demoData: plan.demoData, ms: Math.round(performance.now() - packStarted) }, `demo: pack '${name}' ${version} installed`);
    } catch (error) {
      skip(name, `its install was refused: ${why(error)}`);
    }
  }
  const users = await giveDemoUsersPasswords(tenant, adminId);
  const ms = Math.round(performance.now() - started);
  log.info({ packs: installed.map((pack) => pack.name), skipped: skipped.map((pack) => pack.name), users: users.length, ms }, 'demo: the demo tenant is ready');
  return { installed, skipped, users, ms };
}

/** The packs of the packs folder read with their code; those whose files cannot be used are skipped. */
async function usablePacks(packsDir: string, skip: (name: string, reason: string) => void): Promise<Pack[]> {
  const packs: Pack[] = [];
  for (const found of await availablePacks(packsDir)) {
    if (found.problems) {
      skip(found.name, `its files cannot be used: ${firstProblem(found.problems)}`);
      continue;
    }
    try {
      packs.push(await availablePack(packsDir, found.name));
    } catch (error) {
      skip(found.name, `its files cannot be used: ${why(error)}`);
    }
  }
  return packs;
}

/** An error as one line for the operator: its message, and its first detail where it has some. */
function why(error: unknown): string {
  if (!isEngineError(error)) return error instanceof Error ? error.message : String(error);
  return error.details.length > 0 ? `${error.message} ${firstProblem(error.details)}` : error.message;
}

function firstProblem(problems: readonly ErrorDetail[]): string {
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return `${problems[0]!.path}: ${renderText(problems[0]!.message, 'en')}${more}`;
}
