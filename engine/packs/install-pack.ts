import semver from 'semver';
import { appendAudit } from '../audit/audit-log.js';
import type { OperationContext } from '../context/index.js';
import { ConflictError, ValidationError, type ErrorDetail } from '../errors/index.js';
import { msg, renderText } from '../i18n/message.js';
import { catalogueWith, compilePackActions, tenantActions, withInstallActions, type ActionCatalogue } from '../actions/index.js';
import { actionUseProblems } from './action-use-problems.js';
import { checkDefinition } from '../metadata/definition-validator.js';
import type { PackKind } from '../metadata/pack-kinds/index.js';
import type { MetadataBatch, MetadataChange } from '../metadata/metadata-registry.js';
import type { Snapshot } from '../metadata/snapshot.js';
import { storedDefinition } from '../metadata/stored-definition.js';
import type { ObjectDefinition } from '../schemas/generated/object.js';
import { checkSetupRight } from '../security/object-access.js';
import { DEFINITION_KINDS, definitionChange, objectChange, objectCreation, parseDefinition, type StandaloneKind } from '../setup/operations/index.js';
import { kindsWith, packKindsOf } from './pack-kinds.js';
import { INSTALLED_PACKS, installedPack, installedPacks, type InstalledPack } from './installed-packs.js';
import { itemKey } from './pack-items.js';
import { planPack, type PackPlan, type PlannedItem, type Resolutions } from './plan-pack.js';
import { PLATFORM_VERSION } from './platform-version.js';
import type { Pack } from './read-pack.js';
import { activatePack, scheduleRecurringJobs } from './active-packs.js';
import type { Collections } from '../store/port.js';
import { writeUnit } from '../records/write-pipeline/index.js';
import { demoRecordsToCreate } from './demo-data-order.js';
import { demoDataCounts, installDemoData } from './install-demo-data.js';
import { demoDataOf } from './generated-demo-data.js';
import { requiredDemoKeys } from './required-demo-keys.js';

/** What installing or upgrading a pack did: its plan, and the metadata version it made. */
export interface PackInstall {
  readonly plan: PackPlan;
  readonly version: number;
}

/** What the admin chose beside the resolutions. */
export interface InstallOptions {
  /** Refuse (409 `pack_not_installed`) unless the pack is installed already: `npx crm pack upgrade`. */
  readonly upgrade?: boolean;
  /** Create the pack's demo records too. */
  readonly demoData?: boolean;
}

/**
 * The dry run: what installing (or upgrading to) this pack would do in the tenant, item by item,
 * with its conflicts; every definition it would write is checked as the install checks it (its
 * schema, then the whole metadata compiled with it), so a plan without problems installs. Writes nothing.
 */
export async function planInstall(ctx: OperationContext, pack: Pack, resolutions: Resolutions = {}, options: InstallOptions = {}): Promise<PackPlan> {
  checkSetupRight(ctx);
  const installed = await installedPack(ctx.tenant.store, pack.manifest.name);
  await checkRequirements(ctx, pack, installed);
  const plan = planPack((kind, name) => storedDefinition(ctx.snapshot, kind, name), installed, pack, resolutions);
  const actions = actionsAfter(ctx, pack);
  const packKinds = kindsAfter(ctx.snapshot, pack);
  // Listed with the conflicts too: what else stands in the install's way.
  const problems = actionUseProblems(ctx.snapshot, plan, actions);
  const checked = problems.length > 0 ? { ...plan, problems: problems.map((problem) => ({ path: problem.path, message: renderText(problem.message, ctx.language) })) } : plan;
  if (plan.conflicts > 0) return checked;
  const after = ctx.tenant.metadata.previewAll((current) => ({ changes: changesOf(ctx, current, plan, actions, packKinds), packKinds }));
  // The demo records the install would create, checked against the metadata it would make.
  const data = options.demoData ? demoDataOf(pack) : undefined;
  if (!data) return checked;
  const required = await requiredDemoKeys(ctx.tenant.store, pack.manifest.requires?.packs);
  return { ...checked, demoData: demoDataCounts(demoRecordsToCreate(after, data, installed?.demoData ?? {}, required)) };
}

/**
 * Installs or upgrades a pack, all or nothing: every definition it creates or changes lands in one
 * metadata version with the record of the install (the pack's definitions as this version ships
 * them, the base of the next upgrade's merge). Refused (409, nothing changed) while a conflict is
 * unresolved, for an older version than the one installed, or when a required pack or platform
 * version is missing; with `upgrade`, also when the pack is not installed yet. The plan is made
 * again under the registry's lock, from the metadata it changes.
 */
