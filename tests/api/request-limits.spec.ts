import { expect } from 'chai';
import { expectError, listPath } from '../support/api-helpers.js';
import { login, signIn } from '../support/auth-helpers.js';
import { createTenant, loginTo, operator, OPERATOR_TOKEN, TENANTS_PATH, type TestTenant } from '../support/tenant-helpers.js';
import { startTestEngine, TEST_ADMIN, type TestEngine, type TestResponse } from '../support/test-engine.js';

const WRONG = 'a wrong guess of a password';

/** A 429 in the engine's error shape, with a Retry-After of at most the one-minute window. */
function expectRateLimited(response: TestResponse): void {
  expectError(response, 429, 'rate_limited');
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter, 'Retry-After in seconds').to.be.within(1, 60);
}

describe('request limits: sign-in guesses, requests per user, body size', () => {
  describe('sign-in attempts per client address and tenant', () => {
    const LIMIT = 3;
    let engine: TestEngine;
    let acme: TestTenant;
    before(async () => {
      engine = await startTestEngine({ operatorToken: OPERATOR_TOKEN, rateLimits: { loginPerMinute: LIMIT } });
      acme = await createTenant(engine, 'acme');
    });
    after(() => engine.stop());

    it('does not count successful sign-ins', async () => {
      for (let i = 0; i < LIMIT + 2; i++) await signIn(engine, TEST_ADMIN.email, TEST_ADMIN.password);
    });

    it(`answers guesses beyond ${LIMIT} a minute with 429 and Retry-After, the right password included`, async () => {
      // Spread over unknown e-mails, so the account lock-out (per account) never comes into play.
      for (let i = 0; i < LIMIT; i++) expectError(await login(engine, `nobody${i}@example.com`, WRONG), 401, 'invalid_credentials');
      const limited = await login(engine, `nobody${LIMIT}@example.com`, WRONG);
      expectRateLimited(limited);
      expect(limited.body.error.message).to.match(/at most 3 a minute/);
      expectRateLimited(await login(engine, TEST_ADMIN.email, TEST_ADMIN.password));
      expect((await login(engine, TEST_ADMIN.email, TEST_ADMIN.password)).headers.getSetCookie()).to.deep.equal([]);
    });

    it('counts each tenant apart: guesses against one leave the sign-in of another open', async () => {
      expectRateLimited(await login(engine, TEST_ADMIN.email, TEST_ADMIN.password));
      expect((await loginTo(engine, 'acme', acme.adminEmail, acme.adminPassword)).status).to.equal(200);
    });

    it('leaves signed-in users and tokens alone', async () => {
      const response = await engine.request('GET', '/api/v1/auth/me');
      expect(response.status, JSON.stringify(response.body)).to.equal(200);
    });
  });

  describe('API requests per signed-in user', () => {
    const LIMIT = 10;
    let engine: TestEngine;
    let acme: TestTenant;
    before(async () => {
      engine = await startTestEngine({ operatorToken: OPERATOR_TOKEN, rateLimits: { apiPerMinute: LIMIT } });
      acme = await createTenant(engine, 'acme');
    });
    after(() => engine.stop());

    it(`answers the request after the ${LIMIT}th of a minute with 429 and Retry-After, and tells how many are left`, async () => {
      const first = await engine.request('GET', '/api/v1/auth/me');
      expect(first.status).to.equal(200);
      expect(first.headers.get('ratelimit-policy'), 'the limit is announced').to.match(/q=10;/);
      expect(first.headers.get('ratelimit'), 'what is left of it').to.match(/r=9;/);
      for (let i = 1; i < LIMIT; i++) expect((await engine.request('GET', '/api/v1/meta/objects')).status).to.equal(200);
      expectRateLimited(await engine.request('GET', '/api/v1/meta/objects'));
      expectRateLimited(await engine.request('POST', '/api/v1/auth/tokens', { name: 'one more' }));
      expectRateLimited(await engine.request('GET', listPath('user')));
    });

    it('counts each user apart: another tenant\'s administrator is not slowed down', async () => {
      expectRateLimited(await engine.request('GET', '/api/v1/auth/me'));
      expect((await engine.request('GET', '/api/v1/auth/me', undefined, acme.headers)).status).to.equal(200);
    });

    it('counts a request refused for want of credentials nowhere: the limit is per user, after authentication', async () => {
      for (let i = 0; i < LIMIT + 2; i++) expectError(await engine.request('GET', '/api/v1/meta/objects', undefined, { authorization: '' }), 401, 'unauthenticated');
    });

    it('leaves the operator API and the sign-in to their own rules', async () => {
      expect((await engine.request('GET', TENANTS_PATH, undefined, operator())).status).to.equal(200);
      expect((await loginTo(engine, 'default', TEST_ADMIN.email, TEST_ADMIN.password)).status).to.equal(200);
    });
  });

  describe('body size', () => {
    let engine: TestEngine;
    let acme: TestTenant;
    const huge = (size: number) => ({ title: 'Big', notes: 'x'.repeat(size) });
    before(async () => {
      engine = await startTestEngine({ operatorToken: OPERATOR_TOKEN, bodyLimit: '4kb' });
      acme = await createTenant(engine, 'acme');
      const defined = await engine.request('POST', '/api/v1/meta/objects', { name: 'memo', fields: [{ name: 'title', type: 'text' }, { name: 'notes', type: 'longtext', maxLength: 131072 }] }, acme.headers);
      expect(defined.status, JSON.stringify(defined.body)).to.equal(201);
    });
    after(() => engine.stop());

    it('refuses a JSON body over the configured limit with 413 body_too_large and stores nothing', async () => {
      const refused = await engine.request('POST', '/api/v1/records/memo', huge(8 * 1024), acme.headers);
      expectError(refused, 413, 'body_too_large');
      // Its size and the limit as people read them, the size rounded up so it never reads as the limit.
      expect(refused.body.error.message).to.equal('The request body is 8.1 KB, over the limit of 4 KB.');
      const listed = await engine.request('GET', listPath('memo', { total: 'true' }), undefined, acme.headers);
      expect(listed.body.total).to.equal(0);
      expect((await engine.request('POST', '/api/v1/records/memo', huge(1024), acme.headers)).status).to.equal(201);
    });

    it('refuses an oversized sign-in and operator request with 413 too, creating no tenant', async () => {
      expectError(await loginTo(engine, 'acme', acme.adminEmail, 'p'.repeat(8 * 1024)), 413, 'body_too_large');
      const tooBig = await engine.request('POST', TENANTS_PATH, { name: 'bloated', adminEmail: 'boss@bloated.example', adminPassword: 'p'.repeat(8 * 1024) }, operator());
      expectError(tooBig, 413, 'body_too_large');
      expect((await engine.platform.listTenants()).map((entry) => entry._id)).to.not.include('bloated');
    });
  });
});
