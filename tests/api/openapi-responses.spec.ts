import { expect } from 'chai';
import { LAYOUT, defineDocumentedObjects, expectDocumented, schemaValidator, validate, fetchDoc as fetchDocOf } from '../support/openapi-fixtures.js';
import { startTestEngine, type TestEngine, type TestResponse } from '../support/test-engine.js';

/** The document against what the API really answers: each response validates against the schema its route documents. */
describe('OpenAPI document: responses', () => {
  let engine: TestEngine;
  const fetchDoc = () => fetchDocOf(engine);

  before(async () => {
    engine = await startTestEngine();
    await defineDocumentedObjects(engine);
  });

  after(async () => {
    await engine?.stop();
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

});
