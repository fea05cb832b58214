import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'chai';
import { openApiDocument } from '../../engine/http/openapi/index.js';
import { embedKindSchema } from '../../engine/http/openapi/metadata-schemas.js';
import { DEFAULT_TENANT } from '../../engine/tenancy/index.js';
import { ALL_TYPES, defineDocumentedObjects, parameter, validate, fetchDoc as fetchDocOf } from '../support/openapi-fixtures.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';


describe('OpenAPI document and API reference', () => {
  let engine: TestEngine;
  const fetchDoc = () => fetchDocOf(engine);

  before(async () => {
    engine = await startTestEngine();
    await defineDocumentedObjects(engine);
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
    expect(history.properties.after.anyOf).to.deep.include({ $ref: '#/components/schemas/LayoutDefinition' });
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
    expect(parameter(doc, form, 'lang').schema.enum).to.deep.equal(['en', 'zh-CN', 'zh-TW']);
    expect(parameter(doc, form, 'Accept-Language').in).to.equal('header');
    expect(form.responses['200'].headers).to.have.property('Content-Language');
    expect(form.responses).to.include.keys('400', '404');
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
