import { expect } from 'chai';
import { ForbiddenError } from '../../../engine/errors/index.js';
import { createDefinition, createObject } from '../../../engine/setup/operations/index.js';
import { createRecord, updateRecord } from '../../../engine/records/index.js';
import { recordAccess, userAccess, withAccess, type AccessMode } from '../../../engine/security/access/index.js';
import { alive } from '../../../engine/metadata/record-shape/record-state.js';
import { BUILT_IN_ADMIN, DEFAULT_TENANT, operationContext, principalOf, type Principal, type Tenant } from '../../../engine/tenancy/index.js';
import { startTestEngine, type TestEngine } from '../../support/test-engine.js';

/**
 * Record access as the store sees it: which records of an object a principal reaches for read,
 * edit and delete, checked against the records themselves.
 */
describe('record access', () => {
  let engine: TestEngine;
  let tenant: Tenant;
  const users: Record<string, Principal> = {};
  const admin = () => operationContext(tenant, BUILT_IN_ADMIN);
  const as = (who: string) => operationContext(tenant, users[who]!);
  const reached = async (who: string, object: string, mode: AccessMode): Promise<string[]> => {
    const ctx = as(who);
    const compiled = ctx.snapshot.object(object)!;
    const access = await recordAccess(ctx, compiled, mode);
    const found = await tenant.store.collection(compiled.collection).find(alive(withAccess({}, access)), { sort: { name: 1 } });
    return found.map((record) => record.name as string);
  };
  const create = async (who: string, object: string, values: Record<string, unknown>) => createRecord(who === 'admin' ? admin() : as(who), object, values);

  before(async () => {
    engine = await startTestEngine();
    tenant = await engine.platform.tenant(DEFAULT_TENANT);
    for (const role of [{ name: 'director' }, { name: 'manager', reportsTo: 'director' }, { name: 'rep', reportsTo: 'manager' }, { name: 'service' }]) {
      await createDefinition(admin(), 'role', role);
    }
    await createObject(admin(), { name: 'account', sharing: 'private', fields: [{ name: 'name', type: 'text' }, { name: 'region', type: 'text' }, { name: 'secret', type: 'text' }] });
    await createObject(admin(), { name: 'memo', sharing: 'private', grantAccessUsingHierarchy: false, fields: [{ name: 'name', type: 'text' }] });
    await createObject(admin(), { name: 'note', sharing: 'publicRead', fields: [{ name: 'name', type: 'text' }] });
    await createObject(admin(), { name: 'line', fields: [{ name: 'name', type: 'text' }, { name: 'account', type: 'masterdetail', target: 'account' }] });
    const crud = { create: true, read: true, edit: true, delete: true };
    await createDefinition(admin(), 'permissionSet', {
      name: 'sales',
      objects: { account: crud, memo: crud, note: crud, line: crud },
      fields: { account: { secret: { read: false } } },
    });
    await createDefinition(admin(), 'permissionSet', { name: 'secrets', objects: { account: { read: true } } });
    await createDefinition(admin(), 'permissionSet', { name: 'auditor', objects: { account: { viewAll: true } } });
    await createDefinition(admin(), 'sharingRule', { name: 'east_to_service', object: 'account', criteria: { region: 'east' }, sharedWith: { role: 'service' }, access: 'read' });
    await createDefinition(admin(), 'sharingRule', { name: 'reps_edit_managers', object: 'account', ownedBy: { role: 'manager' }, sharedWith: { role: 'rep' }, access: 'edit' });
    const people: [string, string | null, string[]][] = [
      ['director', 'director', ['sales']],
      ['manager', 'manager', ['sales']],
      ['rep', 'rep', ['sales']],
      ['peer', 'rep', ['sales']],
      ['agent', 'service', ['sales']],
      ['auditor', null, ['auditor']],
      ['nobody', null, []],
    ];
    for (const [name, role, sets] of people) {
      const user = await createRecord(admin(), 'user', { full_name: name, email: `${name}@example.com`, ...(role ? { role } : {}), permission_sets: sets });
      users[name] = principalOf(user);
    }
    await create('rep', 'account', { name: 'rep-east', region: 'east' });
    await create('peer', 'account', { name: 'peer-west', region: 'west' });
    await create('manager', 'account', { name: 'manager-west', region: 'west' });
    await create('director', 'account', { name: 'director-west', region: 'west' });
    await create('rep', 'memo', { name: 'rep-memo' });
    await create('peer', 'note', { name: 'peer-note' });
  });
  after(() => engine.stop());

  it('gives an owner their records and, through sharing rules, what is shared with their role', async () => {
    expect(await reached('rep', 'account', 'read')).to.deep.equal(['manager-west', 'rep-east']);
    expect(await reached('rep', 'account', 'edit')).to.deep.equal(['manager-west', 'rep-east']);
    expect(await reached('agent', 'account', 'read')).to.deep.equal(['rep-east']);
    expect(await reached('agent', 'account', 'edit')).to.deep.equal([]);
  });

  it('opens the records of the roles below to the roles above, at any depth', async () => {
    expect(await reached('manager', 'account', 'read')).to.deep.equal(['manager-west', 'peer-west', 'rep-east']);
    expect(await reached('director', 'account', 'read')).to.deep.equal(['director-west', 'manager-west', 'peer-west', 'rep-east']);
    expect(await reached('director', 'account', 'delete')).to.deep.equal(['director-west', 'manager-west', 'peer-west', 'rep-east']);
  });

  it('keeps deleting to the owner and the roles above, whatever is shared', async () => {
    expect(await reached('rep', 'account', 'delete')).to.deep.equal(['rep-east']);
  });

  it('does not open records through the hierarchy where the object says so', async () => {
    expect(await reached('manager', 'memo', 'read')).to.deep.equal([]);
    expect(await reached('rep', 'memo', 'read')).to.deep.equal(['rep-memo']);
  });

  it('lets everyone read a public read-only object and only owners and their managers edit it', async () => {
    expect(await reached('rep', 'note', 'read')).to.deep.equal(['peer-note']);
    expect(await reached('rep', 'note', 'edit')).to.deep.equal([]);
    expect(await reached('manager', 'note', 'edit')).to.deep.equal(['peer-note']);
  });

  it('reaches detail records through their master: read with it, edit with an edit of it', async () => {
    const accounts = await tenant.store.collection(admin().snapshot.object('account')!.collection).find({});
    const byName = new Map(accounts.map((account) => [account.name, account._id]));
    await create('admin', 'line', { name: 'line-rep', account: byName.get('rep-east') });
    await create('admin', 'line', { name: 'line-director', account: byName.get('director-west') });
    expect(await reached('rep', 'line', 'read')).to.deep.equal(['line-rep']);
    expect(await reached('agent', 'line', 'read')).to.deep.equal(['line-rep']);
    expect(await reached('agent', 'line', 'edit')).to.deep.equal([]);
    expect(await reached('director', 'line', 'edit')).to.deep.equal(['line-director', 'line-rep']);
  });

  it('gives view all every record to read and none to edit beyond what sharing gives', async () => {
    expect(await reached('auditor', 'account', 'read')).to.have.length(4);
    expect(await recordAccess(as('auditor'), admin().snapshot.object('account')!, 'read')).to.equal(true);
    try {
      await recordAccess(as('auditor'), admin().snapshot.object('account')!, 'edit');
      expect.fail('edit without the edit right');
    } catch (error) {
      expect(error).to.be.instanceOf(ForbiddenError);
    }
  });

  it('refuses an object no permission set grants with 403, before any query', async () => {
    try {
      await recordAccess(as('nobody'), admin().snapshot.object('account')!, 'read');
      expect.fail('read without the read right');
    } catch (error) {
      expect(error).to.be.instanceOf(ForbiddenError);
    }
  });

  it('follows a change of role at the next check', async () => {
    await updateRecord(admin(), 'user', users.peer!.userId, { role: 'manager' });
    users.peer = { ...users.peer!, role: 'manager' };
    expect(await reached('peer', 'account', 'read')).to.deep.equal(['peer-west', 'rep-east']);
    // Rep's rule "owned by managers" now opens the peer's record too.
    expect(await reached('rep', 'account', 'edit')).to.deep.equal(['manager-west', 'peer-west', 'rep-east']);
  });

  describe('field access is the union of the permission sets', () => {
    it('hides a field one set narrows unless another set grants its object without narrowing it', () => {
      const snapshot = admin().snapshot;
      const account = snapshot.object('account')!;
      expect([...userAccess(snapshot, users.rep!).fields(account).hidden]).to.deep.equal(['secret']);
      const both = { ...users.rep!, permissionSets: ['sales', 'secrets'] };
      expect([...userAccess(snapshot, both).fields(account).hidden]).to.deep.equal([]);
      // "secrets" reads the field but cannot edit anything; "sales" edits but not that field.
      expect(userAccess(snapshot, both).fields(account).editable.has('secret')).to.equal(false);
      expect(userAccess(snapshot, both).fields(account).editable.has('region')).to.equal(true);
    });

    it('gives nothing for a permission set that no longer exists', () => {
      const ghost = { ...users.rep!, permissionSets: ['deleted_set'] };
      expect(userAccess(admin().snapshot, ghost).object('account')).to.deep.include({ read: false, edit: false });
    });
  });
});
