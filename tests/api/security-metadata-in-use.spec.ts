import { expect } from 'chai';
import { createRecord, defineObject, detailPaths, expectError, metadataVersion } from '../support/api-helpers.js';
import { defineSetup, GROUPS, META, ROLES, RULES, SETS, type Definition } from '../support/security-setup.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/** What the security setup refuses to lose: definitions others name, roles and sets users hold, the admin set. */
describe('metadata API: roles, groups, permission sets and sharing rules in use', () => {
  let engine: TestEngine;
  const define = (path: string, definition: Definition) => defineSetup(engine, path, definition);

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, { name: 'deal', sharing: 'private', fields: [{ name: 'region', type: 'text' }, { name: 'amount', type: 'number' }] });
    await define(ROLES, { name: 'top', label: { en: 'Top' } });
  });
  after(() => engine.stop());

  describe('refuses to delete or rename what other definitions name, with 409 metadata_in_use naming them', () => {
    before(async () => {
      await defineObject(engine, { name: 'ledger', fields: [{ name: 'balance', type: 'number' }] });
      await define(ROLES, { name: 'boss', reportsTo: 'top' });
      await define(ROLES, { name: 'minion', reportsTo: 'boss' });
      await define(ROLES, { name: 'grouped_role' });
      await define(GROUPS, { name: 'grouped', roles: ['grouped_role'] });
      await define(GROUPS, { name: 'shared_group', roles: ['top'] });
      await define(RULES, { name: 'shared_rule', object: 'deal', criteria: { region: 'APAC' }, sharedWith: { group: 'shared_group' }, access: 'read' });
      await define(SETS, { name: 'ledger_clerk', objects: { ledger: { read: true } }, fields: { ledger: { balance: { read: true } } } });
    });

    const cases: { name: string; method: string; path: string; body?: unknown; names: string; paths: string[] }[] = [
      { name: 'a role another role reports to', method: 'DELETE', path: `${ROLES}/boss`, names: "role minion: there is no role named 'boss'", paths: ['/roles/minion/reportsTo'] },
      { name: 'a role a group holds', method: 'DELETE', path: `${ROLES}/grouped_role`, names: "group grouped: there is no role named 'grouped_role'", paths: ['/groups/grouped/roles/0'] },
      {
        name: 'a group a sharing rule shares with',
        method: 'DELETE',
        path: `${GROUPS}/shared_group`,
        names: "sharing rule shared_rule: there is no group named 'shared_group'",
        paths: ['/sharingRules/shared_rule/sharedWith'],
      },
      {
        name: 'the same group, renamed',
        method: 'PUT',
        path: `${GROUPS}/shared_group`,
        body: { name: 'renamed_group', roles: ['top'] },
        names: 'sharing rule shared_rule',
        paths: ['/sharingRules/shared_rule/sharedWith'],
      },
      {
        name: 'a field a permission set grants',
        method: 'DELETE',
        path: `${META}/objects/ledger/fields/balance`,
        names: "permission set ledger_clerk: 'balance' is not a field of ledger",
        paths: ['/permissionSets/ledger_clerk/fields/ledger/balance'],
      },
      {
        name: 'opening an object with a sharing rule to public read/write',
        method: 'PATCH',
        path: `${META}/objects/deal`,
        body: { sharing: 'publicReadWrite' },
        names: 'sharing rule shared_rule: deal is public read/write already',
        paths: ['/sharingRules/shared_rule/object'],
      },
    ];
    for (const { name, method, path, body, names: named, paths } of cases) {
      it(name, async () => {
        const version = await metadataVersion(engine);
        const response = await engine.request(method, path, body);
        expectError(response, 409, 'metadata_in_use');
        expect(response.body.error.message).to.contain(`would break ${named}`);
        expect(detailPaths(response)).to.deep.equal(paths);
        expect(await metadataVersion(engine)).to.equal(version);
      });
    }

    it('deletes them once nothing names them any more', async () => {
      for (const path of [`${ROLES}/minion`, `${ROLES}/boss`, `${GROUPS}/grouped`, `${ROLES}/grouped_role`, `${RULES}/shared_rule`, `${GROUPS}/shared_group`, `${SETS}/ledger_clerk`]) {
        const response = await engine.request('DELETE', path);
        expect(response.status, `${path}: ${JSON.stringify(response.body)}`).to.equal(200);
      }
    });
  });

  describe('refuses to delete or rename a role or permission set users still hold, with 409 naming how many', () => {
    let first: string;
    let second: string;
    before(async () => {
      await define(ROLES, { name: 'field_rep', reportsTo: 'top' });
      await define(ROLES, { name: 'field_lead', reportsTo: 'top' });
      await define(SETS, { name: 'field_kit', objects: { deal: { read: true } } });
      first = (await createRecord(engine, 'user', { full_name: 'First Rep', email: 'first@example.com', role: 'field_rep', permission_sets: ['standard_user', 'field_kit'] }))._id;
      second = (await createRecord(engine, 'user', { full_name: 'Second Rep', email: 'second@example.com', role: 'field_rep', permission_sets: ['standard_user'] }))._id;
    });

    it('a role, on delete', async () => {
      const version = await metadataVersion(engine);
      const response = await engine.request('DELETE', `${ROLES}/field_rep`);
      expectError(response, 409, 'role_in_use');
      expect(response.body.error.message).to.equal("Role 'field_rep' is held by 2 users: give them another role (or none) first, then delete it.");
      const chinese = await engine.request('DELETE', `${ROLES}/field_rep`, undefined, { 'Accept-Language': 'zh-CN' });
      expect(chinese.body.error.message).to.contain('2 个用户').and.not.contain('users');
      expect(await metadataVersion(engine)).to.equal(version);
      expect((await engine.request('GET', `${ROLES}/field_rep`)).status).to.equal(200);
    });

    it('a role, on rename, while its label may still change', async () => {
      const response = await engine.request('PUT', `${ROLES}/field_rep`, { name: 'field_agent', reportsTo: 'top' });
      expectError(response, 409, 'role_in_use');
      expect(response.body.error.message).to.contain("Role 'field_rep' is held by 2 users").and.contain('change its label instead');
      expect(detailPaths(response)).to.deep.equal(['/name']);
      expectError(await engine.request('GET', `${ROLES}/field_agent`), 404, 'not_found');
      const relabelled = await engine.request('PUT', `${ROLES}/field_rep`, { name: 'field_rep', label: { en: 'Field representative' }, reportsTo: 'top' });
      expect(relabelled.status, JSON.stringify(relabelled.body)).to.equal(200);
    });

    it('a permission set, on delete and on rename', async () => {
      const version = await metadataVersion(engine);
      const deleted = await engine.request('DELETE', `${SETS}/field_kit`);
      expectError(deleted, 409, 'permission_set_in_use');
      expect(deleted.body.error.message).to.equal("Permission set 'field_kit' is assigned to 1 user: remove it from their permission_sets first, then delete it.");
      const renamed = await engine.request('PUT', `${SETS}/field_kit`, { name: 'field_toolkit', objects: { deal: { read: true } } });
      expectError(renamed, 409, 'permission_set_in_use');
      expect(detailPaths(renamed)).to.deep.equal(['/name']);
      expect(await metadataVersion(engine)).to.equal(version);
    });

    it('counts live users only: once they moved on or were deleted, both go', async () => {
      expect((await engine.request('PATCH', `/api/v1/records/user/${second}`, { role: 'field_lead' })).status).to.equal(200);
      expect((await engine.request('DELETE', `/api/v1/records/user/${first}`)).status).to.equal(204);
      expect((await engine.request('DELETE', `${ROLES}/field_rep`)).status).to.equal(200);
      expect((await engine.request('DELETE', `${SETS}/field_kit`)).status).to.equal(200);
    });
  });

  describe('keeps the admin permission set the platform needs', () => {
    let original: Definition;
    before(async () => {
      original = (await engine.request('GET', `${SETS}/admin`)).body.definition;
    });

    it('refuses to delete it with 409', async () => {
      const response = await engine.request('DELETE', `${SETS}/admin`);
      expectError(response, 409, 'required_by_platform');
      expect(response.body.error.message).to.contain("The permission set 'admin' cannot be deleted");
    });

    it('refuses to rename it with 409', async () => {
      const response = await engine.request('PUT', `${SETS}/admin`, { ...original, name: 'root' });
      expectError(response, 409, 'required_by_platform');
      expect(detailPaths(response)).to.deep.equal(['/name']);
      expectError(await engine.request('GET', `${SETS}/root`), 404, 'not_found');
    });

    it('refuses to take a system right from it, with 400 naming each', async () => {
      const response = await engine.request('PUT', `${SETS}/admin`, { name: 'admin', label: { en: 'Admin' }, system: { manageMetadata: true } });
      expectError(response, 400, 'validation_failed');
      expect(detailPaths(response)).to.deep.equal(['/system/manageUsers', '/system/modifyAllData', '/system/viewAllData', '/system/viewAuditLog']);
    });

    it('lets its label change, and the admin keeps every right', async () => {
      const relabelled = await engine.request('PUT', `${SETS}/admin`, { ...original, label: { en: 'Administrator', 'zh-CN': '管理员' } });
      expect(relabelled.status, JSON.stringify(relabelled.body)).to.equal(200);
      await define(ROLES, { name: 'still_admin' });
      expect((await engine.request('PUT', `${SETS}/admin`, original)).status).to.equal(200);
      expect((await engine.request('DELETE', `${ROLES}/still_admin`)).status).to.equal(200);
    });
  });
});
