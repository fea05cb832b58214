import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { expect } from 'chai';
import { openApiDocument } from '../../engine/http/openapi/index.js';
import { embedKindSchema } from '../../engine/http/openapi/metadata-schemas.js';
import { DEFAULT_TENANT } from '../../engine/tenancy/index.js';
import { startTestEngine, type TestEngine, type TestResponse } from '../support/test-engine.js';

const ALL_TYPES = [
  { name: 'title', type: 'text', required: true, label: { en: 'Title', 'zh-CN': '标题' } },
  { name: 'notes', type: 'longtext' },
  { name: 'quantity', type: 'number', min: 0 },
  { name: 'amount', type: 'currency', currency: 'EUR' },
  { name: 'discount', type: 'percent' },
  { name: 'needed_by', type: 'date' },
  { name: 'reminder_at', type: 'datetime' },
  { name: 'urgent', type: 'boolean' },
  { name: 'priority', type: 'picklist', values: ['low', 'normal', 'high'], default: 'normal' },
  { name: 'tags', type: 'multipicklist', values: ['red', 'green', { value: 'blue', active: false }] },
  { name: 'shade', type: 'picklist', values: ['light', 'dark'], controllingField: 'urgent', dependencies: { true: ['dark'], false: ['light', 'dark'] } },
  { name: 'contact_email', type: 'email' },
  { name: 'contact_phone', type: 'phone' },
  { name: 'website', type: 'url' },
  { name: 'supplier', type: 'lookup', target: 'supplier', onDelete: 'restrict' },
  { name: 'account', type: 'masterdetail', target: 'supplier' },
  { name: 'number', type: 'autonumber', format: 'EV-{0000}' },
  { name: 'extra', type: 'json' },
  { name: 'subtotal', type: 'formula', expression: 'quantity * amount', resultType: 'currency' },
];

/** The detail of `everything`, pointing at it twice: its related list needs ?field=. */
const LINE = {
  name: 'everything_line',
  fields: [
    { name: 'parent', type: 'masterdetail', target: 'everything' },
    { name: 'also', type: 'lookup', target: 'everything' },
    { name: 'label', type: 'text' },
  ],
};

const LAYOUT = {
  name: 'everything_entry',
  object: 'everything',
  isDefault: true,
  label: { en: 'Entry', 'zh-CN': '录入' },
  sections: [
    { title: { en: 'Main', 'zh-CN': '主要' }, columns: 2, fields: ['title', { field: 'amount', required: true }, 'supplier', 'account', 'subtotal'] },
    { collapsed: true, fields: ['notes', 'urgent', 'priority', 'shade', 'tags', 'extra', 'line_count', 'number', 'reminder_at', { field: 'discount', readOnly: true }] },
  ],
  relatedLists: [{ object: 'everything_line', field: 'parent', columns: ['label'], label: { en: 'Lines' } }],
};

type Doc = {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, any>>;
  components: { schemas: Record<string, any>; parameters: Record<string, any>; responses: Record<string, any> };
};

async function validate(doc: unknown): Promise<void> {
  const result = await new Validator().validate(doc as Record<string, unknown>);
  expect(result.errors, JSON.stringify(result.errors, null, 2)?.slice(0, 2000)).to.equal(undefined);
  expect(result.valid).to.equal(true);
}

const DOCUMENT_ID = 'https://crm.test/openapi.json';

/** An ajv holding the document's components, so that every `#/components/...` reference resolves. */
function documentAjv(doc: Doc): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  formats.default(ajv);
  ajv.addSchema({ $id: DOCUMENT_ID, components: doc.components });
  return ajv;
}

/** The document's own schemas, compiled by ajv: responses of the real API are checked against them. */
function schemaValidator(doc: Doc, name: string): ValidateFunction {
  const validate = documentAjv(doc).getSchema(`${DOCUMENT_ID}#/components/schemas/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  if (!validate) throw new Error(`no schema ${name}`);
  return validate;
}

/**
 * The schema an operation documents for one status, compiled like schemaValidator's: checks that
 * the route says what it answers, not only that some component fits.
 */
function responseValidator(doc: Doc, method: string, path: string, status: number): ValidateFunction | undefined {
  const operation = doc.paths[path]?.[method];
  if (!operation) throw new Error(`no ${method} ${path} in the document`);
  let response = operation.responses[String(status)];
  if (!response) throw new Error(`${method} ${path} documents no ${status}`);
  if (response.$ref) response = doc.components.responses[response.$ref.split('/').pop()];
  if (!response.content) return undefined;
  const schema = JSON.stringify(response.content['application/json'].schema).replaceAll('"#/components/', `"${DOCUMENT_ID}#/components/`);
  return documentAjv(doc).compile(JSON.parse(schema));
}

/** The real response has a status its route documents, and a body its schema for that status accepts. */
function expectDocumented(doc: Doc, method: string, path: string, response: TestResponse, status: number): void {
  expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).to.equal(status);
  const validate = responseValidator(doc, method, path, status);
  if (!validate) {
    expect(response.body || undefined, `${method} ${path} ${status} documents no body`).to.equal(undefined);
    return;
  }
  expect(validate(response.body), `${method} ${path} ${status}: ${JSON.stringify(validate.errors)}`).to.equal(true);
}

