import { expect } from 'chai';
import { expectError } from '../support/api-helpers.js';
import { DEFAULT_TENANT } from '../../engine/tenancy/index.js';
import { addPerson, purchasingDepartment, type Person } from '../support/approval-fixtures.js';
import { slowInserts } from '../support/approval-slow-store.js';
import { startTestEngine, type TestEngine, type TestResponse } from '../support/test-engine.js';

const approval = (id: string) => `/api/v1/records/purchase_request/${id}/approval`;
const PROCESSES = '/api/v1/meta/approval-processes';

interface Entry {
  action: string;
  step: string | null;
  actor: string;
  version: number;
  onBehalfOf?: string;
  to?: string;
  comment?: string;
}
const lines = (history: Entry[]) => history.map((entry) => `${entry.action}:${entry.step ?? ''}`);
const approvers = (view: { pending: { approver: string }[] }) => view.pending.map((item) => item.approver).sort();
/** A date `days` from today (UTC, as the engine compares delegation dates). */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Modes, races, delegates, reassignment and versions of approval steps, over the real server. */
describe('approval processes: step modes, races, delegates, reassignment, versions', () => {
  let engine: TestEngine;
  let people: Record<'requester' | 'manager' | 'cfo' | 'clerk' | 'clerk2' | 'clerk3' | 'outsider', Person>;
  const ok = (response: TestResponse, status = 200) => {
    expect(response.status, JSON.stringify(response.body)).to.equal(status);
    return response.body;
  };
  const act = (who: Person | TestEngine, id: string, action: string, body: unknown = {}) =>
    'as' in who ? who.as('POST', `${approval(id)}/${action}`, body) : who.request('POST', `${approval(id)}/${action}`, body);
  /** A new purchase request of the requester, submitted to the named process; returns its id and the view after submitting. */
  const submitted = async (process: string, title = process) => {
    const id = ok(await people.requester.as('POST', '/api/v1/records/purchase_request', { title, amount: 1000 }), 201)._id as string;
    return { id, view: ok(await act(people.requester, id, 'submit', { process })) };
  };

  before(async () => {
    engine = await startTestEngine();
    const department = await purchasingDepartment(engine);
    people = { ...department, clerk3: await addPerson(engine, 'clerk3', { role: 'finance' }) };
    const finance = [{ role: 'finance' }];
    for (const process of [
      { name: 'finance_quorum', steps: [{ name: 'finance', approvers: finance, mode: 'quorum', quorum: 2, onReject: 'final' }] },
      { name: 'finance_all', steps: [{ name: 'finance', approvers: finance, mode: 'all', onReject: 'final' }] },
      { name: 'first_response', steps: [{ name: 'clerks', approvers: [{ user: people.clerk.id }, { user: people.clerk2.id }] }, { name: 'cfo', approvers: [{ role: 'cfo' }] }] },
      { name: 'manager_only', steps: [{ name: 'manager', approvers: [{ submitterManager: true }] }] },
      { name: 'versioned', steps: [{ name: 'manager', approvers: [{ submitterManager: true }] }] },
    ]) {
      ok(await engine.request('POST', PROCESSES, { object: 'purchase_request', ...process }), 201);
    }
  });
  after(() => engine.stop());

  it('keeps a 2-of-3 quorum step waiting after one approval and approves on the second, every time', async () => {
    for (let round = 0; round < 5; round++) {
      const { id, view } = await submitted('finance_quorum');
      expect(approvers(view)).to.deep.equal([people.clerk.id, people.clerk2.id, people.clerk3.id].sort());
      const first = ok(await act(people.clerk, id, 'approve'));
      expect(first, `round ${round}`).to.deep.include({ status: 'pending', step: 'finance' });
      expect(approvers(first)).to.deep.equal([people.clerk2.id, people.clerk3.id].sort());
      const second = ok(await act(people.clerk3, id, 'approve'));
      expect(second, `round ${round}: the second approval reaches the quorum`).to.deep.include({ status: 'approved', step: null });
      expect(lines(second.history)).to.deep.equal(['submit:', 'approve:finance', 'approve:finance', 'approved:finance']);
      expectError(await act(people.clerk2, id, 'approve'), 409, 'not_pending');
    }
  });

  it('counts the approvals of a quorum step when the store takes milliseconds per write (as MongoDB does)', async () => {
    const restore = slowInserts((await engine.platform.tenant(DEFAULT_TENANT)).store, 'approval.work_items', 3);
    try {
      const approved = await submitted('finance_quorum', 'slow store, approved');
      expect(ok(await act(people.clerk, approved.id, 'approve'))).to.deep.include({ status: 'pending' });
      expect(ok(await act(people.clerk2, approved.id, 'approve')), 'the second approval reaches the quorum').to.deep.include({ status: 'approved' });

      const reachable = await submitted('finance_quorum', 'slow store, still reachable');
      expect(ok(await act(people.clerk, reachable.id, 'approve'))).to.deep.include({ status: 'pending' });
      // One approval and one approver left: the quorum of 2 can still be reached, the step waits.
      expect(ok(await act(people.clerk2, reachable.id, 'reject', { comment: 'no' })), 'one approval still counts').to.deep.include({ status: 'pending' });
    } finally {
      restore();
    }
  });

  it('rejects a quorum step once rejections leave too few approvers to reach the quorum', async () => {
    const { id } = await submitted('finance_quorum');
    expect(ok(await act(people.clerk, id, 'approve'))).to.deep.include({ status: 'pending' });
    // One approval and one approver left: the quorum of 2 can still be reached.
    const reachable = ok(await act(people.clerk2, id, 'reject', { comment: 'too expensive' }));
    expect(reachable).to.deep.include({ status: 'pending', step: 'finance' });
    expect(approvers(reachable)).to.deep.equal([people.clerk3.id]);
    const rejected = ok(await act(people.clerk3, id, 'reject', { comment: 'agreed, too expensive' }));
    expect(rejected).to.deep.include({ status: 'rejected', step: null, locked: false });
    expect(lines(rejected.history)).to.deep.equal(['submit:', 'approve:finance', 'reject:finance', 'reject:finance', 'rejected:finance']);
  });

  it('counts two approvals sent at once on a quorum step, and decides once', async () => {
    for (let round = 0; round < 3; round++) {
      const { id } = await submitted('finance_quorum');
      const answers = await Promise.all([act(people.clerk, id, 'approve'), act(people.clerk2, id, 'approve')]);
      expect(answers.map((answer) => answer.status), JSON.stringify(answers.map((answer) => answer.body))).to.deep.equal([200, 200]);
      const view = ok(await people.requester.as('GET', approval(id)));
      expect(view.status, `round ${round}`).to.equal('approved');
      expect(lines(view.history)).to.deep.equal(['submit:', 'approve:finance', 'approve:finance', 'approved:finance']);
    }
  });

  it('needs every approver of an "all" step, and one rejection rejects', async () => {
    const approved = await submitted('finance_all', 'all approve');
    expect(ok(await act(people.clerk, approved.id, 'approve'))).to.deep.include({ status: 'pending', step: 'finance' });
    expect(approvers(ok(await act(people.clerk3, approved.id, 'approve')))).to.deep.equal([people.clerk2.id]);
    expect(ok(await act(people.clerk2, approved.id, 'approve'))).to.deep.include({ status: 'approved' });

    const rejected = await submitted('finance_all', 'one rejects');
    expect(ok(await act(people.clerk, rejected.id, 'approve'))).to.deep.include({ status: 'pending' });
    const view = ok(await act(people.clerk2, rejected.id, 'reject', { comment: 'not this quarter' }));
    expect(view).to.deep.include({ status: 'rejected', step: null });
    expect(view.pending).to.deep.equal([]);
    expect(lines(view.history)).to.deep.equal(['submit:', 'approve:finance', 'reject:finance', 'rejected:finance']);
    expectError(await act(people.clerk3, rejected.id, 'approve'), 409, 'not_pending');
    expect((await people.clerk3.as('GET', '/api/v1/approvals/inbox')).body.items.map((item: { record: string }) => item.record)).to.not.include(rejected.id);
  });

  it('lets exactly one of two simultaneous approvals on a first-response step through; the other gets 409 naming the step it lost to', async () => {
    for (let round = 0; round < 6; round++) {
      const { id } = await submitted('first_response', `race ${round}`);
      // Alternate who is sent first, so that either may win.
      const racers = round % 2 === 0 ? [people.clerk, people.clerk2] : [people.clerk2, people.clerk];
      const answers = await Promise.all(racers.map((racer) => act(racer, id, 'approve', { comment: `round ${round}` })));
      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses, JSON.stringify(answers.map((answer) => answer.body))).to.deep.equal([200, 409]);
      const winner = answers.findIndex((answer) => answer.status === 200);
      expect(answers[winner]!.body).to.deep.include({ status: 'pending', step: 'cfo' });
      // The store runs one unit of work at a time: the loser's event finds the record already at the CFO's step.
      const loser = answers[1 - winner]!;
      expectError(loser, 409, 'approval_conflict');
      expect(loser.body.error.message).to.equal("Another approver decided first: this record is now at step 'cfo'.");
      const view = ok(await people.requester.as('GET', approval(id)));
      expect(view).to.deep.include({ status: 'pending', step: 'cfo' });
      expect(approvers(view)).to.deep.equal([people.cfo.id]);
      expect(lines(view.history)).to.deep.equal(['submit:', 'approve:clerks']);
      expect(view.history[1].actor).to.equal(racers[winner]!.id);
    }
  });

  it('gives the item to the approver\'s delegate while the delegation runs, and to the approver outside it', async () => {
    const delegateFor = async (from: string | null, until: string | null) =>
      ok(await engine.request('PATCH', `/api/v1/records/user/${people.manager.id}`, { delegate: from ? people.outsider.id : null, delegate_from: from, delegate_until: until }));
    try {
      // The approver names their delegate themselves; the administrator moves the period afterwards.
      ok(await people.manager.as('PATCH', `/api/v1/records/user/${people.manager.id}`, { delegate: people.outsider.id, delegate_from: day(-1), delegate_until: day(1) }));
      const { id, view } = await submitted('manager_only', 'delegated');
      expect(view.pending.map((item: { approver: string; delegateOf?: string }) => ({ approver: item.approver, delegateOf: item.delegateOf }))).to.deep.equal([
        { approver: people.outsider.id, delegateOf: people.manager.id },
      ]);
      const inbox = ok(await people.outsider.as('GET', '/api/v1/approvals/inbox')).items as { record: string; delegateOf?: string }[];
      expect(inbox.find((item) => item.record === id)).to.deep.include({ delegateOf: people.manager.id });
      // The record is private to the requester; the delegate reads it because they are asked to approve it.
      expect(ok(await people.outsider.as('GET', `/api/v1/records/purchase_request/${id}`)).title).to.equal('delegated');
      const approved = ok(await act(people.outsider, id, 'approve', { comment: 'approved while the manager is away' }));
      expect(approved.status).to.equal('approved');
      expect(approved.history.find((entry: Entry) => entry.action === 'approve')).to.deep.include({ actor: people.outsider.id, onBehalfOf: people.manager.id });

      for (const [from, until] of [
        [day(-10), day(-2)],
        [day(2), day(9)],
      ]) {
        await delegateFor(from!, until!);
        const outside = await submitted('manager_only', `outside ${from}`);
        expect(outside.view.pending, `${from}..${until}`).to.have.length(1);
        expect(outside.view.pending[0]).to.include({ approver: people.manager.id }).and.not.have.property('delegateOf');
      }
    } finally {
      await delegateFor(null, null);
    }
  });

  it('leaves the item with the approver when their delegate is no longer active', async () => {
    const standIn = await addPerson(engine, 'stand_in', { role: 'staff' });
    ok(await people.manager.as('PATCH', `/api/v1/records/user/${people.manager.id}`, { delegate: standIn.id, delegate_from: day(-1), delegate_until: day(1) }));
    ok(await engine.request('PATCH', `/api/v1/records/user/${standIn.id}`, { active: false }));
    try {
      const { view } = await submitted('manager_only', 'delegate inactive');
      expect(view.pending.map(({ approver, delegateOf }: { approver: string; delegateOf?: string }) => ({ approver, delegateOf }))).to.deep.equal([{ approver: people.manager.id, delegateOf: undefined }]);
    } finally {
      ok(await engine.request('PATCH', `/api/v1/records/user/${people.manager.id}`, { delegate: null, delegate_from: null, delegate_until: null }));
    }
  });

  it('lets the approver and an administrator reassign, the submitter comment, and writes each to the history', async () => {
    const { id } = await submitted('manager_only', 'reassigned');
    const byApprover = ok(await act(people.manager, id, 'reassign', { to: people.outsider.id, comment: 'I am on leave' }));
    expect(approvers(byApprover)).to.deep.equal([people.outsider.id]);
    expect(ok(await people.outsider.as('GET', '/api/v1/approvals/inbox')).items.map((item: { record: string }) => item.record)).to.include(id);
    expect(ok(await people.manager.as('GET', '/api/v1/approvals/inbox')).items.map((item: { record: string }) => item.record)).to.not.include(id);

    expectError(await act(engine, id, 'reassign', {}), 400, 'validation_failed');
    expectError(await act(engine, id, 'reassign', { to: people.outsider.id }), 409, 'already_assigned');
    const byAdmin = ok(await act(engine, id, 'reassign', { to: people.cfo.id }));
    expect(approvers(byAdmin)).to.deep.equal([people.cfo.id]);
    expectError(await act(people.outsider, id, 'approve'), 403, 'forbidden');

    expectError(await act(people.requester, id, 'comment', {}), 400, 'validation_failed');
    ok(await act(people.requester, id, 'comment', { comment: '请尽快审批，供应商周五截止。' }));
    const done = ok(await act(people.cfo, id, 'approve'));
    expect(done.status).to.equal('approved');
    const history = (done.history as Entry[]).map(({ action, step, actor, onBehalfOf, to, comment }) => ({ action, step, actor, onBehalfOf, to, comment }));
    expect(history).to.deep.equal([
      { action: 'submit', step: null, actor: people.requester.id, onBehalfOf: undefined, to: undefined, comment: undefined },
      { action: 'reassign', step: 'manager', actor: people.manager.id, onBehalfOf: undefined, to: people.outsider.id, comment: 'I am on leave' },
      { action: 'reassign', step: 'manager', actor: engine.adminId, onBehalfOf: people.outsider.id, to: people.cfo.id, comment: undefined },
      { action: 'comment', step: 'manager', actor: people.requester.id, onBehalfOf: undefined, to: undefined, comment: '请尽快审批，供应商周五截止。' },
      { action: 'approve', step: 'manager', actor: people.cfo.id, onBehalfOf: undefined, to: undefined, comment: undefined },
      { action: 'approved', step: 'manager', actor: 'system', onBehalfOf: undefined, to: undefined, comment: undefined },
    ]);
  });

  it('finishes a running record on the version it was submitted under, and submits new ones under the changed process, listing the versions with what runs on each', async () => {
    const versions = async () => ok(await engine.request('GET', `${PROCESSES}/versioned/versions`));
    expect(await versions()).to.deep.equal({ process: 'versioned', versions: [], currentStored: false, running: 0 });
    const old = await submitted('versioned', 'on version 1');
    expect(old.view).to.deep.include({ process: 'versioned', version: 1, step: 'manager' });
    const first = await versions();
    expect(first).to.deep.include({ currentStored: true, running: 1 });
    expect(first.versions).to.have.length(1);
    expect(first.versions[0]).to.deep.include({ version: 1, current: true, running: 1 });
    expect(Date.parse(first.versions[0].createdAt)).to.be.closeTo(Date.now(), 60_000);
    const changed = {
      name: 'versioned',
      object: 'purchase_request',
      steps: [
        { name: 'manager', approvers: [{ submitterManager: true }] },
        { name: 'finance', approvers: [{ role: 'finance' }] },
      ],
    };
    ok(await engine.request('PUT', `${PROCESSES}/versioned`, changed));
    // The changed definition has no number until a record is submitted under it; version 1 still runs one.
    expect(await versions()).to.deep.equal({ process: 'versioned', versions: [{ ...first.versions[0], current: false }], currentStored: false, running: 1 });

    const finished = ok(await act(people.manager, old.id, 'approve'));
    expect(finished).to.deep.include({ status: 'approved', version: 1 });
    expect(lines(finished.history)).to.deep.equal(['submit:', 'approve:manager', 'approved:manager']);
    expect(finished.history.every((entry: Entry) => entry.version === 1)).to.equal(true);

    const fresh = await submitted('versioned', 'on version 2');
    expect(fresh.view).to.deep.include({ version: 2, step: 'manager' });
    expect(ok(await act(people.manager, fresh.id, 'approve'))).to.deep.include({ status: 'pending', step: 'finance', version: 2 });
    const second = await versions();
    expect(second.versions.map((entry: { version: number; current: boolean; running: number }) => [entry.version, entry.current, entry.running])).to.deep.equal([
      [2, true, 1],
      [1, false, 0],
    ]);
    expect(second).to.deep.include({ currentStored: true, running: 1 });
    // Counted through the records' approval index, not by reading every record.
    const plan = await (await engine.platform.tenant(DEFAULT_TENANT)).store.explain('records.purchase_request', { '_workflow.status': 'pending', '_workflow.process': 'versioned', '_workflow.version': 2 });
    expect(plan.indexes).to.deep.equal(['sys_workflow']);
    expectError(await people.requester.as('GET', `${PROCESSES}/versioned/versions`), 403);
    expectError(await engine.request('GET', `${PROCESSES}/no_such_process/versions`), 404);
    const done = ok(await act(people.clerk, fresh.id, 'approve'));
    expect(done).to.deep.include({ status: 'approved', version: 2 });
    expect(lines(done.history)).to.deep.equal(['submit:', 'approve:manager', 'approve:finance', 'approved:finance']);

    // A waiting record moved to the recycle bin waits for nobody: it is not counted as running.
    const binned = await submitted('versioned', 'deleted while waiting');
    expect((await versions()).running).to.equal(1);
    const deleted = await engine.request('DELETE', `/api/v1/records/purchase_request/${binned.id}`);
    expect(deleted.status, JSON.stringify(deleted.body)).to.be.oneOf([200, 204]);
    expect((await versions()).running).to.equal(0);
  });
});
