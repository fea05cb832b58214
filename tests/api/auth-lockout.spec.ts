import { expect } from 'chai';
import { detailPaths, expectError } from '../support/api-helpers.js';
import { auditActionsOf, browser, createUser, login, signIn, storedAudit } from '../support/auth-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';
import { CREDENTIALS, type CredentialDoc } from '../../engine/security/auth-collections.js';
import { MIN_PASSWORD_LENGTH } from '../../engine/security/passwords.js';
import { LOCK_MINUTES, MAX_FAILURES } from '../../engine/security/sign-in.js';
import { DEFAULT_TENANT } from '../../engine/tenancy/index.js';

const PASSWORD = 'the right long password';
const WRONG = 'a wrong guess of a password';

describe('sign-in lock-out: brute force refused', () => {
  let engine: TestEngine;
  let serial = 0;
  /** A fresh user for each test, so one test's failures never lock another's account. */
  const newUser = async () => {
    const email = `user${++serial}@example.com`;
    return { email, id: await createUser(engine, { full_name: `User ${serial}`, email }, PASSWORD) };
  };
  const credentialsOf = async (id: string) =>
    (await (await engine.platform.tenant(DEFAULT_TENANT)).store.collection<CredentialDoc>(CREDENTIALS).findOne({ _id: id }))!;
  const fail = async (email: string, times: number) => {
    for (let i = 0; i < times; i++) expectError(await login(engine, email, WRONG), 401, 'invalid_credentials');
  };

  before(async () => {
    engine = await startTestEngine();
  });
  after(() => engine.stop());

  it(`locks the account after ${MAX_FAILURES} wrong passwords in a row: the right one then gets 429`, async () => {
    const { email } = await newUser();
    await fail(email, MAX_FAILURES);
    const locked = await login(engine, email, PASSWORD);
    expectError(locked, 429, 'account_locked');
    expect(locked.body.error.message).to.match(new RegExp(`locked for ${LOCK_MINUTES} more minutes`));
    expect(locked.headers.getSetCookie()).to.deep.equal([]);
    expectError(await login(engine, email, WRONG), 429, 'account_locked');
  });

  it('audits every failed attempt and every attempt on the locked account', async () => {
    const { email, id } = await newUser();
    await fail(email, MAX_FAILURES);
    await login(engine, email, PASSWORD);
    expect(await auditActionsOf(engine, id)).to.deep.equal([
      'record.create',
      'auth.password_set',
      ...Array<string>(MAX_FAILURES).fill('auth.login_failed'),
      'auth.login_locked',
    ]);
    const locked = (await storedAudit(engine, { action: 'auth.login_locked', actor: id })).length;
    expect(locked).to.equal(1);
  });

  it(`keeps the lock for ${LOCK_MINUTES} minutes, then lets the right password in`, async () => {
    const { email, id } = await newUser();
    const started = Date.now();
    await fail(email, MAX_FAILURES);
    const { lockedUntil } = await credentialsOf(id);
    const minutes = (Date.parse(lockedUntil!) - started) / 60000;
    expect(minutes).to.be.within(LOCK_MINUTES - 0.1, LOCK_MINUTES + 0.1);
    // Time passes: the lock ends where the store says it does.
    const tenant = await engine.platform.tenant(DEFAULT_TENANT);
    await tenant.store.collection(CREDENTIALS).updateOne({ _id: id }, { $set: { lockedUntil: new Date(Date.now() - 1000).toISOString() } });
    expect((await login(engine, email, PASSWORD)).status).to.equal(200);
    expect(await credentialsOf(id)).to.include({ failures: 0 }).and.not.have.property('lockedUntil');
  });

  it('counts only failures in a row: a successful sign-in starts the count again', async () => {
    const { email } = await newUser();
    await fail(email, MAX_FAILURES - 1);
    expect((await login(engine, email, PASSWORD)).status).to.equal(200);
    await fail(email, MAX_FAILURES - 1);
    expect((await login(engine, email, PASSWORD)).status).to.equal(200);
  });

  it('locks the account even when the guesses arrive all at once', async () => {
    const { email, id } = await newUser();
    const answers = await Promise.all(Array.from({ length: 4 * MAX_FAILURES }, () => login(engine, email, WRONG)));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401), 'the first guesses are judged').to.have.length.of.at.least(MAX_FAILURES);
    expect(statuses.every((status) => status === 401 || status === 429)).to.equal(true);
    expectError(await login(engine, email, PASSWORD), 429, 'account_locked');
    const failed = (await storedAudit(engine, { action: 'auth.login_failed', record: id })).length;
    expect(failed + (await storedAudit(engine, { action: 'auth.login_locked', actor: id })).length).to.be.at.least(4 * MAX_FAILURES);
  });

  it('never lets a guess made while the lock lands sign in', async () => {
    const { email } = await newUser();
    await fail(email, MAX_FAILURES - 1);
    // The fifth wrong guess and a right one race: the right one must not slip in past the lock.
    const [wrong, right] = await Promise.all([login(engine, email, WRONG), login(engine, email, PASSWORD)]);
    if (right.status === 200) {
      // The right one came first and reset the count: the wrong one is then only a first failure.
      expect(wrong.status).to.equal(401);
      expect((await login(engine, email, PASSWORD)).status).to.equal(200);
    } else {
      expectError(right, 429, 'account_locked');
    }
  });

  it('does not lock, and cannot be used to find out, an e-mail nobody has', async () => {
    const before = (await storedAudit(engine, { action: 'auth.login_failed', actor: 'unknown' })).length;
    for (let i = 0; i < MAX_FAILURES + 2; i++) expectError(await login(engine, 'nobody@example.com', WRONG), 401, 'invalid_credentials');
    expect((await storedAudit(engine, { action: 'auth.login_failed', actor: 'unknown' })).length).to.equal(before + MAX_FAILURES + 2);
  });

  it('keeps sessions the user opened before the lock: the lock stops guessing, not work', async () => {
    const { email } = await newUser();
    const session = await signIn(engine, email, PASSWORD);
    await fail(email, MAX_FAILURES);
    expect((await engine.request('GET', '/api/v1/auth/me', undefined, browser(session))).status).to.equal(200);
  });

  it('unlocks the account when an administrator sets a new password, ending the user\'s sessions', async () => {
    const { email, id } = await newUser();
    const session = await signIn(engine, email, PASSWORD);
    await fail(email, MAX_FAILURES);
    expectError(await login(engine, email, PASSWORD), 429, 'account_locked');
    const fresh = 'a fresh password from the admin';
    expect((await engine.request('POST', `/api/v1/auth/users/${id}/password`, { password: fresh })).status).to.equal(204);
    expectError(await engine.request('GET', '/api/v1/auth/me', undefined, browser(session)), 401, 'unauthenticated');
    expectError(await login(engine, email, PASSWORD), 401, 'invalid_credentials');
    expect((await login(engine, email, fresh)).status).to.equal(200);
    const actions = await auditActionsOf(engine, id);
    expect(actions.slice(-3)).to.deep.equal(['auth.password_set', 'auth.login_failed', 'auth.login']);
    expect((await storedAudit(engine, { action: 'auth.password_set', record: id })).at(-1)!.actor).to.equal(engine.adminId);
  });

  it('answers 404 when an administrator sets the password of a user that does not exist', async () => {
    expectError(await engine.request('POST', '/api/v1/auth/users/0123456789abcdef01234567/password', { password: PASSWORD }), 404, 'not_found');
  });
});

