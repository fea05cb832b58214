import { fieldTypeOf, SYSTEM_FIELD_SCHEMAS, type JsonSchema, type ResolvedField } from '../fields/index.js';
import type { ResolvedObject } from './resolved-object.js';

function describeField(field: ResolvedField, schema: JsonSchema): JsonSchema {
  return { ...schema, title: field.label.en, ...(field.helpText?.en ? { description: field.helpText.en } : {}) };
}

function writableFields(object: ResolvedObject): ResolvedField[] {
  return object.fields.filter((field) => fieldTypeOf(field).writable);
}

/** What a create accepts: writable fields only, required ones required (defaults are applied first). */
export function createSchema(object: ResolvedObject): JsonSchema {
  const fields = writableFields(object);
  const required = fields.filter((field) => field.required).map((field) => field.name);
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(fields.map((field) => [field.name, describeField(field, fieldTypeOf(field).valueSchema(field))])),
    ...(required.length > 0 ? { required } : {}),
  };
}

/** What a PATCH accepts: any subset of the writable fields; null clears a value. */
export function patchSchema(object: ResolvedObject): JsonSchema {
  const fields = writableFields(object);
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(fields.map((field) => [field.name, describeField(field, fieldTypeOf(field).valueSchema(field))])),
  };
}

/** A record as the API returns it, system fields included. */
export function readSchema(object: ResolvedObject): JsonSchema {
  const properties: Record<string, JsonSchema> = { ...SYSTEM_FIELD_SCHEMAS };
  for (const field of object.fields) {
    const type = fieldTypeOf(field);
    properties[field.name] = describeField(field, type.readSchema?.(field) ?? type.valueSchema(field));
  }
  return { type: 'object', properties, required: ['_id', '_version'] };
}
