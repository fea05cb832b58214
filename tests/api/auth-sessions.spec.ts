import { expect } from 'chai';
import { allRecords, createRecord, defineObject, expectError } from '../support/api-helpers.js';
import { browser, createUser, login, signIn, storedAuthText, type Session } from '../support/auth-helpers.js';
import { startTestEngine, TEST_ADMIN, type TestEngine } from '../support/test-engine.js';
import { CREDENTIALS, type CredentialDoc } from '../../engine/security/auth-collections.js';
import { DEFAULT_TENANT } from '../../engine/tenancy/index.js';

const NO_CREDENTIALS = { authorization: '' };

describe('authentication: public and protected routes', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine();
  });
  after(() => engine.stop());

  const protectedRoutes: [method: string, path: string, body?: unknown][] = [
    ['GET', '/api/v1/records/user'],
    ['POST', '/api/v1/records/user', { full_name: 'Intruder', email: 'intruder@example.com', permission_sets: ['admin'] }],
    ['GET', '/api/v1/meta/objects'],
    ['POST', '/api/v1/meta/objects', { name: 'intrusion', fields: [{ name: 'title', type: 'text' }] }],
    ['GET', '/api/v1/meta/history'],
    ['GET', '/api/v1/forms/user'],
    ['GET', '/api/v1/openapi.json'],
    ['GET', '/api/v1/audit'],
    ['GET', '/api/v1/recycle-bin/user'],
    ['GET', '/api/v1/auth/me'],
    ['GET', '/api/v1/auth/tokens'],
    ['POST', '/api/v1/auth/tokens', { name: 'stolen' }],
    ['POST', '/api/v1/auth/logout'],
    ['GET', '/api/v1/no-such-route'],
  ];
  for (const [method, path, body] of protectedRoutes) {
    it(`answers 401 to ${method} ${path} without credentials`, async () => {
      expectError(await engine.request(method, path, body, NO_CREDENTIALS), 401, 'unauthenticated');
    });
  }

  const forgeries: [what: string, headers: () => Record<string, string>][] = [
    ['an API token never issued', () => ({ authorization: 'Bearer crmt_forged' })],
    ['an empty bearer token', () => ({ authorization: 'Bearer ' })],
    ['an authorization header of another scheme', () => ({ authorization: `Basic ${Buffer.from(`${TEST_ADMIN.email}:${TEST_ADMIN.password}`).toString('base64')}` })],
    ['a session cookie never issued', () => ({ authorization: '', cookie: 'crm_session=crms_forged' })],
    ['a valid API token sent as the session cookie', () => ({ authorization: '', cookie: `crm_session=${engine.token}` })],
  ];
  for (const [what, headers] of forgeries) {
    it(`answers 401 to a request with ${what}`, async () => {
      expectError(await engine.request('GET', '/api/v1/records/user', undefined, headers()), 401, 'unauthenticated');
    });
  }

  it('writes nothing for a refused request without credentials', async () => {
    const before = await allRecords(engine, 'user');
    await engine.request('POST', '/api/v1/records/user', { full_name: 'Intruder', email: 'intruder@example.com' }, NO_CREDENTIALS);
    expect(await allRecords(engine, 'user')).to.deep.equal(before);
    expect((await engine.request('GET', '/api/v1/meta/objects/intrusion')).status).to.equal(404);
  });

  it('serves /health, the API reference and the sign-in without credentials', async () => {
    expect((await engine.request('GET', '/health', undefined, NO_CREDENTIALS)).status).to.equal(200);
    const docs = await engine.request('GET', '/api/docs', undefined, NO_CREDENTIALS);
    expect(docs.status).to.equal(200);
    expect(docs.headers.get('content-type')).to.match(/^text\/html/);
    expect((await login(engine, TEST_ADMIN.email, TEST_ADMIN.password)).status).to.equal(200);
  });
});

