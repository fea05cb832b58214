import { ConflictError, NotFoundError, ValidationError } from '../../errors/index.js';
import { checkSetupRight } from '../../security/object-access.js';
import { applyChange } from './apply-change.js';
import type { OperationContext } from '../../tenancy/index.js';
import { checkDefinition } from '../definition-validator.js';
import type { LayoutDefinition } from '../schemas/generated/layout.js';
import type { Snapshot } from '../snapshot.js';
import type { DefinitionResponse } from './object-operations.js';

export function listLayouts(ctx: OperationContext, objectName?: string): LayoutDefinition[] {
  const layouts = objectName ? ctx.snapshot.layoutsOf(objectName) : [...ctx.snapshot.layouts.values()];
  return layouts.map((layout) => layout.definition);
}

export function getLayout(ctx: OperationContext, name: string): LayoutDefinition {
  return requireLayout(ctx.snapshot, name).definition;
}

export async function createLayout(ctx: OperationContext, body: unknown): Promise<DefinitionResponse<LayoutDefinition>> {
  checkSetupRight(ctx);
  const definition = parseLayout(body);
  const after = await applyChange(ctx, (current) => {
    if (current.layout(definition.name)) {
      throw new ConflictError('already_exists', `A layout named '${definition.name}' already exists.`, [{ path: '/name', message: 'is taken' }]);
    }
    return { kind: 'layout', action: 'layout.create', name: definition.name, next: definition, by: ctx.principal.userId };
  });
  return { definition: after.layout(definition.name)!.definition, version: after.version };
}

/** PUT: the whole new layout; its name may change (nothing stores a layout's name yet). */
export async function replaceLayout(ctx: OperationContext, name: string, body: unknown): Promise<DefinitionResponse<LayoutDefinition>> {
  checkSetupRight(ctx);
  const definition = parseLayout(body);
  const after = await applyChange(ctx, (current) => {
    requireLayout(current, name);
    if (definition.name !== name && current.layout(definition.name)) {
      throw new ConflictError('already_exists', `A layout named '${definition.name}' already exists.`, [{ path: '/name', message: 'is taken' }]);
    }
    return { kind: 'layout', action: 'layout.update', name, next: definition, by: ctx.principal.userId };
  });
  return { definition: after.layout(definition.name)!.definition, version: after.version };
}

export async function deleteLayout(ctx: OperationContext, name: string): Promise<{ version: number }> {
  checkSetupRight(ctx);
  const after = await applyChange(ctx, (current) => {
    requireLayout(current, name);
    return { kind: 'layout', action: 'layout.delete', name, next: null, by: ctx.principal.userId };
  });
  return { version: after.version };
}

function requireLayout(snapshot: Snapshot, name: string) {
  const layout = snapshot.layout(name);
  if (!layout) throw new NotFoundError(`There is no layout named '${name}'.`);
  return layout;
}

function parseLayout(body: unknown): LayoutDefinition {
  const checked = checkDefinition('layout', body);
  if (!checked.ok) throw new ValidationError(checked.problems);
  return checked.definition;
}
