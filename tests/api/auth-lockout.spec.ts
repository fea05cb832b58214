import { expect } from 'chai';
import { detailPaths, expectError } from '../support/api-helpers.js';
import { auditActionsOf, browser, createUser, login, loginFrom, signIn, storedAudit } from '../support/auth-helpers.js';
import { startTestEngine, TEST_ADMIN, type TestEngine } from '../support/test-engine.js';
import { CREDENTIALS, type CredentialDoc } from '../../engine/security/auth-collections.js';
import { MIN_PASSWORD_LENGTH } from '../../engine/security/passwords.js';
import { FIRST_DELAY_SECONDS, FREE_FAILURES, LONGEST_DELAY_SECONDS, SIGN_IN_THROTTLE } from '../../engine/security/sign-in-throttle.js';
import type { Doc } from '../../engine/store/port.js';
import { DEFAULT_TENANT } from '../../engine/tenancy/index.js';

const PASSWORD = 'the right long password';
const WRONG = 'a wrong guess of a password';
const STRANGER = '127.0.0.2';
const OFFICE = '127.0.0.3';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

describe('sign-in throttling: brute force slowed per address, never a lock-out of the account', () => {
  let engine: TestEngine;
  let serial = 0;
  /** A fresh user for each test, so one test's failures never throttle another's. */
  const newUser = async (values: Record<string, unknown> = {}) => {
    const email = `user${++serial}@example.com`;
    return { email, id: await createUser(engine, { full_name: `User ${serial}`, email, ...values }, PASSWORD) };
  };
  const fail = async (email: string, times: number, from = STRANGER) => {
    for (let i = 0; i < times; i++) expectError(await loginFrom(engine, from, email, WRONG), 401, 'invalid_credentials');
  };
  const throttleOf = async (email: string, from = STRANGER) =>
    (await (await engine.platform.tenant(DEFAULT_TENANT)).store.collection<Doc & { blockedUntil?: string; failures: number }>(SIGN_IN_THROTTLE).findOne({ client: from, account: email }))!;

  before(async () => {
    engine = await startTestEngine();
  });
  after(() => engine.stop());

  it(`makes an address wait after ${FREE_FAILURES} wrong passwords for an account: even the right one then gets 429 from there`, async () => {
    const { email } = await newUser();
    await fail(email, FREE_FAILURES);
    const throttled = await loginFrom(engine, STRANGER, email, PASSWORD);
    expectError(throttled, 429, 'sign_in_throttled');
    expect(Number(throttled.headers.get('retry-after'))).to.be.within(FIRST_DELAY_SECONDS - 2, FIRST_DELAY_SECONDS);
    expect(throttled.body.error.message).to.match(/try again in \d+ seconds/);
    expect(throttled.headers.getSetCookie()).to.deep.equal([]);
  });

  it('lets the account\'s owner sign in from another address meanwhile', async () => {
    const { email } = await newUser();
    await fail(email, FREE_FAILURES);
    for (let i = 0; i < 10; i++) expectError(await loginFrom(engine, STRANGER, email, WRONG), 429, 'sign_in_throttled');
    expectError(await loginFrom(engine, STRANGER, email, PASSWORD), 429, 'sign_in_throttled');
    expect((await loginFrom(engine, OFFICE, email, PASSWORD)).status).to.equal(200);
  });

  it('cannot be turned by a stranger against an administrator', async () => {
    for (let i = 0; i < 4 * FREE_FAILURES; i++) {
      const answer = await loginFrom(engine, STRANGER, TEST_ADMIN.email, WRONG);
      expect([401, 429]).to.include(answer.status);
    }
    const tenant = await engine.platform.tenant(DEFAULT_TENANT);
    await tenant.store.collection(SIGN_IN_THROTTLE).updateOne({ client: STRANGER, account: TEST_ADMIN.email }, { $set: { blockedUntil: new Date(Date.now() - 1000).toISOString() } });
    // Past the wait, guesses go on, and a wait starts again at once: the admin still signs in from
    // their own address, and with a token.
    await fail(TEST_ADMIN.email, 1);
    expectError(await loginFrom(engine, STRANGER, TEST_ADMIN.email, TEST_ADMIN.password), 429, 'sign_in_throttled');
    expect((await loginFrom(engine, OFFICE, TEST_ADMIN.email, TEST_ADMIN.password)).status).to.equal(200);
    expect((await engine.request('GET', '/api/v1/auth/me')).status).to.equal(200);
  });

  it('doubles the wait with each further failure, up to a quarter of an hour', async () => {
    const { email } = await newUser();
    const tenant = await engine.platform.tenant(DEFAULT_TENANT);
    const waits: number[] = [];
    for (let i = 0; i < FREE_FAILURES + 7; i++) {
      await tenant.store.collection(SIGN_IN_THROTTLE).updateOne({ client: STRANGER, account: email }, { $unset: { blockedUntil: '' } });
      const before = Date.now();
      expectError(await loginFrom(engine, STRANGER, email, WRONG), 401, 'invalid_credentials');
      const { blockedUntil } = await throttleOf(email);
      waits.push(blockedUntil ? Math.round((Date.parse(blockedUntil) - before) / 1000) : 0);
    }
    const expected = waits.map((_, i) => (i + 1 < FREE_FAILURES ? 0 : Math.min(LONGEST_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** (i + 1 - FREE_FAILURES))));
    waits.forEach((wait, i) => expect(wait, `wait after failure ${i + 1}`).to.be.within(expected[i]! - 1, expected[i]! + 1));
    expect(waits.at(-1)).to.be.within(LONGEST_DELAY_SECONDS - 1, LONGEST_DELAY_SECONDS + 1);
  });

  it('forgets a count after a day without failures, and drops the stale counts of the address', async () => {
    const { email } = await newUser();
    const tenant = await engine.platform.tenant(DEFAULT_TENANT);
    const throttles = tenant.store.collection(SIGN_IN_THROTTLE);
    await fail(email, FREE_FAILURES);
    const twoDaysAgo = new Date(Date.now() - 48 * 3600_000).toISOString();
    await throttles.updateOne({ client: STRANGER, account: email }, { $set: { lastFailureAt: twoDaysAgo, blockedUntil: twoDaysAgo } });
    await throttles.insertOne({ _id: 'stale-made-up-account', client: STRANGER, account: 'made-up@example.com', failures: 3, lastFailureAt: twoDaysAgo });
    await fail(email, 1);
    expect(await throttleOf(email)).to.include({ failures: 1 }).and.not.have.property('blockedUntil');
    expect(await throttles.findOne({ _id: 'stale-made-up-account' })).to.equal(null);
  });

  it('starts the count again after a right password from that address', async () => {
    const { email } = await newUser();
    await fail(email, FREE_FAILURES - 1);
    expect((await loginFrom(engine, STRANGER, email, PASSWORD)).status).to.equal(200);
    await fail(email, FREE_FAILURES - 1);
    expect((await loginFrom(engine, STRANGER, email, PASSWORD)).status).to.equal(200);
  });

  it('counts every guess even when they arrive all at once', async () => {
    const { email, id } = await newUser();
    const answers = await Promise.all(Array.from({ length: 4 * FREE_FAILURES }, () => loginFrom(engine, STRANGER, email, WRONG)));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401), 'the first guesses are judged').to.have.length.of.at.least(FREE_FAILURES);
    expect(statuses.every((status) => status === 401 || status === 429)).to.equal(true);
    expectError(await loginFrom(engine, STRANGER, email, PASSWORD), 429, 'sign_in_throttled');
    const failed = (await storedAudit(engine, { action: 'auth.login_failed', record: id })).length;
    expect(failed + (await storedAudit(engine, { action: 'auth.login_throttled', record: id })).length).to.be.at.least(4 * FREE_FAILURES + 1);
  });

  it('never lets a guess made while the wait starts sign in', async () => {
    const { email } = await newUser();
    await fail(email, FREE_FAILURES - 1);
    const [wrong, right] = await Promise.all([loginFrom(engine, STRANGER, email, WRONG), loginFrom(engine, STRANGER, email, PASSWORD)]);
    if (right.status === 200) {
      // The right one came first and reset the count: the wrong one is then only a first failure.
      expect(wrong.status).to.equal(401);
      expect((await loginFrom(engine, STRANGER, email, PASSWORD)).status).to.equal(200);
    } else {
      expectError(right, 429, 'sign_in_throttled');
    }
  });

  it('answers an unknown e-mail exactly as a known one, wrong guesses and throttling alike', async () => {
    const { email } = await newUser();
    const unknown = `nobody${serial}@example.com`;
    const answers = async (address: string) => {
      const seen = [];
      for (let i = 0; i < FREE_FAILURES + 2; i++) {
        const answer = await loginFrom(engine, STRANGER, address, WRONG);
        seen.push({ status: answer.status, body: answer.body, retryAfter: answer.headers.get('retry-after') !== null });
      }
      return seen;
    };
    const known = await answers(email);
    const nobody = await answers(unknown);
    expect(nobody.map((answer) => answer.status)).to.deep.equal([...Array<number>(FREE_FAILURES).fill(401), 429, 429]);
    // The wait's seconds may differ by one between the two runs: compare the bodies without the number.
    const shape = (seen: typeof known) => seen.map((answer) => ({ ...answer, body: JSON.parse(JSON.stringify(answer.body).replace(/\d+ seconds?/, 'N seconds')) }));
    expect(shape(nobody)).to.deep.equal(shape(known));
  });

  it('takes as long to refuse an unknown e-mail as a wrong password for a known one (ratio of medians)', async () => {
    const { email } = await newUser();
    const known: number[] = [];
    const unknown: number[] = [];
    // Interleaved, from fresh addresses so that no wait starts: both go through the whole hash.
    for (let i = 0; i < 8; i++) {
      for (const [address, times] of [[email, known], [`nobody-timing-${i}@example.com`, unknown]] as const) {
        const started = performance.now();
        expectError(await loginFrom(engine, `127.0.1.${i + 1}`, address, WRONG), 401, 'invalid_credentials');
        times.push(performance.now() - started);
      }
    }
    const ratio = median(unknown) / median(known);
    expect(ratio, `median ${median(unknown).toFixed(1)} ms for an unknown e-mail, ${median(known).toFixed(1)} ms for a known one`).to.be.within(0.5, 2);
  });

  it('audits every failed and every throttled attempt', async () => {
    const { email, id } = await newUser();
    await fail(email, FREE_FAILURES);
    await loginFrom(engine, STRANGER, email, PASSWORD);
    expect(await auditActionsOf(engine, id)).to.deep.equal([
      'record.create',
      'auth.password_set',
      ...Array<string>(FREE_FAILURES).fill('auth.login_failed'),
      'auth.login_throttled',
    ]);
  });

  it('keeps sessions the user opened before: the throttle stops guessing, not work', async () => {
    const { email } = await newUser();
    const session = await signIn(engine, email, PASSWORD);
    await fail(email, FREE_FAILURES);
    expect((await engine.request('GET', '/api/v1/auth/me', undefined, browser(session))).status).to.equal(200);
  });

  it('keeps nothing on the credentials themselves: an administrator\'s new password ends the sessions and signs in', async () => {
    const { email, id } = await newUser();
    const session = await signIn(engine, email, PASSWORD);
    const fresh = 'a fresh password from the admin';
    expect((await engine.request('POST', `/api/v1/auth/users/${id}/password`, { password: fresh })).status).to.equal(204);
    expectError(await engine.request('GET', '/api/v1/auth/me', undefined, browser(session)), 401, 'unauthenticated');
    expectError(await login(engine, email, PASSWORD), 401, 'invalid_credentials');
    expect((await login(engine, email, fresh)).status).to.equal(200);
    const actions = await auditActionsOf(engine, id);
    expect(actions.slice(-3)).to.deep.equal(['auth.password_set', 'auth.login_failed', 'auth.login']);
    expect((await storedAudit(engine, { action: 'auth.password_set', record: id })).at(-1)!.actor).to.equal(engine.adminId);
    const stored = await (await engine.platform.tenant(DEFAULT_TENANT)).store.collection<CredentialDoc>(CREDENTIALS).findOne({ _id: id });
    expect(Object.keys(stored!).sort()).to.deep.equal(['_id', 'changedAt', 'hash']);
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