describe('authentication: sessions for the browser', () => {
  let engine: TestEngine;
  let note: Record<string, any>;
  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, { name: 'note', fields: [{ name: 'title', type: 'text', required: true }] });
    note = await createRecord(engine, 'note', { title: 'Kept' });
  });
  after(() => engine.stop());

  it('signs in with e-mail and password: the user without any secret, a CSRF token and the session end', async () => {
    const started = Date.now();
    const { response } = await signIn(engine, TEST_ADMIN.email, TEST_ADMIN.password);
    expect(response.body.user).to.include({ _id: engine.adminId, email: TEST_ADMIN.email, active: true });
    expect(Object.keys(response.body.user).filter((key) => /pass|hash|salt|credential/i.test(key))).to.deep.equal([]);
    expect(response.body.csrfToken).to.be.a('string').with.length.above(30);
    const hours = (Date.parse(response.body.expiresAt) - started) / 3600000;
    expect(hours).to.be.within(11.9, 12.1);
  });

  it('matches the e-mail regardless of case and surrounding spaces', async () => {
    expect((await login(engine, `  ${TEST_ADMIN.email.toUpperCase()} `, TEST_ADMIN.password)).status).to.equal(200);
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, on Path=/, never in the body', async () => {
    const session = await signIn(engine, TEST_ADMIN.email, TEST_ADMIN.password);
    const attributes = session.setCookie.split(';').map((part) => part.trim().toLowerCase());
    expect(attributes).to.include.members(['httponly', 'samesite=lax', 'path=/']);
    expect(attributes.some((attribute) => attribute.startsWith('max-age=') || attribute.startsWith('expires='))).to.equal(true);
    const secret = decodeURIComponent(session.cookie.slice('crm_session='.length));
    expect(secret).to.have.length.above(30);
    expect(JSON.stringify(session.response.body)).to.not.include(secret);
    expect(session.csrfToken).to.not.equal(secret);
  });

  it('gives each sign-in its own session and CSRF token', async () => {
    const first = await signIn(engine, TEST_ADMIN.email, TEST_ADMIN.password);
    const second = await signIn(engine, TEST_ADMIN.email, TEST_ADMIN.password);
    expect(first.cookie).to.not.equal(second.cookie);
    expect(first.csrfToken).to.not.equal(second.csrfToken);
  });

  it('answers reads with the session cookie alone: a GET needs no CSRF token', async () => {
    const session = await signIn(engine, TEST_ADMIN.email, TEST_ADMIN.password);
    const me = await engine.request('GET', '/api/v1/auth/me', undefined, browser(session));
    expect(me.status).to.equal(200);
    expect(me.body.user).to.include({ _id: engine.adminId, email: TEST_ADMIN.email });
    expect((await engine.request('GET', `/api/v1/records/note/${note._id}`, undefined, browser(session))).status).to.equal(200);
  });

  describe('refuses a state-changing call with the session cookie but without its CSRF token (CSRF)', () => {
    let session: Session;
    let other: Session;
    before(async () => {
      session = await signIn(engine, TEST_ADMIN.email, TEST_ADMIN.password);
      other = await signIn(engine, TEST_ADMIN.email, TEST_ADMIN.password);
    });

    const writes: [method: string, path: string, body?: unknown][] = [
      ['POST', '/api/v1/records/note', { title: 'Forged' }],
      ['PATCH', '/api/v1/records/note/:id', { title: 'Forged' }],
      ['DELETE', '/api/v1/records/note/:id'],
      ['POST', '/api/v1/meta/objects', { name: 'forged', fields: [{ name: 'title', type: 'text' }] }],
      ['POST', '/api/v1/auth/tokens', { name: 'forged' }],
      ['POST', '/api/v1/auth/password', { current: TEST_ADMIN.password, password: 'a forged new password' }],
    ];
    const csrfHeaders: [what: string, csrf: () => string | undefined][] = [
      ['no x-csrf-token header', () => undefined],
      ['an empty x-csrf-token', () => ''],
      ['a wrong x-csrf-token', () => 'csrf_guessed'],
      ['the CSRF token of another session', () => other.csrfToken],
    ];
    for (const [method, path, body] of writes) {
      for (const [what, csrf] of csrfHeaders) {
        it(`${method} ${path} with ${what} → 403`, async () => {
          expectError(await engine.request(method, path.replace(':id', note._id), body, browser(session, csrf())), 403, 'forbidden');
        });
      }
    }

    it('wrote nothing for any of them', async () => {
      expect((await allRecords(engine, 'note')).map(({ _id, _version, title }) => ({ _id, _version, title }))).to.deep.equal([{ _id: note._id, _version: 1, title: 'Kept' }]);
      expect((await engine.request('GET', '/api/v1/meta/objects/forged')).status).to.equal(404);
      const tokens = (await engine.request('GET', '/api/v1/auth/tokens', undefined, browser(session))).body.tokens as { name: string }[];
      expect(tokens.map((token) => token.name)).to.deep.equal(['tests']);
      expect((await login(engine, TEST_ADMIN.email, TEST_ADMIN.password)).status).to.equal(200);
    });

    it('accepts the same calls with the session\'s own CSRF token', async () => {
      const headers = browser(session, session.csrfToken);
      const created = await engine.request('POST', '/api/v1/records/note', { title: 'Mine' }, headers);
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
      expect(created.body).to.include({ _owner: engine.adminId, _createdBy: engine.adminId });
      expect((await engine.request('PATCH', `/api/v1/records/note/${created.body._id}`, { title: 'Mine, edited' }, headers)).status).to.equal(200);
      expect((await engine.request('DELETE', `/api/v1/records/note/${created.body._id}`, undefined, headers)).status).to.equal(204);
    });
  });

  it('ends the session on logout: the cookie is cleared and the next call is 401', async () => {
    const session = await signIn(engine, TEST_ADMIN.email, TEST_ADMIN.password);
    const other = await signIn(engine, TEST_ADMIN.email, TEST_ADMIN.password);
    const out = await engine.request('POST', '/api/v1/auth/logout', undefined, browser(session, session.csrfToken));
    expect(out.status).to.equal(204);
    const cleared = out.headers.getSetCookie().find((header) => header.startsWith('crm_session=')) ?? '';
    expect(cleared).to.match(/^crm_session=;/);
    expect(cleared).to.match(/Expires=Thu, 01 Jan 1970/);
    expectError(await engine.request('GET', '/api/v1/auth/me', undefined, browser(session)), 401, 'unauthenticated');
    expectError(await engine.request('POST', '/api/v1/records/note', { title: 'After' }, browser(session, session.csrfToken)), 401, 'unauthenticated');
    expect((await engine.request('GET', '/api/v1/auth/me', undefined, browser(other))).status, 'other sessions live on').to.equal(200);
  });

  it('refuses a logout without the CSRF token, so another site cannot sign the user out', async () => {
    const session = await signIn(engine, TEST_ADMIN.email, TEST_ADMIN.password);
    expectError(await engine.request('POST', '/api/v1/auth/logout', undefined, browser(session)), 403, 'forbidden');
    expect((await engine.request('GET', '/api/v1/auth/me', undefined, browser(session))).status).to.equal(200);
  });
});

