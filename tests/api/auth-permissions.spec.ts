import { expect } from 'chai';
import { allRecords, createRecord, defineObject, detailPaths, expectError, metadataVersion } from '../support/api-helpers.js';
import { bearer, browser, createUser, signIn, tokenFor } from '../support/auth-helpers.js';
import { startTestEngine, type TestEngine, type TestResponse } from '../support/test-engine.js';

const PASSWORD = 'an ordinary user password';

/**
 * What a signed-in user who is not an administrator may do: work with the records of the objects
 * their permission sets grant, never change the setup, the users, or anyone's password, whatever
 * the body says.
 */
describe('permissions of a user who is not an administrator', () => {
  let engine: TestEngine;
  let samId: string;
  let otherId: string;
  let token: string;
  let deal: Record<string, any>;
  /** Sam's calls, by API token. */
  const sam = (method: string, path: string, body?: unknown): Promise<TestResponse> => engine.request(method, path, body, bearer(token));

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, { name: 'deal', fields: [{ name: 'name', type: 'text', required: true }, { name: 'amount', type: 'number' }] });
    expect((await engine.request('POST', '/api/v1/meta/layouts', { name: 'deal_main', object: 'deal', sections: [{ fields: ['name'] }] })).status).to.equal(201);
    const grant = { name: 'deal_user', objects: { deal: { create: true, read: true, edit: true, delete: true } } };
    expect((await engine.request('POST', '/api/v1/meta/permission-sets', grant)).status).to.equal(201);
    const sets = ['standard_user', 'deal_user'];
    samId = await createUser(engine, { full_name: 'Sam Seller', email: 'sam@example.com', permission_sets: sets }, PASSWORD);
    otherId = await createUser(engine, { full_name: 'Olga Other', email: 'olga@example.com', permission_sets: sets }, PASSWORD);
    token = await tokenFor(engine, 'sam@example.com', PASSWORD);
    deal = await createRecord(engine, 'deal', { name: 'Admin deal', amount: 1 });
  });
  after(() => engine.stop());

  it('creates, reads, updates and deletes records of the objects its permission sets grant, owning what it creates', async () => {
    const created = await sam('POST', '/api/v1/records/deal', { name: 'Sam deal', amount: 10 });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    expect(created.body).to.include({ _owner: samId, _createdBy: samId, _updatedBy: samId });
    expect((await sam('GET', `/api/v1/records/deal/${created.body._id}`)).body).to.include({ name: 'Sam deal', _owner: samId });
    const updated = await sam('PATCH', `/api/v1/records/deal/${created.body._id}`, { amount: 20 });
    expect(updated.body).to.include({ amount: 20, _owner: samId, _createdBy: samId, _updatedBy: samId });
    expect((await sam('DELETE', `/api/v1/records/deal/${created.body._id}`)).status).to.equal(204);
    expect((await sam('GET', '/api/v1/records/deal')).status).to.equal(200);
  });

  it('works the same with a session and its CSRF token', async () => {
    const session = await signIn(engine, 'sam@example.com', PASSWORD);
    const created = await engine.request('POST', '/api/v1/records/deal', { name: 'Browser deal' }, browser(session, session.csrfToken));
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    expect(created.body).to.include({ _owner: samId, _createdBy: samId });
    expect((await engine.request('GET', '/api/v1/auth/me', undefined, browser(session))).body.user).to.include({ _id: samId });
  });

  it('tells the signed-in user their system rights, as the engine checks them', async () => {
    const me = await sam('GET', '/api/v1/auth/me');
    expect(me.body.rights).to.deep.equal({ manageMetadata: false, manageUsers: false, viewAllData: false, modifyAllData: false, viewAuditLog: false, editLockedRecords: false });
    const admin = await engine.request('GET', '/api/v1/auth/me');
    expect(admin.body.rights).to.include({ manageMetadata: true, manageUsers: true, viewAuditLog: true });
  });

  it('reads metadata, forms and the API description', async () => {
    for (const path of ['/api/v1/meta/objects', '/api/v1/meta/objects/deal', '/api/v1/meta/layouts', '/api/v1/forms/deal', '/api/v1/openapi.json']) {
      expect((await sam('GET', path)).status, path).to.equal(200);
    }
  });

  describe('refuses every metadata change with 403, changing nothing', () => {
    let version: number;
    before(async () => {
      version = await metadataVersion(engine);
    });

    const changes: [method: string, path: string, body?: unknown][] = [
      ['POST', '/api/v1/meta/objects', { name: 'sam_object', fields: [{ name: 'title', type: 'text' }] }],
      ['PUT', '/api/v1/meta/objects/deal', { name: 'deal', fields: [{ name: 'name', type: 'text' }] }],
      ['PATCH', '/api/v1/meta/objects/deal', { description: 'Sam was here' }],
      ['DELETE', '/api/v1/meta/objects/deal'],
      ['POST', '/api/v1/meta/objects/deal/fields', { name: 'discount', type: 'number' }],
      ['PATCH', '/api/v1/meta/objects/deal/fields/amount', { required: true }],
      ['DELETE', '/api/v1/meta/objects/deal/fields/amount'],
      ['POST', '/api/v1/meta/layouts', { name: 'sam_layout', object: 'deal', sections: [{ fields: ['name'] }] }],
      ['PUT', '/api/v1/meta/layouts/deal_main', { name: 'deal_main', object: 'deal', sections: [{ fields: ['amount'] }] }],
      ['DELETE', '/api/v1/meta/layouts/deal_main'],
      ['PUT', '/api/v1/meta/currencies/usd', { corporate: true }],
      ['POST', '/api/v1/meta/objects/user/fields', { name: 'is_superuser', type: 'boolean' }],
    ];
    for (const [method, path, body] of changes) {
      it(`${method} ${path} → 403`, async () => {
        expectError(await sam(method, path, body), 403, 'forbidden');
      });
    }

    it('left the metadata as it was', async () => {
      expect(await metadataVersion(engine)).to.equal(version);
      expect((await sam('GET', '/api/v1/meta/objects/sam_object')).status).to.equal(404);
      expect((await sam('GET', '/api/v1/meta/currencies')).body.currencies).to.deep.equal([]);
    });
  });

  describe('refuses to manage users or to raise its own rights, with 403', () => {
    let usersBefore: Record<string, any>[];
    before(async () => {
      usersBefore = await allRecords(engine, 'user');
    });
    const attempts: [what: string, call: () => [method: string, path: string, body?: unknown]][] = [
      ['creating a user', () => ['POST', '/api/v1/records/user', { full_name: 'Sock Puppet', email: 'puppet@example.com' }]],
      ['creating an administrator', () => ['POST', '/api/v1/records/user', { full_name: 'Sock Admin', email: 'sock@example.com', permission_sets: ['admin'] }]],
      ['making itself an administrator (mass assignment)', () => ['PATCH', `/api/v1/records/user/${samId}`, { permission_sets: ['admin'] }]],
      ['giving itself a higher role', () => ['PATCH', `/api/v1/records/user/${samId}`, { role: 'ceo' }]],
      ['changing its own e-mail through the user record', () => ['PATCH', `/api/v1/records/user/${samId}`, { email: 'sam-new@example.com' }]],
      ['mixing a personal setting with its role', () => ['PATCH', `/api/v1/records/user/${samId}`, { time_zone: 'Europe/Paris', role: 'ceo' }]],
      ['changing another user\'s personal settings', () => ['PATCH', `/api/v1/records/user/${otherId}`, { time_zone: 'Europe/Paris' }]],
      ['taking over another user\'s e-mail', () => ['PATCH', `/api/v1/records/user/${otherId}`, { email: 'sam-owns-this@example.com' }]],
      ['deactivating another user', () => ['PATCH', `/api/v1/records/user/${otherId}`, { active: false }]],
      ['deactivating the administrator', () => ['PATCH', `/api/v1/records/user/${engine.adminId}`, { active: false }]],
      ['deleting another user', () => ['DELETE', `/api/v1/records/user/${otherId}`]],
      ['setting another user\'s password', () => ['POST', `/api/v1/auth/users/${otherId}/password`, { password: 'taken over by sam' }]],
      ['setting the administrator\'s password', () => ['POST', `/api/v1/auth/users/${engine.adminId}/password`, { password: 'taken over by sam' }]],
      ['setting its own password without the current one', () => ['POST', `/api/v1/auth/users/${samId}/password`, { password: 'no current needed?' }]],
    ];
    for (const [what, call] of attempts) {
      it(`refuses ${what}`, async () => {
        const [method, path, body] = call();
        expectError(await sam(method, path, body), 403, 'forbidden');
      });
    }

    it('left every user as they were, Sam still no administrator', async () => {
      const users = await allRecords(engine, 'user');
      expect(users).to.deep.equal(usersBefore);
      expect(users.map((user) => user.email).sort()).to.deep.equal(['admin@example.com', 'olga@example.com', 'sam@example.com']);
      expect(users.every((user) => user.active === true)).to.equal(true);
      expect(users.find((user) => user._id === samId)!.permission_sets).to.deep.equal(['standard_user', 'deal_user']);
      expect((await engine.request('POST', '/api/v1/auth/login', { email: 'olga@example.com', password: PASSWORD }, { authorization: '' })).status).to.equal(200);
      expectError(await sam('POST', '/api/v1/meta/objects', { name: 'still_not', fields: [{ name: 'title', type: 'text' }] }), 403, 'forbidden');
    });
  });

  it('lets a user change their own personal settings and approval delegate, nothing else of their user record', async () => {
    const changed = await sam('PATCH', `/api/v1/records/user/${samId}`, { time_zone: 'Asia/Shanghai', language: 'zh-CN', delegate: otherId, delegate_from: '2026-01-01', delegate_until: '2026-12-31' });
    expect(changed.status, JSON.stringify(changed.body)).to.equal(200);
    expect(changed.body).to.include({ time_zone: 'Asia/Shanghai', language: 'zh-CN', delegate: otherId });
    await sam('PATCH', `/api/v1/records/user/${samId}`, { time_zone: 'UTC', language: 'en', delegate: null, delegate_from: null, delegate_until: null });
  });

  it('refuses to show the audit log to a non-administrator', async () => {
    expectError(await sam('GET', '/api/v1/audit'), 403, 'forbidden');
    expectError(await sam('GET', `/api/v1/audit?actor=${samId}`), 403, 'forbidden');
    expect((await engine.request('GET', '/api/v1/audit')).status).to.equal(200);
  });

  it('follows the user record at once: promoted, Sam may change metadata; demoted, no longer', async () => {
    const object = { name: 'promotion_proof', fields: [{ name: 'title', type: 'text' }] };
    expect((await engine.request('PATCH', `/api/v1/records/user/${samId}`, { permission_sets: ['standard_user', 'deal_user', 'admin'] })).status).to.equal(200);
    expect((await sam('POST', '/api/v1/meta/objects', object)).status).to.equal(201);
    expect((await engine.request('PATCH', `/api/v1/records/user/${samId}`, { permission_sets: ['standard_user', 'deal_user'] })).status).to.equal(200);
    expectError(await sam('DELETE', '/api/v1/meta/objects/promotion_proof'), 403, 'forbidden');
  });

  describe('refuses mass assignment of system fields with 400, for everyone', () => {
    const systemFields: [field: string, value: unknown][] = [
      ['_owner', 'someone-else'],
      ['_createdBy', 'someone-else'],
      ['_updatedBy', 'someone-else'],
      ['_createdAt', '2000-01-01T00:00:00.000Z'],
      ['_updatedAt', '2000-01-01T00:00:00.000Z'],
      ['_version', 99],
      ['_id', '0123456789abcdef01234567'],
      ['_deletedAt', '2000-01-01T00:00:00.000Z'],
    ];
    const callers: [who: string, headers: () => Record<string, string>][] = [
      ['a non-administrator', () => bearer(token)],
      ['an administrator', () => ({})],
    ];
    for (const [who, headers] of callers) {
      for (const [field, value] of systemFields) {
        it(`refuses ${field} from ${who} on create and on update`, async () => {
          const created = await engine.request('POST', '/api/v1/records/deal', { name: 'Forged', [field]: value }, headers());
          expectError(created, 400, 'validation_failed');
          expect(detailPaths(created)).to.deep.equal([`/${field}`]);
          const updated = await engine.request('PATCH', `/api/v1/records/deal/${deal._id}`, { name: 'Forged', [field]: value }, headers());
          expectError(updated, 400, 'validation_failed');
          expect(detailPaths(updated)).to.deep.equal([`/${field}`]);
        });
      }
    }

    it('refuses system fields on user records too, and left the records untouched', async () => {
      const response = await engine.request('PATCH', `/api/v1/records/user/${samId}`, { _owner: samId, permission_sets: ['admin'] });
      expect(detailPaths(response)).to.deep.equal(['/_owner']);
      const stored = (await allRecords(engine, 'deal')).find((record) => record._id === deal._id)!;
      expect(stored).to.include({ name: 'Admin deal', _version: 1, _owner: engine.adminId, _createdBy: engine.adminId });
      expect((await allRecords(engine, 'deal')).some((record) => record.name === 'Forged')).to.equal(false);
    });
  });
});
