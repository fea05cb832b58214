import { expect } from 'chai';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEngine } from '../../engine/start-engine.js';
import { detailPaths, expectError } from '../support/api-helpers.js';
import { loginTo, operator, OPERATOR_TOKEN, TENANTS_PATH } from '../support/tenant-helpers.js';
import { startTestEngine, TEST_ADMIN, type TestEngine } from '../support/test-engine.js';

const PASSWORD = 'the globex administrator passphrase';

describe('operator API: platform operators create tenants', () => {
  let engine: TestEngine;
  const tenantNames = async (): Promise<string[]> => {
    const listed = await engine.request('GET', TENANTS_PATH, undefined, operator());
    expect(listed.status, JSON.stringify(listed.body)).to.equal(200);
    return listed.body.tenants.map((tenant: { name: string }) => tenant.name);
  };

  before(async () => {
    engine = await startTestEngine({ operatorToken: OPERATOR_TOKEN });
  });
  after(() => engine.stop());

  describe('authentication', () => {
    it('refuses a call without the operator token with 401', async () => {
      expectError(await engine.request('GET', TENANTS_PATH, undefined, { authorization: '' }), 401, 'unauthenticated');
      expectError(await engine.request('POST', TENANTS_PATH, { name: 'nobody', adminEmail: 'a@b.example' }, { authorization: '' }), 401, 'unauthenticated');
      expectError(await engine.request('GET', TENANTS_PATH, undefined, { authorization: `Basic ${Buffer.from(`x:${OPERATOR_TOKEN}`).toString('base64')}` }), 401);
    });

    it('refuses a wrong operator token with 403, a user\'s API token included', async () => {
      for (const token of [`${OPERATOR_TOKEN}x`, OPERATOR_TOKEN.slice(0, -1), 'short', engine.token]) {
        expectError(await engine.request('GET', TENANTS_PATH, undefined, operator(token)), 403, 'forbidden');
        expectError(await engine.request('POST', TENANTS_PATH, { name: 'intruder', adminEmail: 'a@b.example' }, operator(token)), 403, 'forbidden');
      }
      expect(await tenantNames()).to.not.include('intruder');
    });

    it('accepts the Bearer scheme in any case', async () => {
      const response = await engine.request('GET', TENANTS_PATH, undefined, { authorization: `bearer ${OPERATOR_TOKEN}` });
      expect(response.status).to.equal(200);
    });

    it('answers an unknown operator route with 404 JSON', async () => {
      expectError(await engine.request('GET', '/api/operator/nothing', undefined, operator()), 404, 'not_found');
      expectError(await engine.request('DELETE', `${TENANTS_PATH}/default`, undefined, operator()), 404, 'not_found');
    });
  });

  it('lists the default tenant from the start', async () => {
    const listed = await engine.request('GET', TENANTS_PATH, undefined, operator());
    expect(listed.body.tenants[0]).to.have.all.keys('name', 'createdAt');
    expect(await tenantNames()).to.include('default');
  });

  it('creates a tenant with its first administrator: 201, and the generated password shown once', async () => {
    const created = await engine.request('POST', TENANTS_PATH, { name: 'globex', adminEmail: ' Boss@Globex.example ' }, operator());
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    expect(created.body.name).to.equal('globex');
    expect(created.body.admin).to.have.all.keys('id', 'email', 'generatedPassword');
    expect(created.body.admin.email).to.equal('boss@globex.example');
    const password = created.body.admin.generatedPassword as string;
    expect(password.length).to.be.at.least(12);

    expect(await tenantNames()).to.include('globex');
    const listed = await engine.request('GET', TENANTS_PATH, undefined, operator());
    expect(JSON.stringify(listed.body)).to.not.include(password);

    const signedIn = await loginTo(engine, 'globex', 'boss@globex.example', password);
    expect(signedIn.status, JSON.stringify(signedIn.body)).to.equal(200);
    expect(signedIn.body.user._id).to.equal(created.body.admin.id);
  });

  it('creates a tenant with the administrator password given, returning no password', async () => {
    const created = await engine.request('POST', TENANTS_PATH, { name: 'initech', adminEmail: 'boss@initech.example', adminPassword: PASSWORD }, operator());
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    expect(created.body.admin).to.have.all.keys('id', 'email');
    expect(JSON.stringify(created.body)).to.not.include(PASSWORD);
    expect((await loginTo(engine, 'initech', 'boss@initech.example', PASSWORD)).status).to.equal(200);
  });

  it('answers 409 for a tenant that exists, the default one included, and changes nothing', async () => {
    await engine.request('POST', TENANTS_PATH, { name: 'hooli', adminEmail: 'boss@hooli.example', adminPassword: PASSWORD }, operator());
    for (const name of ['hooli', 'default']) {
      const again = await engine.request('POST', TENANTS_PATH, { name, adminEmail: 'other@hooli.example', adminPassword: 'another long passphrase' }, operator());
      expectError(again, 409, 'already_exists');
      expect(detailPaths(again)).to.deep.equal(['/name']);
    }
    expect((await loginTo(engine, 'hooli', 'boss@hooli.example', PASSWORD)).status).to.equal(200);
    expectError(await loginTo(engine, 'hooli', 'other@hooli.example', 'another long passphrase'), 401, 'invalid_credentials');
  });

  const badNames: [what: string, name: unknown][] = [
    ['no name', undefined],
    ['an empty name', ''],
    ['upper case', 'Umbrella'],
    ['a leading digit', '9lives'],
    ['a leading underscore (the platform\'s own store)', '_platform'],
    ['a space', 'umbrella corp'],
    ['a path', '../umbrella'],
    ['41 characters', `u${'m'.repeat(40)}`],
    ['a number', 42],
  ];
  for (const [what, name] of badNames) {
    it(`refuses a tenant name with ${what} with 400 at /name, creating nothing`, async () => {
      const before = await tenantNames();
      const directories = readdirSync(engine.dataDir).sort();
      const response = await engine.request('POST', TENANTS_PATH, { ...(name === undefined ? {} : { name }), adminEmail: 'boss@umbrella.example' }, operator());
      expectError(response, 400, 'validation_failed');
      expect(detailPaths(response)).to.deep.equal(['/name']);
      expect(await tenantNames()).to.deep.equal(before);
      expect(readdirSync(engine.dataDir).sort(), 'the data directory').to.deep.equal(directories);
    });
  }

  it('lists every problem of a bad request at its path: e-mail, password, unknown properties', async () => {
    const response = await engine.request('POST', TENANTS_PATH, { name: 'Bad', adminPassword: 'short', plan: 'gold' }, operator());
    expectError(response, 400, 'validation_failed');
    expect(detailPaths(response)).to.deep.equal(['/adminEmail', '/adminPassword', '/name', '/plan']);
    for (const body of [[], 'tenant', null]) {
      expectError(await engine.request('POST', TENANTS_PATH, JSON.stringify(body), { ...operator(), 'content-type': 'application/json' }), 400, 'validation_failed');
    }
  });

  it('refuses an administrator e-mail the user object refuses, at /adminEmail, leaving the name free', async () => {
    const refused = await engine.request('POST', TENANTS_PATH, { name: 'soylent', adminEmail: 'not an e-mail address' }, operator());
    expectError(refused, 400, 'validation_failed');
    expect(detailPaths(refused)).to.deep.equal(['/adminEmail']);
    expect(await tenantNames()).to.not.include('soylent');
    expectError(await engine.request('GET', '/api/v1/meta/objects', undefined, { 'x-tenant': 'soylent' }), 404, 'unknown_tenant');

    const created = await engine.request('POST', TENANTS_PATH, { name: 'soylent', adminEmail: 'boss@soylent.example', adminPassword: PASSWORD }, operator());
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    expect((await loginTo(engine, 'soylent', 'boss@soylent.example', PASSWORD)).status).to.equal(200);
  });
});