describe('authentication: failed sign-ins tell nothing', () => {
  let engine: TestEngine;
  const password = 'a long enough password';
  before(async () => {
    engine = await startTestEngine();
    await createUser(engine, { full_name: 'Former Employee', email: 'former@example.com', active: false }, password);
    await engine.request('POST', '/api/v1/records/user', { full_name: 'No Password Yet', email: 'new@example.com' });
  });
  after(() => engine.stop());

  const attempts: [what: string, body: unknown][] = [
    ['a wrong password', { email: TEST_ADMIN.email, password: 'not the password at all' }],
    ['an unknown e-mail', { email: 'nobody@example.com', password: TEST_ADMIN.password }],
    ['an inactive user with the right password', { email: 'former@example.com', password }],
    ['a user who has no password yet', { email: 'new@example.com', password: '' }],
    ['no password', { email: TEST_ADMIN.email }],
    ['no e-mail', { password: TEST_ADMIN.password }],
    ['values that are not strings', { email: [TEST_ADMIN.email], password: { $ne: '' } }],
    ['a body that is not an object', 'null'],
  ];

  it('answers every failed sign-in with the same 401 body', async () => {
    const bodies: unknown[] = [];
    for (const [what, body] of attempts) {
      const response = await engine.request('POST', '/api/v1/auth/login', body, NO_CREDENTIALS);
      expectError(response, 401, 'invalid_credentials');
      expect(response.headers.getSetCookie(), what).to.deep.equal([]);
      bodies.push(response.body);
    }
    for (const body of bodies) expect(body).to.deep.equal(bodies[0]);
  });

  it('opens a session again once the inactive user is reactivated', async () => {
    const users = await engine.request('GET', `/api/v1/records/user?filter=${encodeURIComponent(JSON.stringify({ email: 'former@example.com' }))}`);
    const id = users.body.records[0]._id as string;
    expect((await engine.request('PATCH', `/api/v1/records/user/${id}`, { active: true })).status).to.equal(200);
    expect((await login(engine, 'former@example.com', password)).status).to.equal(200);
  });
});

