import { expect } from 'chai';
import { issueToken } from '../../engine/security/api-tokens.js';
import { DEFAULT_TENANT } from '../../engine/tenancy/index.js';
import { startTestEngine, type TestEngine, type TestResponse } from '../support/test-engine.js';

type Reason = { kind: string; [key: string]: unknown };
type Verdict = { allowed: boolean; reasons: Reason[]; why?: string };

/**
 * Explain access: GET /api/v1/records/:object/:id/access?user= answers why a user reads and edits
 * a record (or why not) from the engine's own access conditions. Every verdict is checked against
 * what the user actually gets from the record routes, so the explanation cannot drift from the
 * access it explains.
 */
describe('explain access: why a user can or cannot see and edit a record', () => {
  let engine: TestEngine;
  const users: Record<string, string> = {};
  const tokens: Record<string, Record<string, string>> = {};
  const ids: Record<string, string> = {};
  const as = (who: string) => (method: string, path: string, body?: unknown): Promise<TestResponse> => engine.request(method, path, body, tokens[who]);
  const ok = async (response: Promise<TestResponse>, status = 201): Promise<Record<string, any>> => {
    const answer = await response;
    expect(answer.status, JSON.stringify(answer.body)).to.equal(status);
    return answer.body;
  };
  const explain = async (object: string, key: string, user: string, asker = 'admin'): Promise<{ read: Verdict; edit: Verdict; fields: Record<string, string[]>; user: Record<string, unknown> }> =>
    (await ok(as(asker)('GET', `/api/v1/records/${object}/${ids[key]}/access?user=${users[user]}`), 200)) as never;

  before(async () => {
    engine = await startTestEngine();
    const admin = (method: string, path: string, body?: unknown) => engine.request(method, path, body);
    users.admin = engine.adminId;
    tokens.admin = {};
    await ok(admin('POST', '/api/v1/meta/objects', { name: 'xa_request', sharing: 'private', fields: [{ name: 'name', type: 'text', required: true }, { name: 'amount', type: 'number' }, { name: 'budget_code', type: 'text' }] }));
    await ok(admin('POST', '/api/v1/meta/objects', { name: 'xa_line', fields: [{ name: 'name', type: 'text', required: true }, { name: 'request', type: 'masterdetail', target: 'xa_request' }] }));
    await ok(admin('POST', '/api/v1/meta/roles', { name: 'xa_finance', label: { en: 'Finance', 'zh-CN': '财务' } }));
    await ok(admin('POST', '/api/v1/meta/roles', { name: 'xa_manager', reportsTo: 'xa_finance', label: { en: 'Manager', 'zh-CN': '经理' } }));
    await ok(admin('POST', '/api/v1/meta/roles', { name: 'xa_requester', reportsTo: 'xa_manager', label: { en: 'Requester', 'zh-CN': '申请人' } }));
    await ok(admin('POST', '/api/v1/meta/roles', { name: 'xa_auditor', label: { en: 'Auditor', 'zh-CN': '审计' } }));
    const crud = { create: true, read: true, edit: true, delete: true };
    await ok(admin('POST', '/api/v1/meta/permission-sets', { name: 'xa_user', objects: { xa_request: crud, xa_line: crud }, fields: { xa_request: { budget_code: { read: false, edit: false } } } }));
    await ok(admin('POST', '/api/v1/meta/permission-sets', { name: 'xa_reader', objects: { xa_request: { read: true }, xa_line: { read: true } } }));
    await ok(admin('POST', '/api/v1/meta/permission-sets', { name: 'xa_overseer', label: { en: 'Overseer', 'zh-CN': '监督' }, objects: { xa_request: { read: true, viewAll: true } } }));
    await ok(admin('POST', '/api/v1/meta/sharing-rules', {
      name: 'xa_big_to_audit', label: { en: 'Big requests to audit', 'zh-CN': '大额申请给审计' }, object: 'xa_request', criteria: { amount: { gte: 10000 } }, sharedWith: { role: 'xa_auditor' }, access: 'read',
    }));
    const people: Record<string, { role?: string; sets: string[] }> = {
      requester: { role: 'xa_requester', sets: ['standard_user', 'xa_user'] },
      manager: { role: 'xa_manager', sets: ['standard_user', 'xa_user'] },
      finance: { role: 'xa_finance', sets: ['standard_user', 'xa_user'] },
      auditor: { role: 'xa_auditor', sets: ['standard_user', 'xa_reader'] },
      colleague: { sets: ['standard_user', 'xa_user'] },
      overseer: { sets: ['standard_user', 'xa_overseer'] },
      outsider: { sets: ['standard_user'] },
      // Reads requests, not users: the names of other users are not theirs to read.
      loner: { sets: ['xa_user'] },
    };
    const store = await engine.platform.tenant(DEFAULT_TENANT);
    for (const [who, person] of Object.entries(people)) {
      const created = await ok(admin('POST', '/api/v1/records/user', { full_name: `XA ${who}`, email: `xa-${who}@example.com`, role: person.role ?? null, permission_sets: person.sets }));
      users[who] = created._id;
      tokens[who] = { authorization: `Bearer ${(await issueToken(store, created._id, 'explain access')).token}` };
    }
    ids.small = (await ok(as('requester')('POST', '/api/v1/records/xa_request', { name: 'Small chairs', amount: 500 })))._id;
    ids.big = (await ok(as('requester')('POST', '/api/v1/records/xa_request', { name: 'Big servers', amount: 20000 })))._id;
    ids.line = (await ok(as('requester')('POST', '/api/v1/records/xa_line', { name: 'Chair', request: ids.small })))._id;
    await ok(as('requester')('POST', `/api/v1/records/xa_request/${ids.small}/shares`, { user: users.colleague, access: 'edit' }));
    await ok(as('requester')('POST', `/api/v1/records/xa_request/${ids.small}/shares`, { user: users.loner, access: 'read' }));
  });
  after(() => engine.stop());

  /** The verdicts agree with the record routes: read ⇔ GET answers 200, edit ⇔ the record's permissions allow it. */
  async function agreesWithRoutes(object: string, key: string, who: string, answer: { read: Verdict; edit: Verdict }): Promise<void> {
    const read = await as(who)('GET', `/api/v1/records/${object}/${ids[key]}`);
    expect(read.status === 200, `${who} GET ${key}: ${read.status}`).to.equal(answer.read.allowed);
    if (!answer.read.allowed) return;
    const permissions = await ok(as(who)('GET', `/api/v1/records/${object}/${ids[key]}/permissions`), 200);
    expect(permissions.edit.allowed, `${who} edit ${key}`).to.equal(answer.edit.allowed);
  }

  it('says the manager and finance read and edit the requester\'s record through the role hierarchy, naming both roles', async () => {
    for (const [who, role, label] of [['manager', 'xa_manager', 'Manager'], ['finance', 'xa_finance', 'Finance']] as const) {
      const answer = await explain('xa_request', 'small', who);
      const hierarchy = { kind: 'roleHierarchy', role, roleLabel: label, ownerRole: 'xa_requester', ownerRoleLabel: 'Requester' };
      expect(answer.read).to.deep.equal({ allowed: true, reasons: [hierarchy] });
      expect(answer.edit).to.deep.equal({ allowed: true, reasons: [hierarchy] });
      await agreesWithRoutes('xa_request', 'small', who, answer);
    }
  });

  it('says the owner owns it', async () => {
    const answer = await explain('xa_request', 'small', 'requester', 'requester');
    expect(answer.read.reasons).to.deep.equal([{ kind: 'owner' }]);
    expect(answer.edit.reasons).to.deep.equal([{ kind: 'owner' }]);
  });

  it('names the sharing rule that opens a big request to the auditor, to read only, and says why not edit', async () => {
    const answer = await explain('xa_request', 'big', 'auditor');
    expect(answer.read).to.deep.equal({ allowed: true, reasons: [{ kind: 'sharingRule', rule: 'xa_big_to_audit', label: 'Big requests to audit', access: 'read' }] });
    expect(answer.edit.allowed).to.equal(false);
    expect(answer.edit.why).to.contain('No permission set of XA auditor grants editing');
    await agreesWithRoutes('xa_request', 'big', 'auditor', answer);
    const small = await explain('xa_request', 'small', 'auditor');
    expect(small.read.allowed, 'the rule shares big requests only').to.equal(false);
    await agreesWithRoutes('xa_request', 'small', 'auditor', small);
  });

  it('names the manual share: who shared it and to edit', async () => {
    const answer = await explain('xa_request', 'small', 'colleague');
    const share = { kind: 'manualShare', to: `u:${users.colleague}`, access: 'edit', by: users.requester, byName: 'XA requester' };
    expect(answer.read).to.deep.equal({ allowed: true, reasons: [share] });
    expect(answer.edit).to.deep.equal({ allowed: true, reasons: [share] });
    await agreesWithRoutes('xa_request', 'small', 'colleague', answer);
  });

  it('explains a master-detail child by its master, with the master\'s own reasons', async () => {
    const answer = await explain('xa_line', 'line', 'manager');
    expect(answer.read.allowed).to.equal(true);
    expect(answer.read.reasons).to.have.length(1);
    const master = answer.read.reasons[0]!;
    expect(master).to.include({ kind: 'master', object: 'xa_request', id: ids.small, name: 'Small chairs' });
    expect(master.reasons).to.deep.equal([{ kind: 'roleHierarchy', role: 'xa_manager', roleLabel: 'Manager', ownerRole: 'xa_requester', ownerRoleLabel: 'Requester' }]);
    await agreesWithRoutes('xa_line', 'line', 'manager', answer);
  });

  it('says why a user with no access cannot see the record: no sharing, or no permission set at all', async () => {
    const unshared = await explain('xa_request', 'big', 'colleague');
    expect(unshared.read.allowed).to.equal(false);
    expect(unshared.read.reasons).to.deep.equal([]);
    expect(unshared.read.why).to.equal('XA colleague does not own this xa request, holds no role above its owner\'s, and no sharing rule, manual share or approval opens it to them.');
    expect(unshared.edit.allowed).to.equal(false);
    await agreesWithRoutes('xa_request', 'big', 'colleague', unshared);
    const outsider = await explain('xa_request', 'small', 'outsider');
    expect(outsider.read.why).to.match(/^No permission set of XA outsider grants reading/);
    expect(outsider.fields.readable).to.deep.equal([]);
  });

  it('names the permission set behind view all, and the administrator', async () => {
    const overseer = await explain('xa_request', 'big', 'overseer');
    expect(overseer.read.reasons).to.deep.equal([{ kind: 'objectRight', right: 'viewAll', permissionSet: 'xa_overseer', label: 'Overseer' }]);
    expect(overseer.edit.allowed).to.equal(false);
    await agreesWithRoutes('xa_request', 'big', 'overseer', overseer);
    const admin = await explain('xa_request', 'big', 'admin');
    expect(admin.read.reasons).to.deep.include({ kind: 'admin', permissionSet: 'admin' });
    expect(admin.edit.allowed).to.equal(true);
  });

  it('gives the field-level rights: a field a permission set hides is hidden', async () => {
    const answer = await explain('xa_request', 'small', 'manager');
    expect(answer.fields.hidden).to.deep.equal(['budget_code']);
    expect(answer.fields.readable).to.include.members(['name', 'amount']).and.not.include('budget_code');
    expect(answer.fields.editable).to.include.members(['name', 'amount']);
    expect((await explain('xa_request', 'small', 'admin')).fields.hidden).to.deep.equal([]);
  });

  it('refuses a user without the right to ask about someone else (403), lets them ask about themselves', async () => {
    const refused = await as('requester')('GET', `/api/v1/records/xa_request/${ids.small}/access?user=${users.manager}`);
    expect(refused.status).to.equal(403);
    expect(refused.body.error.message).to.contain('manage users');
    const self = await as('manager')('GET', `/api/v1/records/xa_request/${ids.small}/access`);
    expect(self.status).to.equal(200);
    expect(self.body.user.id).to.equal(users.manager);
  });

  it('answers a user asking about themselves about a record they cannot read exactly as a GET of it does, telling nothing of it', async () => {
    for (const [who, key, object] of [['colleague', 'big', 'xa_request'], ['auditor', 'small', 'xa_request'], ['outsider', 'small', 'xa_request'], ['outsider', 'line', 'xa_line']] as const) {
      const read = await as(who)('GET', `/api/v1/records/${object}/${ids[key]}`);
      expect(read.status, `${who} GET ${key}`).to.be.oneOf([403, 404]);
      const asked = await as(who)('GET', `/api/v1/records/${object}/${ids[key]}/access`);
      expect({ status: asked.status, body: asked.body }, `${who} asks about ${key}`).to.deep.equal({ status: read.status, body: read.body });
      expect(JSON.stringify(asked.body)).not.to.match(/Small chairs|Big servers|XA requester/).and.not.contain(users.requester);
    }
  });

  it('tells a user asking about themselves only what they read anyway: no sharing rule, no label of a role or permission set, no hidden field, no name they cannot read', async () => {
    const auditor = await explain('xa_request', 'big', 'auditor', 'auditor');
    expect(auditor.read.reasons).to.deep.equal([{ kind: 'sharingRule', rule: null, label: null, access: 'read' }]);
    expect((auditor as unknown as { record: { name: string } }).record.name, 'the record they read is named').to.equal('Big servers');
    expect(JSON.stringify(auditor)).not.to.match(/xa_big_to_audit|Big requests to audit/);

    const manager = await explain('xa_request', 'small', 'manager', 'manager');
    expect(manager.read.reasons).to.deep.equal([{ kind: 'roleHierarchy', role: 'xa_manager', roleLabel: 'xa_manager', ownerRole: 'xa_requester', ownerRoleLabel: 'xa_requester' }]);
    expect(manager.user.roleLabel).to.equal('xa_manager');
    expect(manager.fields.hidden).to.deep.equal([]);
    expect(JSON.stringify(manager)).not.to.contain('budget_code');
    const line = await explain('xa_line', 'line', 'manager', 'manager');
    expect(line.read.reasons[0], 'the master they read is named').to.include({ kind: 'master', id: ids.small, name: 'Small chairs' });

    const overseer = await explain('xa_request', 'big', 'overseer', 'overseer');
    expect(overseer.read.reasons).to.deep.equal([{ kind: 'objectRight', right: 'viewAll', permissionSet: 'xa_overseer', label: 'xa_overseer' }]);

    const loner = await explain('xa_request', 'small', 'loner', 'loner');
    expect(loner.read.reasons).to.deep.equal([{ kind: 'manualShare', to: `u:${users.loner}`, access: 'read', by: users.requester, byName: null }]);
    expect((await explain('xa_request', 'small', 'loner')).read.reasons[0]).to.include({ byName: 'XA requester' });
    await agreesWithRoutes('xa_request', 'small', 'loner', loner);
  });

  it('answers in the request\'s language, and 404 for an unknown user or record', async () => {
    const chinese = await engine.request('GET', `/api/v1/records/xa_request/${ids.big}/access?user=${users.colleague}`, undefined, { 'accept-language': 'zh-CN' });
    expect(chinese.body.read.why).to.match(/[\u4e00-\u9fff]/);
    const auditor = await engine.request('GET', `/api/v1/records/xa_request/${ids.big}/access?user=${users.auditor}`, undefined, { 'accept-language': 'zh-CN' });
    expect(auditor.body.read.reasons[0].label).to.equal('大额申请给审计');
    expect((await engine.request('GET', `/api/v1/records/xa_request/${ids.big}/access?user=nobody`)).status).to.equal(404);
    expect((await engine.request('GET', `/api/v1/records/xa_request/nothing/access?user=${users.manager}`)).status).to.equal(404);
  });
});
