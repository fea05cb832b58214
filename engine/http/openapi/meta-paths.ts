import type { MetadataAction } from '../../metadata/metadata-registry.js';
import { json, responseRef, schemaRef } from './common-components.js';
import { OBJECT_DEFINITION } from './metadata-schemas.js';
import type { OpenApiFragment, Operation, Parameter, Response, SchemaObject } from './openapi-types.js';

const BASE = '/api/v1/meta';
// Capitalised: object API names are lower case, so no object's tag can take this one.
const TAG = 'Metadata';

/** Keyed by the registry's own union, so a new kind of change cannot go undocumented. */
const ACTIONS: Record<MetadataAction, true> = {
  'object.create': true,
  'object.update': true,
  'object.delete': true,
  'field.create': true,
  'field.update': true,
  'field.delete': true,
  'layout.create': true,
  'layout.update': true,
  'layout.delete': true,
};

const version: SchemaObject = { type: 'integer', description: "The tenant's metadata version (after the change, for writes)." };

function envelope(properties: Record<string, SchemaObject>): SchemaObject {
  return { type: 'object', required: [...Object.keys(properties), 'version'], properties: { ...properties, version } };
}

const SCHEMAS: Record<string, SchemaObject> = {
  ObjectDefinitionResponse: envelope({ definition: schemaRef(OBJECT_DEFINITION) }),
  ObjectDefinitionList: envelope({ objects: { type: 'array', items: schemaRef(OBJECT_DEFINITION) } }),
  FieldDefinitionResponse: envelope({ definition: schemaRef('Field') }),
  FieldDefinitionList: envelope({ fields: { type: 'array', items: schemaRef('Field') } }),
  MetadataVersion: envelope({}),
  MetadataHistoryEntry: {
    type: 'object',
    description: 'One change to one object definition, with the definition before and after it.',
    required: ['_id', 'version', 'kind', 'name', 'action', 'before', 'after', 'by', 'at'],
    properties: {
      _id: { type: 'string' },
      version: { type: 'integer', description: 'The metadata version this change produced.' },
      kind: { const: 'object' },
      name: { type: 'string', description: 'The object as named before the change.' },
      action: { type: 'string', enum: Object.keys(ACTIONS) },
      before: { oneOf: [schemaRef(OBJECT_DEFINITION), { type: 'null' }] },
      after: { oneOf: [schemaRef(OBJECT_DEFINITION), { type: 'null' }] },
      by: { type: 'string', description: 'The user who made the change.' },
      at: { type: 'string', format: 'date-time' },
    },
  },
  MetadataHistory: envelope({ entries: { type: 'array', items: schemaRef('MetadataHistoryEntry') } }),
};

const objectName: Parameter = { name: 'name', in: 'path', required: true, description: 'The API name of the object.', schema: schemaRef('ApiName') };
const fieldName: Parameter = { name: 'field', in: 'path', required: true, description: 'The API name of the field.', schema: schemaRef('ApiName') };

const ok = (description: string, schema: string): Response => ({ description, content: json(schemaRef(schema)) });

function operation(id: string, summary: string, responses: Operation['responses'], extra: Partial<Operation> = {}): Operation {
  return { operationId: `meta.${id}`, summary, tags: [TAG], ...extra, responses: { ...responses, '404': responseRef('NotFound') } };
}

function body(schema: SchemaObject, description?: string): Operation['requestBody'] {
  return { required: true, ...(description ? { description } : {}), content: json(schema) };
}

const writeErrors = { '400': responseRef('BadRequest'), '409': responseRef('Conflict'), '413': responseRef('PayloadTooLarge') };

/** /api/v1/meta: object and field definitions (CRUD, validated, versioned) and the history of changes. */
export function metaPaths(): OpenApiFragment {
  const partialObject: SchemaObject = { type: 'object', description: `Top-level properties of ${OBJECT_DEFINITION} to replace; \`fields\`, if sent, replaces the whole list.` };
  const partialField: SchemaObject = { type: 'object', description: 'Properties of the field definition to change; the others keep their value.' };
  return {
    tags: [{ name: TAG, description: 'Object and field definitions. Every change is validated, builds a new metadata version and takes effect on the next request.' }],
    schemas: SCHEMAS,
    paths: {
      [`${BASE}/objects`]: {
        get: operation('listObjects', 'List object definitions', { '200': ok('Every object definition.', 'ObjectDefinitionList') }),
        post: operation('createObject', 'Create an object', { '201': ok('Created.', 'ObjectDefinitionResponse'), ...writeErrors }, { requestBody: body(schemaRef(OBJECT_DEFINITION)) }),
      },
      [`${BASE}/objects/{name}`]: {
        parameters: [objectName],
        get: operation('getObject', 'Get an object definition', { '200': ok('The definition.', 'ObjectDefinitionResponse') }),
        put: operation('replaceObject', 'Replace an object definition', { '200': ok('Replaced.', 'ObjectDefinitionResponse'), ...writeErrors }, {
          description: 'The body is the whole new definition; a different name renames the object while it has no records.',
          requestBody: body(schemaRef(OBJECT_DEFINITION)),
        }),
        patch: operation('patchObject', 'Change an object definition', { '200': ok('Changed.', 'ObjectDefinitionResponse'), ...writeErrors }, {
          requestBody: body(partialObject),
        }),
        delete: operation('deleteObject', 'Delete an object', { '200': ok('Deleted.', 'MetadataVersion'), '400': responseRef('BadRequest'), '409': responseRef('Conflict') }, {
          description: 'Refused with 409 while the object has records, unless deleteRecords=true, or while other objects point at it.',
          parameters: [{ name: 'deleteRecords', in: 'query', description: 'Delete the object\'s records with it.', schema: { type: 'boolean', default: false } }],
        }),
      },
      [`${BASE}/objects/{name}/fields`]: {
        parameters: [objectName],
        get: operation('listFields', 'List the fields of an object', { '200': ok('The field definitions, in order.', 'FieldDefinitionList') }),
        post: operation('addField', 'Add a field', { '201': ok('Added.', 'FieldDefinitionResponse'), ...writeErrors }, { requestBody: body(schemaRef('Field')) }),
      },
      [`${BASE}/objects/{name}/fields/{field}`]: {
        parameters: [objectName, fieldName],
        get: operation('getField', 'Get a field definition', { '200': ok('The definition.', 'FieldDefinitionResponse') }),
        put: operation('replaceField', 'Replace a field definition', { '200': ok('Replaced.', 'FieldDefinitionResponse'), ...writeErrors }, {
          description: 'A type change converts stored values; it is refused with 409 when some cannot be converted.',
          requestBody: body(schemaRef('Field')),
        }),
        patch: operation('patchField', 'Change a field definition', { '200': ok('Changed.', 'FieldDefinitionResponse'), ...writeErrors }, {
          requestBody: body(partialField),
        }),
        delete: operation('deleteField', 'Delete a field', { '200': ok('Deleted; its values are removed from every record.', 'MetadataVersion'), '409': responseRef('Conflict') }),
      },
      [`${BASE}/history`]: {
        get: {
          operationId: 'meta.history',
          summary: 'Recent metadata changes, newest first',
          tags: [TAG],
          parameters: [{ name: 'limit', in: 'query', description: 'How many changes, at most 200.', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } }],
          responses: { '200': ok('The changes.', 'MetadataHistory'), '400': responseRef('BadRequest') },
        },
      },
    },
  };
}
