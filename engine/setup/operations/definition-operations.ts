import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors/index.js';
import { maskWebhookSecrets, refuseUnsafeWebhookUrls, restoreWebhookSecrets } from '../../mail/index.js';
import { visibleSnapshot } from '../../security/access/visible-metadata.js';
import { checkSetupRight, checkSystemRight, hasSystemRight } from '../../security/object-access.js';
import { unknownName } from '../../metadata/query/unknown-name.js';
import type { OperationContext } from '../../context/index.js';
import { checkDefinition, type DefinitionOf } from '../../metadata/definition-validator.js';
import { kindOf } from '../../metadata/kinds/index.js';
import type { MetadataAction, MetadataChange } from '../../metadata/metadata-registry.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import { applyChange } from './apply-change.js';
import { DEFINITION_KINDS, type DefinitionKind, type StandaloneKind } from './definition-kinds.js';
import { withWarnings, type DefinitionResponse } from './object-operations.js';
import { msg, type Message } from '../../i18n/message.js';
import { packActionProblems, tenantActions, type ActionCatalogue } from '../../actions/index.js';

/**
 * One CRUD for every kind defined on its own by name (layouts, roles, groups, permission sets,
 * sharing rules). Each write checks the setup right before it reads the body, is checked against
 * its kind's schema (400), then compiled with everything else under the registry's lock: problems
 * it causes elsewhere are 409, and records still naming a removed name refuse it inside the unit of work.
 */
export function listDefinitions(ctx: OperationContext, kind: StandaloneKind, filter: { object?: string } = {}): unknown[] {
  const spec = specOf(kind);
  if (filter.object !== undefined && spec.ofObject && !visibleSnapshot(ctx.snapshot, ctx.principal).object(filter.object)) {
    // Unknown, or not the user's to know of: the hint comes from the objects they may know of.
    throw new ValidationError([unknownName('object', filter.object, msg`an object`, visibleSnapshot(ctx.snapshot, ctx.principal).objects.keys())]);
  }
  const all = filter.object !== undefined && spec.ofObject ? spec.ofObject.list(ctx.snapshot, filter.object) : spec.list(ctx.snapshot);
  return readable(ctx, spec, all);
}

/** One definition as this user may read it: 404 when it does not exist or is not theirs to know of. */
export function getDefinition(ctx: OperationContext, kind: StandaloneKind, name: string): unknown {
  const spec = specOf(kind);
  const [shown] = readable(ctx, spec, [existing(spec, ctx.snapshot, name)]);
  if (shown === undefined) throw notFound(spec, name);
  return shown;
}

/** A whole definition, for the tools of the setup (the machine of a process): administrators only. */
export function getSetupDefinition<K extends StandaloneKind>(ctx: OperationContext, kind: K, name: string): DefinitionOf[K] {
  checkSystemRight(ctx, 'manageMetadata', readRefusal(kind));
  return existing(specOf(kind), ctx.snapshot, name);
}

/**
 * What of some definitions of a kind a user may read. Administrators (manage metadata) and holders
 * of the kind's read rights get them whole; other users what the kind's `forUser` gives them, or a
 * 403 for kinds that are setup only. Secrets are masked for everyone, administrators included.
 */
function readable<K extends StandaloneKind>(ctx: OperationContext, spec: DefinitionKind<K>, definitions: DefinitionOf[K][]): unknown[] {
  if (hasSystemRight(ctx, 'manageMetadata') || spec.api.readRights?.some((right) => hasSystemRight(ctx, right))) return definitions.map(maskWebhookSecrets);
  const forUser = spec.forUser;
  if (!forUser) throw new ForbiddenError(readRefusal(spec.kind));
  const view = { full: ctx.snapshot, visible: visibleSnapshot(ctx.snapshot, ctx.principal), principal: ctx.principal };
  return definitions.map((definition) => forUser(definition, view)).filter((shown) => shown !== undefined);
}

function readRefusal(kind: StandaloneKind): Message {
  return msg`Only users who may manage metadata (administrators) can read ${kindOf(kind).noun} definitions.`;
}