function parameter(doc: Doc, operation: { parameters: any[] }, name: string): any {
  const resolve = (p: any) => (p.$ref ? doc.components.parameters[p.$ref.split('/').pop()] : p);
  return operation.parameters.map(resolve).find((p: any) => p.name === name);
}

describe('OpenAPI document and API reference', () => {
  let engine: TestEngine;

  async function fetchDoc(): Promise<Doc> {
    const response = await engine.request('GET', '/api/v1/openapi.json');
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.match(/^application\/json/);
    return response.body as Doc;
  }

  before(async () => {
    engine = await startTestEngine();
    const supplier = await engine.request('POST', '/api/v1/meta/objects', { name: 'supplier', fields: [{ name: 'name', type: 'text' }] });
    expect(supplier.status, JSON.stringify(supplier.body)).to.equal(201);
    const everything = await engine.request('POST', '/api/v1/meta/objects', {
      name: 'everything',
      label: { en: 'Everything', 'zh-CN': '一切' },
      description: 'One field of every type.',
      fields: ALL_TYPES.map((field) => (field.name === 'quantity' ? { ...field, trackHistory: true } : field)),
      validationRules: [{ name: 'quantity_cap', condition: 'quantity > 1000', field: 'quantity', message: { en: 'At most 1000 at a time' } }],
    });
    expect(everything.status, JSON.stringify(everything.body)).to.equal(201);
    const line = await engine.request('POST', '/api/v1/meta/objects', LINE);
    expect(line.status, JSON.stringify(line.body)).to.equal(201);
    const rollup = await engine.request('POST', '/api/v1/meta/objects/everything/fields', { name: 'line_count', type: 'rollup', child: 'everything_line', function: 'count' });
    expect(rollup.status, JSON.stringify(rollup.body)).to.equal(201);
  });

  after(async () => {
    await engine?.stop();
  });

  it('is a valid OpenAPI 3.1 document by an independent validator', async () => {
    const doc = await fetchDoc();
    expect(doc.openapi).to.equal('3.1.0');
    await validate(doc);
  });

  // What the OpenAPI schema cannot express, and so the validator above does not check.
  it('declares every path parameter, names each operation once and holds only valid JSON Schemas', async () => {
    const doc = await fetchDoc();
    const operationIds: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of ['get', 'post', 'put', 'patch', 'delete'].filter((m) => item[m])) {
        const declared = [...(item.parameters ?? []), ...(item[method].parameters ?? [])]
          .map((p: any) => (p.$ref ? doc.components.parameters[p.$ref.split('/').pop()] : p))
          .filter((p: any) => p.in === 'path' && p.required === true)
          .map((p: any) => p.name);
        const templated = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
        expect(declared.sort(), `${method} ${path}`).to.deep.equal(templated.sort());
        operationIds.push(item[method].operationId);
      }
    }
    expect(new Set(operationIds).size).to.equal(operationIds.length);
    const ajv = new Ajv2020({ strict: false });
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      expect(ajv.validateSchema(schema), `${name}: ${JSON.stringify(ajv.errors)}`).to.equal(true);
    }
  });

  it('describes every field of every type in the read, create and update schemas', async () => {
    const { components } = await fetchDoc();
    const read = components.schemas.everything;
    expect(read.title).to.equal('Everything');
    expect(Object.keys(read.properties)).to.include.members([...ALL_TYPES.map((field) => field.name), '_id', '_version', '_createdAt']);
    expect(read.properties.title.title).to.equal('Title');
    expect(read.properties.needed_by.title).to.equal('Needed by');
    expect(read.properties.tags.items.enum).to.deep.equal(['red', 'green', 'blue']);

    const create = components.schemas['everything.create'];
    expect(create.required).to.include.members(['title', 'account']);
    expect(create.properties).to.not.have.property('number');
    expect(create.properties).to.not.have.property('_id');
    expect(create.properties.tags.items.enum).to.deep.equal(['red', 'green']);

    const update = components.schemas['everything.update'];
    expect(update).to.not.have.property('required');
    expect(update.properties.amount.anyOf).to.deep.include({ type: 'null' });

    expect(components.schemas.supplier.properties).to.have.property('name');
  });

  it('gives each object list, create, get, update and delete routes with the shared error responses', async () => {
    const doc = await fetchDoc();
    const collection = doc.paths['/api/v1/records/everything']!;
    const item = doc.paths['/api/v1/records/everything/{id}']!;
    expect(Object.keys(collection)).to.include.members(['get', 'post']);
    expect(Object.keys(item)).to.include.members(['get', 'patch', 'delete']);

    const list = collection.get;
    for (const name of ['filter', 'sort', 'fields', 'limit', 'cursor', 'total']) expect(parameter(doc, list, name), name).to.not.equal(undefined);
    expect(parameter(doc, list, 'limit').schema).to.include({ minimum: 1, maximum: 200 });
    expect(collection.post.responses['201'].content['application/json'].schema.$ref).to.equal('#/components/schemas/everything');
    expect(parameter(doc, item.patch, 'If-Match').in).to.equal('header');
    expect(item.patch.responses).to.include.keys('200', '400', '404', '409', '412');
    expect(item.delete.responses).to.include.keys('204', '404', '412');
    expect(collection.post.responses['409'].$ref).to.equal('#/components/responses/Conflict');
    const error = doc.components.schemas.Error;
    expect(error.properties.error.required).to.deep.equal(['code', 'message', 'details']);
    expect(doc.components.schemas.ErrorDetail.required).to.deep.equal(['path', 'message']);
  });

  it('documents the filter language and the operators each field allows', async () => {
    const doc = await fetchDoc();
    const filter: string = parameter(doc, doc.paths['/api/v1/records/everything']!.get, 'filter').description;
    for (const operator of ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'contains', 'startsWith', 'isNull', 'and', 'or']) {
      expect(filter).to.include(`\`${operator}\``);
    }
    const row = (field: string) => filter.split('\n').find((line) => line.startsWith(`| \`${field}\` |`));
    expect(row('notes')).to.equal('| `notes` | longtext | `isNull`, `contains` |');
    expect(row('extra')).to.equal('| `extra` | json | `isNull` |');
    expect(row('urgent')).to.equal('| `urgent` | boolean | `eq`, `ne`, `isNull` |');
    expect(row('title')).to.include('`startsWith`');
    expect(row('_createdAt')).to.include('`gte`');
    // A formula is filtered like the type it returns.
    expect(row('subtotal')).to.include('| formula (currency) |').and.include('`gte`').and.not.include('`contains`');
  });

  it('documents the metadata routes with the object definition schema', async () => {
    const doc = await fetchDoc();
    expect(doc.paths['/api/v1/meta/objects']).to.include.keys('get', 'post');
    expect(doc.paths['/api/v1/meta/objects/{name}']).to.include.keys('get', 'put', 'patch', 'delete');
    expect(doc.paths['/api/v1/meta/objects/{name}/fields']).to.include.keys('get', 'post');
    expect(doc.paths['/api/v1/meta/objects/{name}/fields/{field}']).to.include.keys('get', 'put', 'patch', 'delete');
    expect(doc.paths['/api/v1/meta/history']).to.include.keys('get');
    const definition = doc.components.schemas.ObjectDefinition;
    expect(JSON.stringify(definition)).to.not.include('$defs');
    expect(doc.components.schemas.Field.discriminator.mapping.lookup).to.equal('#/components/schemas/LookupField');
  });

  it('documents the layout routes with the layout definition schema, sharing the definitions both kinds spell alike', async () => {
    const doc = await fetchDoc();
    expect(doc.paths['/api/v1/meta/layouts']).to.include.keys('get', 'post');
    expect(doc.paths['/api/v1/meta/layouts/{name}']).to.include.keys('get', 'put', 'delete');
    expect(parameter(doc, doc.paths['/api/v1/meta/layouts']!.get, 'object').in).to.equal('query');
    const { schemas } = doc.components;
    expect(doc.paths['/api/v1/meta/layouts']!.post.requestBody.content['application/json'].schema.$ref).to.equal('#/components/schemas/LayoutDefinition');
    expect(schemas).to.include.keys('LayoutDefinition', 'Section', 'LayoutField', 'RelatedList', 'LayoutDefinitionResponse', 'LayoutDefinitionList');
    expect(JSON.stringify(schemas.LayoutDefinition)).to.not.include('$defs');
    // ApiName and LocalizedText are the same in both files: one component each, no prefixed copy.
    expect(schemas.LayoutDefinition.properties.name.$ref).to.equal('#/components/schemas/ApiName');
    expect(schemas).to.not.have.any.keys('LayoutApiName', 'LayoutLocalizedText');
    const history = schemas.MetadataHistoryEntry;
    expect(history.properties.kind.enum).to.include.members(['object', 'layout']);
    expect(history.properties.after.oneOf).to.deep.include({ $ref: '#/components/schemas/LayoutDefinition' });
  });

  it('shares a definition two kinds spell alike and renames, with the kind as prefix, one they spell differently', () => {
    const components: Record<string, any> = {};
    const ref = (name: string) => ({ $ref: `#/$defs/${name}` });
    embedKindSchema(components, {
      title: 'First',
      type: 'object',
      properties: { name: ref('Name'), text: ref('Text'), holder: ref('Holder') },
      $defs: { Name: { type: 'string' }, Text: { type: 'string', maxLength: 5 }, Holder: { properties: { name: ref('Name') } } },
    }, 'First');
    embedKindSchema(components, {
      title: 'Second',
      type: 'object',
      properties: { name: ref('Name'), text: ref('Text'), holder: ref('Holder') },
      // Text equal but for key order; Name different; Holder equal as written, but its Name is another.
      $defs: { Name: { type: 'string', pattern: '^s' }, Text: { maxLength: 5, type: 'string' }, Holder: { properties: { name: ref('Name') } } },
    }, 'Second');
    expect(components).to.have.all.keys('First', 'Name', 'Text', 'Holder', 'Second', 'SecondName', 'SecondHolder');
    expect(components.Second.properties).to.deep.equal({
      name: { $ref: '#/components/schemas/SecondName' },
      text: { $ref: '#/components/schemas/Text' },
      holder: { $ref: '#/components/schemas/SecondHolder' },
    });
    expect(components.SecondHolder.properties.name.$ref).to.equal('#/components/schemas/SecondName');
    expect(components.Holder.properties.name.$ref).to.equal('#/components/schemas/Name');
  });

  it('maps every field type of the object schema, formula and roll-up included, and describes validation rules and history', async () => {
    const { schemas } = (await fetchDoc()).components;
    const mapping = schemas.Field.discriminator.mapping;
    expect(mapping).to.include({ formula: '#/components/schemas/FormulaField', rollup: '#/components/schemas/RollupField' });
    expect(Object.keys(mapping)).to.have.length(schemas.Field.oneOf.length);
    expect(schemas.ObjectDefinition.properties.validationRules.items.$ref).to.equal('#/components/schemas/ValidationRule');
    expect(schemas.LookupField.properties.onDelete.enum).to.deep.equal(['clear', 'restrict']);
    expect(schemas.FieldCommon.properties).to.include.keys('trackHistory', 'defaultExpression');
  });

  it('marks computed and system fields read only, and names each field type and lookup target for generators', async () => {
    const { schemas } = (await fetchDoc()).components;
    const read = schemas.everything.properties;
    for (const name of ['subtotal', 'line_count', 'number', '_id', '_version', '_createdAt']) expect(read[name].readOnly, name).to.equal(true);
    for (const name of ['title', 'amount', 'supplier']) expect(read[name], name).to.not.have.property('readOnly');
    expect(read.subtotal).to.include({ 'x-field-type': 'formula', type: 'number' });
    expect(read.line_count['x-field-type']).to.equal('rollup');
    expect(read.contact_email['x-field-type']).to.equal('email');
    expect(read.supplier).to.include({ 'x-field-type': 'lookup', 'x-lookup-target': 'supplier' });
    expect(read.account).to.include({ 'x-field-type': 'masterdetail', 'x-lookup-target': 'supplier' });
    expect(read.title).to.not.have.property('x-lookup-target');
    // Create and update schemas stay the engine's own: computed fields are not in them at all.
    expect(schemas['everything.create'].properties).to.not.have.any.keys('subtotal', 'line_count');
    expect(schemas['everything.update'].properties).to.not.have.any.keys('subtotal', 'line_count');
  });

  it('documents expand, related lists, history and the recycle bin of each object, with the errors they answer', async () => {
    const doc = await fetchDoc();
    const list = doc.paths['/api/v1/records/everything']!;
    const item = doc.paths['/api/v1/records/everything/{id}']!;
    expect(parameter(doc, list.get, 'expand').description).to.include('`supplier`').and.include('`account`');
    expect(parameter(doc, item.get, 'expand')).to.not.equal(undefined);
    // An object without lookups can still embed the users every record names.
    expect(parameter(doc, doc.paths['/api/v1/records/supplier']!.get, 'expand').description).to.include('`owner` (user)').and.not.include('`account`');
    expect(item.get.responses['200'].content['application/json'].schema.$ref).to.equal('#/components/schemas/everything.expanded');
    expect(doc.components.schemas['everything.parents'].properties.supplier.anyOf).to.deep.include({ $ref: '#/components/schemas/supplier' });

    expect(list.post.responses['422'].$ref).to.equal('#/components/responses/RuleViolated');
    expect(item.patch.responses['422'].$ref).to.equal('#/components/responses/RuleViolated');
    expect(item.delete.responses['409'].$ref).to.equal('#/components/responses/DeleteRestricted');
    expect(doc.components.responses.RuleViolated.description).to.include('expression_timeout').and.include('100 ms');

    const related = doc.paths['/api/v1/records/everything/{id}/related/everything_line']!.get;
    const field = parameter(doc, related, 'field');
    expect(field).to.deep.include({ required: true, schema: { type: 'string', enum: ['parent', 'also'] } });
    for (const name of ['filter', 'sort', 'fields', 'expand', 'limit', 'cursor', 'total']) expect(parameter(doc, related, name), name).to.not.equal(undefined);
    expect(parameter(doc, related, 'filter').description).to.include('| `label` | text |');
    expect(related.tags).to.deep.equal(['everything']);
    expect(doc.paths, 'supplier has no children but everything').to.have.property('/api/v1/records/supplier/{id}/related/everything');

    const history = doc.paths['/api/v1/records/everything/{id}/history']!.get;
    expect(history.description).to.include('`quantity`');
    expect(parameter(doc, history, 'limit').schema).to.include({ maximum: 200 });
    expect(doc.paths['/api/v1/recycle-bin/everything']).to.have.property('get');
    expect(doc.paths['/api/v1/recycle-bin/everything/{id}/restore']!.post.responses['409'].$ref).to.equal('#/components/responses/RestoreConflict');
    expect(doc.paths['/api/v1/recycle-bin/everything/{id}']!.delete.responses).to.include.keys('204', '404');
  });

  it('documents the forms route with its parameters and the form definition', async () => {
    const doc = await fetchDoc();
    const form = doc.paths['/api/v1/forms/{object}']!.get;
    expect(parameter(doc, form, 'layout').in).to.equal('query');
    expect(parameter(doc, form, 'lang').schema.enum).to.deep.equal(['en', 'zh-CN']);
    expect(parameter(doc, form, 'Accept-Language').in).to.equal('header');
    expect(form.responses['200'].headers).to.have.property('Content-Language');
    expect(form.responses).to.include.keys('400', '404');
  });

  it('describes what the new routes really return: layouts, forms, expand, related lists, history, the recycle bin and their errors', async () => {
    const doc = await fetchDoc();
    const is = (method: string, path: string, response: TestResponse, status: number) => expectDocumented(doc, method, path, response, status);

    // layouts, and their changes in the metadata history
    is('post', '/api/v1/meta/layouts', await engine.request('POST', '/api/v1/meta/layouts', LAYOUT), 201);
    is('get', '/api/v1/meta/layouts', await engine.request('GET', '/api/v1/meta/layouts?object=everything'), 200);
    is('get', '/api/v1/meta/layouts/{name}', await engine.request('GET', '/api/v1/meta/layouts/everything_entry'), 200);
    const spare = { ...LAYOUT, name: 'everything_spare', isDefault: false };
    expect((await engine.request('POST', '/api/v1/meta/layouts', spare)).status).to.equal(201);
    is('put', '/api/v1/meta/layouts/{name}', await engine.request('PUT', '/api/v1/meta/layouts/everything_spare', { ...spare, label: { en: 'Spare' } }), 200);
    is('delete', '/api/v1/meta/layouts/{name}', await engine.request('DELETE', '/api/v1/meta/layouts/everything_spare'), 200);
    is('post', '/api/v1/meta/layouts', await engine.request('POST', '/api/v1/meta/layouts', LAYOUT), 409);
    is('post', '/api/v1/meta/layouts', await engine.request('POST', '/api/v1/meta/layouts', { ...LAYOUT, name: 'bad', sections: [{ fields: ['nope'] }] }), 400);
    is('get', '/api/v1/meta/layouts/{name}', await engine.request('GET', '/api/v1/meta/layouts/nope'), 404);
    const history = await engine.request('GET', '/api/v1/meta/history');
    expect(history.body.entries.map((entry: { kind: string }) => entry.kind)).to.include('layout');
    is('get', '/api/v1/meta/history', history, 200);

    // forms: from the layout, in Chinese, without a layout, and refused
    const form = await engine.request('GET', '/api/v1/forms/everything?lang=zh-CN');
    is('get', '/api/v1/forms/{object}', form, 200);
    expect(form.body).to.include({ layout: 'everything_entry', language: 'zh-CN' });
    expect(form.headers.get('content-language')).to.equal('zh-CN');
    is('get', '/api/v1/forms/{object}', await engine.request('GET', '/api/v1/forms/everything_line', undefined, { 'Accept-Language': 'en' }), 200);
    is('get', '/api/v1/forms/{object}', await engine.request('GET', '/api/v1/forms/everything?lang=fr'), 400);
    is('get', '/api/v1/forms/{object}', await engine.request('GET', '/api/v1/forms/nothing'), 404);

    expect(form.body.uiSchema.shade['ui:options']).to.include({ controllingField: 'urgent' });

    // records with formulas, roll-ups and their parents embedded
    const supplier = (await engine.request('POST', '/api/v1/records/supplier', { name: 'Parent Co' })).body;
    const master = (await engine.request('POST', '/api/v1/records/supplier', { name: 'Master Co' })).body;
    const created = await engine.request('POST', '/api/v1/records/everything', { title: 'Parent', quantity: 2, amount: 10, supplier: supplier._id, account: master._id });
    is('post', '/api/v1/records/everything', created, 201);
    expect(created.body.subtotal).to.equal(20);
    const id = created.body._id as string;
    const line = await engine.request('POST', '/api/v1/records/everything_line', { parent: id, label: 'First' });
    expect(line.status, JSON.stringify(line.body)).to.equal(201);
    await engine.request('POST', '/api/v1/records/everything_line', { parent: id, also: id, label: 'Second' });

    const got = await engine.request('GET', `/api/v1/records/everything/${id}?expand=supplier,account&fields=title`);
    expect(got.body._expanded.supplier).to.include({ _id: supplier._id, name: 'Parent Co' });
    expect(got.body.line_count).to.equal(undefined);
    is('get', '/api/v1/records/everything/{id}', got, 200);
    expect((await engine.request('GET', `/api/v1/records/everything/${id}`)).body.line_count).to.equal(2);
    const listed = await engine.request('GET', '/api/v1/records/everything?expand=supplier&total=true');
    expect(listed.body.records.some((record: { _expanded?: { supplier: unknown } }) => record._expanded?.supplier === null)).to.equal(false);
    is('get', '/api/v1/records/everything', listed, 200);
    is('get', '/api/v1/records/everything', await engine.request('GET', '/api/v1/records/everything?expand=title'), 400);

    // related lists
    const related = await engine.request('GET', `/api/v1/records/everything/${id}/related/everything_line?field=parent&expand=parent,also&total=true`);
    expect(related.body.total).to.equal(2);
    expect(related.body.records.find((record: { label: string }) => record.label === 'First')._expanded.also).to.equal(null);
    is('get', '/api/v1/records/everything/{id}/related/everything_line', related, 200);
    is('get', '/api/v1/records/everything/{id}/related/everything_line', await engine.request('GET', `/api/v1/records/everything/${id}/related/everything_line`), 400);
    is('get', '/api/v1/records/supplier/{id}/related/everything', await engine.request('GET', `/api/v1/records/supplier/${supplier._id}/related/everything?field=supplier`), 200);

    // trying an expression
    const test = (body: Record<string, unknown>) => engine.request('POST', '/api/v1/meta/expressions/test', body);
    const tried = await test({ object: 'everything', expression: 'quantity * amount & " from " & supplier.name', recordId: id });
    expect(tried.body).to.deep.include({ result: '20 from Parent Co' });
    is('post', '/api/v1/meta/expressions/test', tried, 200);
    is('post', '/api/v1/meta/expressions/test', await test({ object: 'everything', expression: 'quantity * 2', record: { quantity: 2 }, resultType: 'currency' }), 200);
    is('post', '/api/v1/meta/expressions/test', await test({ object: 'everything', expression: 'quantiy * 2' }), 400);
    is('post', '/api/v1/meta/expressions/test', await test({ object: 'nothing', expression: '1' }), 404);
    is('post', '/api/v1/meta/expressions/test', await test({ object: 'everything', expression: '($f := function($x){ $f($x + 1) }; $f(1))' }), 422);

    // rules, history
    const broken = await engine.request('PATCH', `/api/v1/records/everything/${id}`, { quantity: 5000 });
    expect(broken.body.error).to.include({ code: 'rule_violated' });
    is('patch', '/api/v1/records/everything/{id}', broken, 422);
    is('post', '/api/v1/records/everything', await engine.request('POST', '/api/v1/records/everything', { title: 'Too many', quantity: 5000, account: master._id }), 422);
    is('patch', '/api/v1/records/everything/{id}', await engine.request('PATCH', `/api/v1/records/everything/${id}`, { quantity: 4, extra: null }), 200);
    const changes = await engine.request('GET', `/api/v1/records/everything/${id}/history`);
    expect(changes.body.entries.map((entry: { action: string; field?: string }) => `${entry.action}:${entry.field ?? ''}`)).to.deep.equal(['updated:quantity', 'created:']);
    is('get', '/api/v1/records/everything/{id}/history', changes, 200);
    is('get', '/api/v1/records/everything/{id}/history', await engine.request('GET', `/api/v1/records/everything/${id}/history?limit=0`), 400);

    // deletes: restricted by a lookup, then the recycle bin
    const restricted = await engine.request('DELETE', `/api/v1/records/supplier/${supplier._id}`);
    expect(restricted.body.error).to.include({ code: 'delete_restricted' });
    is('delete', '/api/v1/records/supplier/{id}', restricted, 409);
    is('delete', '/api/v1/records/everything/{id}', await engine.request('DELETE', `/api/v1/records/everything/${id}`), 204);
    const bin = await engine.request('GET', '/api/v1/recycle-bin/everything');
    expect(bin.body.entries.find((entry: { record: { _id: string } }) => entry.record._id === id)).to.include({ alsoDeleted: 2 });
    is('get', '/api/v1/recycle-bin/everything', bin, 200);
    const lineId = line.body._id as string;
    is('post', '/api/v1/recycle-bin/everything_line/{id}/restore', await engine.request('POST', `/api/v1/recycle-bin/everything_line/${lineId}/restore`), 409);
    const restored = await engine.request('POST', `/api/v1/recycle-bin/everything/${id}/restore`);
    expect(restored.headers.get('etag')).to.equal(`"${restored.body._version}"`);
    is('post', '/api/v1/recycle-bin/everything/{id}/restore', restored, 200);
    is('post', '/api/v1/recycle-bin/everything/{id}/restore', await engine.request('POST', `/api/v1/recycle-bin/everything/${id}/restore`), 404);
    expect((await engine.request('DELETE', `/api/v1/records/everything/${id}`)).status).to.equal(204);
    is('delete', '/api/v1/recycle-bin/everything/{id}', await engine.request('DELETE', `/api/v1/recycle-bin/everything/${id}`), 204);
    is('delete', '/api/v1/recycle-bin/everything/{id}', await engine.request('DELETE', `/api/v1/recycle-bin/everything/${id}`), 404);
  });

  it('describes what the API really returns: records, pages, errors and definitions match their schemas', async () => {
    const doc = await fetchDoc();
    const supplier = await engine.request('POST', '/api/v1/records/supplier', { name: 'Acme' });
    const created = await engine.request('POST', '/api/v1/records/everything', {
      title: 'All of it',
      notes: 'long',
      quantity: 3,
      amount: 12.5,
      discount: 10,
      needed_by: '2025-01-31',
      reminder_at: '2025-01-31T10:00:00Z',
      urgent: true,
      tags: ['red', 'green'],
      contact_email: 'buyer@example.com',
      contact_phone: '+49 30 1234567',
      website: 'https://example.com',
      supplier: supplier.body._id,
      account: supplier.body._id,
      extra: { any: ['json'] },
    });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const check = (schema: string, body: unknown) => {
      const validate = schemaValidator(doc, schema);
      expect(validate(body), `${schema}: ${JSON.stringify(validate.errors)}`).to.equal(true);
    };
    check('everything', created.body);
    check('everything.list', (await engine.request('GET', '/api/v1/records/everything?total=true')).body);
    check('everything.update', { amount: null, title: 'Renamed' });
    check('everything.create', { title: 'x', account: supplier.body._id });
    expect(schemaValidator(doc, 'everything.create')({ title: 'x', account: supplier.body._id, number: 'EV-9' })).to.equal(false);

    const invalid = await engine.request('POST', '/api/v1/records/everything', { amount: 'abc' });
    expect(invalid.status).to.equal(400);
    check('Error', invalid.body);
    check('ObjectDefinitionResponse', (await engine.request('GET', '/api/v1/meta/objects/everything')).body);
    check('MetadataHistory', (await engine.request('GET', '/api/v1/meta/history')).body);
  });

  it('follows a metadata change on the next request, and stays valid', async () => {
    const before = await fetchDoc();
    expect(before.components.schemas.everything.properties).to.not.have.property('added_later');
    const added = await engine.request('POST', '/api/v1/meta/objects/everything/fields', {
      name: 'added_later',
      type: 'picklist',
      values: ['yes', 'no'],
      label: { en: 'Added later' },
    });
    expect(added.status, JSON.stringify(added.body)).to.equal(201);

    const after = await fetchDoc();
    expect(after.info.version).to.not.equal(before.info.version);
    expect(after.components.schemas.everything.properties.added_later).to.deep.include({ title: 'Added later', enum: ['yes', 'no'] });
    expect(after.components.schemas['everything.create'].properties).to.have.property('added_later');
    const filter: string = parameter(after, after.paths['/api/v1/records/everything']!.get, 'filter').description;
    expect(filter).to.include('| `added_later` | picklist |');
    await validate(after);
  });

  it('drops a deleted object from paths and schemas', async () => {
    const made = await engine.request('POST', '/api/v1/meta/objects', { name: 'temporary', fields: [{ name: 'note', type: 'text' }] });
    expect(made.status).to.equal(201);
    const withIt = await fetchDoc();
    expect(withIt.paths).to.have.property('/api/v1/records/temporary');

    expect((await engine.request('DELETE', '/api/v1/meta/objects/temporary')).status).to.equal(200);
    const without = await fetchDoc();
    expect(without.paths).to.not.have.property('/api/v1/records/temporary');
    expect(without.paths).to.not.have.property('/api/v1/records/temporary/{id}');
    expect(without.components.schemas).to.not.have.any.keys('temporary', 'temporary.create', 'temporary.update', 'temporary.list');
    await validate(without);
  });

  it('builds the document once per metadata version and anew after a change', async () => {
    const tenant = await engine.platform.tenant(DEFAULT_TENANT);
    const before = tenant.metadata.snapshot;
    const first = await engine.request('GET', '/api/v1/openapi.json');
    expect(openApiDocument(before)).to.equal(openApiDocument(before));
    expect((await engine.request('GET', '/api/v1/openapi.json')).body).to.deep.equal(first.body);

    const changed = await engine.request('PATCH', '/api/v1/meta/objects/supplier', { label: { en: 'Vendor' } });
    expect(changed.status, JSON.stringify(changed.body)).to.equal(200);
    const after = tenant.metadata.snapshot;
    expect(after.version).to.be.greaterThan(before.version);
    expect(openApiDocument(after)).to.not.equal(openApiDocument(before));
    expect((await fetchDoc()).components.schemas.supplier.title).to.equal('Vendor');
  });

  it('serves Swagger UI at /api/docs with every asset from this server', async () => {
    const page = await engine.request('GET', '/api/docs');
    expect(page.status).to.equal(200);
    expect(page.headers.get('content-type')).to.match(/^text\/html/);
    const html = page.body as string;
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(sources).to.include('/api/docs/assets/swagger-ui-bundle.js');
    expect(sources.filter((source) => !source.startsWith('/'))).to.deep.equal([]);

    const bundle = await fetch(`${engine.url}/api/docs/assets/swagger-ui-bundle.js`);
    expect(bundle.status).to.equal(200);
    expect(bundle.headers.get('content-type')).to.match(/javascript/);
    expect((await bundle.text()).length).to.be.greaterThan(100_000);
    expect((await engine.request('GET', '/api/docs/assets/swagger-ui.css')).status).to.equal(200);

    const initializer = await engine.request('GET', '/api/docs/initializer.js');
    expect(initializer.status).to.equal(200);
    expect(initializer.body).to.include("url: '/api/v1/openapi.json'").and.include('validatorUrl: null');
    // The package's demo page would load the Petstore from the internet: it is not served.
    expect((await engine.request('GET', '/api/docs/assets/index.html')).status).to.equal(404);
  });
});
