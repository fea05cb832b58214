import { RECORD_ID_PATTERN } from '../../fields/record-id.js';
import type { FormulaResultType } from '../../formula/index.js';
import { KINDS, METADATA_ACTIONS, METADATA_KINDS, STANDALONE_KINDS, VERBS, kindOf, standaloneKind, type KindApi, type KindDescription } from '../../metadata/kinds/index.js';
import type { PackKind } from '../../metadata/pack-kinds/index.js';
import { json, responseRef, schemaRef } from './common-components.js';
import { applyDefaultOperation, fieldImpactOperation } from './field-impact-docs.js';
import { conditional, ETAG, FIELD_ETAGS, LIST_ETAGS } from './metadata-etag-docs.js';
import type { OpenApiFragment, Operation, Parameter, PathItem, Response, SchemaObject } from './openapi-types.js';

const BASE = '/api/v1/meta';
// Capitalised: object API names are lower case, so no object's tag can take this one.
const TAG = 'Metadata';

/** The components of the kinds with operations of their own: each kind's schema is the component its title names. */
const OBJECT_DEFINITION = kindOf('object').schema.title;
const CURRENCY_DEFINITION = kindOf('currency').schema.title;

/**
 * A definition of one of the kinds, or null. anyOf, not oneOf: the kinds' schemas overlap (a bare
 * `{ "name": "sales" }` is a valid object, role, group and permission set); `kind` says which it is.
 */
function definitionOrNull(packKinds: readonly PackKind[]): SchemaObject {
  return { anyOf: [...[...KINDS, ...packKinds].map((entry) => schemaRef(entry.schema.title)), { type: 'null' }] };
}

/** Keyed by the formula result types, as the formula field's `resultType` is. */
const RESULT_TYPES: Record<FormulaResultType, true> = { text: true, number: true, currency: true, percent: true, date: true, datetime: true, boolean: true };

const version: SchemaObject = { type: 'integer', description: "The tenant's metadata version (after the change, for writes)." };

function envelope(properties: Record<string, SchemaObject>): SchemaObject {
  return { type: 'object', required: [...Object.keys(properties), 'version'], properties: { ...properties, version } };
}

const WARNINGS: SchemaObject = {
  type: 'array',
  description: 'Present on a write only when the change introduced something allowed that deserves a second look: an expression reading a field some permission sets hide from users who see its result.',
  items: {
    type: 'object',
    required: ['object', 'path', 'field', 'hiddenBy', 'message'],
    properties: {
      object: { type: 'string', description: 'The object whose expression it is.' },
      path: { type: 'string', description: 'The expression in the object definition, e.g. /fields/3/expression or /validationRules/0/condition.' },
      field: { type: 'string', description: 'The field read, or lookup.field for a field of a parent.' },
      hiddenBy: { type: 'array', items: { type: 'string' }, description: 'The permission sets whose users see the result but may not read the field.' },
      message: { type: 'string' },
    },
  },
};

const RIGHT_NAMES = ['create', 'read', 'edit', 'delete', 'viewAll', 'modifyAll'] as const;
const OBJECT_RIGHTS: SchemaObject = {
  type: 'object',
  description:
    "The caller's rights on the records of each listed object, by object name, as their permission sets grant them (modify all data grants all): " +
    'the web app offers only what the server would allow. Sharing and ownership still decide per record (GET /records/{object}/{id}/permissions).',
  additionalProperties: {
    type: 'object',
    required: [...RIGHT_NAMES],
    properties: Object.fromEntries(RIGHT_NAMES.map((right) => [right, { type: 'boolean' }])),
  },
};

/** A single definition's envelope: on writes, with the warnings the change introduced. */
function definitionResponse(definition: SchemaObject, more: Record<string, SchemaObject> = {}): SchemaObject {
  return { type: 'object', required: ['definition', 'version'], properties: { definition, version, etag: ETAG, warnings: WARNINGS, ...more } };
}


/** The envelopes of a kind the generic CRUD serves: one definition, and the list of them. */
function crudSchemas({ schema: { title }, plural }: ServedKindDocs): [string, SchemaObject][] {
  return [
    [`${title}Response`, definitionResponse(schemaRef(title))],
    [`${title}List`, { ...envelope({ [plural]: { type: 'array', items: schemaRef(title) }, etags: LIST_ETAGS }) }],
  ];
}

