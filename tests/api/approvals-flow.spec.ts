import { expect } from 'chai';
import { expectError } from '../support/api-helpers.js';
import { purchasingDepartment, purchasingWithApproval, type Person } from '../support/approval-fixtures.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const detailPathsOf = (details: { path: string }[]) => details.map((detail) => detail.path);
const approval = (id: string) => `/api/v1/records/purchase_request/${id}/approval`;

/** A purchase request through manager, CFO (when large) and finance, over the real server. */
describe('approval processes: the purchase request flow', () => {
  let engine: TestEngine;
  let people: Awaited<ReturnType<typeof purchasingDepartment>>;
  const request = async (who: Person, values: Record<string, unknown>) => {
    const created = await who.as('POST', '/api/v1/records/purchase_request', values);
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    return created.body._id as string;
  };
  const act = (who: Person, id: string, action: string, body: unknown = {}) => who.as('POST', `${approval(id)}/${action}`, body);

  before(async () => {
    engine = await startTestEngine();
    people = await purchasingWithApproval(engine);
  });
  after(() => engine.stop());

  it('takes a large request through manager, CFO and finance, setting fields on the way', async () => {
    const id = await request(people.requester, { title: 'Servers', amount: 80000 });
    const submitted = await act(people.requester, id, 'submit');
    expect(submitted.status, JSON.stringify(submitted.body)).to.equal(200);
    expect(submitted.body).to.deep.include({ process: 'purchase_approval', version: 1, status: 'pending', step: 'manager', locked: true });
    expect(submitted.body.pending.map((item: { approver: string }) => item.approver)).to.deep.equal([people.manager.id]);
    expect((await people.requester.as('GET', `/api/v1/records/purchase_request/${id}`)).body.status).to.equal('submitted');

    expect((await act(people.manager, id, 'approve', { comment: 'ok' })).body).to.deep.include({ step: 'cfo' });
    expect((await act(people.cfo, id, 'approve')).body).to.deep.include({ step: 'finance' });
    const pending = (await people.clerk.as('GET', approval(id))).body;
    expect(pending.pending.map((item: { approver: string }) => item.approver).sort()).to.deep.equal([people.clerk.id, people.clerk2.id].sort());
    expect(pending.allowedActions).to.include('approve');
    const done = await act(people.clerk2, id, 'approve');
    expect(done.body).to.deep.include({ status: 'approved', step: null, locked: true });
    expect(done.body.history.map((entry: { action: string; step: string | null }) => `${entry.action}:${entry.step ?? ''}`)).to.deep.equal([
      'submit:',
      'approve:manager',
      'approve:cfo',
      'approve:finance',
      'approved:finance',
    ]);
    const record = (await people.requester.as('GET', `/api/v1/records/purchase_request/${id}`)).body;
    expect(record).to.include({ status: 'approved', approved_on: new Date().toISOString().slice(0, 10) });
  });

  it('skips the CFO step below the threshold, and says so in the history', async () => {
    const id = await request(people.requester, { title: 'Chairs', amount: 900 });
    await act(people.requester, id, 'submit');
    expect((await act(people.manager, id, 'approve')).body).to.deep.include({ step: 'finance' });
    const history = (await people.requester.as('GET', approval(id))).body.history;
    expect(history.map((entry: { action: string; step: string | null }) => `${entry.action}:${entry.step ?? ''}`)).to.deep.equal(['submit:', 'approve:manager', 'skip:cfo']);
  });

  it('returns a rejected request to the submitter as a draft, who changes it and submits again', async () => {
    const id = await request(people.requester, { title: 'Desks', amount: 1200 });
    await act(people.requester, id, 'submit');
    expectError(await act(people.manager, id, 'reject'), 400, 'validation_failed');
    const rejected = await act(people.manager, id, 'reject', { comment: 'too expensive' });
    expect(rejected.body).to.deep.include({ status: 'returned', locked: false });
    expect((await people.requester.as('PATCH', `/api/v1/records/purchase_request/${id}`, { amount: 800 })).status).to.equal(200);
    expect((await act(people.requester, id, 'submit')).body).to.deep.include({ status: 'pending', step: 'manager' });
  });

  it('ends a rejection at the final step for good', async () => {
    const id = await request(people.requester, { title: 'Laptops', amount: 3000 });
    await act(people.requester, id, 'submit');
    await act(people.manager, id, 'approve');
    const rejected = await act(people.clerk, id, 'reject', { comment: 'no budget' });
    expect(rejected.body).to.deep.include({ status: 'rejected' });
    expect((await people.requester.as('GET', `/api/v1/records/purchase_request/${id}`)).body.status).to.equal('rejected');
  });

  it('lets the submitter recall, and refuses edits while pending', async () => {
    const id = await request(people.requester, { title: 'Phones', amount: 500 });
    await act(people.requester, id, 'submit');
    expectError(await people.requester.as('PATCH', `/api/v1/records/purchase_request/${id}`, { amount: 1 }), 409, 'record_locked');
    expectError(await people.requester.as('DELETE', `/api/v1/records/purchase_request/${id}`), 409, 'record_locked');
    expect((await engine.request('PATCH', `/api/v1/records/purchase_request/${id}`, { title: 'Phones (admin edit)' })).status).to.equal(200);
    expectError(await act(people.manager, id, 'recall'), 403, 'forbidden');
    const recalled = await act(people.requester, id, 'recall');
    expect(recalled.body).to.deep.include({ status: 'recalled', locked: false });
    expect((await people.requester.as('GET', `/api/v1/records/purchase_request/${id}`)).body.status).to.equal('draft');
  });

  it('refuses what the principal or the step does not allow', async () => {
    const id = await request(people.requester, { title: 'Monitors', amount: 700 });
    expectError(await act(people.outsider, id, 'submit'), 404, 'not_found');
    expectError(await act(people.requester, id, 'approve'), 409, 'not_pending');
    await act(people.requester, id, 'submit');
    expectError(await act(people.requester, id, 'submit'), 409, 'already_pending');
    // A clerk is not asked yet and does not see the private record at all; the requester sees it but is no approver.
    expectError(await act(people.clerk, id, 'approve'), 404, 'not_found');
    expectError(await act(people.requester, id, 'approve'), 403, 'forbidden');
    expectError(await act(people.requester, id, 'reassign', { to: people.outsider.id }), 403, 'forbidden');
    expectError(await act(people.manager, id, 'dance'), 400, 'validation_failed');
    const zero = await request(people.requester, { title: 'Nothing', amount: 0 });
    expect(detailPathsOf(expectError(await act(people.requester, zero, 'submit'), 422, 'entry_criteria_not_met'))).to.deep.equal(['/entryCriteria']);
  });

  it('lists pending items in the approver\'s inbox, oldest first', async () => {
    const first = await request(people.requester, { title: 'Inbox one', amount: 100 });
    const second = await request(people.requester, { title: 'Inbox two', amount: 100 });
    await act(people.requester, first, 'submit');
    await act(people.requester, second, 'submit');
    const inbox = (await people.manager.as('GET', '/api/v1/approvals/inbox')).body.items as { record: string; title: string; step: string }[];
    const mine = inbox.filter((item) => item.record === first || item.record === second);
    expect(mine.map((item) => item.title)).to.deep.equal(['Inbox one', 'Inbox two']);
    expect(mine.every((item) => item.step === 'manager')).to.equal(true);
    const newest = (await people.manager.as('GET', '/api/v1/approvals/inbox?sort=-assignedAt')).body.items as { record: string }[];
    expect(newest[0]!.record).to.equal(second);
    expect((await people.clerk.as('GET', '/api/v1/approvals/inbox')).body.items.some((item: { record: string }) => item.record === first)).to.equal(false);
  });

  it('returns the compiled machine for the studio\'s diagram', async () => {
    const response = await engine.request('GET', '/api/v1/meta/approval-processes/purchase_approval/machine');
    expect(response.status).to.equal(200);
    expect(Object.keys(response.body.machine.states)).to.include.members(['gate__manager', 'manager', 'cfo', 'finance', 'approved', 'rejected', 'returned', 'recalled']);
  });
});