export async function createDefinition<K extends StandaloneKind>(ctx: OperationContext, kind: K, body: unknown): Promise<DefinitionResponse<DefinitionOf[K]>> {
  checkSetupRight(ctx);
  const spec = specOf(kind);
  restoreWebhookSecrets(body, null);
  const definition = parseDefinition(ctx, kind, body);
  const after = await applyChange(ctx, (current) => {
    refuseTaken(spec, current, definition.name);
    return definitionChange(ctx, spec, 'create', definition.name, definition);
  });
  return withWarnings(ctx, after, { definition: maskWebhookSecrets(spec.find(after, definition.name)!), version: after.version });
}

/** PUT: the whole new definition; a different name renames it, unless something still names the old one. */
export async function replaceDefinition<K extends StandaloneKind>(
  ctx: OperationContext,
  kind: K,
  name: string,
  body: unknown,
): Promise<DefinitionResponse<DefinitionOf[K]>> {
  checkSetupRight(ctx);
  const spec = specOf(kind);
  restoreWebhookSecrets(body, spec.find(ctx.snapshot, name) ?? null);
  const definition = parseDefinition(ctx, kind, body);
  const after = await applyChange(ctx, (current) => {
    const previous = existing(spec, current, name);
    if (definition.name !== name) refuseTaken(spec, current, definition.name);
    return definitionChange(ctx, spec, 'update', name, definition, previous);
  });
  return withWarnings(ctx, after, { definition: maskWebhookSecrets(spec.find(after, definition.name)!), version: after.version });
}

export async function deleteDefinition(ctx: OperationContext, kind: StandaloneKind, name: string): Promise<{ version: number }> {
  checkSetupRight(ctx);
  const spec = specOf(kind);
  const after = await applyChange(ctx, (current) => {
    return definitionChange(ctx, spec, 'delete', name, null, existing(spec, current, name));
  });
  return { version: after.version };
}

function specOf<K extends StandaloneKind>(kind: K): DefinitionKind<K> {
  return DEFINITION_KINDS[kind];
}

/** The metadata change of one definition of a kind defined on its own, with its kind's guards (the API's writes, a pack's install). */
export function definitionChange<K extends StandaloneKind>(
  ctx: OperationContext,
  spec: DefinitionKind<K>,
  verb: 'create' | 'update' | 'delete',
  name: string,
  next: DefinitionOf[K] | null,
  previous: DefinitionOf[K] | null = null,
): MetadataChange {
  spec.protect?.(name, next);
  const removal = next === null ? 'delete' : next.name !== name ? 'rename' : undefined;
  const { release, grants } = spec;
  const guarded = next !== null && grants !== undefined;
  return {
    kind: spec.kind,
    action: `${spec.kind}.${verb}` satisfies MetadataAction,
    name,
    next,
    by: ctx.principal.userId,
    ...kindOf(spec.kind).afterChange?.([previous, next]),
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

function existing<K extends StandaloneKind>(spec: DefinitionKind<K>, snapshot: Snapshot, name: string): DefinitionOf[K] {
  const definition = spec.find(snapshot, name);
  if (!definition) throw notFound(spec, name);
  return definition;
}

function notFound(spec: DefinitionKind<StandaloneKind>, name: string): NotFoundError {
  return new NotFoundError(msg`There is no ${kindOf(spec.kind).noun} named '${name}'.`);
}

function refuseTaken<K extends StandaloneKind>(spec: DefinitionKind<K>, snapshot: Snapshot, name: string): void {
  if (spec.find(snapshot, name)) {
    throw new ConflictError('already_exists', msg`A ${kindOf(spec.kind).noun} named '${name}' already exists.`, [{ path: '/name', message: msg`is taken` }]);
  }
}

/**
 * The kind's schema, then the webhook URLs of processes and rules: one written as an IP address
 * inside the network is refused now; host names are checked again at every call, after they resolve.
 * Last, the pack actions they name must be offered by a pack installed in the tenant (`actions`: as
 * they are now, or as an install would leave them) and their params pass the action's schema.
 */
export function parseDefinition<K extends StandaloneKind>(ctx: OperationContext, kind: K, body: unknown, actions: ActionCatalogue = tenantActions(ctx.tenant)): DefinitionOf[K] {
  const checked = checkDefinition(kind, body);
  if (!checked.ok) throw new ValidationError(checked.problems);
  refuseUnsafeWebhookUrls(checked.definition, ctx.tenant.webhookAllowlist);
  const problems = packActionProblems(checked.definition, actions);
  if (problems.length > 0) throw new ValidationError(problems);
  return checked.definition;
}