/** One change of the history, its kinds and actions those of the platform and of the tenant's packs. */
function historyEntry(packKinds: readonly PackKind[]): SchemaObject {
  return {
    type: 'object',
    description:
      'One change to one definition (an object with its fields, a layout, a currency, a role, group, permission set or sharing rule), with the definition before and after it.',
    required: ['_id', 'version', 'kind', 'name', 'action', 'before', 'after', 'by', 'at'],
    properties: {
      _id: { type: 'string' },
      version: { type: 'integer', description: 'The metadata version this change produced.' },
      kind: { type: 'string', enum: [...METADATA_KINDS, ...packKinds.map((entry) => entry.kind)], description: 'Field changes are changes of their object.' },
      name: { type: 'string', description: 'The definition as named before the change.' },
      action: { type: 'string', enum: [...METADATA_ACTIONS, ...packKinds.flatMap((entry) => VERBS.map((verb) => `${entry.kind}.${verb}`))] },
      before: { ...definitionOrNull(packKinds), description: 'The definition before the change; null for a create.' },
      after: { ...definitionOrNull(packKinds), description: 'The definition after the change; null for a delete.' },
      by: { type: 'string', description: 'The user who made the change.' },
      at: { type: 'string', format: 'date-time' },
    },
  };
}

const SCHEMAS: Record<string, SchemaObject> = {
  ObjectDefinitionResponse: definitionResponse(schemaRef(OBJECT_DEFINITION), { fieldEtags: FIELD_ETAGS }),
  ObjectDefinitionList: envelope({ objects: { type: 'array', items: schemaRef(OBJECT_DEFINITION) }, rights: OBJECT_RIGHTS }),
  FieldDefinitionResponse: definitionResponse(schemaRef('Field')),
  FieldDefinitionList: envelope({ fields: { type: 'array', items: schemaRef('Field') } }),
  ...Object.fromEntries(STANDALONE_KINDS.map(standaloneKind).flatMap(crudSchemas)),
  CurrencyDefinitionResponse: { ...envelope({ definition: schemaRef(CURRENCY_DEFINITION) }), properties: { definition: schemaRef(CURRENCY_DEFINITION), etag: ETAG, version } },
  CurrencyDefinitionList: envelope({
    currencies: { type: 'array', items: schemaRef(CURRENCY_DEFINITION) },
    corporate: { type: ['string', 'null'], description: 'The ISO code of the corporate currency; null while none is defined.' },
  }),
  MetadataVersion: envelope({}),
  MetadataHistoryEntry: historyEntry([]),
  PackKindList: envelope({
    kinds: {
      type: 'array',
      description: 'The kinds of metadata the packs installed in the tenant add, by name; served at /api/v1/meta/{path} as the platform\'s kinds are.',
      items: {
        type: 'object',
        required: ['kind', 'pack', 'label', 'plural', 'path', 'schema'],
        properties: {
          kind: { type: 'string', description: 'As the history and pack items name it: slaPolicy.' },
          pack: { type: 'string', description: 'The pack that adds it.' },
          label: { ...schemaRef('LocalizedText'), description: 'How admins see one definition of it.' },
          plural: { type: 'string' },
          path: { type: 'string', description: 'Its path under /api/v1/meta, and its folder under metadata/ in a pack.' },
          objectProperty: { type: 'string', description: 'The property naming the object its definitions belong to, for a kind that has one.' },
          schema: { type: 'object', description: 'The JSON Schema of one definition.' },
        },
      },
    },
  }),
  MetadataHistory: envelope({
    entries: { type: 'array', items: schemaRef('MetadataHistoryEntry') },
    next: { type: ['integer', 'null'], description: 'The version to send as `before` for older changes; null on the last page.' },
  }),
  ExpressionTestRequest: {
    type: 'object',
    description: 'An expression to try as a formula, rule condition or default expression of the object would run, before it is saved.',
    required: ['object', 'expression'],
    properties: {
      object: { ...schemaRef('ApiName'), description: 'The object whose fields, parents (through lookups) and system fields the expression reads.' },
      expression: { type: 'string', minLength: 1, description: 'JSONata, e.g. `amount * probability / 100` or `account.industry`; `$user` and `$today` are bound.' },
      record: { type: 'object', description: 'Field values to evaluate against (lookups as record ids: their parents are read).' },
      recordId: { type: 'string', pattern: RECORD_ID_PATTERN, description: 'A stored record to evaluate against instead, with its parents.' },
      resultType: { type: 'string', enum: Object.keys(RESULT_TYPES), description: 'Convert the result as a formula field of this result type would.' },
    },
  },
  ExpressionTestResult: {
    type: 'object',
    required: ['result', 'references'],
    properties: {
      result: { description: 'The value, any JSON; null when the expression gives nothing.' },
      references: {
        type: 'object',
        required: ['fields', 'parents'],
        properties: {
          fields: { type: 'array', items: { type: 'string' }, description: 'Fields of the record the expression reads, system fields included.' },
          parents: {
            type: 'array',
            description: 'Fields of parents it reads, by the lookup that reaches them; `*` when it reads a parent whole.',
            items: { type: 'object', required: ['lookup', 'field'], properties: { lookup: { type: 'string' }, field: { type: 'string' } } },
          },
        },
      },
    },
  },
};