describe('operator API: tenants across a restart', () => {
  it('keeps the created tenants and their administrators when the engine starts again on the same directory', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'crm-test-'));
    const config = { port: 0, host: '127.0.0.1', dataDir, durability: 'process' as const, admin: TEST_ADMIN, http: { operatorToken: OPERATOR_TOKEN } };
    try {
      const first = await startEngine(config);
      try {
        const created = await fetch(`${first.url}${TENANTS_PATH}`, {
          method: 'POST',
          headers: { ...operator(), 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'durable', adminEmail: 'boss@durable.example', adminPassword: PASSWORD }),
        });
        expect(created.status).to.equal(201);
      } finally {
        await first.stop();
      }
      const second = await startEngine(config);
      try {
        expect((await second.platform.listTenants()).map((entry) => entry._id)).to.deep.equal(['default', 'durable']);
        const signedIn = await fetch(`${second.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-tenant': 'durable' },
          body: JSON.stringify({ email: 'boss@durable.example', password: PASSWORD }),
        });
        expect(signedIn.status).to.equal(200);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('operator API without OPERATOR_TOKEN', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine();
  });
  after(() => engine.stop());

  it('answers 404 operator_api_disabled, whatever token is sent', async () => {
    for (const headers of [{ authorization: '' }, operator(), operator('')]) {
      expectError(await engine.request('GET', TENANTS_PATH, undefined, headers), 404, 'operator_api_disabled');
      expectError(await engine.request('POST', TENANTS_PATH, { name: 'sneaky', adminEmail: 'a@b.example' }, headers), 404, 'operator_api_disabled');
    }
    expect((await engine.platform.listTenants()).map((entry) => entry._id)).to.deep.equal(['default']);
  });
});
