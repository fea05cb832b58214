import { expect } from 'chai';
import { createRecord, defineObject } from '../support/api-helpers.js';
import { bearer, createUser, tokenFor } from '../support/auth-helpers.js';
import { defineDocumentedObjects, documentAjv, DOCUMENT_ID, expectDocumented, fetchDoc, parameter, validate, type Doc } from '../support/openapi-fixtures.js';
import { startTestEngine, type TestEngine, type TestResponse } from '../support/test-engine.js';

const PASSWORD = 'an ordinary user password';
const RECORDS = '/api/v1/records';
const query = (parameters: Record<string, unknown>) =>
  new URLSearchParams(Object.entries(parameters).map(([key, value]): [string, string] => [key, typeof value === 'string' ? value : JSON.stringify(value)])).toString();

/** Manual shares, ownership transfer, the CSV export and the summary in the document, as each user may use them. */
describe('OpenAPI document: sharing, ownership and reports', () => {
  let engine: TestEngine;

  before(async () => {
    engine = await startTestEngine();
    await defineDocumentedObjects(engine);
    await defineObject(engine, {
      name: 'deal',
      sharing: 'private',
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'stage', type: 'picklist', values: ['open', 'won', 'lost'] },
        { name: 'amount', type: 'number' },
      ],
    });
    expect((await engine.request('POST', '/api/v1/meta/roles', { name: 'sales_rep' })).status).to.equal(201);
    expect((await engine.request('POST', '/api/v1/meta/groups', { name: 'bid_committee' })).status).to.equal(201);
    const sets = [
      { name: 'deal_reader', objects: { deal: { read: true } } },
      { name: 'deal_editor', objects: { deal: { read: true, edit: true } } },
    ];
    for (const set of sets) expect((await engine.request('POST', '/api/v1/meta/permission-sets', set)).status).to.equal(201);
  });
  after(() => engine.stop());

  it('documents shares, owner transfer, export and summary of a private object, with the permissions they need, and stays valid', async () => {
    const doc = await fetchDoc(engine);
    await validate(doc);
    const one = `${RECORDS}/deal/{id}`;
    expect(doc.paths[`${one}/shares`]).to.have.all.keys('parameters', 'get', 'post');
    expect(doc.paths[`${one}/shares/{share}`]).to.have.all.keys('parameters', 'delete');
    expect(doc.paths[`${one}/owner`]).to.have.all.keys('parameters', 'put');
    expect(doc.paths[`${RECORDS}/deal/export`]).to.have.all.keys('get');
    expect(doc.paths[`${RECORDS}/deal/summary`]).to.have.all.keys('get');

    const operations = [
      doc.paths[`${one}/shares`]!.get,
      doc.paths[`${one}/shares`]!.post,
      doc.paths[`${one}/shares/{share}`]!.delete,
      doc.paths[`${one}/owner`]!.put,
      doc.paths[`${RECORDS}/deal/export`]!.get,
      doc.paths[`${RECORDS}/deal/summary`]!.get,
    ];
    for (const operation of operations) {
      expect(operation.tags, operation.operationId).to.deep.equal(['deal']);
      expect(operation.responses['403'].$ref, operation.operationId).to.equal('#/components/responses/Forbidden');
      expect(operation.responses['404'].$ref, operation.operationId).to.equal('#/components/responses/NotFound');
    }
    expect(doc.paths[`${one}/shares`]!.get.responses['404'].description).to.include('may not see');
    expect(doc.paths[`${one}/shares`]!.post.requestBody.content['application/json'].schema.$ref).to.equal('#/components/schemas/ManualShareRequest');
    expect(doc.paths[`${one}/shares`]!.post.responses['201'].content['application/json'].schema.$ref).to.equal('#/components/schemas/ManualShare');
    const owner = doc.paths[`${one}/owner`]!.put;
    expect(parameter(doc, owner, 'If-Match').in).to.equal('header');
    expect(owner.responses['200'].headers).to.have.property('ETag');
    expect(owner.responses).to.include.keys('400', '412');

    const exported = doc.paths[`${RECORDS}/deal/export`]!.get;
    for (const name of ['filter', 'sort', 'fields']) expect(parameter(doc, exported, name), name).to.not.equal(undefined);
    expect(exported.responses['200'].content).to.have.all.keys('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const summary = doc.paths[`${RECORDS}/deal/summary`]!.get;
    for (const name of ['groupBy', 'measures', 'filter']) expect(parameter(doc, summary, name), name).to.not.equal(undefined);
    expect(parameter(doc, summary, 'filter').description).to.include('| `stage` | picklist |');
    expect(summary.responses['200'].content['application/json'].schema.$ref).to.equal('#/components/schemas/RecordSummary');
    // The record routes document the permissions too.
    expect(doc.paths[one]!.patch.responses['403'].$ref).to.equal('#/components/responses/Forbidden');
    expect(doc.paths[`${RECORDS}/deal`]!.get.responses['403'].description).to.include('reading deal records');
  });

  it('gives a detail object of a master-detail its export and summary, but neither shares nor an owner', async () => {
    const doc = await fetchDoc(engine);
    for (const detail of ['everything_line', 'everything']) {
      expect(doc.paths, detail).to.not.have.any.keys(`${RECORDS}/${detail}/{id}/shares`, `${RECORDS}/${detail}/{id}/shares/{share}`, `${RECORDS}/${detail}/{id}/owner`);
      expect(doc.paths, detail).to.include.keys(`${RECORDS}/${detail}/export`, `${RECORDS}/${detail}/summary`);
    }
  });

  it('gives a public read/write object an owner transfer but no shares, which it would refuse', async () => {
    const doc = await fetchDoc(engine);
    expect(doc.paths).to.include.keys(`${RECORDS}/supplier/{id}/owner`);
    expect(doc.paths).to.not.have.any.keys(`${RECORDS}/supplier/{id}/shares`, `${RECORDS}/supplier/{id}/shares/{share}`);
    const supplier = await createRecord(engine, 'supplier', { name: 'Open Co' });
    const refused = await engine.request('POST', `${RECORDS}/supplier/${supplier._id}/shares`, { user: engine.adminId, access: 'read' });
    expect(refused.status, JSON.stringify(refused.body)).to.equal(400);
  });

  it('describes the X-Tenant header once, as a parameter component and in the description', async () => {
    const doc = (await fetchDoc(engine)) as Doc & { info: { description: string } };
    expect(doc.components.parameters.Tenant).to.deep.include({ name: 'X-Tenant', in: 'header' });
    expect(doc.components.parameters.Tenant.description).to.include('`default`').and.include('unknown_tenant');
    expect(doc.info.description).to.include('`X-Tenant`').and.include('the `Tenant` parameter component');
    await validate(doc);
  });

  it('describes what the sharing, owner and report routes really return', async () => {
    const doc = await fetchDoc(engine);
    const is = (method: string, path: string, response: TestResponse, status: number) => expectDocumented(doc, method, path, response, status);
    const rep = await createUser(engine, { full_name: 'Rae Rep', email: 'rae@example.com', permission_sets: ['standard_user', 'deal_editor'] }, PASSWORD);
    const deal = await createRecord(engine, 'deal', { name: 'Alpha', stage: 'won', amount: 100 });
    await createRecord(engine, 'deal', { name: 'Beta', stage: 'open', amount: 40 });
    const shares = `${RECORDS}/deal/{id}/shares`;
    const at = `${RECORDS}/deal/${deal._id}`;

    is('get', shares, await engine.request('GET', `${at}/shares`), 200);
    const added = await engine.request('POST', `${at}/shares`, { user: rep, access: 'edit' });
    is('post', shares, added, 201);
    is('post', shares, await engine.request('POST', `${at}/shares`, { role: 'nobody', access: 'read' }), 400);
    is('post', shares, await engine.request('POST', `${RECORDS}/deal/6650f1c2a1b2c3d4e5f60718/shares`, { user: rep, access: 'read' }), 404);
    const listed = await engine.request('GET', `${at}/shares`);
    is('get', shares, listed, 200);
    expect(listed.body.shares).to.deep.equal([added.body]);
    is('delete', `${shares}/{share}`, await engine.request('DELETE', `${at}/shares/${added.body.id}`), 204);
    is('delete', `${shares}/{share}`, await engine.request('DELETE', `${at}/shares/${added.body.id}`), 404);

    const owner = `${RECORDS}/deal/{id}/owner`;
    is('put', owner, await engine.request('PUT', `${at}/owner`, { owner: rep, also: 1 }), 400);
    is('put', owner, await engine.request('PUT', `${at}/owner`, { owner: rep }, { 'If-Match': '"99"' }), 412);
    const transferred = await engine.request('PUT', `${at}/owner`, { owner: rep }, { 'If-Match': `"${deal._version}"` });
    is('put', owner, transferred, 200);
    expect(transferred.body._owner).to.equal(rep);
    expect(transferred.headers.get('etag')).to.equal(`"${transferred.body._version}"`);

    const summary = `${RECORDS}/deal/summary`;
    const figures = await engine.request('GET', `${summary}?${query({ groupBy: 'stage', measures: 'count,sum:amount,avg:amount,min:amount,max:amount' })}`);
    is('get', summary, figures, 200);
    expect(figures.body.total).to.deep.equal({ count: 2, sum: { amount: 140 }, avg: { amount: 70 }, min: { amount: 40 }, max: { amount: 100 } });
    is('get', summary, await engine.request('GET', `${RECORDS}/everything_line/summary`), 200);
    is('get', summary, await engine.request('GET', `${summary}?${query({ measures: 'sum:name' })}`), 400);
    is('get', summary, await engine.request('GET', `${RECORDS}/nothing/summary`), 404);

    const exported = await engine.request('GET', `${RECORDS}/deal/export?${query({ fields: 'name,amount', sort: 'name' })}`);
    expect(exported.status).to.equal(200);
    const documentedTypes = Object.keys(doc.paths[`${RECORDS}/deal/export`]!.get.responses['200'].content);
    expect(documentedTypes).to.include(exported.headers.get('content-type')!.split(';')[0]);
    const workbook = await fetch(`${engine.url}${RECORDS}/deal/export?${query({ fields: 'name,amount', format: 'xlsx' })}`, { headers: { authorization: `Bearer ${engine.token}` } });
    expect(workbook.status).to.equal(200);
    expect(documentedTypes).to.include(workbook.headers.get('content-type')!.split(';')[0]);
    await workbook.arrayBuffer();
    expect(exported.headers.get('content-disposition')).to.include('deal.csv');
    expect((exported.body as string).replace(/^\uFEFF/, '').split('\r\n')[0]).to.equal('_id,name,amount');
    is('get', `${RECORDS}/deal/export`, await engine.request('GET', `${RECORDS}/deal/export?${query({ filter: { nope: 1 } })}`), 400);
  });

  // The request schema is written beside the engine's own check: the two must accept the same bodies.
  const shareBodies: [what: string, body: (user: string) => unknown, accepted: boolean][] = [
    ['a user to read', (user) => ({ user, access: 'read' }), true],
    ['a role to edit', () => ({ role: 'sales_rep', access: 'edit' }), true],
    ['a role and its subordinates', () => ({ roleAndSubordinates: 'sales_rep', access: 'read' }), true],
    ['a group', () => ({ group: 'bid_committee', access: 'read' }), true],
    ['two grantees', (user) => ({ user, group: 'bid_committee', access: 'read' }), false],
    ['no grantee', () => ({ access: 'read' }), false],
    ['no access', (user) => ({ user }), false],
    ['another access', (user) => ({ user, access: 'delete' }), false],
    ['an unknown property', (user) => ({ user, access: 'read', note: 'hi' }), false],
  ];
  for (const [what, body, accepted] of shareBodies) {
    it(`documents the share request as the engine checks it: ${what} is ${accepted ? 'accepted' : 'refused'}`, async () => {
      const doc = await fetchDoc(engine);
      const validate = documentAjv(doc).getSchema(`${DOCUMENT_ID}#/components/schemas/ManualShareRequest`)!;
      const deal = await createRecord(engine, 'deal', { name: `Share ${what}` });
      const sent = body(engine.adminId);
      expect(validate(sent), JSON.stringify(validate.errors)).to.equal(accepted);
      expect((await engine.request('POST', `${RECORDS}/deal/${deal._id}/shares`, sent)).status).to.equal(accepted ? 201 : 400);
    });
  }

  describe("a user's own document", () => {
    const documentOf = async (email: string, sets: string[]): Promise<{ doc: Doc; token: string }> => {
      await createUser(engine, { full_name: email.split('@')[0], email, permission_sets: ['standard_user', ...sets] }, PASSWORD);
      const token = await tokenFor(engine, email, PASSWORD);
      const response = await engine.request('GET', '/api/v1/openapi.json', undefined, bearer(token));
      expect(response.status).to.equal(200);
      return { doc: response.body, token };
    };

    it('leaves out sharing and transfer without the edit permission, keeping the list of shares, the export and the summary', async () => {
      const { doc, token } = await documentOf('reader@example.com', ['deal_reader']);
      await validate(doc);
      const one = `${RECORDS}/deal/{id}`;
      expect(doc.paths[`${one}/shares`]).to.have.all.keys('parameters', 'get');
      expect(doc.paths).to.not.have.any.keys(`${one}/shares/{share}`, `${one}/owner`);
      expect(doc.paths[one]).to.not.have.any.keys('patch', 'delete');
      expect(doc.paths).to.include.keys(`${RECORDS}/deal/export`, `${RECORDS}/deal/summary`);
      // What the document leaves out, the API refuses.
      const deal = await createRecord(engine, 'deal', { name: 'Read only' });
      const refused = await engine.request('PUT', `${RECORDS}/deal/${deal._id}/owner`, { owner: engine.adminId }, bearer(token));
      expect(refused.status, JSON.stringify(refused.body)).to.equal(403);
    });

    it('keeps sharing and transfer with the edit permission', async () => {
      const { doc } = await documentOf('editor@example.com', ['deal_editor']);
      await validate(doc);
      const one = `${RECORDS}/deal/{id}`;
      expect(doc.paths[`${one}/shares`]).to.have.all.keys('parameters', 'get', 'post');
      expect(doc.paths[`${one}/shares/{share}`]).to.have.all.keys('parameters', 'delete');
      expect(doc.paths[`${one}/owner`]).to.have.all.keys('parameters', 'put');
      expect(doc.paths[one]).to.include.keys('patch').and.not.have.any.keys('delete');
    });
  });
});
