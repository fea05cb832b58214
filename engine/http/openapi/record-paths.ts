import type { CompiledObject } from '../../metadata/compiled-object.js';
import { ETAG_HEADER, json, parameterRef, responseRef, schemaRef } from './common-components.js';
import { fieldsDescription, filterDescription, sortDescription } from './filter-description.js';
import type { OpenApiFragment, Parameter, SchemaObject } from './openapi-types.js';

export const RECORDS_BASE = '/api/v1/records';

/**
 * Component names of an object's schemas. API names never hold a dot, so `account.create` cannot
 * collide with an object's own name, as `account_create` could with an object called that.
 */
export const recordSchemaNames = (object: string) => ({
  read: object,
  create: `${object}.create`,
  update: `${object}.update`,
  list: `${object}.list`,
});

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

function recordSchemas(compiled: CompiledObject): Record<string, SchemaObject> {
  const { label, description } = compiled.object;
  const names = recordSchemaNames(compiled.name);
  const about = description ? { description } : {};
  const patchProperties = (compiled.patchSchema.properties ?? {}) as Record<string, SchemaObject>;
  return {
    [names.read]: { ...compiled.readSchema, title: label.en, ...about },
    [names.create]: { ...compiled.createSchema, title: `${label.en} (create)` },
    [names.update]: { ...compiled.patchSchema, title: `${label.en} (update)`, properties: clearable(patchProperties) },
    [names.list]: {
      type: 'object',
      title: `${compiled.object.pluralLabel.en} (page)`,
      required: ['records', 'next', 'total'],
      properties: {
        records: { type: 'array', items: schemaRef(names.read) },
        next: { type: ['string', 'null'], description: 'The cursor of the next page; null on the last page.' },
        total: { type: ['integer', 'null'], description: 'Every matching record, when asked for with total=true; null otherwise.' },
      },
    },
  };
}

function query(name: string, description: string, example?: string): Parameter {
  return { name, in: 'query', description, schema: { type: 'string' }, ...(example === undefined ? {} : { example }) };
}

/** An object's record API: list and create on the collection, get, update and delete on one record. */
export function recordPaths(compiled: CompiledObject): OpenApiFragment {
  const name = compiled.name;
  const label = compiled.object.label.en;
  const plural = compiled.object.pluralLabel.en;
  const names = recordSchemaNames(name);
  const tags = [name];
  const record = { headers: { ETag: ETAG_HEADER }, content: json(schemaRef(names.read)) };
  const fields = query('fields', fieldsDescription(compiled));

  return {
    tags: [{ name, description: compiled.object.description ?? `Records of the ${label} object.` }],
    schemas: recordSchemas(compiled),
    paths: {
      [`${RECORDS_BASE}/${name}`]: {
        get: {
          operationId: `records.${name}.list`,
          summary: `List ${plural}`,
          description: 'One page of records in a stable order; follow `next` for the following page.',
          tags,
          parameters: [
            query('filter', filterDescription(compiled)),
            query('sort', sortDescription(compiled)),
            fields,
            parameterRef('Limit'),
            parameterRef('Cursor'),
            parameterRef('Total'),
          ],
          responses: {
            '200': { description: 'A page of records.', content: json(schemaRef(names.list)) },
            '400': responseRef('BadRequest'),
            '404': responseRef('NotFound'),
          },
        },
        post: {
          operationId: `records.${name}.create`,
          summary: `Create a ${label} record`,
          description: 'Defaults fill what is left out; auto-numbers and system fields are set by the platform.',
          tags,
          requestBody: { required: true, content: json(schemaRef(names.create)) },
          responses: {
            '201': {
              description: 'Created: the record as stored.',
              headers: { ...record.headers, Location: { description: 'The URL of the new record.', schema: { type: 'string' } } },
              content: record.content,
            },
            '400': responseRef('BadRequest'),
            '404': responseRef('NotFound'),
            '409': responseRef('Conflict'),
            '413': responseRef('PayloadTooLarge'),
          },
        },
      },
      [`${RECORDS_BASE}/${name}/{id}`]: {
        parameters: [parameterRef('RecordId')],
        get: {
          operationId: `records.${name}.get`,
          summary: `Get a ${label} record`,
          tags,
          parameters: [fields],
          responses: {
            '200': { description: 'The record.', ...record },
            '400': responseRef('BadRequest'),
            '404': responseRef('NotFound'),
          },
        },
        patch: {
          operationId: `records.${name}.update`,
          summary: `Update a ${label} record`,
          description: 'Only the sent fields change; null clears one. Send If-Match to refuse the change if someone else changed the record first.',
          tags,
          parameters: [parameterRef('IfMatch')],
          requestBody: { required: true, content: json(schemaRef(names.update)) },
          responses: {
            '200': { description: 'The record as stored now.', ...record },
            '400': responseRef('BadRequest'),
            '404': responseRef('NotFound'),
            '409': responseRef('Conflict'),
            '412': responseRef('PreconditionFailed'),
            '413': responseRef('PayloadTooLarge'),
          },
        },
        delete: {
          operationId: `records.${name}.delete`,
          summary: `Delete a ${label} record`,
          tags,
          parameters: [parameterRef('IfMatch')],
          responses: {
            '204': { description: 'Deleted.' },
            '400': responseRef('BadRequest'),
            '404': responseRef('NotFound'),
            '412': responseRef('PreconditionFailed'),
          },
        },
      },
    },
  };
}