const objectName: Parameter = { name: 'name', in: 'path', required: true, description: 'The API name of the object.', schema: schemaRef('ApiName') };
const currencyName: Parameter = {
  name: 'name',
  in: 'path',
  required: true,
  description: 'The ISO 4217 code in lower case, e.g. eur.',
  schema: { type: 'string', pattern: '^[a-z]{3}$' },
};
const fieldName: Parameter = { name: 'field', in: 'path', required: true, description: 'The API name of the field.', schema: schemaRef('ApiName') };

const ok = (description: string, schema: string): Response => ({ description, content: json(schemaRef(schema)) });

function operation(id: string, summary: string, responses: Operation['responses'], extra: Partial<Operation> = {}): Operation {
  return { operationId: `meta.${id}`, summary, tags: [TAG], ...extra, responses: { ...responses, '404': responseRef('NotFound') } };
}

function body(schema: SchemaObject, description?: string): Operation['requestBody'] {
  return { required: true, ...(description ? { description } : {}), content: json(schema) };
}

/** Reads of setup-only kinds and of the history; the other kinds show users a narrowed view (docs/metadata-access.md). */
const readForbidden = responseRef('Forbidden', 'Roles, groups and permission sets need manage metadata or manage users; sharing rules, automation rules and the history need manage metadata.');

const writeErrors = { '400': responseRef('BadRequest'), '409': responseRef('Conflict'), '413': responseRef('PayloadTooLarge') };

/** What the document says of a kind the generic CRUD serves: the platform's, or one of the tenant's packs'. */
type ServedKindDocs = Pick<KindDescription<string, { readonly name: string }, 'create' | 'update' | 'delete', KindApi>, 'api' | 'path' | 'schema' | 'noun' | 'plural'>;

/** The two path items of a kind defined on its own: its list and create, and get, replace and delete by name. */
function standalonePaths({ api, path: segment, schema: { title: schema }, noun }: ServedKindDocs): [path: string, item: PathItem][] {
  const docs = api.docs;
  const path = `${BASE}/${segment}`;
  const name: Parameter = { name: 'name', in: 'path', required: true, description: `The API name of the ${noun}.`, schema: schemaRef('ApiName') };
  const byObject: Parameter[] = docs.byObject ? [{ name: 'object', in: 'query', description: docs.byObject, schema: schemaRef('ApiName') }] : [];
  const deleteResponses: Operation['responses'] = { '200': ok('Deleted.', 'MetadataVersion'), ...(docs.deleteRefused ? { '409': responseRef('Conflict') } : {}) };
  const collection: PathItem = {
    get: operation(`list${docs.many}`, `List ${noun} definitions`, { '200': ok(docs.listed, `${schema}List`), '403': readForbidden }, byObject.length > 0 ? { parameters: byObject } : {}),
    post: operation(`create${docs.one}`, `Create a ${noun}`, { '201': ok('Created.', `${schema}Response`), ...writeErrors }, {
      description: docs.create,
      requestBody: body(schemaRef(schema)),
    }),
  };
  const item: PathItem = {
    parameters: [name],
    get: operation(`get${docs.one}`, `Get a ${noun} definition`, { '200': ok('The definition.', `${schema}Response`), '403': readForbidden }),
    put: operation(`replace${docs.one}`, `Replace a ${noun} definition`, { '200': ok('Replaced.', `${schema}Response`), ...writeErrors }, {
      description: docs.replace,
      requestBody: body(schemaRef(schema)),
    }),
    delete: operation(`delete${docs.one}`, `Delete a ${noun}`, deleteResponses, docs.deleteRefused ? { description: docs.deleteRefused } : {}),
  };
  return [
    [path, collection],
    [`${path}/{name}`, item],
  ];
}

/**
 * /api/v1/meta: object, field, layout, currency, role, group, permission set and sharing rule
 * definitions (CRUD, validated, versioned) and the history of changes; with the kinds the
 * tenant's packs add (`packKinds`), served at their paths alike.
 */