describe('authentication: passwords are never kept or shown in clear', () => {
  let engine: TestEngine;
  let userId: string;
  const first = 'first secret passphrase';
  const second = 'second secret passphrase';
  const third = 'third secret passphrase';
  const seen: string[] = [];
  const record = (response: { body: unknown; headers: Headers }) => seen.push(JSON.stringify(response.body) ?? '', JSON.stringify([...response.headers]));

  before(async () => {
    engine = await startTestEngine();
    userId = await createUser(engine, { full_name: 'Pat Doe', email: 'pat@example.com' }, first);
  });
  after(() => engine.stop());

  it('keeps only a salted scrypt hash of each password, never the password', async () => {
    const tenant = await engine.platform.tenant(DEFAULT_TENANT);
    const credentials = await tenant.store.collection<CredentialDoc>(CREDENTIALS).find({});
    expect(credentials.map((doc) => doc._id)).to.have.members([engine.adminId, userId]);
    for (const doc of credentials) expect(doc.hash).to.match(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    const [a, b] = credentials;
    expect(a!.hash.split('$')[4], 'each hash has its own salt').to.not.equal(b!.hash.split('$')[4]);
  });

  it('lets the user change their password with the current one, which then stops working', async () => {
    const session = await signIn(engine, 'pat@example.com', first);
    record(session.response);
    const wrong = await engine.request('POST', '/api/v1/auth/password', { current: 'not my password', password: second }, browser(session, session.csrfToken));
    record(wrong);
    expect(expectError(wrong, 403, 'forbidden')).to.deep.equal([{ path: '/current', message: 'is not your current password' }]);
    const changed = await engine.request('POST', '/api/v1/auth/password', { current: first, password: second }, browser(session, session.csrfToken));
    record(changed);
    expect(changed.status).to.equal(204);
    expectError(await login(engine, 'pat@example.com', first), 401, 'invalid_credentials');
    record(await signIn(engine, 'pat@example.com', second).then((s) => s.response));
  });

  it('ends every session of the user when the password changes', async () => {
    const session = await signIn(engine, 'pat@example.com', second);
    const set = await engine.request('POST', `/api/v1/auth/users/${userId}/password`, { password: third });
    record(set);
    expect(set.status).to.equal(204);
    expectError(await engine.request('GET', '/api/v1/auth/me', undefined, browser(session)), 401, 'unauthenticated');
  });

  it('shows no password in any response, in the user record, in the audit log or in the auth collections', async () => {
    record(await engine.request('GET', `/api/v1/records/user/${userId}`));
    record(await engine.request('GET', '/api/v1/records/user'));
    record(await engine.request('GET', '/api/v1/audit?limit=200'));
    record(await login(engine, 'pat@example.com', first));
    const stored = await storedAuthText(engine);
    for (const password of [first, second, third, TEST_ADMIN.password]) {
      for (const text of seen) expect(text).to.not.include(password);
      expect(stored).to.not.include(password);
    }
    expect(stored).to.include('auth.password_set');
  });

  it('stores sessions by a hash of their secret, not the secret itself', async () => {
    const session = await signIn(engine, 'pat@example.com', third);
    const secret = decodeURIComponent(session.cookie.slice('crm_session='.length));
    expect(await storedAuthText(engine)).to.not.include(secret);
  });
});