describe('password policy', () => {
  let engine: TestEngine;
  let userId: string;
  const email = 'policy@example.com';
  let current = PASSWORD;
  before(async () => {
    engine = await startTestEngine();
    userId = await createUser(engine, { full_name: 'Policy Person', email }, PASSWORD);
  });
  after(() => engine.stop());

  const refused: [what: string, password: unknown][] = [
    ['no password', undefined],
    ['an empty password', ''],
    ['a short word', 'secret'],
    [`${MIN_PASSWORD_LENGTH - 1} characters`, 'x'.repeat(MIN_PASSWORD_LENGTH - 1)],
    ['more than 256 characters', 'x'.repeat(257)],
    ['a number', 123456789012345],
    ['an array of strings', ['a long enough password']],
  ];
  const accepted: [what: string, password: string][] = [
    [`exactly ${MIN_PASSWORD_LENGTH} characters`, 'y'.repeat(MIN_PASSWORD_LENGTH)],
    ['a few unrelated words, with no digits or symbols', 'purple tractor sings loudly'],
    ['256 characters', 'z'.repeat(256)],
    ['letters beyond ASCII', '正确的马电池订书钉很长的密码'],
  ];

  for (const [what, password] of refused) {
    it(`refuses ${what} from an administrator with 400 at /password`, async () => {
      const response = await engine.request('POST', `/api/v1/auth/users/${userId}/password`, { password });
      expectError(response, 400, 'validation_failed');
      expect(detailPaths(response)).to.deep.equal(['/password']);
      expect((await login(engine, email, current)).status, 'the old password still works').to.equal(200);
    });

    it(`refuses ${what} as the user's own new password with 400 at /password`, async () => {
      const session = await signIn(engine, email, current);
      const response = await engine.request('POST', '/api/v1/auth/password', { current, password }, browser(session, session.csrfToken));
      expectError(response, 400, 'validation_failed');
      expect(detailPaths(response)).to.deep.equal(['/password']);
    });
  }

  for (const [what, password] of accepted) {
    it(`accepts ${what}, which then signs in`, async () => {
      const session = await signIn(engine, email, current);
      const response = await engine.request('POST', '/api/v1/auth/password', { current, password }, browser(session, session.csrfToken));
      expect(response.status, JSON.stringify(response.body)).to.equal(204);
      current = password;
      expect((await login(engine, email, password)).status).to.equal(200);
    });
  }

  it('tells how long a password must be', async () => {
    const response = await engine.request('POST', `/api/v1/auth/users/${userId}/password`, { password: 'short' });
    expect(response.body.error.details[0].message).to.include(`at least ${MIN_PASSWORD_LENGTH} characters`);
  });
});
