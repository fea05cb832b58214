import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { expect } from 'chai';
import { openApiDocument } from '../../engine/http/openapi/index.js';
import { DEFAULT_TENANT } from '../../engine/tenancy/index.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

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
  { name: 'contact_email', type: 'email' },
  { name: 'contact_phone', type: 'phone' },
  { name: 'website', type: 'url' },
  { name: 'supplier', type: 'lookup', target: 'supplier' },
  { name: 'account', type: 'masterdetail', target: 'supplier' },
  { name: 'number', type: 'autonumber', format: 'EV-{0000}' },
  { name: 'extra', type: 'json' },
];

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

/**
 * The document's own schemas, compiled by ajv against the whole document so that every
 * `#/components/...` reference resolves: responses of the real API are checked against them.
 */
function schemaValidator(doc: Doc, name: string): ValidateFunction {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  formats.default(ajv);
  ajv.addSchema({ $id: 'https://crm.test/openapi.json', components: doc.components });
  const validate = ajv.getSchema(`https://crm.test/openapi.json#/components/schemas/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  if (!validate) throw new Error(`no schema ${name}`);
  return validate;
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
      fields: ALL_TYPES,
    });
    expect(everything.status, JSON.stringify(everything.body)).to.equal(201);
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
