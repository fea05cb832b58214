import { fieldTypeOf, SYSTEM_FIELDS, type ResolvedField, type ResolvedLookupField, type ResolvedMasterDetailField } from '../../fields/index.js';
import { expandableReferences } from '../../records/index.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import { schemaRef } from './common-components.js';
import type { SchemaObject } from './openapi-types.js';

export type ReferenceField = ResolvedLookupField | ResolvedMasterDetailField;

/**
 * Component names of an object's schemas. API names never hold a dot, so `account.create` cannot
 * collide with an object's own name, as `account_create` could with an object called that.
 */
export const recordSchemaNames = (object: string) => ({
  read: object,
  create: `${object}.create`,
  update: `${object}.update`,
  list: `${object}.list`,
  /** The read schema with the parents `expand=` embeds. */
  expanded: `${object}.expanded`,
  /** `_expanded` itself: one parent per lookup. */
  parents: `${object}.parents`,
  recycleBin: `${object}.recycleBin`,
});

export function referenceFields(compiled: CompiledObject): ReferenceField[] {
  return compiled.object.fields.filter((field): field is ReferenceField => field.type === 'lookup' || field.type === 'masterdetail');
}

/** What a record in a response is: the read schema, with the parents `expand` may embed. */
export function recordInResponse(compiled: CompiledObject): SchemaObject {
  const names = recordSchemaNames(compiled.name);
  return schemaRef(names.expanded);
}

/**
 * Vendor extensions for clients that generate code from the document (sdk/generate-types.ts):
 * the field type, which the JSON Schema alone cannot tell (a text and an e-mail are both strings),
 * and the object a lookup points at. Computed fields and system fields are `readOnly`: a client
 * never sends them.
 */
function annotated(field: ResolvedField, schema: SchemaObject): SchemaObject {
  return {
    ...schema,
    ...(fieldTypeOf(field).writable ? {} : { readOnly: true }),
    'x-field-type': field.type,
    ...(field.type === 'lookup' || field.type === 'masterdetail' ? { 'x-lookup-target': field.target } : {}),
  };
}

function readSchema(compiled: CompiledObject): SchemaObject {
  const properties = { ...(compiled.readSchema.properties as Record<string, SchemaObject>) };
  for (const name of SYSTEM_FIELDS) properties[name] = { ...properties[name], readOnly: true };
  for (const field of compiled.object.fields) properties[field.name] = annotated(field, properties[field.name]!);
  const { label, description } = compiled.object;
  return { ...compiled.readSchema, properties, title: label.en, ...(description ? { description } : {}) };
}

/** PATCH takes null for a field to clear it; the compiled patch schema sees the body after nulls are taken out. */
function clearable(properties: Record<string, SchemaObject>): Record<string, SchemaObject> {
  return Object.fromEntries(
    Object.entries(properties).map(([name, { title, description, ...value }]) => [
      name,
      {
        ...(title === undefined ? {} : { title }),
        description: `${typeof description === 'string' ? `${description} ` : ''}null clears the value.`,
        anyOf: [value, { type: 'null' }],
      },
    ]),
  );
}

/**
 * `_expanded` and the record carrying it. A parent is embedded as its plain read schema, which
 * has no `_expanded` of its own (expand goes one level): referring to the expanded schema instead
 * would make every lookup chain a chain of schemas for generators that inline references.
 */
function expandSchemas(compiled: CompiledObject): Record<string, SchemaObject> {
  const references = expandableReferences(compiled);
  const names = recordSchemaNames(compiled.name);
  return {
    [names.parents]: {
      type: 'object',
      title: `${compiled.object.label.en} (parents)`,
      description: 'The records the lookups and user fields named in `expand` point at, by name: every one asked for is there.',
      additionalProperties: false,
      properties: Object.fromEntries(
        references.map((field) => [
          field.name,
          {
            description: `The ${field.target} record '${field.source}' points at; null when the field is empty or that record is no longer live.`,
            anyOf: [schemaRef(recordSchemaNames(field.target).read), { type: 'null' }],
          },
        ]),
      ),
    },
    [names.expanded]: {
      title: `${compiled.object.label.en} (with parents)`,
      allOf: [
        schemaRef(names.read),
        {
          type: 'object',
          properties: {
            _expanded: {
              ...schemaRef(names.parents),
              description: 'Only with `expand`: the parents, embedded beside the ids in their fields.',
            },
          },
        },
      ],
    },
  };
}

/** The schemas of one object's records: as read, created, updated, listed, expanded and in the recycle bin. */
export function recordComponents(compiled: CompiledObject): Record<string, SchemaObject> {
  const { label, pluralLabel } = compiled.object;
  const names = recordSchemaNames(compiled.name);
  const patchProperties = (compiled.patchSchema.properties ?? {}) as Record<string, SchemaObject>;
  return {
    [names.read]: readSchema(compiled),
    [names.create]: { ...compiled.createSchema, title: `${label.en} (create)` },
    [names.update]: { ...compiled.patchSchema, title: `${label.en} (update)`, properties: clearable(patchProperties) },
    [names.list]: {
      type: 'object',
      title: `${pluralLabel.en} (page)`,
      required: ['records', 'next', 'total'],
      properties: {
        records: { type: 'array', items: recordInResponse(compiled) },
        next: { type: ['string', 'null'], description: 'The cursor of the next page; null on the last page.' },
        total: { type: ['integer', 'null'], description: 'Every matching record, when asked for with total=true; null otherwise.' },
      },
    },
    ...expandSchemas(compiled),
    [names.recycleBin]: {
      type: 'object',
      title: `${pluralLabel.en} (recycle bin)`,
      required: ['entries'],
      properties: {
        entries: {
          type: 'array',
          description: 'Newest first.',
          items: {
            type: 'object',
            required: ['record', 'deletedAt', 'deletedBy', 'alsoDeleted'],
            properties: {
              record: { ...schemaRef(names.read), description: 'The record as it was, unique values included.' },
              deletedAt: { type: 'string', format: 'date-time' },
              deletedBy: { type: 'string', description: 'The user who deleted it.' },
              alsoDeleted: { type: 'integer', minimum: 0, description: 'The detail records that went with it, and come back with it.' },
            },
          },
        },
      },
    },
  };
}
