import { appendAudit } from '../audit/audit-log.js';
import type { OperationContext } from '../context/index.js';
import { ConflictError, NotFoundError } from '../errors/index.js';
import { byCount, msg } from '../i18n/message.js';
import type { MetadataChange } from '../metadata/metadata-registry.js';
import type { Snapshot } from '../metadata/snapshot.js';
import type { Collections } from '../store/port.js';
import { storedDefinition } from '../metadata/stored-definition.js';
import { checkSetupRight } from '../security/object-access.js';
import { definitionChange, objectDeletion, servedKind } from '../setup/operations/index.js';
import { kindsWith } from './pack-kinds.js';
import { INSTALLED_PACKS, installedPack, installedPacks, type InstalledPack } from './installed-packs.js';
import { inPackOrder, itemKey, type PackItem } from './pack-items.js';
import { deactivatePack, packJobKeys } from './active-packs.js';
import { cancelJobs } from '../jobs/index.js';
import { tenantActionUses } from './tenant-action-uses.js';
import { releaseAssignments } from './release-assignments.js';
import { writeUnit } from '../records/write-pipeline/index.js';

export interface PackUninstall {
  /** The definitions removed, by key (`object:work_order`). */
  readonly removed: readonly string[];
  readonly version: number;
}

/**
 * Removes what a pack installed and the tenant still has (customised or not), in one metadata
 * version, and forgets the pack, with the kinds it adds. Refused (409, nothing changed) while
 * another installed pack requires it, while the tenant's own definitions still use what it would
 * remove, and, unless `force`, while its objects hold records or its kinds hold definitions the
 * tenant made (the admin exported them first, or wants them gone) or the tenant's own processes
 * and rules use its actions. With force, users holding its roles and permission sets let go of them.
 */
export async function uninstallPack(ctx: OperationContext, name: string, options: { force: boolean }): Promise<PackUninstall> {
  checkSetupRight(ctx);
  const installed = await installedPack(ctx.tenant.store, name);
  if (!installed) throw new NotFoundError(msg`Pack '${name}' is not installed in this tenant.`);
  const dependents = (await installedPacks(ctx.tenant.store)).filter((pack) => pack._id !== name && requires(pack, name));
  if (dependents.length > 0) {
    throw new ConflictError('pack_required', msg`Packs ${dependents.map((pack) => pack._id).join(', ')} need pack '${name}': uninstall them first.`);
  }
  let removed: PackItem[] = [];
  const after = await ctx.tenant.metadata.applyAll((current) => {
    const shipped = installed.items.filter((item) => storedDefinition(current, item.kind, item.name) !== undefined);
    const own = tenantDefinitionsOfKinds(current, name, shipped);
    if (!options.force) {
      refuseUsedActions(current, name, shipped);
      refuseOwnDefinitions(name, own);
    }
    removed = inPackOrder([...shipped, ...own]);
    const items = removed;
    return {
      changes: deletions(ctx, current, removed, options.force),
      // Forced: the users holding the pack's roles and permission sets let go of them first (user records, through the write path).
      ...(options.force ? { before: (tx: Collections) => releaseAssignments(tx, { ...ctx, snapshot: current }, items), unitOfWork: writeUnit } : {}),
      packKinds: kindsWith(current.packKinds.kinds, name, new Map()),
      async alongside(tx, version) {
        await tx.collection<InstalledPack>(INSTALLED_PACKS).deleteOne({ _id: name });
        await cancelJobs(tx, { keyPrefix: packJobKeys(name) });
        await appendAudit(tx, { actor: ctx.principal.userId, action: 'metadata.pack.uninstall', object: `pack:${name}`, version });
      },
    };
  }).catch(async (error: unknown) => {
    throw await explainRecords(ctx, error, installed);
  });
  deactivatePack(ctx.tenant, name);
  return { removed: removed.map((item) => itemKey(item.kind, item.name)), version: after.version };
}

/**
 * What builds on an object goes before it; an object's shared list views go with it. Groups go
 * last: their queues may own the objects' records, which a forced uninstall deletes first.
 */
