import { expect } from 'chai';
import { addPerson, type Person } from '../support/approval-fixtures.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const ZH = { 'accept-language': 'zh-CN' };
const approvalOf = (object: string, id: string) => `/api/v1/records/${object}/${id}/approval`;

/**
 * What the web app shows of an approval, answered by the engine: labels in the caller's language,
 * the names of the people, the inbox's total, and nothing the approver's permissions hide.
 */
describe('approvals: what the record panel and the inbox show', () => {
  let engine: TestEngine;
  let rep: Person;
  let boss: Person;
  let blind: Person;
  const as = (who: Person, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    engine.request(method, path, body, { authorization: `Bearer ${who.token}`, ...headers });
  const submitted = async (title: string) => {
    const created = await rep.as('POST', '/api/v1/records/expense', { title, amount: 40 });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const submit = await rep.as('POST', `${approvalOf('expense', created.body._id)}/submit`, {});
    expect(submit.status, JSON.stringify(submit.body)).to.equal(200);
    return created.body._id as string;
  };

  before(async () => {
    engine = await startTestEngine();
    const ok = async (path: string, body: unknown) => {
      const created = await engine.request('POST', path, body);
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
    };
    for (const name of ['expense', 'trip']) {
      await ok('/api/v1/meta/objects', {
        name,
        label: { en: name === 'expense' ? 'Expense' : 'Trip', 'zh-CN': name === 'expense' ? '报销' : '出差' },
        sharing: name === 'expense' ? 'private' : 'publicRead',
        fields: [
          { name: 'title', type: 'text', required: true },
          { name: 'amount', type: 'number' },
        ],
      });
    }
    const rights = { create: true, read: true, edit: true, delete: true };
    await ok('/api/v1/meta/permission-sets', { name: 'expenses', objects: { expense: rights, trip: rights } });
    // Reads expenses without their title, and no users at all.
    await ok('/api/v1/meta/permission-sets', { name: 'expense_audit', objects: { expense: { read: true } }, fields: { expense: { title: { read: false } } } });
    rep = await addPerson(engine, 'rep', { full_name: 'Rita Rep', permission_sets: ['standard_user', 'expenses'] });
    boss = await addPerson(engine, 'boss', { full_name: 'Bo Boss', permission_sets: ['standard_user', 'expenses'] });
    blind = await addPerson(engine, 'blind', { full_name: 'Ada Audit', permission_sets: ['expense_audit'] });
    await ok('/api/v1/meta/approval-processes', {
      name: 'expense_approval',
      object: 'expense',
      label: { en: 'Expense approval', 'zh-CN': '报销审批' },
      steps: [
        { name: 'lead', label: { en: 'Team lead', 'zh-CN': '组长' }, approvers: [{ user: boss.id }] },
        { name: 'audit', label: { en: 'Audit', 'zh-CN': '审计' }, approvers: [{ user: blind.id }] },
      ],
    });
    await ok('/api/v1/meta/approval-processes', { name: 'trip_approval', object: 'trip', submitters: { owner: false, users: [boss.id] }, steps: [{ name: 'lead', approvers: [{ user: boss.id }] }] });
  });
  after(() => engine.stop());

  it("names the process, its steps and the people involved in the caller's language", async () => {
    const id = await submitted('Taxi');
    const view = await as(rep, 'GET', approvalOf('expense', id), undefined, ZH);
    expect(view.status, JSON.stringify(view.body)).to.equal(200);
    expect(view.body).to.deep.include({ processLabel: '报销审批', step: 'lead', stepLabel: '组长', submittedBy: rep.id });
    expect(view.body.steps).to.deep.equal([
      { name: 'lead', label: '组长' },
      { name: 'audit', label: '审计' },
    ]);
    expect(view.body.users).to.deep.equal({ [rep.id]: 'Rita Rep', [boss.id]: 'Bo Boss' });
    expect(view.body.allowedActions).to.deep.equal(['recall', 'comment']);
    expect((await as(rep, 'GET', approvalOf('expense', id))).body).to.deep.include({ processLabel: 'Expense approval', stepLabel: 'Team lead' });
  });

  it("lists the approver's inbox with labels, the submitter's name and the total beyond the limit", async () => {
    const first = await submitted('Hotel');
    const second = await submitted('Train');
    const inbox = await as(boss, 'GET', '/api/v1/approvals/inbox?sort=-assignedAt&limit=2', undefined, ZH);
    expect(inbox.status, JSON.stringify(inbox.body)).to.equal(200);
    expect(inbox.body.items.map((item: { record: string }) => item.record)).to.deep.equal([second, first]);
    expect(inbox.body.items[0]).to.deep.include({ object: 'expense', objectLabel: '报销', title: 'Train', processLabel: '报销审批', step: 'lead', stepLabel: '组长', submittedBy: rep.id });
    expect(Date.parse(inbox.body.items[0].submittedAt)).to.be.closeTo(Date.now(), 60_000);
    const pending = (await as(boss, 'GET', '/api/v1/approvals/inbox')).body.items.length;
    expect(pending).to.be.greaterThan(2);
    expect(inbox.body.total).to.equal(pending);
    expect(inbox.body.users).to.deep.equal({ [rep.id]: 'Rita Rep' });
    expect((await as(rep, 'GET', '/api/v1/approvals/inbox')).body).to.deep.include({ items: [], total: 0, users: {} });
  });

  it('never shows an approver a name field their permissions hide, nor the names of users they may not read', async () => {
    const id = await submitted('Secret dinner');
    expect((await boss.as('POST', `${approvalOf('expense', id)}/approve`, { comment: 'ok' })).status).to.equal(200);
    const inbox = await blind.as('GET', '/api/v1/approvals/inbox');
    expect(inbox.status, JSON.stringify(inbox.body)).to.equal(200);
    const item = inbox.body.items.find((candidate: { record: string }) => candidate.record === id);
    expect(item).to.deep.include({ title: null, step: 'audit', stepLabel: 'Audit', submittedBy: rep.id });
    expect(inbox.body.users).to.deep.equal({});
    expect(JSON.stringify(inbox.body)).to.not.include('Secret dinner');
    const view = await blind.as('GET', approvalOf('expense', id));
    expect(view.status, JSON.stringify(view.body)).to.equal(200);
    expect(view.body.users).to.deep.equal({});
    expect(view.body.allowedActions).to.include.members(['approve', 'reject']);
    expect(JSON.stringify(view.body)).to.not.include('Rita Rep');
  });

  it('offers submit only to the users the process lets submit', async () => {
    const created = await rep.as('POST', '/api/v1/records/trip', { title: 'Berlin' });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const at = approvalOf('trip', created.body._id);
    expect((await rep.as('GET', at)).body.allowedActions).to.deep.equal([]);
    expect((await rep.as('POST', `${at}/submit`, {})).status).to.equal(403);
    expect((await boss.as('GET', at)).body.allowedActions).to.deep.equal(['submit']);
    expect((await boss.as('POST', `${at}/submit`, {})).body).to.deep.include({ status: 'pending', step: 'lead', stepLabel: 'Lead' });
  });
});
