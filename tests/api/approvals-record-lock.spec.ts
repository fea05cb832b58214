import { expect } from 'chai';
import { expectError } from '../support/api-helpers.js';
import { addPerson, PURCHASE_APPROVAL, purchasingWithApproval, type Person } from '../support/approval-fixtures.js';
import { startTestEngine, type TestEngine, type TestResponse } from '../support/test-engine.js';

const records = (id = '') => `/api/v1/records/purchase_request${id ? `/${id}` : ''}`;
const approval = (id: string) => `${records(id)}/approval`;
const messageOf = (response: TestResponse) => (response.body.error as { message: string }).message;

/**
 * Records locked by their approval process, as Salesforce locks them: while pending and once
 * approved (unless the process says otherwise), unlocked by a rejection or a recall; only
 * administrators, modify all, editLockedRecords and (if the process lets them) the current
 * approvers change them, while the engine's own recomputations still reach them.
 */
describe('approval processes: record locking', () => {
  let engine: TestEngine;
  let people: Awaited<ReturnType<typeof purchasingWithApproval>>;
  let keeper: Person;
  const request = async (who: Person, values: Record<string, unknown>) => {
    const created = await who.as('POST', records(), values);
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    return created.body._id as string;
  };
  const act = async (who: Person, id: string, action: string, body: unknown = {}) => {
    const response = await who.as('POST', `${approval(id)}/${action}`, body);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    return response.body as { status: string; locked: boolean; lock: { process: string; status: string; reason: string; mayEdit: boolean } | null };
  };
  const process = async (definition: Record<string, unknown>) => {
    const changed = await engine.request('PUT', `/api/v1/meta/approval-processes/${PURCHASE_APPROVAL.name}`, { ...PURCHASE_APPROVAL, ...definition });
    expect(changed.status, JSON.stringify(changed.body)).to.equal(200);
  };

  before(async () => {
    engine = await startTestEngine();
    people = await purchasingWithApproval(engine);
    // Lines under a request, summed on it, and a formula over the sum: what the engine recomputes on a locked parent.
    const line = await engine.request('POST', '/api/v1/meta/objects', {
      name: 'purchase_line',
      fields: [
        { name: 'request', type: 'masterdetail', target: 'purchase_request' },
        { name: 'cost', type: 'number', required: true },
      ],
    });
    expect(line.status, JSON.stringify(line.body)).to.equal(201);
    for (const field of [
      { name: 'lines_total', type: 'rollup', child: 'purchase_line', function: 'sum', field: 'cost' },
      { name: 'lines_with_tax', type: 'formula', expression: '$round(lines_total * 1.1, 2)', resultType: 'number' },
    ]) {
      const added = await engine.request('POST', '/api/v1/meta/objects/purchase_request/fields', field);
      expect(added.status, JSON.stringify(added.body)).to.equal(201);
    }
    const set = await engine.request('POST', '/api/v1/meta/permission-sets', {
      name: 'lock_keeper',
      system: { editLockedRecords: true },
      objects: { purchase_request: { create: true, read: true, edit: true, delete: true }, purchase_line: { create: true, read: true, edit: true, delete: true } },
    });
    expect(set.status, JSON.stringify(set.body)).to.equal(201);
    const lines = await engine.request('PUT', '/api/v1/meta/permission-sets/purchasing', {
      name: 'purchasing',
      objects: { purchase_request: { create: true, read: true, edit: true, delete: true }, purchase_line: { create: true, read: true, edit: true, delete: true } },
    });
    expect(lines.status, JSON.stringify(lines.body)).to.equal(200);
    keeper = await addPerson(engine, 'keeper', { role: 'staff', manager: people.manager.id, permission_sets: ['standard_user', 'lock_keeper'] });
  });
  after(() => engine.stop());
  afterEach(() => process({}));

  it('locks a pending record: edits and deletes are refused with the process named, in English and Chinese', async () => {
    const id = await request(people.requester, { title: 'Chairs', amount: 900 });
    const pending = await act(people.requester, id, 'submit');
    expect(pending).to.deep.include({ status: 'pending', locked: true });
    expect(pending.lock).to.deep.equal({ process: 'purchase_approval', status: 'pending', reason: "This purchase request is locked by the approval process 'Purchase approval' (pending approval).", mayEdit: false });

    const refused = await people.requester.as('PATCH', records(id), { amount: 1 });
    expect(expectError(refused, 409, 'record_locked')).to.deep.equal([{ path: '/_locked', message: "This purchase request is locked by the approval process 'Purchase approval' (pending approval)." }]);
    expect(messageOf(refused)).to.equal("This purchase request is locked by the approval process 'Purchase approval' (pending approval).");
    const chinese = await engine.request('PATCH', records(id), { amount: 1 }, { Authorization: `Bearer ${people.requester.token}`, 'Accept-Language': 'zh-CN' });
    expectError(chinese, 409, 'record_locked');
    expect(messageOf(chinese)).to.equal('该Purchase request已被审批流程“采购审批”锁定（等待审批）。');
    expectError(await people.requester.as('DELETE', records(id)), 409, 'record_locked');
    expectError(await people.requester.as('PUT', `${records(id)}/owner`, { owner: people.outsider.id }), 409, 'record_locked');
    expect((await people.requester.as('GET', records(id))).body).to.deep.include({ amount: 900, status: 'submitted' });

    // What the record page asks before offering Edit and Delete says the same.
    const permissions = (await people.requester.as('GET', `${records(id)}/permissions`)).body;
    expect(permissions.edit).to.deep.equal({ allowed: false, reason: pending.lock!.reason });
    expect(permissions.delete).to.deep.equal({ allowed: false, reason: pending.lock!.reason });
    expect(permissions.transfer).to.deep.equal({ allowed: false, reason: pending.lock!.reason });
  });

  it('keeps an approved record locked while the process’s own field updates apply', async () => {
    const id = await request(people.requester, { title: 'Desks', amount: 2000 });
    await act(people.requester, id, 'submit');
    await act(people.manager, id, 'approve');
    const approved = await act(people.clerk, id, 'approve');
    expect(approved).to.deep.include({ status: 'approved', locked: true });
    expect(approved.lock).to.deep.include({ status: 'approved', reason: "This purchase request is locked by the approval process 'Purchase approval' (approved)." });
    const record = (await people.requester.as('GET', records(id))).body;
    expect(record.status).to.equal('approved');
    expect(record.approved_on).to.be.a('string');
    const refused = await people.requester.as('PATCH', records(id), { title: 'Standing desks' });
    expectError(refused, 409, 'record_locked');
    expect(messageOf(refused)).to.contain('(approved)');
    expectError(await people.requester.as('DELETE', records(id)), 409, 'record_locked');
  });

  it('unlocks a record returned, rejected for good or recalled', async () => {
    const returned = await request(people.requester, { title: 'Lamps', amount: 300 });
    await act(people.requester, returned, 'submit');
    expect(await act(people.manager, returned, 'reject', { comment: 'too many' })).to.deep.include({ status: 'returned', locked: false, lock: null });
    expect((await people.requester.as('PATCH', records(returned), { amount: 200 })).status).to.equal(200);

    const rejected = await request(people.requester, { title: 'Plants', amount: 400 });
    await act(people.requester, rejected, 'submit');
    await act(people.manager, rejected, 'approve');
    expect(await act(people.clerk, rejected, 'reject', { comment: 'no' })).to.deep.include({ status: 'rejected', locked: false, lock: null });
    expect((await people.requester.as('PATCH', records(rejected), { title: 'Plants (cancelled)' })).status).to.equal(200);

    const recalled = await request(people.requester, { title: 'Rugs', amount: 500 });
    await act(people.requester, recalled, 'submit');
    expect(await act(people.requester, recalled, 'recall')).to.deep.include({ status: 'recalled', locked: false, lock: null });
    expect((await people.requester.as('PATCH', records(recalled), { amount: 450 })).status).to.equal(200);
    expect((await people.requester.as('DELETE', records(recalled))).status).to.equal(204);
  });

  it('lets administrators and users who may edit locked records change and delete a locked record', async () => {
    const id = await request(people.requester, { title: 'Projectors', amount: 1500 });
    await act(people.requester, id, 'submit');
    expect((await engine.request('PATCH', records(id), { title: 'Projectors (admin)' })).status).to.equal(200);
    expect((await engine.request('GET', approval(id))).body.lock).to.deep.include({ status: 'pending', mayEdit: true });
    expect((await engine.request('DELETE', records(id))).status).to.equal(204);

    // The keeper's own request: the lock alone stands in the way, and editLockedRecords lifts it.
    const own = await request(keeper, { title: 'Screens', amount: 600 });
    await act(keeper, own, 'submit');
    expect((await keeper.as('GET', approval(own))).body.lock).to.deep.include({ status: 'pending', mayEdit: true });
    const edited = await keeper.as('PATCH', records(own), { amount: 550 });
    expect(edited.status, JSON.stringify(edited.body)).to.equal(200);
    expect((await keeper.as('GET', `${records(own)}/permissions`)).body.delete).to.deep.equal({ allowed: true });
    expect((await keeper.as('DELETE', records(own))).status).to.equal(204);
  });

  it('lets the current approver edit, not delete, when the process allows it; nobody else', async () => {
    await process({ lock: { approverMayEdit: true } });
    const id = await request(people.requester, { title: 'Tablets', amount: 800 });
    await act(people.requester, id, 'submit');
    expect((await people.manager.as('GET', approval(id))).body.lock).to.deep.include({ mayEdit: true });
    expect((await people.requester.as('GET', approval(id))).body.lock).to.deep.include({ mayEdit: false });
    const edited = await people.manager.as('PATCH', records(id), { amount: 750 });
    expect(edited.status, JSON.stringify(edited.body)).to.equal(200);
    expectError(await people.manager.as('DELETE', records(id)), 403, 'forbidden');
    expectError(await people.requester.as('PATCH', records(id), { amount: 1 }), 409, 'record_locked');
    // Once the manager decided, the next step's approvers edit and the manager no longer does.
    await act(people.manager, id, 'approve');
    expectError(await people.manager.as('PATCH', records(id), { amount: 700 }), 403, 'forbidden');
    expect((await people.clerk.as('PATCH', records(id), { amount: 700 })).status).to.equal(200);
    // Approved: the approvers are done with it, and its owner meets the lock.
    await act(people.clerk, id, 'approve');
    expectError(await people.clerk.as('PATCH', records(id), { amount: 650 }), 403, 'forbidden');
    expectError(await people.requester.as('PATCH', records(id), { amount: 650 }), 409, 'record_locked');
  });

  it('follows a process that locks only while pending, or never', async () => {
    await process({ lock: { whilePending: true, afterApproval: false } });
    const id = await request(people.requester, { title: 'Cables', amount: 100 });
    await act(people.requester, id, 'submit');
    expectError(await people.requester.as('PATCH', records(id), { amount: 90 }), 409, 'record_locked');
    await act(people.manager, id, 'approve');
    expect(await act(people.clerk, id, 'approve')).to.deep.include({ status: 'approved', locked: false, lock: null });
    expect((await people.requester.as('PATCH', records(id), { amount: 90 })).status).to.equal(200);

    await process({ lock: { whilePending: false, afterApproval: false } });
    const open = await request(people.requester, { title: 'Mice', amount: 60 });
    expect(await act(people.requester, open, 'submit')).to.deep.include({ status: 'pending', locked: false });
    expect((await people.requester.as('PATCH', records(open), { amount: 55 })).status).to.equal(200);
  });

  it('still recomputes the roll-ups and formulas of a locked record when its detail records change', async () => {
    const id = await request(people.requester, { title: 'Workstations', amount: 5000 });
    const first = await people.requester.as('POST', '/api/v1/records/purchase_line', { request: id, cost: 1000 });
    expect(first.status, JSON.stringify(first.body)).to.equal(201);
    await act(people.requester, id, 'submit');
    // An administrator adds a line and changes one: the locked request's sum and formula follow.
    expect((await engine.request('POST', '/api/v1/records/purchase_line', { request: id, cost: 500 })).status).to.equal(201);
    expect((await engine.request('PATCH', `/api/v1/records/purchase_line/${first.body._id as string}`, { cost: 1200 })).status).to.equal(200);
    const record = (await people.requester.as('GET', records(id))).body;
    expect(record).to.deep.include({ lines_total: 1700, lines_with_tax: 1870 });
    expect((await people.requester.as('GET', approval(id))).body).to.deep.include({ status: 'pending', locked: true });
    expectError(await people.requester.as('PATCH', records(id), { amount: 1 }), 409, 'record_locked');
  });

  it('refuses a process whose lock names an unknown stage', async () => {
    const refused = await engine.request('PUT', `/api/v1/meta/approval-processes/${PURCHASE_APPROVAL.name}`, { ...PURCHASE_APPROVAL, lock: { afterRejection: true, whilePending: 'yes' } });
    expect(expectError(refused, 400, 'validation_failed').map((detail) => detail.path).sort()).to.deep.equal(['/lock/afterRejection', '/lock/whilePending']);
  });
});
