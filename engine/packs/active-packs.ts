import { compilePackActions, offerPackActions, withdrawPackActions } from '../actions/index.js';
import { operationContext, SYSTEM_PRINCIPAL, type Tenant } from '../context/index.js';
import { cancelJobs, enqueueJob, registerJobHandler } from '../jobs/index.js';
import { tenantWriteHooks } from '../records/write-pipeline/index.js';
import type { Collections } from '../store/port.js';
import { installedPacks } from './installed-packs.js';
import { loadPackCode } from './load-pack-code.js';
import { packFolder } from './pack-folders.js';
import type { PackCode } from './pack-code.js';
import { kindsWith, packKindsOf } from './pack-kinds.js';
import type { PackKind } from '../metadata/pack-kinds/index.js';
import { log } from '../observability/index.js';

/** The code of the packs installed in each open tenant, by pack name. */
const active = new WeakMap<Tenant, Map<string, PackCode>>();

/** The code of a pack installed in the tenant, if it has any. */
export function activePack(tenant: Tenant, name: string): PackCode | undefined {
  return active.get(tenant)?.get(name);
}

/** The job kind of a pack's job: `pack.<pack>.<job>`. */
export function packJobKind(pack: string, job: string): string {
  return `pack.${pack}.${job}`;
}

/** The keys of a pack's jobs in a tenant start with this: an upgrade or an uninstall cancels them by it. */
export function packJobKeys(pack: string): string {
  return `pack:${pack}:`;
}

/** One run of a pack's recurring job: a key of its own (a run still leased would answer for a shared key), under the pack's prefix. */
function nextRun(name: string, job: string, everyMinutes: number) {
  const dueAt = new Date(Date.now() + everyMinutes * 60_000);
  return { kind: packJobKind(name, job), dueAt, payload: {}, key: `${packJobKeys(name)}${job}:${dueAt.toISOString()}` };
}

const hookKey = (pack: string, hook: string) => `pack:${pack}:${hook}`;

/**
 * Puts a pack's code to work in one tenant: its hooks on the tenant's write path, its actions
 * offered to processes and rules, its routes and jobs answered there. Replaces what an earlier version of the pack had put (an upgrade).
 */
export function activatePack(tenant: Tenant, name: string, code: PackCode | undefined): void {
  // Compiled first: actions a tenant cannot use leave the pack's earlier code in place.
  const actions = compilePackActions(name, code?.actions);
  deactivatePack(tenant, name);
  if (!code) return;
  offerPackActions(tenant, name, actions);
  let packs = active.get(tenant);
  if (!packs) active.set(tenant, (packs = new Map()));
  packs.set(name, code);
  const hooks = tenantWriteHooks(tenant);
  for (const hook of code.hooks ?? []) hooks.on(hook.stage, hookKey(name, hook.name), hook.run as never, hook.objects ? { objects: hook.objects } : {});
  for (const job of Object.keys(code.jobs ?? {})) registerJobHandler(packJobKind(name, job), (jobTenant, doc) => runPackJob(jobTenant, name, job, doc.payload));
}

/** Takes a pack's code out of a tenant (an uninstall, or before an upgrade puts the new code). */
export function deactivatePack(tenant: Tenant, name: string): void {
  withdrawPackActions(tenant, name);
  const code = active.get(tenant)?.get(name);
  if (!code) return;
  const hooks = tenantWriteHooks(tenant);
  for (const hook of code.hooks ?? []) hooks.off(hookKey(name, hook.name));
  active.get(tenant)!.delete(name);
}

/**
 * At a tenant's opening: the code of every pack installed there, from the packs folder, and the
 * kinds they add, whose definitions the tenant's metadata then holds.
 */
export async function activateInstalledPacks(tenant: Tenant, packsDir: string): Promise<void> {
  let kinds: ReadonlyMap<string, PackKind> = new Map();
  for (const pack of await installedPacks(tenant.store)) {
    try {
      // A pack sent whole over the API has no folder, and no code.
      const folder = packFolder(packsDir, pack._id);
      const code = folder ? await loadPackCode(folder) : undefined;
      const added = kindsWith(kinds, pack._id, packKindsOf(pack._id, code));
      activatePack(tenant, pack._id, code);
      kinds = added;
    } catch (error) {
      // One broken pack must not keep the tenant closed: its metadata stays, its code (and the definitions of its kinds) waits for a fix.
      log.error({ err: error, tenant: tenant.name }, `packs: the code of pack '${pack._id}' could not be loaded in tenant '${tenant.name}'`);
    }
  }
  if (kinds.size > 0) await tenant.metadata.usePackKinds(kinds);
}

/** Schedules the first run of each recurring job of a pack (an upgrade's replace the earlier version's), in the install's unit of work. */
export async function scheduleRecurringJobs(tx: Collections, name: string, code: PackCode | undefined): Promise<void> {
  await cancelJobs(tx, { keyPrefix: packJobKeys(name) });
  for (const [job, spec] of Object.entries(code?.jobs ?? {})) {
    if (spec.everyMinutes) await enqueueJob(tx, nextRun(name, job, spec.everyMinutes));
  }
}

/**
 * A pack's job in one tenant: nothing where the pack is not installed (a job left from before an
 * uninstall); a recurring one schedules its next run once it ran.
 */
async function runPackJob(tenant: Tenant, name: string, job: string, payload: Readonly<Record<string, unknown>>): Promise<void> {
  const spec = activePack(tenant, name)?.jobs?.[job];
  if (!spec) return;
  await spec.run(operationContext(tenant, SYSTEM_PRINCIPAL, 'plugin'), payload);
  const every = spec.everyMinutes;
  if (every) await tenant.store.unitOfWork((tx) => enqueueJob(tx, nextRun(name, job, every)));
}