function deletions(ctx: OperationContext, current: Snapshot, items: readonly PackItem[], force: boolean): MetadataChange[] {
  const objects = new Set(items.filter((item) => item.kind === 'object').map((item) => item.name));
  const others = items.filter((item) => item.kind !== 'object' && !(item.kind === 'listView' && objects.has((item.definition as { object: string }).object)));
  const deletion = (item: PackItem) => {
    const spec = servedKind(current, item.kind)!;
    return definitionChange(ctx, spec, 'delete', item.name, null, spec.find(current, item.name) ?? null);
  };
  return [
    ...others.filter((item) => item.kind !== 'group').reverse().map(deletion),
    ...[...objects].map((object) => objectDeletion(ctx, current, object, { deleteRecords: force })),
    ...others.filter((item) => item.kind === 'group').reverse().map(deletion),
  ];
}

/**
 * The tenant's processes and rules that stay (the pack's own go with it) must not name the pack's
 * actions: they would fail at every run. Forcing leaves them to fail, each with a message naming the action.
 */
function refuseUsedActions(current: Snapshot, name: string, removed: readonly PackItem[]): void {
  const going = new Set(removed.map((item) => itemKey(item.kind, item.name)));
  const uses = tenantActionUses(current, name).filter((use) => !going.has(use.key));
  if (uses.length === 0) return;
  const users = [...new Set(uses.map((use) => use.key))].join(', ');
  throw new ConflictError(
    'pack_action_in_use',
    msg`The tenant's ${users} use actions of pack '${name}'. Change them first, or uninstall with force (they will then fail when they run).`,
    uses.map((use) => ({ path: `/${use.key}${use.path}`, message: msg`uses action '${use.use.action}' of pack '${name}'` })),
  );
}

/** The definitions of the pack's kinds that it did not ship: the tenant's own, which go with the kind. */
function tenantDefinitionsOfKinds(current: Snapshot, name: string, shipped: readonly PackItem[]): PackItem[] {
  const ofPack = new Set(shipped.map((item) => itemKey(item.kind, item.name)));
  return current.packKinds
    .all()
    .filter((kind) => kind.pack === name)
    .flatMap((kind) => kind.list(current).map((definition) => ({ kind: kind.kind, name: definition.name, definition })))
    .filter((item) => !ofPack.has(itemKey(item.kind, item.name)));
}

/** Definitions of a kind are the tenant's data in it, as records are an object's: they go only when the admin says so. */
function refuseOwnDefinitions(name: string, own: readonly PackItem[]): void {
  if (own.length === 0) return;
  const keys = own.map((item) => itemKey(item.kind, item.name));
  throw new ConflictError(
    'pack_kind_in_use',
    msg`Pack '${name}' adds kinds of metadata that hold definitions of the tenant: ${keys.join(', ')}. Export them first (an export with these items), or uninstall with force to delete them with the pack.`,
    keys.map((key) => ({ path: `/${key}`, message: msg`would be deleted with the kind` })),
  );
}

function requires(pack: InstalledPack, name: string): boolean {
  return pack.requires?.[name] !== undefined;
}

/**
 * An object that holds records answers in the pack's terms: every object of the pack that holds
 * some, with its count (the deletion stops at the first), so that the admin knows what to export
 * before forcing, and the force that removes them.
 */
async function explainRecords(ctx: OperationContext, error: unknown, installed: InstalledPack): Promise<unknown> {
  if (!(error instanceof ConflictError) || error.code !== 'object_has_records') return error;
  const counts: { object: string; count: number }[] = [];
  for (const item of installed.items.filter((candidate) => candidate.kind === 'object')) {
    const compiled = ctx.tenant.metadata.snapshot.object(item.name);
    const count = compiled ? await ctx.tenant.store.collection(compiled.collection).count({}) : 0;
    if (count > 0) counts.push({ object: item.name, count });
  }
  const name = installed._id;
  return new ConflictError(
    'pack_has_records',
    msg`Pack '${name}' has objects that hold records: ${counts.map((entry) => entry.object).join(', ')}. Export them first, or uninstall with force to delete them with the pack.`,
    [
      ...counts.map(({ object, count }) => ({ path: `/objects/${object}`, message: byCount(count, msg`holds 1 record`, msg`holds ${count} records`) })),
      { path: '/force', message: error.text },
    ],
  );
}