export async function installPack(ctx: OperationContext, pack: Pack, resolutions: Resolutions = {}, options: InstallOptions = {}): Promise<PackInstall> {
  checkSetupRight(ctx);
  const { name, version, label } = pack.manifest;
  const installed = await installedPack(ctx.tenant.store, name);
  // An upgrade asked for as such must find the pack installed; a race with a first install is caught below, by version.
  if (options.upgrade && !installed) throw new ConflictError('pack_not_installed', msg`Pack '${name}' is not installed in this tenant, so there is nothing to upgrade: install it first.`);
  await checkRequirements(ctx, pack, installed);
  let plan: PackPlan | undefined;
  const demoData = options.demoData ? demoDataOf(pack) : undefined;
  const after = await ctx.tenant.metadata.applyAll((current): MetadataBatch => {
    plan = planPack((kind, itemName) => storedDefinition(current, kind, itemName), installed, pack, resolutions);
    if (plan.conflicts > 0) throw conflictsError(plan);
    const actions = actionsAfter(ctx, pack);
    const problems = actionUseProblems(current, plan, actions);
    if (problems.length > 0) {
      throw new ConflictError('pack_action_in_use', msg`Pack '${name}' ${version} would break the tenant's processes or rules that use its actions; change them first.`, problems);
    }
    const packKinds = kindsAfter(current, pack);
    return {
      changes: changesOf(ctx, current, plan, actions, packKinds),
      packKinds,
      // An upgrade runs the pack's migrations it has not run yet, first: the new metadata's checks then meet migrated data.
      before: installed ? (tx) => runMigrations(tx, ctx, pack, installed) : undefined,
      // Demo records are written in the unit: records' own unit, whose after-commit hooks run once it commits.
      unitOfWork: demoData ? writeUnit : undefined,
      async alongside(tx, metadataVersion, metadata) {
        // Installed in the meantime by another request: the plan's base is stale.
        const now = await installedPack(tx, name);
        if ((now?.version ?? null) !== (installed?.version ?? null)) throw new ConflictError('pack_changed', msg`Pack '${name}' was installed or upgraded meanwhile; plan again.`);
        // The processes and rules the records meet run the actions of the code this install brings.
        // A demo record may name the demo records of the packs this one requires (finance's orders, sales' accounts).
        const required = demoData ? await requiredDemoKeys(tx, pack.manifest.requires?.packs) : {};
        const demo = demoData
          ? await withInstallActions(metadata, actions, () => installDemoData(tx, { ...ctx, snapshot: metadata }, demoData, installed?.demoData ?? {}, required))
          : undefined;
        if (demo) plan = { ...plan!, demoData: demo.created };
        const demoKeys = demo?.keys ?? installed?.demoData;
        const record: InstalledPack = {
          _id: name,
          version,
          label,
          installedAt: new Date().toISOString(),
          installedBy: ctx.principal.userId,
          metadataVersion,
          requires: { ...pack.manifest.requires?.packs },
          items: [...pack.items],
          // A first install counts every migration as run: its data is new already.
          migrations: [...new Set([...(installed?.migrations ?? []), ...(pack.code?.migrations ?? []).map((migration) => migration.id)])],
          ...(demoKeys ? { demoData: demoKeys } : {}),
        };
        await tx.collection<InstalledPack>(INSTALLED_PACKS).deleteOne({ _id: name });
        await tx.collection<InstalledPack>(INSTALLED_PACKS).insertOne(record);
        await appendAudit(tx, { actor: ctx.principal.userId, action: installed ? 'metadata.pack.upgrade' : 'metadata.pack.install', object: `pack:${name}`, version: metadataVersion });
        await scheduleRecurringJobs(tx, name, pack.code);
      },
    };
  });
  activatePack(ctx.tenant, name, pack.code);
  return { plan: plan!, version: after.version };
}

/** The pack's migrations the tenant has not run, in the pack's order. */
async function runMigrations(tx: Collections, ctx: OperationContext, pack: Pack, installed: InstalledPack): Promise<void> {
  const done = new Set(installed.migrations ?? []);
  for (const migration of pack.code?.migrations ?? []) if (!done.has(migration.id)) await migration.run(tx, ctx);
}

/** The pack actions the tenant will offer once the pack's code replaced its earlier version's. */
function actionsAfter(ctx: OperationContext, pack: Pack): ActionCatalogue {
  return catalogueWith(tenantActions(ctx.tenant), pack.manifest.name, compilePackActions(pack.manifest.name, pack.code?.actions));
}

/**
 * The kinds of the tenant's packs once this pack's code replaced its earlier version's. A kind the
 * new version no longer adds must hold no definitions: they would be left without a kind (409).
 */
