import { ConflictError, NotFoundError, ValidationError } from '../../errors/index.js';
import type { OperationContext } from '../../tenancy/index.js';
import type { Field, ObjectDefinition } from '../schemas/generated/object.js';
import { changeObject } from './change-object.js';
import { requireObject, type DefinitionResponse } from './object-operations.js';

export function listFields(ctx: OperationContext, objectName: string): Field[] {
  return requireObject(ctx, objectName).definition.fields ?? [];
}

export function getField(ctx: OperationContext, objectName: string, fieldName: string): Field {
  const field = listFields(ctx, objectName).find((candidate) => candidate.name === fieldName);
  if (!field) throw new NotFoundError(`Object '${objectName}' has no field named '${fieldName}'.`);
  return field;
}

export async function addField(ctx: OperationContext, objectName: string, body: unknown): Promise<DefinitionResponse<Field>> {
  const current = requireObject(ctx, objectName).definition;
  const fields = current.fields ?? [];
  const name = fieldName(body);
  if (fields.some((field) => field.name === name)) {
    throw new ConflictError('already_exists', `Object '${objectName}' already has a field named '${name}'.`, [{ path: '/name', message: 'is taken' }]);
  }
  return saveField(ctx, 'field.create', current, [...fields, body as Field], fields.length);
}

/** PUT replaces the field's definition whole; PATCH merges the sent properties into it. */
export async function updateField(
  ctx: OperationContext,
  objectName: string,
  name: string,
  body: unknown,
  mode: 'replace' | 'merge',
): Promise<DefinitionResponse<Field>> {
  const current = requireObject(ctx, objectName).definition;
  const fields = current.fields ?? [];
  const index = fields.findIndex((field) => field.name === name);
  if (index < 0) throw new NotFoundError(`Object '${objectName}' has no field named '${name}'.`);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationError([{ path: '', message: 'must be a field definition' }]);
  }
  const next = (mode === 'merge' ? { ...fields[index], ...body } : { name, ...body }) as Field;
  if (next.name !== name && fields.some((field) => field.name === next.name)) {
    throw new ConflictError('already_exists', `Object '${objectName}' already has a field named '${next.name}'.`, [{ path: '/name', message: 'is taken' }]);
  }
  const renamed = next.name !== name ? { from: name, to: next.name } : undefined;
  return saveField(ctx, 'field.update', current, fields.map((field, i) => (i === index ? next : field)), index, renamed);
}

export async function deleteField(ctx: OperationContext, objectName: string, name: string): Promise<{ version: number }> {
  const current = requireObject(ctx, objectName).definition;
  const fields = current.fields ?? [];
  if (!fields.some((field) => field.name === name)) throw new NotFoundError(`Object '${objectName}' has no field named '${name}'.`);
  const after = await changeObject(ctx, 'field.delete', objectName, { ...current, fields: fields.filter((field) => field.name !== name) });
  return { version: after.version };
}

async function saveField(
  ctx: OperationContext,
  action: 'field.create' | 'field.update',
  current: ObjectDefinition,
  fields: Field[],
  index: number,
  renamed?: { from: string; to: string },
): Promise<DefinitionResponse<Field>> {
  try {
    const after = await changeObject(ctx, action, current.name, { ...current, fields }, renamed);
    return { definition: after.object(current.name)!.definition.fields![index]!, version: after.version };
  } catch (error) {
    throw relativeToField(error, index);
  }
}

/** The client sent one field: point its problems at the field's own properties, not the object's. */
function relativeToField(error: unknown, index: number): unknown {
  if (!(error instanceof ValidationError)) return error;
  const prefix = `/fields/${index}`;
  return new ValidationError(
    error.details.map((detail) => ({
      path: detail.path.startsWith(prefix) ? detail.path.slice(prefix.length) : detail.path,
      message: detail.message,
    })),
  );
}

function fieldName(body: unknown): string {
  const name = body !== null && typeof body === 'object' ? (body as { name?: unknown }).name : undefined;
  if (typeof name !== 'string') throw new ValidationError([{ path: '/name', message: 'is required' }]);
  return name;
}
