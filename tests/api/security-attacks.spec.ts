import { expect } from 'chai';
import { ObjectId } from 'bson';
import { issueToken } from '../../engine/security/api-tokens.js';
import { FREE_FAILURES } from '../../engine/security/sign-in-throttle.js';
import { DEFAULT_TENANT } from '../../engine/tenancy/index.js';
import { detailPaths, expectError, listPath } from '../support/api-helpers.js';
import { bearer, browser, login, signIn, type Session } from '../support/auth-helpers.js';
import { buildOrg, defaultTenant, orgState, type Caller, type Org } from '../support/permission-fixtures.js';
import { createTenant, OPERATOR_TOKEN } from '../support/tenant-helpers.js';
import { startTestEngine, type TestEngine, type TestResponse } from '../support/test-engine.js';

const PASSWORD = 'a sales rep passphrase';
const WRONG = 'a wrong guess of a password';
const ids = (response: TestResponse) => (response.body.records as { _id: string }[]).map((record) => record._id).sort();
/** An error body with the record id taken out: what a prober compares. */
const shapeOf = (response: TestResponse, id: string) => ({ status: response.status, body: JSON.parse(JSON.stringify(response.body).replaceAll(id, ':id')) });

/**
 * Attacks a signed-in sales rep (Rita) or an outsider would try on the company of the permission
 * matrix: each is refused, and neither tenant's records or shares change.
 */
