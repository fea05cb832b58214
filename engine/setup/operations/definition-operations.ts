import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors/index.js';
import { maskWebhookSecrets, refuseUnsafeWebhookUrls, restoreWebhookSecrets } from '../../mail/index.js';
import { visibleSnapshot } from '../../security/access/visible-metadata.js';
import { checkSetupRight, checkSystemRight, hasSystemRight } from '../../security/object-access.js';
import { unknownName } from '../../metadata/query/unknown-name.js';
import type { OperationContext } from '../../context/index.js';
import { checkDefinition, type DefinitionOf } from '../../metadata/definition-validator.js';
import { isMetadataKind } from '../../metadata/kinds/index.js';
import type { MetadataChange } from '../../metadata/metadata-registry.js';
import { checkPackDefinition, type PackKind } from '../../metadata/pack-kinds/index.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import { applyChange } from './apply-change.js';
import { servedKind, type CrudKind, type DefinitionFor, type ServedKind, type StandaloneKind } from './definition-kinds.js';
import { withWarnings, type DefinitionResponse } from './object-operations.js';
import { msg, type Message } from '../../i18n/message.js';
import { packActionProblems, tenantActions, type ActionCatalogue } from '../../actions/index.js';

/**
 * One CRUD for every kind defined on its own by name (layouts, roles, groups, permission sets,
 * sharing rules, and the kinds the tenant's packs add). Each write checks the setup right before it reads the body, is checked against
 * its kind's schema (400), then compiled with everything else under the registry's lock: problems
 * it causes elsewhere are 409, and records still naming a removed name refuse it inside the unit of work.
 */
export function listDefinitions(ctx: OperationContext, kind: CrudKind, filter: { object?: string } = {}): unknown[] {
  const spec = specOf(ctx.snapshot, kind);
  if (filter.object !== undefined && spec.ofObject && !visibleSnapshot(ctx.snapshot, ctx.principal).object(filter.object)) {
    // Unknown, or not the user's to know of: the hint comes from the objects they may know of.
    throw new ValidationError([unknownName('object', filter.object, msg`an object`, visibleSnapshot(ctx.snapshot, ctx.principal).objects.keys())]);
  }
  const all = filter.object !== undefined && spec.ofObject ? spec.ofObject.list(ctx.snapshot, filter.object) : spec.list(ctx.snapshot);
  return readable(ctx, spec, all);
}

/** One definition as this user may read it: 404 when it does not exist or is not theirs to know of. */
export function getDefinition(ctx: OperationContext, kind: CrudKind, name: string): unknown {
  const spec = specOf(ctx.snapshot, kind);
  const [shown] = readable(ctx, spec, [existing(spec, ctx.snapshot, name)]);
  if (shown === undefined) throw notFound(spec, name);
  return shown;
}

/** A whole definition, for the tools of the setup (the machine of a process): administrators only. */
export function getSetupDefinition<K extends StandaloneKind>(ctx: OperationContext, kind: K, name: string): DefinitionOf[K] {
  const spec = specOf(ctx.snapshot, kind);
  checkSystemRight(ctx, 'manageMetadata', readRefusal(spec));
  return existing(spec, ctx.snapshot, name) as DefinitionOf[K];
}

/**
 * What of some definitions of a kind a user may read. Administrators (manage metadata) and holders
 * of the kind's read rights get them whole; other users what the kind's `forUser` gives them, or a
 * 403 for kinds that are setup only. Secrets are masked for everyone, administrators included.
 */
function readable(ctx: OperationContext, spec: ServedKind, definitions: readonly { readonly name: string }[]): unknown[] {
  if (hasSystemRight(ctx, 'manageMetadata') || spec.api.readRights?.some((right) => hasSystemRight(ctx, right))) return definitions.map(maskWebhookSecrets);
  const forUser = spec.forUser;
  if (!forUser) throw new ForbiddenError(readRefusal(spec));
  const view = { full: ctx.snapshot, visible: visibleSnapshot(ctx.snapshot, ctx.principal), principal: ctx.principal };
  return definitions.map((definition) => forUser(definition, view)).filter((shown) => shown !== undefined);
}

function readRefusal(spec: ServedKind): Message {
  return msg`Only users who may manage metadata (administrators) can read ${spec.noun} definitions.`;
}

export async function createDefinition<K extends CrudKind>(ctx: OperationContext, kind: K, body: unknown): Promise<DefinitionResponse<DefinitionFor<K>>> {
  checkSetupRight(ctx);
  const spec = specOf(ctx.snapshot, kind);
  restoreWebhookSecrets(body, null);
  const generated = spec.writeOnly?.(ctx, body, null);
  const definition = parseDefinition(ctx, kind, body);
  const after = await applyChange(ctx, (current) => {
    refuseTaken(spec, current, definition.name);
    return definitionChange(ctx, spec, 'create', definition.name, definition);
  });
  // The one answer that shows a secret the server generated: no read returns it again.
  const shown = maskWebhookSecrets(spec.find(after, definition.name)! as DefinitionFor<K>);
  return withWarnings(ctx, after, { definition: generated === undefined ? shown : { ...shown, secret: generated }, version: after.version });
}

