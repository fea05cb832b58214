import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expectError, listPath } from '../support/api-helpers.js';
import { browser, signIn } from '../support/auth-helpers.js';
import { createTenant, loginTo, operator, OPERATOR_TOKEN, TENANTS_PATH, type TestTenant } from '../support/tenant-helpers.js';
import { startTestEngine, TEST_ADMIN, type TestEngine } from '../support/test-engine.js';

/** Both tenants define an object of this name, with the same fields, and a record with the same values. */
const DEAL = { name: 'deal', fields: [{ name: 'title', type: 'text', required: true }, { name: 'amount', type: 'number' }] };
const VALUES = { title: 'Same name, same values', amount: 100 };

describe('tenant isolation: one tenant never reads or writes another', () => {
  let engine: TestEngine;
  let acme: TestTenant;
  /** The default tenant's deal, and acme's. */
  let ours: Record<string, any>;
  let theirs: Record<string, any>;
  /** Calls of the default tenant's administrator: no X-Tenant header, the test engine's token. */
  const inDefault: Record<string, string> = {};

  const create = async (headers: Record<string, string>) => {
    const response = await engine.request('POST', '/api/v1/records/deal', VALUES, headers);
    expect(response.status, JSON.stringify(response.body)).to.equal(201);
    return response.body as Record<string, any>;
  };

  before(async () => {
    engine = await startTestEngine({ operatorToken: OPERATOR_TOKEN });
    acme = await createTenant(engine, 'acme');
    for (const headers of [inDefault, acme.headers]) {
      const defined = await engine.request('POST', '/api/v1/meta/objects', DEAL, headers);
      expect(defined.status, JSON.stringify(defined.body)).to.equal(201);
    }
    ours = await create(inDefault);
    theirs = await create(acme.headers);
  });
  after(() => engine.stop());

  it('answers another tenant\'s record id with 404 on get, update and delete, leaving the record as it was', async () => {
    for (const [record, headers] of [[theirs, inDefault], [ours, acme.headers]] as const) {
      expectError(await engine.request('GET', `/api/v1/records/deal/${record._id}`, undefined, headers), 404);
      expectError(await engine.request('PATCH', `/api/v1/records/deal/${record._id}`, { amount: 1 }, headers), 404);
      expectError(await engine.request('DELETE', `/api/v1/records/deal/${record._id}`, undefined, headers), 404);
      expectError(await engine.request('GET', `/api/v1/records/deal/${record._id}/history`, undefined, headers), 404);
    }
    const still = await engine.request('GET', `/api/v1/records/deal/${theirs._id}`, undefined, acme.headers);
    expect(still.status).to.equal(200);
    expect(still.body).to.deep.equal(theirs);
    const ourStill = await engine.request('GET', `/api/v1/records/deal/${ours._id}`, undefined, inDefault);
    expect(ourStill.body).to.deep.equal(ours);
  });

  it('lists and counts only the tenant\'s own records', async () => {
    for (const [mine, headers] of [[ours, inDefault], [theirs, acme.headers]] as const) {
      const listed = await engine.request('GET', listPath('deal', { total: 'true' }), undefined, headers);
      expect(listed.status, JSON.stringify(listed.body)).to.equal(200);
      expect(listed.body.records.map((record: { _id: string }) => record._id)).to.deep.equal([mine._id]);
      expect(listed.body.total).to.equal(1);
    }
  });

  it('keeps metadata apart: a field added in one tenant is not in the other\'s object, API or schema', async () => {
    const added = await engine.request('POST', '/api/v1/meta/objects/deal/fields', { name: 'acme_only', type: 'text' }, acme.headers);
    expect(added.status, JSON.stringify(added.body)).to.equal(201);
    const fieldNames = async (headers: Record<string, string>) => {
      const response = await engine.request('GET', '/api/v1/meta/objects/deal/fields', undefined, headers);
      expect(response.status).to.equal(200);
      return response.body.fields.map((field: { name: string }) => field.name);
    };
    expect(await fieldNames(acme.headers)).to.include('acme_only');
    expect(await fieldNames(inDefault)).to.not.include('acme_only');
    const openApi = await engine.request('GET', '/api/v1/openapi.json', undefined, inDefault);
    expect(openApi.status).to.equal(200);
    expect(JSON.stringify(openApi.body)).to.not.include('acme_only');
    expectError(await engine.request('POST', '/api/v1/records/deal', { ...VALUES, acme_only: 'x' }, inDefault), 400, 'validation_failed');
  });

  it('keeps objects apart: an object defined in one tenant does not exist in the other', async () => {
    const defined = await engine.request('POST', '/api/v1/meta/objects', { name: 'acme_widget', fields: [{ name: 'label', type: 'text' }] }, acme.headers);
    expect(defined.status, JSON.stringify(defined.body)).to.equal(201);
    expectError(await engine.request('GET', '/api/v1/meta/objects/acme_widget', undefined, inDefault), 404);
    expectError(await engine.request('GET', '/api/v1/records/acme_widget', undefined, inDefault), 404);
    expectError(await engine.request('POST', '/api/v1/records/acme_widget', { label: 'x' }, inDefault), 404);
  });

  it('refuses an API token of one tenant in another with 401', async () => {
    // The default tenant's token, sent to acme; acme's token, sent without X-Tenant (the default tenant).
    expectError(await engine.request('GET', '/api/v1/records/deal', undefined, { 'x-tenant': 'acme' }), 401, 'unauthenticated');
    expectError(await engine.request('GET', '/api/v1/records/deal', undefined, { authorization: acme.headers.authorization! }), 401, 'unauthenticated');
    expectError(await engine.request('GET', '/api/v1/auth/me', undefined, { authorization: acme.headers.authorization! }), 401, 'unauthenticated');
  });

  it('refuses a session of one tenant in another with 401', async () => {
    const session = await signIn(engine, TEST_ADMIN.email, TEST_ADMIN.password);
    const me = await engine.request('GET', '/api/v1/auth/me', undefined, browser(session));
    expect(me.status).to.equal(200);
    expectError(await engine.request('GET', '/api/v1/auth/me', undefined, { ...browser(session), 'x-tenant': 'acme' }), 401, 'unauthenticated');
    expectError(
      await engine.request('POST', '/api/v1/records/deal', VALUES, { ...browser(session, session.csrfToken), 'x-tenant': 'acme' }),
      401,
      'unauthenticated',
    );
  });

  it('signs a user in only in their own tenant', async () => {
    expectError(await loginTo(engine, 'default', acme.adminEmail, acme.adminPassword), 401, 'invalid_credentials');
    expectError(await loginTo(engine, 'acme', TEST_ADMIN.email, TEST_ADMIN.password), 401, 'invalid_credentials');
    expect((await loginTo(engine, 'acme', acme.adminEmail, acme.adminPassword)).status).to.equal(200);
  });

  it('answers an unknown tenant with 404 unknown_tenant and opens no store for it', async () => {
    const ghost = { 'x-tenant': 'ghost' };
    expectError(await engine.request('GET', '/api/v1/records/deal', undefined, ghost), 404, 'unknown_tenant');
    expectError(await engine.request('POST', '/api/v1/records/deal', VALUES, ghost), 404, 'unknown_tenant');
    expectError(await engine.request('GET', '/api/v1/meta/objects', undefined, ghost), 404, 'unknown_tenant');
    expectError(await loginTo(engine, 'ghost', TEST_ADMIN.email, TEST_ADMIN.password), 404, 'unknown_tenant');
    expect(existsSync(join(engine.dataDir, 'ghost')), 'a store directory for the unknown tenant').to.equal(false);
    const listed = await engine.request('GET', TENANTS_PATH, undefined, operator());
    expect(listed.body.tenants.map((tenant: { name: string }) => tenant.name)).to.deep.equal(['acme', 'default']);
  });

  const malformed: [what: string, header: string][] = [
    ['upper case', 'Acme'],
    ['the platform\'s own store', '_platform'],
    ['a path', '../acme'],
    ['a leading digit', '1acme'],
    ['41 characters', `a${'b'.repeat(40)}`],
    ['an empty value', ''],
    ['two tenants', 'acme, default'],
  ];
  for (const [what, header] of malformed) {
    it(`refuses an X-Tenant header with ${what} with 400 at /headers/x-tenant`, async () => {
      const response = await engine.request('GET', '/api/v1/records/deal', undefined, { 'x-tenant': header });
      const details = expectError(response, 400, 'validation_failed');
      expect(details.map((detail) => detail.path)).to.deep.equal(['/headers/x-tenant']);
    });
  }

  it('reads the X-Tenant header whatever its case', async () => {
    const response = await engine.request('GET', `/api/v1/records/deal/${theirs._id}`, undefined, { authorization: acme.headers.authorization!, 'X-TENANT': 'acme' });
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
  });
});