function kindsAfter(current: Snapshot, pack: Pack): ReadonlyMap<string, PackKind> {
  const { name, version } = pack.manifest;
  const after = kindsWith(current.packKinds.kinds, name, packKindsOf(name, pack.code));
  const dropped = current.packKinds.all().filter((kind) => kind.pack === name && !after.has(kind.kind) && kind.list(current).length > 0);
  if (dropped.length > 0) {
    throw new ConflictError(
      'pack_kind_in_use',
      msg`Pack '${name}' ${version} no longer adds the kinds ${dropped.map((kind) => kind.kind).join(', ')}, which still hold definitions here: delete them first (export them if they are to be kept).`,
      dropped.map((kind) => ({ path: `/kinds/${kind.kind}`, message: msg`holds ${kind.list(current).length} definition(s)` })),
    );
  }
  return after;
}

/** The metadata changes of a plan's creates and updates, each through its kind's own guards (the API's). */
function changesOf(ctx: OperationContext, current: Snapshot, plan: PackPlan, actions: ActionCatalogue, packKinds: ReadonlyMap<string, PackKind>): MetadataChange[] {
  const problems = plan.items.flatMap((item) => (item.next ? checkItem(ctx, item, actions, packKinds) : []));
  if (problems.length > 0) throw new ValidationError(problems, msg`Pack '${plan.pack}' would write definitions that are not valid.`);
  return plan.items.filter((item) => item.next !== undefined).map((item) => changeOf(ctx, current, item, item.next!, packKinds));
}

/** A merged definition is checked again against its schema: each side was valid, their merge need not be. */
function checkItem(ctx: OperationContext, item: PlannedItem, actions: ActionCatalogue, packKinds: ReadonlyMap<string, PackKind>): ErrorDetail[] {
  const problems = (): ErrorDetail[] => {
    if (item.kind === 'object') {
      const checked = checkDefinition('object', item.next);
      return checked.ok ? [] : checked.problems;
    }
    try {
      parseDefinition(ctx, item.kind, item.next, actions, packKinds);
      return [];
    } catch (error) {
      if (error instanceof ValidationError) return error.details;
      throw error;
    }
  };
  return problems().map((detail) => ({ path: `/${itemKey(item.kind, item.name)}${detail.path}`, message: detail.message }));
}

function changeOf(ctx: OperationContext, current: Snapshot, item: PlannedItem, next: NonNullable<PlannedItem['next']>, packKinds: ReadonlyMap<string, PackKind>): MetadataChange {
  if (item.kind === 'object') {
    return item.action === 'create' ? objectCreation(ctx, current, next as ObjectDefinition) : objectChange(ctx, current, 'object.update', item.name, { next: next as ObjectDefinition });
  }
  const spec = packKinds.get(item.kind) ?? DEFINITION_KINDS[item.kind as StandaloneKind];
  return definitionChange(ctx, spec, item.action === 'create' ? 'create' : 'update', item.name, next, item.current ?? null);
}

/** The platform version and the packs the manifest requires, and no downgrade. */
async function checkRequirements(ctx: OperationContext, pack: Pack, installed: InstalledPack | null): Promise<void> {
  const { name, version, requires } = pack.manifest;
  if (installed && semver.lt(version, installed.version)) {
    throw new ConflictError('pack_downgrade', msg`Pack '${name}' ${installed.version} is installed; version ${version} is older. Uninstall it first to go back.`);
  }
  if (requires?.platform && !semver.satisfies(PLATFORM_VERSION, requires.platform, { includePrerelease: true })) {
    throw new ConflictError('pack_requirement', msg`Pack '${name}' needs platform version ${requires.platform}; this platform is ${PLATFORM_VERSION}.`);
  }
  const present = new Map((await installedPacks(ctx.tenant.store)).map((pack) => [pack._id, pack.version]));
  const missing = Object.entries(requires?.packs ?? {}).filter(([needed, range]) => {
    const have = present.get(needed);
    return have === undefined || !semver.satisfies(have, range, { includePrerelease: true });
  });
  if (missing.length > 0) {
    const list = missing.map(([needed, range]) => `${needed} ${range}${present.has(needed) ? ` (${present.get(needed)} is installed)` : ''}`).join(', ');
    throw new ConflictError('pack_requirement', msg`Pack '${name}' needs these packs installed first: ${list}.`);
  }
}

function conflictsError(plan: PackPlan): ConflictError {
  const conflicted = plan.items.filter((item) => item.action === 'conflict');
  return new ConflictError(
    'pack_conflicts',
    msg`The tenant and pack '${plan.pack}' ${plan.to} changed the same parts differently in ${conflicted.length} definition(s); choose whose change wins for each, then install again.`,
    conflicted.flatMap((item) => item.conflicts!.map((conflict) => ({ path: `/${itemKey(item.kind, item.name)}${conflict.path}`, message: msg`changed by the tenant and by the pack` }))),
  );
}
