import { expect } from 'chai';
import { detailPaths, expectError } from '../support/api-helpers.js';
import { auditActionsOf, bearer, browser, createUser, signIn, storedAudit, storedAuthText, tokenFor } from '../support/auth-helpers.js';
import { startTestEngine, TEST_ADMIN, type TestEngine } from '../support/test-engine.js';
import { TOKENS, type TokenDoc } from '../../engine/security/auth-collections.js';
import { DEFAULT_TENANT } from '../../engine/tenancy/index.js';

const TOKENS_PATH = '/api/v1/auth/tokens';
const PASSWORD = 'an integration owner password';

describe('API tokens for integrations', () => {
  let engine: TestEngine;
  let serial = 0;
  /** A fresh user with a session: each test's tokens and audit entries are its own. */
  const newUser = async () => {
    const email = `integrator${++serial}@example.com`;
    const id = await createUser(engine, { full_name: `Integrator ${serial}`, email, permission_sets: ['standard_user', 'ticket_user'] }, PASSWORD);
    const session = await signIn(engine, email, PASSWORD);
    const as = browser(session, session.csrfToken);
    return { id, email, session, as };
  };
  const storedToken = async (id: string) =>
    (await (await engine.platform.tenant(DEFAULT_TENANT)).store.collection<TokenDoc>(TOKENS).findOne({ id }))!;

  before(async () => {
    engine = await startTestEngine();
    await engine.request('POST', '/api/v1/meta/objects', { name: 'ticket', fields: [{ name: 'title', type: 'text', required: true }] });
    await engine.request('POST', '/api/v1/meta/permission-sets', { name: 'ticket_user', objects: { ticket: { create: true, read: true } } });
  });
  after(() => engine.stop());

  it('issues a token once: 201 with the secret, then listed by id and name only', async () => {
    const { as } = await newUser();
    const issued = await engine.request('POST', TOKENS_PATH, { name: '  ERP sync  ' }, as);
    expect(issued.status, JSON.stringify(issued.body)).to.equal(201);
    expect(issued.body).to.have.all.keys('id', 'name', 'token', 'createdAt');
    expect(issued.body.name).to.equal('ERP sync');
    expect(issued.body.token).to.match(/^crmt_[A-Za-z0-9_-]{43}$/);
    const listed = await engine.request('GET', TOKENS_PATH, undefined, as);
    expect(listed.status).to.equal(200);
    expect(listed.body.tokens).to.deep.equal([{ id: issued.body.id, name: 'ERP sync', createdAt: issued.body.createdAt }]);
    expect(JSON.stringify(listed.body)).to.not.include(issued.body.token);
  });

  it('stores only a hash of the token: its secret is nowhere in the store', async () => {
    const { as } = await newUser();
    const issued = await engine.request('POST', TOKENS_PATH, { name: 'hashed' }, as);
    const secret = issued.body.token as string;
    const stored = await storedToken(issued.body.id);
    expect(stored._id).to.match(/^[0-9a-f]{64}$/);
    expect(await storedAuthText(engine)).to.not.include(secret).and.not.include(secret.slice('crmt_'.length));
  });

  const badNames: [what: string, body: unknown][] = [
    ['no name', {}],
    ['an empty name', { name: '' }],
    ['a blank name', { name: '   ' }],
    ['a name of 101 characters', { name: 'n'.repeat(101) }],
    ['a name that is not a string', { name: 42 }],
  ];
  for (const [what, body] of badNames) {
    it(`refuses a token with ${what}: 400 at /name`, async () => {
      const { as } = await newUser();
      const response = await engine.request('POST', TOKENS_PATH, body, as);
      expectError(response, 400, 'validation_failed');
      expect(detailPaths(response)).to.deep.equal(['/name']);
      expect((await engine.request('GET', TOKENS_PATH, undefined, as)).body.tokens).to.deep.equal([]);
    });
  }

  it('acts as its user, without a CSRF token, and notes when it was last used', async () => {
    const { id, as } = await newUser();
    const issued = await engine.request('POST', TOKENS_PATH, { name: 'worker' }, as);
    expect(await storedToken(issued.body.id)).to.not.have.property('lastUsedAt');
    const before = Date.now();
    const me = await engine.request('GET', '/api/v1/auth/me', undefined, bearer(issued.body.token));
    expect(me.status).to.equal(200);
    expect(me.body.user._id).to.equal(id);
    const created = await engine.request('POST', '/api/v1/records/ticket', { title: 'From the worker' }, bearer(issued.body.token));
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    expect(created.body).to.include({ _owner: id, _createdBy: id });
    const [listed] = (await engine.request('GET', TOKENS_PATH, undefined, as)).body.tokens;
    expect(Date.parse(listed.lastUsedAt)).to.be.within(before - 1000, Date.now());
  });

  it('audits the token\'s creation and its use, noting use at most once a minute', async () => {
    const { id, as } = await newUser();
    const issued = await engine.request('POST', TOKENS_PATH, { name: 'audited' }, as);
    for (let i = 0; i < 3; i++) expect((await engine.request('GET', '/api/v1/records/ticket', undefined, bearer(issued.body.token))).status).to.equal(200);
    expect(await auditActionsOf(engine, id)).to.deep.equal(['record.create', 'auth.password_set', 'auth.login', 'auth.token_created', 'auth.token_used']);
    const used = await storedAudit(engine, { action: 'auth.token_used', record: id });
    expect(used.map((entry) => entry.actor)).to.deep.equal([id]);
  });

  it('refuses a revoked token with 401 at once, and audits the revocation', async () => {
    const { id, as } = await newUser();
    const issued = await engine.request('POST', TOKENS_PATH, { name: 'to revoke' }, as);
    expect((await engine.request('GET', '/api/v1/auth/me', undefined, bearer(issued.body.token))).status).to.equal(200);
    const revoked = await engine.request('DELETE', `${TOKENS_PATH}/${issued.body.id}`, undefined, as);
    expect(revoked.status).to.equal(204);
    for (const [method, path, body] of [['GET', '/api/v1/auth/me'], ['GET', '/api/v1/records/ticket'], ['POST', '/api/v1/records/ticket', { title: 'Too late' }]] as const) {
      const refused = await engine.request(method, path, body, bearer(issued.body.token));
      expectError(refused, 401, 'unauthenticated');
      expect(refused.body.error.message).to.include('revoked');
    }
    expect((await engine.request('GET', TOKENS_PATH, undefined, as)).body.tokens).to.deep.equal([]);
    expect(await storedToken(issued.body.id)).to.have.property('revokedAt');
    expect((await auditActionsOf(engine, id)).at(-1)).to.equal('auth.token_revoked');
  });

  it('answers 404 to revoking a token twice or one that never was', async () => {
    const { as } = await newUser();
    const issued = await engine.request('POST', TOKENS_PATH, { name: 'once' }, as);
    expect((await engine.request('DELETE', `${TOKENS_PATH}/${issued.body.id}`, undefined, as)).status).to.equal(204);
    expectError(await engine.request('DELETE', `${TOKENS_PATH}/${issued.body.id}`, undefined, as), 404, 'not_found');
    expectError(await engine.request('DELETE', `${TOKENS_PATH}/0000000000000000`, undefined, as), 404, 'not_found');
  });

  it('lets no one list or revoke another user\'s token, administrators included', async () => {
    const owner = await newUser();
    const other = await newUser();
    const issued = await engine.request('POST', TOKENS_PATH, { name: 'private' }, owner.as);
    expect((await engine.request('GET', TOKENS_PATH, undefined, other.as)).body.tokens).to.deep.equal([]);
    expectError(await engine.request('DELETE', `${TOKENS_PATH}/${issued.body.id}`, undefined, other.as), 404, 'not_found');
    expectError(await engine.request('DELETE', `${TOKENS_PATH}/${issued.body.id}`), 404, 'not_found');
    expect((await engine.request('GET', '/api/v1/auth/me', undefined, bearer(issued.body.token))).status, 'the token still works').to.equal(200);
    expect((await engine.request('GET', TOKENS_PATH, undefined, owner.as)).body.tokens.map((token: { id: string }) => token.id)).to.deep.equal([issued.body.id]);
  });

  it('revokes one token and keeps the user\'s others', async () => {
    const { as } = await newUser();
    const first = await engine.request('POST', TOKENS_PATH, { name: 'first' }, as);
    const second = await engine.request('POST', TOKENS_PATH, { name: 'second' }, as);
    await engine.request('DELETE', `${TOKENS_PATH}/${first.body.id}`, undefined, as);
    expectError(await engine.request('GET', '/api/v1/auth/me', undefined, bearer(first.body.token)), 401, 'unauthenticated');
    expect((await engine.request('GET', '/api/v1/auth/me', undefined, bearer(second.body.token))).status).to.equal(200);
  });

  it('lets a token revoke itself, and the next call with it is 401', async () => {
    const { as } = await newUser();
    const issued = await engine.request('POST', TOKENS_PATH, { name: 'self' }, as);
    expect((await engine.request('DELETE', `${TOKENS_PATH}/${issued.body.id}`, undefined, bearer(issued.body.token))).status).to.equal(204);
    expectError(await engine.request('GET', TOKENS_PATH, undefined, bearer(issued.body.token)), 401, 'unauthenticated');
  });

  it('stops a deactivated user\'s tokens and sessions at once: 401', async () => {
    const { id, email, session, as } = await newUser();
    const token = (await engine.request('POST', TOKENS_PATH, { name: 'before' }, as)).body.token as string;
    const deactivated = await engine.request('PATCH', `/api/v1/records/user/${id}`, { active: false });
    expect(deactivated.status, JSON.stringify(deactivated.body)).to.equal(200);
    expectError(await engine.request('GET', '/api/v1/records/ticket', undefined, bearer(token)), 401, 'unauthenticated');
    expectError(await engine.request('POST', '/api/v1/records/ticket', { title: 'x' }, bearer(token)), 401, 'unauthenticated');
    expectError(await engine.request('GET', '/api/v1/auth/me', undefined, browser(session)), 401, 'unauthenticated');
    expectError(await engine.request('POST', '/api/v1/records/ticket', { title: 'x' }, as), 401, 'unauthenticated');
    expectError(await engine.request('POST', '/api/v1/auth/login', { email, password: PASSWORD }, { authorization: '' }), 401, 'invalid_credentials');
  });

  it('does not bring old tokens and sessions back when a deactivated user is reactivated', async () => {
    const { id, email, session, as } = await newUser();
    const token = (await engine.request('POST', TOKENS_PATH, { name: 'before' }, as)).body.token as string;
    expect((await engine.request('PATCH', `/api/v1/records/user/${id}`, { active: false })).status).to.equal(200);
    expect((await engine.request('PATCH', `/api/v1/records/user/${id}`, { active: true })).status).to.equal(200);
    expectError(await engine.request('GET', '/api/v1/records/ticket', undefined, bearer(token)), 401, 'unauthenticated');
    expectError(await engine.request('GET', '/api/v1/auth/me', undefined, browser(session)), 401, 'unauthenticated');
    expect((await storedAudit(engine, { action: 'auth.credentials_ended', record: id })).map((entry) => entry.actor)).to.deep.equal([engine.adminId]);
    // Signing in again works: the user is back, their old credentials are not.
    expect((await engine.request('POST', '/api/v1/auth/login', { email, password: PASSWORD }, { authorization: '' })).status).to.equal(200);
  });

  it('stops a deleted user\'s tokens and sessions: 401', async () => {
    const { id, session, as } = await newUser();
    const token = (await engine.request('POST', TOKENS_PATH, { name: 'before' }, as)).body.token as string;
    expect((await engine.request('DELETE', `/api/v1/records/user/${id}`)).status).to.equal(204);
    expectError(await engine.request('GET', '/api/v1/records/ticket', undefined, bearer(token)), 401, 'unauthenticated');
    expectError(await engine.request('GET', '/api/v1/auth/me', undefined, browser(session)), 401, 'unauthenticated');
  });

  it('gives a token no more than its user may: a non-administrator\'s token cannot change metadata', async () => {
    const { email } = await newUser();
    const token = await tokenFor(engine, email, PASSWORD);
    expectError(await engine.request('POST', '/api/v1/meta/objects', { name: 'escalated', fields: [{ name: 'title', type: 'text' }] }, bearer(token)), 403, 'forbidden');
    const adminToken = await tokenFor(engine, TEST_ADMIN.email, TEST_ADMIN.password);
    expect((await engine.request('POST', '/api/v1/meta/objects', { name: 'allowed', fields: [{ name: 'title', type: 'text' }] }, bearer(adminToken))).status).to.equal(201);
  });
});