describe('security attacks: each refused, with nothing changed', () => {
  let engine: TestEngine;
  let org: Org;
  let beta: Org;
  let rita: Caller;
  let session: Session;
  let initial: { org: Record<string, unknown>; beta: Record<string, unknown> };
  const path = (object: string, key: string, rest = '') => `/api/v1/records/${object}/${org.id(key)}${rest}`;

  /** The company's records and shares as they were before the attacks, in the default tenant and, when asked, in beta too. */
  const expectNothingChanged = async (andBeta = false) => {
    expect(await orgState(org), 'the default tenant').to.deep.equal(initial.org);
    if (andBeta) expect(await orgState(beta), 'beta').to.deep.equal(initial.beta);
  };

  /** A user of the default tenant with a password and an API token, made for one attack. */
  const extraUser = async (name: string) => {
    const created = await engine.request('POST', '/api/v1/records/user', { full_name: name, email: `${name}@example.com`, role: 'sales_rep', permission_sets: ['standard_user', 'sales_user'] });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    expect((await engine.request('POST', `/api/v1/auth/users/${created.body._id}/password`, { password: PASSWORD })).status).to.equal(204);
    const issued = await issueToken(await engine.platform.tenant(DEFAULT_TENANT), created.body._id, 'attack');
    return { id: created.body._id as string, email: `${name}@example.com`, token: issued.token };
  };

  before(async () => {
    engine = await startTestEngine({ operatorToken: OPERATOR_TOKEN });
    org = await buildOrg(engine, defaultTenant(engine), { password: PASSWORD });
    beta = await buildOrg(engine, await createTenant(engine, 'beta'));
    rita = org.as('rita');
    session = await signIn(engine, 'rita@example.com', PASSWORD);
    initial = { org: await orgState(org), beta: await orgState(beta) };
  });
  after(() => engine.stop());

  /** The routes of one record, each as Rita would call it; `id` is the record probed. */
  const recordRoutes = (id: string): [method: string, path: string, body?: unknown][] => [
    ['GET', `/api/v1/records/account/${id}`],
    ['PATCH', `/api/v1/records/account/${id}`, { name: 'Taken over' }],
    ['DELETE', `/api/v1/records/account/${id}`],
    ['GET', `/api/v1/records/account/${id}/history`],
    ['GET', `/api/v1/records/account/${id}/shares`],
    ['POST', `/api/v1/records/account/${id}/shares`, { user: org.userId('rita'), access: 'edit' }],
    ['PUT', `/api/v1/records/account/${id}/owner`, { owner: org.userId('rita') }],
    ['GET', `/api/v1/records/account/${id}/related/opportunity`],
    ['POST', `/api/v1/recycle-bin/account/${id}/restore`],
  ];

  describe('ids that are not theirs to reach', () => {
    it('answers another tenant\'s record id with 404 on every route of a record, for the rep and the administrator', async () => {
      const theirs = beta.id('acc_rita');
      for (const caller of [rita, org.as('admin')]) {
        for (const [method, route, body] of recordRoutes(theirs)) expectError(await caller(method, route, body), 404, 'not_found');
        expect(ids(await caller('GET', listPath('account', { filter: { _id: theirs } })))).to.deep.equal([]);
      }
      await expectNothingChanged(true);
    });

    it('refuses a lookup to another tenant\'s record as one that does not exist (400)', async () => {
      const response = await rita('POST', '/api/v1/records/opportunity', { name: 'Cross-tenant', account: beta.id('acc_rita') });
      expect(detailPaths(response)).to.deep.equal(['/account']);
      expect(response.body.error.details[0].message).to.equal(`there is no account record with id '${beta.id('acc_rita')}'`);
      await expectNothingChanged();
    });

    it('answers a record that exists but is hidden exactly as one that never existed, on every route', async () => {
      const hidden = org.id('acc_rob');
      const missing = new ObjectId().toHexString();
      const [probed, never] = await Promise.all([hidden, missing].map((id) => Promise.all(recordRoutes(id).map(([method, route, body]) => rita(method, route, body)))));
      expect(probed!.map((response) => shapeOf(response, hidden))).to.deep.equal(never!.map((response) => shapeOf(response, missing)));
      expect(probed!.map((response) => response.status)).to.deep.equal(recordRoutes(hidden).map(() => 404));
      await expectNothingChanged();
    });

    it('takes as long to answer for a hidden record as for one that never existed', async () => {
      const hidden = path('account', 'acc_rob');
      const missing = `/api/v1/records/account/${new ObjectId().toHexString()}`;
      const timings: Record<string, number[]> = { [hidden]: [], [missing]: [] };
      // Interleaved, so that whatever else the machine does weighs on both alike; a first pair warms up.
      for (let i = 0; i <= 40; i++) {
        for (const route of [hidden, missing]) {
          const started = process.hrtime.bigint();
          expect((await rita('GET', route)).status).to.equal(404);
          if (i > 0) timings[route]!.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
      }
      const quantile = (values: number[], q: number) => [...values].sort((x, y) => x - y)[Math.floor(q * (values.length - 1))]!;
      const [a, b] = [quantile(timings[hidden]!, 0.5), quantile(timings[missing]!, 0.5)];
      // The medians may differ by the spread the machine's own noise gives each kind of answer (its
      // interquartile range, wide on a loaded machine, tight where a real difference would show),
      // or by 3 ms or half the smaller median.
      const spread = (values: number[]) => quantile(values, 0.75) - quantile(values, 0.25);
      const noise = Math.max(spread(timings[hidden]!), spread(timings[missing]!));
      expect(Math.abs(a - b), `median ${a.toFixed(2)} ms for the hidden record, ${b.toFixed(2)} ms for none, noise ${noise.toFixed(2)} ms`).to.be.below(Math.max(3, 0.5 * Math.min(a, b), noise));
    });

    it('gives nothing away to a walk over sequential ids: 200 for her own, the same 404 for the rest, existing or not', async () => {
      // Ids grow with a counter: the neighbours of her own id, and ids seen elsewhere (a shared link).
      const start = org.id('opp_rita_small');
      const counter = parseInt(start.slice(18), 16);
      const neighbours = Array.from({ length: 41 }, (_, i) => `${start.slice(0, 18)}${(counter - 20 + i).toString(16).padStart(6, '0')}`);
      const guesses = [...new Set([...neighbours, ...['opp_rita_big', 'opp_rob', 'opp_mona', 'opp_admin'].map(org.id)])];
      const answers = await Promise.all(guesses.map((id) => rita('GET', `/api/v1/records/opportunity/${id}`)));
      const found = guesses.filter((_, i) => answers[i]!.status === 200);
      expect(found.sort()).to.deep.equal(['opp_rita_small', 'opp_rita_big'].map(org.id).sort());
      const refused = new Set(guesses.flatMap((id, i) => (answers[i]!.status === 200 ? [] : [JSON.stringify(shapeOf(answers[i]!, id))])));
      expect([...refused], 'one answer for every other id, hidden or missing').to.have.length(1);
      expect(JSON.parse([...refused][0]!).status).to.equal(404);
    });
  });

  describe('mass assignment of system and internal fields: 400 naming the field, on create and update', () => {
    const fields: [field: string, value: () => unknown][] = [
      ['_owner', () => org.userId('rob')],
      ['_createdBy', () => org.userId('mona')],
      ['_version', () => 99],
      ['_shares', () => [{ id: 'forged', to: `u:${org.userId('rob')}`, access: 'edit', by: org.userId('rita'), at: '2030-01-01T00:00:00.000Z' }]],
      ['_readers', () => ['r:sales_rep', `u:${org.userId('rob')}`]],
      ['_editors', () => ['r:sales_rep']],
      ['_deleted', () => true],
      ['__proto__', () => ({ _owner: org.userId('rob') })],
    ];
    for (const [field, value] of fields) {
      it(`refuses ${field}`, async () => {
        // Sent as raw JSON, so __proto__ arrives as a key like any other.
        const body = (base: Record<string, unknown>) => `${JSON.stringify(base).slice(0, -1)},${JSON.stringify(field)}:${JSON.stringify(value())}}`;
        for (const response of [await rita('POST', '/api/v1/records/account', body({ name: 'Forged' })), await rita('PATCH', path('account', 'acc_rita'), body({ name: 'Forged' }))]) {
          expectError(response, 400, 'validation_failed');
          expect(detailPaths(response)).to.deep.equal([`/${field}`]);
        }
        expectError(await org.as('rob')('GET', path('account', 'acc_rita')), 404, 'not_found');
      });
    }

    it('refuses a hidden or read-only field with 403 naming it', async () => {
      for (const field of ['margin', 'discount']) {
        const response = await rita('PATCH', path('opportunity', 'opp_rita_small'), { [field]: 0 });
        expectError(response, 403, 'forbidden');
        expect(detailPaths(response)).to.deep.equal([`/${field}`]);
      }
      await expectNothingChanged();
    });
  });

  describe('operator injection', () => {
    const filters: [what: string, object: string, filter: unknown, paths: string[]][] = [
      ['$where', 'account', { $where: 'sleep(1000) || true' }, ['/filter/$where']],
      ['$gt on a field', 'opportunity', { amount: { $gt: 0 } }, ['/filter/amount/$gt']],
      ['the readers index', 'account', { _readers: { in: ['r:sales_rep'] } }, ['/filter/_readers']],
      ['the editors index', 'account', { _editors: { isNull: false } }, ['/filter/_editors']],
      ['the manual shares', 'account', { '_shares.to': `u:${'0'.repeat(24)}` }, ['/filter/_shares.to']],
      ['the recycle bin mark', 'account', { _deleted: true }, ['/filter/_deleted']],
      ['the deleting user', 'account', { or: [{ _deletedBy: { isNull: false } }] }, ['/filter/or/0/_deletedBy']],
    ];
    for (const [what, object, filter, paths] of filters) {
      it(`refuses a filter on ${what} in lists, exports and summaries with 400`, async () => {
        const query = `filter=${encodeURIComponent(JSON.stringify(filter))}`;
        for (const route of [`/api/v1/records/${object}?${query}`, `/api/v1/records/${object}/export?${query}`, `/api/v1/records/${object}/summary?groupBy=name&measures=count&${query}`]) {
          const response = await rita('GET', route);
          expectError(response, 400, 'validation_failed');
          expect(detailPaths(response), route).to.deep.equal(paths);
        }
      });
    }

    it('refuses sorting, selecting, expanding, exporting and grouping by the internal fields with 400', async () => {
      const routes = [
        ...['sort=_readers', 'sort=-_shares', 'fields=name,_editors', 'fields=_deleted', 'expand=_shares'].map((query) => `/api/v1/records/account?${query}`),
        ...['sort=_editors', 'fields=name,_readers'].map((query) => `/api/v1/records/account/export?${query}`),
        ...['groupBy=_deletedBy&measures=count', 'groupBy=_readers&measures=count', 'groupBy=industry&measures=sum:_parked'].map((query) => `/api/v1/records/account/summary?${query}`),
      ];
      for (const route of routes) expectError(await rita('GET', route), 400, 'validation_failed');
    });

    it('cannot widen what a filter reaches: conditions on owners and ids stay within what she may see', async () => {
      const everyone = (['rob', 'mona', 'admin'] as const).map(org.userId);
      const allAccounts = ['acc_rita', 'acc_rob', 'acc_mona', 'acc_admin'].map(org.id);
      const cases: [filter: unknown, expected: string[]][] = [
        [{ _owner: { in: everyone } }, ['acc_mona']],
        [{ _id: { in: allAccounts } }, ['acc_rita', 'acc_mona']],
        [{ or: [{ industry: 'public_sector' }, { name: { isNull: false } }] }, ['acc_rita', 'acc_mona']],
      ];
      for (const [filter, expected] of cases) {
        const response = await rita('GET', listPath('account', { filter, total: 'true' }));
        expect(ids(response), JSON.stringify(filter)).to.deep.equal(expected.map(org.id).sort());
        expect(response.body.total).to.equal(expected.length);
      }
    });

    const bodies: [what: string, method: string, route: () => string, body: string][] = [
      ['a $set beside the fields', 'POST', () => '/api/v1/records/account', '{"name":"Injected","$set":{"_owner":"x"}}'],
      ['an operator as a value', 'POST', () => '/api/v1/records/account', '{"name":{"$gt":""}}'],
      ['an $inc as the whole change', 'PATCH', () => path('account', 'acc_rita'), '{"$inc":{"_version":1}}'],
      ['a constructor key', 'PATCH', () => path('account', 'acc_rita'), '{"constructor":{"prototype":{"admin":true}}}'],
      ['an operator as the grantee', 'POST', () => path('account', 'acc_rita', '/shares'), '{"user":{"$ne":null},"access":"edit"}'],
      ['an operator as the new owner', 'PUT', () => path('account', 'acc_rita', '/owner'), '{"owner":{"$ne":null}}'],
    ];
    for (const [what, method, route, body] of bodies) {
      it(`refuses ${what} in a body with 400`, async () => {
        expectError(await rita(method, route(), body), 400, 'validation_failed');
      });
    }

    it('signs nobody in with operators for e-mail and password', async () => {
      expectError(await login(engine, { $ne: null }, { $ne: null }), 401, 'invalid_credentials');
      expectError(await login(engine, 'rita@example.com', { $gt: '' }), 401, 'invalid_credentials');
      await expectNothingChanged();
    });
  });

  describe('oversized bodies', () => {
    it('refuses oversized bodies on updates, shares, transfers and metadata with 413', async () => {
      const huge = 'x'.repeat(1_100_000);
      const calls: [Caller, string, string, unknown][] = [
        [rita, 'PATCH', path('account', 'acc_rita'), { name: huge }],
        [rita, 'POST', path('account', 'acc_rita', '/shares'), { user: huge, access: 'read' }],
        [rita, 'PUT', path('account', 'acc_rita', '/owner'), { owner: huge }],
        [org.as('admin'), 'POST', '/api/v1/meta/objects', { name: 'bloated', description: huge }],
      ];
      for (const [caller, method, route, body] of calls) expectError(await caller(method, route, body), 413, 'body_too_large');
      expectError(await rita('GET', listPath('account', { filter: { name: { in: Array.from({ length: 501 }, (_, i) => `n${i}`) } } })), 400, 'validation_failed');
      await expectNothingChanged();
    });
  });

  describe('sign-in brute force', () => {
    it('counts guesses at one account whatever the case and spaces of its e-mail, then makes the address wait', async () => {
      const victim = await extraUser('victim');
      const variants = ['VICTIM@example.com', ' victim@example.com', 'Victim@Example.COM ', 'victim@EXAMPLE.com', '\tvictim@example.com'];
      for (const email of variants.slice(0, FREE_FAILURES)) expectError(await login(engine, email, WRONG), 401, 'invalid_credentials');
      expectError(await login(engine, victim.email, PASSWORD), 429, 'sign_in_throttled');
    });

    it('counts guesses of the current password on the password change towards the same wait', async () => {
      const victim = await extraUser('stolen_token');
      for (let i = 0; i < FREE_FAILURES; i++) expectError(await engine.request('POST', '/api/v1/auth/password', { current: WRONG, password: 'a new password of mine' }, bearer(victim.token)), 403, 'forbidden');
      expectError(await login(engine, victim.email, PASSWORD), 429, 'sign_in_throttled');
      expectError(await engine.request('POST', '/api/v1/auth/password', { current: PASSWORD, password: 'a new password of mine' }, bearer(victim.token)), 429, 'sign_in_throttled');
    });

    it('does not reset the per-address limit for a forged X-Forwarded-For', async () => {
      const limited = await startTestEngine({ rateLimits: { loginPerMinute: 3 } });
      try {
        const guess = (i: number) => limited.request('POST', '/api/v1/auth/login', { email: `nobody${i}@example.com`, password: WRONG }, { authorization: '', 'x-forwarded-for': `203.0.113.${i}` });
        for (let i = 0; i < 3; i++) expectError(await guess(i), 401, 'invalid_credentials');
        expectError(await guess(3), 429, 'rate_limited');
      } finally {
        await limited.stop();
      }
    });
  });

  describe('stolen or stale credentials', () => {
    const writes = (): [method: string, route: string, body?: unknown][] => [
      ['PATCH', path('account', 'acc_rita'), { name: 'Forged' }],
      ['DELETE', path('account', 'acc_rita')],
      ['POST', path('account', 'acc_rita', '/shares'), { user: org.userId('rob'), access: 'edit' }],
      ['PUT', path('account', 'acc_rita', '/owner'), { owner: org.userId('rob') }],
      ['POST', '/api/v1/records/account', { name: 'Forged' }],
    ];

    it('refuses a session\'s writes without its CSRF token, or with another user\'s, with 403', async () => {
      const colleague = await extraUser('colleague');
      const other = await signIn(engine, colleague.email, PASSWORD);
      for (const csrf of [undefined, '', other.csrfToken]) {
        for (const [method, route, body] of writes()) expectError(await engine.request(method, route, body, browser(session, csrf)), 403, 'forbidden');
      }
      await expectNothingChanged();
    });

    it('refuses a revoked token with 401 on reads and writes', async () => {
      const spare = await issueToken(await engine.platform.tenant(DEFAULT_TENANT), org.userId('rita'), 'spare');
      expect((await rita('DELETE', `/api/v1/auth/tokens/${spare.id}`)).status).to.equal(204);
      const revoked = (method: string, route: string, body?: unknown) => engine.request(method, route, body, bearer(spare.token));
      expectError(await revoked('GET', path('account', 'acc_rita')), 401, 'unauthenticated');
      for (const [method, route, body] of writes()) expectError(await revoked(method, route, body), 401, 'unauthenticated');
      await expectNothingChanged();
    });

    it('refuses a deactivated user\'s token with 401, and nobody can share with them (400)', async () => {
      const leaver = await extraUser('leaver');
      expect((await engine.request('PATCH', `/api/v1/records/user/${leaver.id}`, { active: false })).status).to.equal(200);
      expectError(await engine.request('GET', listPath('account'), undefined, bearer(leaver.token)), 401, 'unauthenticated');
      expectError(await engine.request('POST', '/api/v1/records/account', { name: 'After hours' }, bearer(leaver.token)), 401, 'unauthenticated');
      const share = await rita('POST', path('account', 'acc_rita', '/shares'), { user: leaver.id, access: 'read' });
      expectError(share, 400, 'validation_failed');
      expect(detailPaths(share)).to.deep.equal(['/user']);
      await expectNothingChanged();
    });
  });

  describe('a rep raising their own rights: 403, by token and by session', () => {
    const attempts: [what: string, method: string, route: () => string, body: unknown][] = [
      ['the admin permission set', 'PATCH', () => `/api/v1/records/user/${org.userId('rita')}`, { permission_sets: ['standard_user', 'sales_user', 'admin'] }],
      ['the CEO role', 'PATCH', () => `/api/v1/records/user/${org.userId('rita')}`, { role: 'ceo' }],
      ['view all data on her own permission set', 'PUT', () => '/api/v1/meta/permission-sets/sales_user', { name: 'sales_user', system: { viewAllData: true } }],
      ['a place in the deal desk group', 'PUT', () => '/api/v1/meta/groups/deal_desk', { name: 'deal_desk', roles: ['finance_clerk', 'cfo', 'sales_rep'] }],
      ['a rule sharing every account with reps', 'POST', () => '/api/v1/meta/sharing-rules', { name: 'all_to_reps', object: 'account', criteria: { name: { isNull: false } }, sharedWith: { role: 'sales_rep' }, access: 'edit' }],
      ['a role above her manager', 'PUT', () => '/api/v1/meta/roles/sales_rep', { name: 'sales_rep', reportsTo: 'ceo' }],
    ];
    for (const [what, method, route, body] of attempts) {
      it(`refuses ${what}`, async () => {
        expectError(await rita(method, route(), body), 403, 'forbidden');
        expectError(await engine.request(method, route(), body, browser(session, session.csrfToken)), 403, 'forbidden');
      });
    }

    it('left her user record and what she sees as they were', async () => {
      const me = await org.as('admin')('GET', `/api/v1/records/user/${org.userId('rita')}`);
      expect(me.body).to.include({ role: 'sales_rep' });
      expect(me.body.permission_sets).to.deep.equal(['standard_user', 'sales_user']);
      expect(ids(await rita('GET', listPath('account')))).to.deep.equal(['acc_rita', 'acc_mona'].map(org.id).sort());
      await expectNothingChanged();
    });
  });

  describe('sharing and transferring what is not hers', () => {
    const grab: [what: string, method: string, route: () => string, body: () => unknown, status: number][] = [
      ['sharing her manager\'s account, which she may edit through a rule', 'POST', () => path('account', 'acc_mona', '/shares'), () => ({ user: org.userId('rob'), access: 'edit' }), 403],
      ['sharing another rep\'s account', 'POST', () => path('account', 'acc_rob', '/shares'), () => ({ user: org.userId('rita'), access: 'edit' }), 404],
      ['sharing another rep\'s opportunity', 'POST', () => path('opportunity', 'opp_rob', '/shares'), () => ({ role: 'sales_rep', access: 'read' }), 404],
      ['transferring her manager\'s account to herself', 'PUT', () => path('account', 'acc_mona', '/owner'), () => ({ owner: org.userId('rita') }), 403],
      ['transferring another rep\'s account to herself', 'PUT', () => path('account', 'acc_rob', '/owner'), () => ({ owner: org.userId('rita') }), 404],
      ['transferring the administrator\'s opportunity', 'PUT', () => path('opportunity', 'opp_admin', '/owner'), () => ({ owner: org.userId('rita') }), 404],
      ['transferring a case she only reads', 'PUT', () => path('case', 'case_admin', '/owner'), () => ({ owner: org.userId('rita') }), 403],
    ];
    for (const [what, method, route, body, status] of grab) {
      it(`refuses ${what} with ${status}`, async () => {
        expectError(await rita(method, route(), body()), status);
      });
    }

    it('refuses removing a share from a record she does not own with 403', async () => {
      const added = await org.as('admin')('POST', path('account', 'acc_mona', '/shares'), { user: org.userId('sam'), access: 'read' });
      expect(added.status, JSON.stringify(added.body)).to.equal(201);
      expectError(await rita('DELETE', path('account', 'acc_mona', `/shares/${added.body.id}`)), 403, 'forbidden');
      expect((await org.as('admin')('DELETE', path('account', 'acc_mona', `/shares/${added.body.id}`))).status).to.equal(204);
    });

    const grantees: [what: string, grantee: () => Record<string, unknown>, paths: string[]][] = [
      ['a user that does not exist', () => ({ user: new ObjectId().toHexString() }), ['/user']],
      ['a user of another tenant', () => ({ user: beta.userId('rob') }), ['/user']],
      ['a role that does not exist', () => ({ role: 'ghost' }), ['/role']],
      ['a role and subordinates that do not exist', () => ({ roleAndSubordinates: 'ghost' }), ['/roleAndSubordinates']],
      ['a group that does not exist', () => ({ group: 'ghost' }), ['/group']],
    ];
    for (const [what, grantee, paths] of grantees) {
      it(`refuses sharing her own account with ${what} with 400`, async () => {
        const response = await rita('POST', path('account', 'acc_rita', '/shares'), { ...grantee(), access: 'read' });
        expectError(response, 400, 'validation_failed');
        expect(detailPaths(response)).to.deep.equal(paths);
      });
    }

    it('changed no record and no share, in either tenant', () => expectNothingChanged(true));
  });
});
