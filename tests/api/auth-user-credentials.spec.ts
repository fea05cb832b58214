import { expect } from 'chai';
import { expectError } from '../support/api-helpers.js';
import { bearer, browser, createUser, signIn, storedAudit, tokenFor } from '../support/auth-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const PASSWORD = 'a password of a credentials test';

/**
 * A new password ends what the old one opened, and administrators see and end another user's
 * tokens and sessions.
 */
describe('credentials of a user: password resets, tokens and sessions', () => {
  let engine: TestEngine;
  let serial = 0;
  const newUser = async (sets: string[] = ['standard_user']) => {
    const email = `person${++serial}@example.com`;
    return { email, id: await createUser(engine, { full_name: `Person ${serial}`, email, permission_sets: sets }, PASSWORD) };
  };
  const me = (headers: Record<string, string>) => engine.request('GET', '/api/v1/auth/me', undefined, headers);

  before(async () => {
    engine = await startTestEngine();
    const set = { name: 'user_manager', system: { manageUsers: true }, objects: { user: { modifyAll: true } } };
    expect((await engine.request('POST', '/api/v1/meta/permission-sets', set)).status).to.equal(201);
  });
  after(() => engine.stop());

  it('revokes every API token and ends every session when an administrator resets the password', async () => {
    const { email, id } = await newUser();
    const token = await tokenFor(engine, email, PASSWORD);
    const session = await signIn(engine, email, PASSWORD);
    expect((await me(bearer(token))).status).to.equal(200);
    expect((await engine.request('POST', `/api/v1/auth/users/${id}/password`, { password: 'a new password set by the admin' })).status).to.equal(204);
    expectError(await me(bearer(token)), 401, 'unauthenticated');
    expectError(await me(browser(session)), 401, 'unauthenticated');
    expect((await engine.request('GET', `/api/v1/auth/users/${id}/tokens`)).body.tokens).to.deep.equal([]);
    expect((await storedAudit(engine, { action: 'auth.credentials_ended', record: id })).at(-1)!.actor).to.equal(engine.adminId);
  });

  it('keeps the session in which users change their own password, ending the others and their tokens', async () => {
    const { email, id } = await newUser();
    const token = await tokenFor(engine, email, PASSWORD);
    const here = await signIn(engine, email, PASSWORD);
    const elsewhere = await signIn(engine, email, PASSWORD);
    const changed = await engine.request('POST', '/api/v1/auth/password', { current: PASSWORD, password: 'my own brand new password' }, browser(here, here.csrfToken));
    expect(changed.status, JSON.stringify(changed.body)).to.equal(204);
    expect((await me(browser(here))).status).to.equal(200);
    expectError(await me(browser(elsewhere)), 401, 'unauthenticated');
    expectError(await me(bearer(token)), 401, 'unauthenticated');
    expect((await engine.request('GET', `/api/v1/auth/users/${id}/sessions`)).body.sessions).to.have.length(1);
  });

  it('lets an administrator list a user\'s tokens and sessions, never their secrets', async () => {
    const { email, id } = await newUser();
    const token = await tokenFor(engine, email, PASSWORD, 'nightly import');
    const tokens = await engine.request('GET', `/api/v1/auth/users/${id}/tokens`);
    expect(tokens.status).to.equal(200);
    expect(tokens.body.tokens.map((listed: { name: string }) => listed.name)).to.deep.equal(['nightly import']);
    const sessions = await engine.request('GET', `/api/v1/auth/users/${id}/sessions`);
    expect(sessions.status).to.equal(200);
    expect(sessions.body.sessions).to.have.length(1);
    expect(Object.keys(sessions.body.sessions[0]).sort()).to.deep.equal(['createdAt', 'expiresAt', 'id']);
    expect(JSON.stringify([tokens.body, sessions.body])).to.not.include(token.slice(5, 20));
  });

  it('lets an administrator revoke one token or all of them', async () => {
    const { email, id } = await newUser();
    const first = await tokenFor(engine, email, PASSWORD, 'first');
    const second = await tokenFor(engine, email, PASSWORD, 'second');
    const third = await tokenFor(engine, email, PASSWORD, 'third');
    const listed = (await engine.request('GET', `/api/v1/auth/users/${id}/tokens`)).body.tokens as { id: string; name: string }[];
    const firstId = listed.find((token) => token.name === 'first')!.id;
    expect((await engine.request('DELETE', `/api/v1/auth/users/${id}/tokens/${firstId}`)).status).to.equal(204);
    expectError(await me(bearer(first)), 401, 'unauthenticated');
    expect((await me(bearer(second))).status).to.equal(200);
    expectError(await engine.request('DELETE', `/api/v1/auth/users/${id}/tokens/${firstId}`), 404, 'not_found');
    expect((await engine.request('DELETE', `/api/v1/auth/users/${id}/tokens`)).status).to.equal(204);
    expectError(await me(bearer(second)), 401, 'unauthenticated');
    expectError(await me(bearer(third)), 401, 'unauthenticated');
    expect((await storedAudit(engine, { action: 'auth.token_revoked', record: id })).map((entry) => entry.actor)).to.deep.equal([engine.adminId, engine.adminId]);
  });

  it('lets an administrator end one session or all of them', async () => {
    const { email, id } = await newUser();
    const one = await signIn(engine, email, PASSWORD);
    const two = await signIn(engine, email, PASSWORD);
    const three = await signIn(engine, email, PASSWORD);
    const sessions = (await engine.request('GET', `/api/v1/auth/users/${id}/sessions`)).body.sessions as { id: string; createdAt: string }[];
    expect(sessions).to.have.length(3);
    // Each session's id is in no cookie: end them one at a time until the first one stops.
    expect((await engine.request('DELETE', `/api/v1/auth/users/${id}/sessions/${sessions[0]!.id}`)).status).to.equal(204);
    const alive = await Promise.all([one, two, three].map(async (session) => (await me(browser(session))).status));
    expect(alive.filter((status) => status === 401)).to.have.length(1);
    expectError(await engine.request('DELETE', `/api/v1/auth/users/${id}/sessions/${sessions[0]!.id}`), 404, 'not_found');
    expect((await engine.request('DELETE', `/api/v1/auth/users/${id}/sessions`)).status).to.equal(204);
    for (const session of [one, two, three]) expectError(await me(browser(session)), 401, 'unauthenticated');
  });

  it('refuses these routes to users who do not manage users, and on accounts more powerful than the caller\'s', async () => {
    const plain = await newUser();
    const plainToken = await tokenFor(engine, plain.email, PASSWORD);
    const manager = await newUser(['standard_user', 'user_manager']);
    const managerToken = await tokenFor(engine, manager.email, PASSWORD);
    const target = await newUser();
    const paths: [method: string, path: string][] = [
      ['GET', `/api/v1/auth/users/${target.id}/tokens`],
      ['DELETE', `/api/v1/auth/users/${target.id}/tokens`],
      ['GET', `/api/v1/auth/users/${target.id}/sessions`],
      ['DELETE', `/api/v1/auth/users/${target.id}/sessions`],
    ];
    for (const [method, path] of paths) expectError(await engine.request(method, path, undefined, bearer(plainToken)), 403, 'forbidden');
    for (const [method, path] of paths) expect((await engine.request(method, path, undefined, bearer(managerToken))).status, `${method} ${path}`).to.be.oneOf([200, 204]);
    for (const [method, path] of paths.map(([method, path]) => [method, path.replace(target.id, engine.adminId)] as const)) {
      expectError(await engine.request(method, path, undefined, bearer(managerToken)), 403, 'forbidden');
    }
    expect((await me({})).status, 'the administrator\'s token still works').to.equal(200);
    expectError(await engine.request('GET', '/api/v1/auth/users/0123456789abcdef01234567/tokens'), 404, 'not_found');
  });

  it('describes the routes in the OpenAPI document', async () => {
    const paths = (await engine.request('GET', '/api/v1/openapi.json')).body.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths['/api/v1/auth/users/{id}/tokens']!).sort()).to.deep.equal(['delete', 'get']);
    expect(Object.keys(paths['/api/v1/auth/users/{id}/sessions']!).sort()).to.deep.equal(['delete', 'get']);
    expect(paths).to.have.property('/api/v1/auth/users/{id}/tokens/{token}');
    expect(paths).to.have.property('/api/v1/auth/users/{id}/sessions/{session}');
  });
});