/** PUT: the whole new definition; a different name renames it, unless something still names the old one. */
export async function replaceDefinition<K extends CrudKind>(ctx: OperationContext, kind: K, name: string, body: unknown): Promise<DefinitionResponse<DefinitionFor<K>>> {
  checkSetupRight(ctx);
  const spec = specOf(ctx.snapshot, kind);
  restoreWebhookSecrets(body, spec.find(ctx.snapshot, name) ?? null);
  spec.writeOnly?.(ctx, body, spec.find(ctx.snapshot, name) ?? null);
  const definition = parseDefinition(ctx, kind, body);
  const after = await applyChange(ctx, (current) => {
    const previous = existing(spec, current, name);
    if (definition.name !== name) refuseTaken(spec, current, definition.name);
    return definitionChange(ctx, spec, 'update', name, definition, previous);
  });
  return withWarnings(ctx, after, { definition: maskWebhookSecrets(spec.find(after, definition.name)! as DefinitionFor<K>), version: after.version });
}

export async function deleteDefinition(ctx: OperationContext, kind: CrudKind, name: string): Promise<{ version: number }> {
  checkSetupRight(ctx);
  const spec = specOf(ctx.snapshot, kind);
  const after = await applyChange(ctx, (current) => {
    return definitionChange(ctx, spec, 'delete', name, null, existing(spec, current, name));
  });
  return { version: after.version };
}

/** The kind as the tenant has it: 404 for a name that is none of its kinds (a pack's kind where the pack is not installed). */
function specOf(snapshot: Snapshot, kind: string): ServedKind {
  const spec = servedKind(snapshot, kind);
  if (!spec) throw new NotFoundError(msg`There is no kind of metadata named '${kind}' in this tenant.`);
  return spec;
}

/** The metadata change of one definition of a kind defined on its own, with its kind's guards (the API's writes, a pack's install). */
export function definitionChange(
  ctx: OperationContext,
  spec: ServedKind,
  verb: 'create' | 'update' | 'delete',
  name: string,
  next: { readonly name: string } | null,
  previous: { readonly name: string } | null = null,
): MetadataChange {
  spec.protect?.(name, next);
  const removal = next === null ? 'delete' : next.name !== name ? 'rename' : undefined;
  const { release, grants } = spec;
  const guarded = next !== null && grants !== undefined;
  return {
    kind: spec.kind,
    action: `${spec.kind}.${verb}`,
    name,
    next: next as MetadataChange['next'],
    by: ctx.principal.userId,
    ...spec.afterChange?.([previous, next]),
    ...((removal && release) || guarded
      ? {
          migrate: async (tx, before, after) => {
            if (next !== null) grants?.(ctx, before, after, next);
            if (removal && release) await release(tx, before, name, removal);
          },
        }
      : {}),
  };
}

function existing(spec: ServedKind, snapshot: Snapshot, name: string): { readonly name: string } {
  const definition = spec.find(snapshot, name);
  if (!definition) throw notFound(spec, name);
  return definition;
}

function notFound(spec: ServedKind, name: string): NotFoundError {
  return new NotFoundError(msg`There is no ${spec.noun} named '${name}'.`);
}

function refuseTaken(spec: ServedKind, snapshot: Snapshot, name: string): void {
  if (spec.find(snapshot, name)) {
    throw new ConflictError('already_exists', msg`A ${spec.noun} named '${name}' already exists.`, [{ path: '/name', message: msg`is taken` }]);
  }
}

/**
 * The kind's schema, then the webhook URLs of processes and rules: one written as an IP address
 * inside the network is refused now; host names are checked again at every call, after they resolve.
 * A pack's kind is looked up in `packKinds` (the tenant's, or those an install leaves).
 * Last, the pack actions they name must be offered by a pack installed in the tenant (`actions`: as
 * they are now, or as an install would leave them) and their params pass the action's schema.
 */
export function parseDefinition<K extends CrudKind>(
  ctx: OperationContext,
  kind: K,
  body: unknown,
  actions: ActionCatalogue = tenantActions(ctx.tenant),
  packKinds: ReadonlyMap<string, PackKind> = ctx.snapshot.packKinds.kinds,
): DefinitionFor<K> {
  const packKind = packKinds.get(kind);
  if (!isMetadataKind(kind) && !packKind) throw new NotFoundError(msg`There is no kind of metadata named '${kind}' in this tenant.`);
  const checked = packKind ? checkPackDefinition(packKind, body) : checkDefinition(kind as StandaloneKind, body);
  if (!checked.ok) throw new ValidationError(checked.problems);
  refuseUnsafeWebhookUrls(checked.definition, ctx.tenant.webhookAllowlist);
  servedKind(ctx.snapshot, kind)?.check?.(ctx, checked.definition);
  const problems = packActionProblems(checked.definition, actions);
  if (problems.length > 0) throw new ValidationError(problems);
  return checked.definition as DefinitionFor<K>;
}
