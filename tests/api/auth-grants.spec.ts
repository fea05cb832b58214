import { expect } from 'chai';
import { allRecords, defineObject, detailPaths, expectError, metadataVersion } from '../support/api-helpers.js';
import { bearer, createUser, login, tokenFor } from '../support/auth-helpers.js';
import { startTestEngine, type TestEngine, type TestResponse } from '../support/test-engine.js';

const PASSWORD = 'a password of a grant test';
const SETS = '/api/v1/meta/permission-sets';

/**
 * Granting: nobody gives a permission set, a role or a right they do not hold, nobody changes their
 * own rights, and nobody acts on an account more powerful than their own. Helen manages users (and
 * holds the role hr_manager above hr_clerk); Mark manages metadata; neither is an administrator.
 */
describe('granting rights: only what the granter holds', () => {
  let engine: TestEngine;
  let helenId: string;
  let markId: string;
  let clerkId: string;
  let helenToken: string;
  let markToken: string;
  const helen = (method: string, path: string, body?: unknown): Promise<TestResponse> => engine.request(method, path, body, bearer(helenToken));
  const mark = (method: string, path: string, body?: unknown): Promise<TestResponse> => engine.request(method, path, body, bearer(markToken));
  const userRecord = async (id: string) => (await allRecords(engine, 'user')).find((user) => user._id === id);

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, { name: 'deal', sharing: 'private', fields: [{ name: 'name', type: 'text', required: true }, { name: 'margin', type: 'number' }] });
    for (const role of [{ name: 'ceo' }, { name: 'hr_manager', reportsTo: 'ceo' }, { name: 'hr_clerk', reportsTo: 'hr_manager' }]) {
      expect((await engine.request('POST', '/api/v1/meta/roles', role)).status).to.equal(201);
    }
    const sets = [
      { name: 'user_manager', system: { manageUsers: true }, objects: { user: { modifyAll: true } } },
      { name: 'customizer', system: { manageMetadata: true } },
      { name: 'deal_user', objects: { deal: { create: true, read: true, edit: true } } },
      // Nothing Helen does not hold already, though she does not hold this set by name.
      { name: 'user_reader', objects: { user: { read: true } }, fields: { user: { permission_sets: { read: false } } } },
    ];
    for (const set of sets) expect((await engine.request('POST', SETS, set)).status, set.name).to.equal(201);
    helenId = await createUser(engine, { full_name: 'Helen HR', email: 'helen@example.com', role: 'hr_manager', permission_sets: ['standard_user', 'user_manager'] }, PASSWORD);
    markId = await createUser(engine, { full_name: 'Mark Meta', email: 'mark@example.com', permission_sets: ['standard_user', 'customizer'] }, PASSWORD);
    clerkId = await createUser(engine, { full_name: 'Carl Clerk', email: 'carl@example.com', role: 'hr_clerk', permission_sets: ['standard_user'] }, PASSWORD);
    helenToken = await tokenFor(engine, 'helen@example.com', PASSWORD);
    markToken = await tokenFor(engine, 'mark@example.com', PASSWORD);
  });
  after(() => engine.stop());

  describe('a user who may manage users', () => {
    it('cannot add admin to her own permission sets, nor change her own role or active flag', async () => {
      for (const change of [{ permission_sets: ['standard_user', 'user_manager', 'admin'] }, { permission_sets: ['standard_user'] }, { role: 'ceo' }, { role: null }, { active: false }]) {
        const response = await helen('PATCH', `/api/v1/records/user/${helenId}`, change);
        expectError(response, 403, 'forbidden');
        expect(detailPaths(response)).to.deep.equal(Object.keys(change).map((name) => `/${name}`));
      }
      expect(await userRecord(helenId)).to.include({ role: 'hr_manager', active: true });
      expect((await userRecord(helenId))!.permission_sets).to.deep.equal(['standard_user', 'user_manager']);
    });

    it('may send her own rights back unchanged with another change, as a form does', async () => {
      const response = await helen('PATCH', `/api/v1/records/user/${helenId}`, { full_name: 'Helen H. R.', role: 'hr_manager', permission_sets: ['standard_user', 'user_manager'], active: true });
      expect(response.status, JSON.stringify(response.body)).to.equal(200);
      expect(response.body.full_name).to.equal('Helen H. R.');
    });

    it('cannot create a user with the admin permission set, nor with a set granting an object she cannot use', async () => {
      const before = (await allRecords(engine, 'user')).length;
      const admin = await helen('POST', '/api/v1/records/user', { full_name: 'Sock Admin', email: 'sock@example.com', permission_sets: ['standard_user', 'admin'] });
      expectError(admin, 403, 'forbidden');
      expect(detailPaths(admin)).to.deep.equal(['/permission_sets/1']);
      expect(admin.body.error.details[0].message).to.include('the modifyAllData right');
      const deals = await helen('POST', '/api/v1/records/user', { full_name: 'Deal Puppet', email: 'puppet@example.com', permission_sets: ['deal_user'] });
      expectError(deals, 403, 'forbidden');
      expect(deals.body.error.details[0].message).to.include('create on deal');
      expect((await allRecords(engine, 'user')).length).to.equal(before);
    });

    it('may give the sets whose rights she holds, by name or not', async () => {
      const created = await helen('POST', '/api/v1/records/user', { full_name: 'New Hire', email: 'hire@example.com', role: 'hr_clerk', permission_sets: ['standard_user', 'user_reader'] });
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
    });

    it('may give her own role and those below it, never one above or beside it', async () => {
      expect((await helen('PATCH', `/api/v1/records/user/${clerkId}`, { role: 'hr_manager' })).status).to.equal(200);
      expect((await helen('PATCH', `/api/v1/records/user/${clerkId}`, { role: 'hr_clerk' })).status).to.equal(200);
      const above = await helen('PATCH', `/api/v1/records/user/${clerkId}`, { role: 'ceo' });
      expectError(above, 403, 'forbidden');
      expect(detailPaths(above)).to.deep.equal(['/role']);
      expect(await userRecord(clerkId)).to.include({ role: 'hr_clerk' });
    });

    it('cannot take over, deactivate, delete or re-delegate an account more powerful than hers', async () => {
      const attempts: [method: string, path: string, body?: unknown][] = [
        ['POST', `/api/v1/auth/users/${engine.adminId}/password`, { password: 'taken over by helen' }],
        ['PATCH', `/api/v1/records/user/${engine.adminId}`, { active: false }],
        ['PATCH', `/api/v1/records/user/${engine.adminId}`, { email: 'helen-owns-this@example.com' }],
        ['PATCH', `/api/v1/records/user/${engine.adminId}`, { delegate: helenId }],
        ['DELETE', `/api/v1/records/user/${engine.adminId}`],
        ['POST', `/api/v1/auth/users/${markId}/password`, { password: 'taken over by helen' }],
        ['PATCH', `/api/v1/records/user/${markId}`, { permission_sets: ['standard_user'] }],
      ];
      for (const [method, path, body] of attempts) expectError(await helen(method, path, body), 403, 'forbidden');
      expect(await userRecord(engine.adminId)).to.include({ email: 'admin@example.com', active: true }).and.not.have.property('delegate');
      expect((await login(engine, 'admin@example.com', 'correct horse battery staple')).status).to.equal(200);
      expect((await login(engine, 'mark@example.com', PASSWORD)).status).to.equal(200);
    });

    it('cannot restore a deleted administrator from the recycle bin', async () => {
      const secondAdmin = await createUser(engine, { full_name: 'Second Admin', email: 'admin2@example.com', permission_sets: ['standard_user', 'admin'] }, PASSWORD);
      expect((await engine.request('DELETE', `/api/v1/records/user/${secondAdmin}`)).status).to.equal(204);
      const restore = await helen('POST', `/api/v1/recycle-bin/user/${secondAdmin}/restore`);
      expectError(restore, 403, 'forbidden');
      expect(restore.body.error.message).to.include('You may not restore this user: they hold the manageMetadata right');
      expect(await userRecord(secondAdmin)).to.equal(undefined);
    });

    it('still manages the users within her rights: password, e-mail, deactivation', async () => {
      expect((await helen('POST', `/api/v1/auth/users/${clerkId}/password`, { password: 'a clerk password reset' })).status).to.equal(204);
      expect((await helen('PATCH', `/api/v1/records/user/${clerkId}`, { email: 'carl.clerk@example.com' })).status).to.equal(200);
      expect((await login(engine, 'carl.clerk@example.com', 'a clerk password reset')).status).to.equal(200);
    });

    it('refuses her own password through the administrators\' route, which skips the current one', async () => {
      expectError(await helen('POST', `/api/v1/auth/users/${helenId}/password`, { password: 'no current password asked' }), 403, 'forbidden');
      expect((await login(engine, 'helen@example.com', PASSWORD)).status).to.equal(200);
    });

    it('gets a token for herself only, whatever the body names', async () => {
      const issued = await helen('POST', '/api/v1/auth/tokens', { name: 'for the admin?', user: engine.adminId });
      expect(issued.status, JSON.stringify(issued.body)).to.equal(201);
      expect((await engine.request('GET', '/api/v1/auth/me', undefined, bearer(issued.body.token))).body.user._id).to.equal(helenId);
    });
  });

  describe('an administrator', () => {
    it('cannot change their own rights either: another administrator must', async () => {
      const response = await engine.request('PATCH', `/api/v1/records/user/${engine.adminId}`, { permission_sets: ['standard_user'], active: false });
      expectError(response, 403, 'forbidden');
      expect(detailPaths(response)).to.deep.equal(['/active', '/permission_sets']);
      expectError(await engine.request('DELETE', `/api/v1/records/user/${engine.adminId}`), 403, 'forbidden');
      expect((await userRecord(engine.adminId))!.permission_sets).to.include('admin');
    });

    it('gives any set and role to others', async () => {
      expect((await engine.request('PATCH', `/api/v1/records/user/${clerkId}`, { role: 'ceo', permission_sets: ['standard_user', 'deal_user'] })).status).to.equal(200);
      expect((await engine.request('PATCH', `/api/v1/records/user/${clerkId}`, { role: 'hr_clerk', permission_sets: ['standard_user'] })).status).to.equal(200);
    });
  });

  describe('a user who may manage metadata', () => {
    it('cannot write a permission set granting rights beyond hers, nor raise the set she holds', async () => {
      const version = await metadataVersion(engine);
      expectError(await mark('POST', SETS, { name: 'mark_power', system: { modifyAllData: true } }), 403, 'forbidden');
      expectError(await mark('POST', SETS, { name: 'mark_deals', objects: { deal: { read: true } } }), 403, 'forbidden');
      const raised = await mark('PUT', `${SETS}/customizer`, { name: 'customizer', system: { manageMetadata: true, manageUsers: true } });
      expectError(raised, 403, 'forbidden');
      expect(raised.body.error.details[0].message).to.include('the manageUsers right');
      expect(await metadataVersion(engine)).to.equal(version);
    });

    it('may write a permission set within her rights', async () => {
      expect((await mark('POST', SETS, { name: 'mark_readers', objects: { user: { read: true } }, fields: { user: { permission_sets: { read: false } } } })).status).to.equal(201);
    });

    it('cannot open records through sharing rules, roles or groups', async () => {
      const version = await metadataVersion(engine);
      expectError(await mark('POST', '/api/v1/meta/sharing-rules', { name: 'all_deals', object: 'deal', criteria: { name: { startsWith: 'A' } }, sharedWith: { role: 'ceo' }, access: 'edit' }), 403, 'forbidden');
      expectError(await mark('POST', '/api/v1/meta/groups', { name: 'marks_group', users: [markId] }), 403, 'forbidden');
      expectError(await mark('PUT', '/api/v1/meta/roles/hr_clerk', { name: 'hr_clerk', reportsTo: 'ceo' }), 403, 'forbidden');
      expect(await metadataVersion(engine)).to.equal(version);
    });

    it('cannot assign anything: assigning needs the manage-users right', async () => {
      expectError(await mark('PATCH', `/api/v1/records/user/${markId}`, { permission_sets: ['standard_user', 'customizer', 'admin'] }), 403, 'forbidden');
    });
  });
});
