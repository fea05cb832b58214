import { expect } from 'chai';
import { expectError } from '../support/api-helpers.js';
import { bearer, browser, createUser, signIn, tokenFor } from '../support/auth-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const PASSWORD = 'a credentials changes password';

/**
 * A token or a session is looked up once and then recalled while the tokens, the sessions and the
 * users stay as they were (known-credentials.ts): each change is seen by the very next request
 * made with a credential that was already recalled, several times over.
 */
describe('credentials already in use follow every change of their user, token or session', () => {
  let engine: TestEngine;
  let serial = 0;
  const newUser = async (sets = ['standard_user', 'note_reader']) => {
    const email = `recalled${++serial}@example.com`;
    const id = await createUser(engine, { full_name: `Recalled ${serial}`, email, permission_sets: sets }, PASSWORD);
    return { id, email, token: await tokenFor(engine, email, PASSWORD), session: await signIn(engine, email, PASSWORD) };
  };
  const used = async (headers: Record<string, string>, path = '/api/v1/auth/me') => {
    for (let n = 0; n < 3; n++) expect((await engine.request('GET', path, undefined, headers)).status, `${path} before the change`).to.equal(200);
  };

  before(async () => {
    engine = await startTestEngine();
    await engine.request('POST', '/api/v1/meta/objects', { name: 'note', fields: [{ name: 'title', type: 'text', required: true }] });
    await engine.request('POST', '/api/v1/meta/permission-sets', { name: 'note_reader', objects: { note: { read: true } } });
    await engine.request('POST', '/api/v1/meta/permission-sets', { name: 'note_writer', objects: { note: { create: true, read: true } } });
  });
  after(() => engine.stop());

  it('acts with the rights the user has now: a permission set given, then taken away', async () => {
    const { id, token } = await newUser();
    await used(bearer(token), '/api/v1/records/note');
    expectError(await engine.request('POST', '/api/v1/records/note', { title: 'Not yet' }, bearer(token)), 403, 'forbidden');
    expect((await engine.request('PATCH', `/api/v1/records/user/${id}`, { permission_sets: ['standard_user', 'note_writer'] })).status).to.equal(200);
    expect((await engine.request('POST', '/api/v1/records/note', { title: 'Now allowed' }, bearer(token))).status).to.equal(201);
    expect((await engine.request('PATCH', `/api/v1/records/user/${id}`, { permission_sets: ['standard_user'] })).status).to.equal(200);
    expectError(await engine.request('GET', '/api/v1/records/note', undefined, bearer(token)), 403, 'forbidden');
  });

  it('refuses a token and a session in use once their user is deactivated', async () => {
    const { id, token, session } = await newUser();
    await used(bearer(token));
    await used(browser(session));
    expect((await engine.request('PATCH', `/api/v1/records/user/${id}`, { active: false })).status).to.equal(200);
    expectError(await engine.request('GET', '/api/v1/auth/me', undefined, bearer(token)), 401, 'unauthenticated');
    expectError(await engine.request('GET', '/api/v1/auth/me', undefined, browser(session)), 401, 'unauthenticated');
  });

  it('refuses a session in use once it signed out, and one token revoked while the other goes on', async () => {
    const { email, token, session } = await newUser();
    const second = await tokenFor(engine, email, PASSWORD, 'second');
    await used(browser(session));
    await used(bearer(token));
    await used(bearer(second));
    expect((await engine.request('POST', '/api/v1/auth/logout', undefined, browser(session, session.csrfToken))).status).to.equal(204);
    expectError(await engine.request('GET', '/api/v1/auth/me', undefined, browser(session)), 401, 'unauthenticated');
    const listed = await engine.request('GET', '/api/v1/auth/tokens', undefined, bearer(token));
    const first = (listed.body.tokens as { id: string; name: string }[]).find((entry) => entry.name === 'integration')!;
    expect((await engine.request('DELETE', `/api/v1/auth/tokens/${first.id}`, undefined, bearer(second))).status).to.equal(204);
    expectError(await engine.request('GET', '/api/v1/auth/me', undefined, bearer(token)), 401, 'unauthenticated');
    expect((await engine.request('GET', '/api/v1/auth/me', undefined, bearer(second))).status).to.equal(200);
  });

  it('still asks a session in use for its CSRF token on every change', async () => {
    const { session } = await newUser(['standard_user', 'note_writer']);
    await used(browser(session));
    expectError(await engine.request('POST', '/api/v1/records/note', { title: 'No header' }, browser(session)), 403, 'forbidden');
    expectError(await engine.request('POST', '/api/v1/records/note', { title: 'Wrong header' }, browser(session, 'not-the-token')), 403, 'forbidden');
    expect((await engine.request('POST', '/api/v1/records/note', { title: 'With it' }, browser(session, session.csrfToken))).status).to.equal(201);
  });
});
