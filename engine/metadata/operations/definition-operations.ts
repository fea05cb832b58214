import { ConflictError, NotFoundError, ValidationError } from '../../errors/index.js';
import { checkSetupRight } from '../../security/object-access.js';
import type { OperationContext } from '../../tenancy/index.js';
import { checkDefinition, type DefinitionOf } from '../definition-validator.js';
import { KIND_NOUNS } from '../kind-nouns.js';
import type { MetadataAction, MetadataChange } from '../metadata-registry.js';
import type { Snapshot } from '../snapshot.js';
import { applyChange } from './apply-change.js';
import { DEFINITION_KINDS, type DefinitionKind, type StandaloneKind } from './definition-kinds.js';
import type { DefinitionResponse } from './object-operations.js';
import { msg } from '../../i18n/message.js';

/**
 * One CRUD for every kind defined on its own by name (layouts, roles, groups, permission sets,
 * sharing rules). Each write checks the setup right before it reads the body, is checked against
 * its kind's schema (400), then compiled with everything else under the registry's lock: problems
 * it causes elsewhere are 409, and records still naming a removed name refuse it inside the unit of work.
 */
export function listDefinitions<K extends StandaloneKind>(ctx: OperationContext, kind: K, filter: { object?: string } = {}): DefinitionOf[K][] {
  const spec = kindOf(kind);
  return filter.object !== undefined && spec.ofObject ? spec.ofObject(ctx.snapshot, filter.object) : spec.list(ctx.snapshot);
}

export function getDefinition<K extends StandaloneKind>(ctx: OperationContext, kind: K, name: string): DefinitionOf[K] {
  return existing(kindOf(kind), ctx.snapshot, name);
}

export async function createDefinition<K extends StandaloneKind>(ctx: OperationContext, kind: K, body: unknown): Promise<DefinitionResponse<DefinitionOf[K]>> {
  checkSetupRight(ctx);
  const spec = kindOf(kind);
  const definition = parse(kind, body);
  const after = await applyChange(ctx, (current) => {
    refuseTaken(spec, current, definition.name);
    return change(ctx, spec, 'create', definition.name, definition);
  });
  return { definition: spec.find(after, definition.name)!, version: after.version };
}

/** PUT: the whole new definition; a different name renames it, unless something still names the old one. */
export async function replaceDefinition<K extends StandaloneKind>(
  ctx: OperationContext,
  kind: K,
  name: string,
  body: unknown,
): Promise<DefinitionResponse<DefinitionOf[K]>> {
  checkSetupRight(ctx);
  const spec = kindOf(kind);
  const definition = parse(kind, body);
  const after = await applyChange(ctx, (current) => {
    existing(spec, current, name);
    if (definition.name !== name) refuseTaken(spec, current, definition.name);
    return change(ctx, spec, 'update', name, definition);
  });
  return { definition: spec.find(after, definition.name)!, version: after.version };
}

export async function deleteDefinition(ctx: OperationContext, kind: StandaloneKind, name: string): Promise<{ version: number }> {
  checkSetupRight(ctx);
  const spec = kindOf(kind);
  const after = await applyChange(ctx, (current) => {
    existing(spec, current, name);
    return change(ctx, spec, 'delete', name, null);
  });
  return { version: after.version };
}

function kindOf<K extends StandaloneKind>(kind: K): DefinitionKind<K> {
  return DEFINITION_KINDS[kind];
}

function change<K extends StandaloneKind>(
  ctx: OperationContext,
  spec: DefinitionKind<K>,
  verb: 'create' | 'update' | 'delete',
  name: string,
  next: DefinitionOf[K] | null,
): MetadataChange {
  spec.protect?.(name, next);
  const removal = next === null ? 'delete' : next.name !== name ? 'rename' : undefined;
  const release = spec.release;
  return {
    kind: spec.kind,
    action: `${spec.kind}.${verb}` satisfies MetadataAction,
    name,
    next,
    by: ctx.principal.userId,
    ...(removal && release ? { migrate: (tx, before) => release(tx, before, name, removal) } : {}),
  };
}

function existing<K extends StandaloneKind>(spec: DefinitionKind<K>, snapshot: Snapshot, name: string): DefinitionOf[K] {
  const definition = spec.find(snapshot, name);
  if (!definition) throw new NotFoundError(msg`There is no ${KIND_NOUNS[spec.kind]} named '${name}'.`);
  return definition;
}

function refuseTaken<K extends StandaloneKind>(spec: DefinitionKind<K>, snapshot: Snapshot, name: string): void {
  if (spec.find(snapshot, name)) {
    throw new ConflictError('already_exists', msg`A ${KIND_NOUNS[spec.kind]} named '${name}' already exists.`, [{ path: '/name', message: msg`is taken` }]);
  }
}

function parse<K extends StandaloneKind>(kind: K, body: unknown): DefinitionOf[K] {
  const checked = checkDefinition(kind, body);
  if (!checked.ok) throw new ValidationError(checked.problems);
  return checked.definition;
}