export function metaPaths(packKinds: readonly PackKind[] = []): OpenApiFragment {
  const partialObject: SchemaObject = { type: 'object', description: `Top-level properties of ${OBJECT_DEFINITION} to replace; \`fields\`, if sent, replaces the whole list.` };
  const partialField: SchemaObject = { type: 'object', description: 'Properties of the field definition to change; the others keep their value.' };
  return {
    tags: [
      {
        name: TAG,
        description:
          'Object, field, layout and currency definitions, and the security model: roles, groups, permission sets and sharing rules. ' +
          'Every change needs the manage-metadata right, is validated, builds a new metadata version and takes effect on the next request.',
      },
    ],
    schemas: packKinds.length === 0 ? SCHEMAS : { ...SCHEMAS, ...Object.fromEntries(packKinds.flatMap(crudSchemas)), MetadataHistoryEntry: historyEntry(packKinds) },
    paths: conditional({
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
      [`${BASE}/objects/{name}/fields/{field}/impact`]: {
        parameters: [objectName, fieldName],
        post: fieldImpactOperation(TAG),
      },
      [`${BASE}/objects/{name}/fields/{field}/apply-default`]: {
        parameters: [objectName, fieldName],
        post: applyDefaultOperation(TAG),
      },
      ...Object.fromEntries([...STANDALONE_KINDS.map(standaloneKind), ...packKinds].flatMap(standalonePaths)),
      [`${BASE}/kinds`]: {
        get: operation('listPackKinds', 'List the kinds of metadata the tenant\'s packs add', { '200': ok('The kinds, by name.', 'PackKindList'), '403': readForbidden }),
      },
      [`${BASE}/currencies`]: {
        get: operation('listCurrencies', 'List the currencies and the corporate one', { '200': ok('The currencies.', 'CurrencyDefinitionList') }),
      },
      [`${BASE}/currencies/{name}`]: {
        parameters: [currencyName],
        get: operation('getCurrency', 'Get a currency with its dated rates', { '200': ok('The definition.', 'CurrencyDefinitionResponse') }),
        put: operation('putCurrency', 'Define or replace a currency', { '200': ok('Defined; every stored amount is converted again.', 'CurrencyDefinitionResponse'), ...writeErrors }, {
          description:
            'Exactly one currency is corporate and has no rates (400 otherwise). Every stored amount is converted again in the same ' +
            'unit of work; 409 `currency_in_use` when the new rates cannot convert one.',
          requestBody: body(schemaRef(CURRENCY_DEFINITION)),
        }),
        delete: operation('deleteCurrency', 'Remove a currency', { '200': ok('Removed.', 'MetadataVersion'), '409': responseRef('Conflict') }),
      },
      [`${BASE}/expressions/test`]: {
        post: {
          operationId: 'meta.testExpression',
          summary: 'Try an expression on a sample or stored record',
          description: 'Checks the expression as saving it would (400 with its position or the unknown name), then evaluates it; writes nothing.',
          tags: [TAG],
          requestBody: body(schemaRef('ExpressionTestRequest')),
          responses: {
            '200': ok('The result, and what the expression reads.', 'ExpressionTestResult'),
            '400': responseRef('BadRequest'),
            '404': responseRef('NotFound'),
            '413': responseRef('PayloadTooLarge'),
            '422': responseRef('ExpressionFailed'),
          },
        },
      },
      [`${BASE}/record-counts`]: {
        get: {
          operationId: 'meta.recordCounts',
          summary: "Every object's record count, for the object manager",
          description: 'Live records per object (the recycle bin left out), and whether the object is a standard one every tenant has. Needs the manage-metadata right.',
          tags: [TAG],
          responses: {
            '200': {
              description: 'By object name.',
              content: json({
                type: 'object',
                required: ['objects'],
                properties: {
                  objects: {
                    type: 'object',
                    additionalProperties: { type: 'object', required: ['records', 'standard'], properties: { records: { type: 'integer', minimum: 0 }, standard: { type: 'boolean' } } },
                  },
                },
              }),
            },
            '403': responseRef('Forbidden', 'Needs the manage-metadata right.'),
          },
        },
      },
      [`${BASE}/history`]: {
        get: {
          operationId: 'meta.history',
          summary: 'Recent metadata changes, newest first',
          description:
            'All changes, or those of one kind, or the versions of one definition (`kind` and `name`, following it through a rename). Follow `next` with `before` for older ones; ' +
            'to go back to a version, send its `after` to the definition\'s own PUT (or POST, if it was deleted) as any script would.',
          tags: [TAG],
          parameters: [
            { name: 'limit', in: 'query', description: 'How many changes, at most 200.', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
            { name: 'kind', in: 'query', description: 'Only changes of definitions of this kind.', schema: { type: 'string', enum: [...METADATA_KINDS, ...packKinds.map((entry) => entry.kind)] } },
            { name: 'name', in: 'query', description: 'Only changes of the definition of this name (needs `kind`): named so before or after the change.', schema: { type: 'string' } },
            { name: 'before', in: 'query', description: 'The `next` of the previous page: only changes older than this metadata version.', schema: { type: 'integer', minimum: 1 } },
          ],
          responses: { '200': ok('The changes.', 'MetadataHistory'), '400': responseRef('BadRequest'), '403': readForbidden },
        },
      },
    }),
  };
}
