import { ConflictError, NotFoundError, ValidationError } from '../../errors/index.js';
import { checkSetupRight } from '../../security/object-access.js';
import type { OperationContext } from '../../context/index.js';
import type { Field, ObjectDefinition } from '../../schemas/generated/object.js';
import { changeObject, type PlannedDefinition } from './change-object.js';
import type { FieldView } from './definitions-for-users.js';
import { getObject, withWarnings, type DefinitionResponse } from './object-operations.js';
import { msg } from '../../i18n/message.js';

/** The fields of an object as the user may know them (see listObjects). */
export function listFields(ctx: OperationContext, objectName: string): (Field | FieldView)[] {
  return getObject(ctx, objectName).fields ?? [];
}

export function getField(ctx: OperationContext, objectName: string, fieldName: string): Field | FieldView {
  const field = listFields(ctx, objectName).find((candidate) => candidate.name === fieldName);
  if (!field) throw new NotFoundError(msg`Object '${objectName}' has no field named '${fieldName}'.`);
  return field;
}

export async function addField(ctx: OperationContext, objectName: string, body: unknown): Promise<DefinitionResponse<Field>> {
  checkSetupRight(ctx);
  const name = fieldName(body);
  return saveField(ctx, 'field.create', objectName, (current, fields) => {
    if (fields.some((field) => field.name === name)) {
      throw new ConflictError('already_exists', msg`Object '${objectName}' already has a field named '${name}'.`, [{ path: '/name', message: msg`is taken` }]);
    }
    return { index: fields.length, planned: { next: { ...current, fields: [...fields, body as Field] } } };
  });
}

/** PUT replaces the field's definition whole; PATCH merges the sent properties into it. */
export async function updateField(
  ctx: OperationContext,
  objectName: string,
  name: string,
  body: unknown,
  mode: 'replace' | 'merge',
): Promise<DefinitionResponse<Field>> {
  checkSetupRight(ctx);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationError([{ path: '', message: msg`must be a field definition` }]);
  }
  return saveField(ctx, 'field.update', objectName, (current, fields) => {
    const index = indexOfField(objectName, fields, name);
    const next = (mode === 'merge' ? { ...fields[index], ...body } : { name, ...body }) as Field;
    if (next.name !== name && fields.some((field) => field.name === next.name)) {
      throw new ConflictError('already_exists', msg`Object '${objectName}' already has a field named '${next.name}'.`, [{ path: '/name', message: msg`is taken` }]);
    }
    return {
      index,
      planned: {
        next: { ...current, fields: fields.map((field, i) => (i === index ? next : field)) },
        ...(next.name !== name ? { renamedField: { from: name, to: next.name } } : {}),
      },
    };
  });
}

export async function deleteField(ctx: OperationContext, objectName: string, name: string): Promise<{ version: number }> {
  checkSetupRight(ctx);
  const after = await changeObject(ctx, 'field.delete', objectName, (current) => {
    const fields = current.fields ?? [];
    indexOfField(objectName, fields, name);
    return { next: { ...current, fields: fields.filter((field) => field.name !== name) } };
  });
  return { version: after.version };
}

type FieldPlan = (current: ObjectDefinition, fields: Field[]) => { index: number; planned: PlannedDefinition };

async function saveField(
  ctx: OperationContext,
  action: 'field.create' | 'field.update',
  objectName: string,
  plan: FieldPlan,
): Promise<DefinitionResponse<Field>> {
  let index = -1;
  let newObjectName = objectName;
  try {
    const after = await changeObject(ctx, action, objectName, (current) => {
      const result = plan(current, current.fields ?? []);
      index = result.index;
      newObjectName = result.planned.next.name;
      return { ...result.planned, next: detailWithoutSharing(result.planned.next, index) };
    });
    return withWarnings(ctx, after, { definition: after.object(newObjectName)!.definition.fields![index]!, version: after.version });
  } catch (error) {
    throw index < 0 ? error : relativeToField(error, index);
  }
}

/**
 * A master-detail field makes its object a detail, whose records follow their master's sharing: the
 * object's own org-wide default goes (as when a Salesforce admin adds one), rather than the field
 * being refused for a default the object manager always sets on a new object.
 */
function detailWithoutSharing(next: ObjectDefinition, index: number): ObjectDefinition {
  if (next.fields?.[index]?.type !== 'masterdetail' || next.sharing === undefined) return next;
  const detail = { ...next };
  delete detail.sharing;
  return detail;
}

function indexOfField(objectName: string, fields: Field[], name: string): number {
  const index = fields.findIndex((field) => field.name === name);
  if (index < 0) throw new NotFoundError(msg`Object '${objectName}' has no field named '${name}'.`);
  return index;
}

/** The client sent one field: point its problems at the field's own properties, not the object's. */
export function relativeToField(error: unknown, index: number): unknown {
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
  if (typeof name !== 'string') throw new ValidationError([{ path: '/name', message: msg`is required` }]);
  return name;
}
