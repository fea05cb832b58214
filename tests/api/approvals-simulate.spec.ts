import { expect } from 'chai';
import { expectError } from '../support/api-helpers.js';
import { PURCHASE_APPROVAL, purchasingDepartment, type Person } from '../support/approval-fixtures.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';
import { DEFAULT_TENANT } from '../../engine/tenancy/index.js';

const simulate = (process: string) => `/api/v1/meta/approval-processes/${process}/simulate`;
const today = () => new Date().toISOString().slice(0, 10);

type Step = { name: string; status: string; conditionMet: boolean; approvers: { id: string; name: string; delegate?: { id: string; name: string } }[]; noApprover?: string; onEnter: any[]; onLeave: any[] };

/**
 * Everything a process reaches besides what it sets on the record: the history, work items,
 * versions, jobs, outboxes, the records it creates. Snapshots of these prove a simulation wrote nothing.
 */
const WATCHED = /^(records\.|approval\.|jobs$|outbox\.|history\.)/;

/** A second process naming every kind of approver and action, for the descriptions of the simulation. */
const NOTIFY_PROCESS = {
  name: 'purchase_notify',
  object: 'purchase_request',
  active: false,
  steps: [
    {
      name: 'buyer',
      approvers: [{ field: 'buyer' }],
      onEnter: [
        { email: { to: ['approvers', 'submitter'], subject: '{{title}} waits for you at {{step}}', body: 'Amount {{amount}}: {{link}}' } },
        { webhook: { url: 'https://hooks.example.com/purchases', body: '{"title": "{{title}}", "step": "{{step}}"}' } },
      ],
      onLeave: [{ setField: 'status', expression: "amount > 1000 ? 'submitted' : 'draft'" }],
    },
    { name: 'desk', mode: 'quorum', quorum: 2, approvers: [{ queue: 'purchasing_desk' }] },
  ],
  onSubmit: [{ setField: 'title', expression: "title & ' (' & $string(amount) & ')'" }],
  onApprove: [
    { setField: 'approved_on', expression: '$today' },
    { createRecord: { object: 'purchase_task', values: { subject: "'Order ' & title", request: '_id' } } },
    { email: { to: ['owner'], subject: 'Approved: {{title}}', body: 'by {{process}}' } },
  ],
};

describe('approval processes: simulation', () => {
  let engine: TestEngine;
  let people: Awaited<ReturnType<typeof purchasingDepartment>>;
  const ok = async (response: Promise<{ status: number; body: any }>, status = 200) => {
    const result = await response;
    expect(result.status, JSON.stringify(result.body)).to.equal(status);
    return result.body;
  };
  const run = (body: unknown, process = 'purchase_approval') => ok(engine.request('POST', simulate(process), body));
  const stepNamed = (simulation: { steps: Step[] }, name: string) => simulation.steps.find((step) => step.name === name)!;
  const approverIds = (step: Step) => step.approvers.map((approver) => approver.id).sort();
  const watched = async () => {
    const store = (await engine.platform.tenant(DEFAULT_TENANT)).store;
    const names = (await store.listCollections()).filter((name) => WATCHED.test(name)).sort();
    return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await store.collection(name).find({}, { sort: { _id: 1 } })] as const)));
  };

  before(async () => {
    engine = await startTestEngine();
    people = await purchasingDepartment(engine);
    await ok(engine.request('POST', '/api/v1/meta/approval-processes', PURCHASE_APPROVAL), 201);
    await ok(engine.request('POST', '/api/v1/meta/objects/purchase_request/fields', { name: 'buyer', type: 'lookup', target: 'user' }), 201);
    await ok(
      engine.request('POST', '/api/v1/meta/objects', {
        name: 'purchase_task',
        fields: [
          { name: 'subject', type: 'text' },
          { name: 'request', type: 'lookup', target: 'purchase_request' },
        ],
      }),
      201,
    );
    await ok(engine.request('POST', '/api/v1/meta/groups', { name: 'purchasing_desk', roles: ['finance'], users: [people.cfo.id] }), 201);
    await ok(engine.request('POST', '/api/v1/meta/approval-processes', NOTIFY_PROCESS), 201);
  });
  after(() => engine.stop());

  it('takes a large request through manager, CFO and finance, with the approvers each step would ask', async () => {
    const simulation = await run({ record: { title: 'Servers', amount: 80000 }, submitter: people.requester.id });
    expect(simulation).to.deep.include({ process: 'purchase_approval', object: 'purchase_request', active: true, record: null, admitted: true, maySubmit: true, problems: [] });
    expect(simulation.submitter).to.deep.equal({ id: people.requester.id, name: 'requester' });
    expect(simulation.path).to.deep.equal(['manager', 'cfo', 'finance', 'approved']);
    expect(simulation.steps.map((step: Step) => `${step.name}:${step.status}`)).to.deep.equal(['manager:entered', 'cfo:entered', 'finance:entered']);
    expect(stepNamed(simulation, 'manager').approvers).to.deep.equal([{ id: people.manager.id, name: 'manager' }]);
    expect(stepNamed(simulation, 'cfo')).to.deep.include({ condition: 'amount > 50000', conditionMet: true, label: 'cfo', mode: 'first', quorum: 1 });
    expect(stepNamed(simulation, 'cfo').approvers).to.deep.equal([{ id: people.cfo.id, name: 'cfo' }]);
    expect(approverIds(stepNamed(simulation, 'finance'))).to.deep.equal([people.clerk.id, people.clerk2.id].sort());
    expect(simulation.onSubmit).to.deep.equal([{ at: '/onSubmit/0', type: 'setField', field: 'status', value: 'submitted' }]);
    expect(simulation.onApprove).to.deep.equal([
      { at: '/onApprove/0', type: 'setField', field: 'status', value: 'approved' },
      { at: '/onApprove/1', type: 'setField', field: 'approved_on', value: today(), expression: '$today' },
    ]);
    expect(simulation.changes).to.deep.equal({ status: 'approved', approved_on: today() });
  });

  it('skips the CFO step for a small request, saying what its condition gave', async () => {
    const simulation = await run({ record: { title: 'Chairs', amount: 900 }, submitter: people.requester.id });
    expect(simulation.path).to.deep.equal(['manager', 'finance', 'approved']);
    expect(simulation.steps.map((step: Step) => `${step.name}:${step.status}`)).to.deep.equal(['manager:entered', 'cfo:skipped', 'finance:entered']);
    expect(stepNamed(simulation, 'cfo')).to.deep.include({ conditionMet: false, approvers: [], onEnter: [], onLeave: [] });
  });

  it('follows the same path and asks the same approvers as the real run of a stored record', async () => {
    const created = await ok(people.requester.as('POST', '/api/v1/records/purchase_request', { title: 'Racks', amount: 60000 }), 201);
    const simulation = await run({ recordId: created._id, submitter: people.requester.id });
    expect(simulation.record).to.equal(created._id);

    const asked: string[][] = [];
    const waited: string[] = [];
    let view = await ok(people.requester.as('POST', `/api/v1/records/purchase_request/${created._id}/approval/submit`, {}));
    const approverOf: Record<string, Person> = { [people.manager.id]: people.manager, [people.cfo.id]: people.cfo, [people.clerk.id]: people.clerk, [people.clerk2.id]: people.clerk2 };
    while (view.status === 'pending') {
      waited.push(view.step);
      asked.push(view.pending.map((item: { approver: string }) => item.approver).sort());
      view = await ok(approverOf[view.pending[0].approver]!.as('POST', `/api/v1/records/purchase_request/${created._id}/approval/approve`, {}));
    }
    expect([...waited, view.status]).to.deep.equal(simulation.path);
    expect(simulation.steps.filter((step: Step) => step.status === 'entered').map(approverIds)).to.deep.equal(asked);
    const stored = await ok(people.requester.as('GET', `/api/v1/records/purchase_request/${created._id}`));
    expect({ status: stored.status, approved_on: stored.approved_on }).to.deep.equal(simulation.changes);
  });

  it('reports a record the entry criteria refuse, and walks no step', async () => {
    const simulation = await run({ record: { title: 'Nothing', amount: 0 } });
    expect(simulation).to.deep.include({ admitted: false, entryCriteria: 'amount > 0', path: [], steps: [], onSubmit: [], onApprove: [] });
    expect(simulation.problems).to.deep.equal([{ path: '/entryCriteria', message: 'the record does not meet the entry criteria: amount > 0' }]);
  });

  it('reports a step without an approver instead of failing, and walks on', async () => {
    // The outsider has no manager: the real submit would be refused with 409 no_approver.
    const simulation = await run({ record: { title: 'Pens', amount: 20 }, submitter: people.outsider.id });
    const manager = stepNamed(simulation, 'manager');
    expect(manager).to.deep.include({ status: 'entered', approvers: [] });
    expect(manager.noApprover).to.match(/^Step 'manager' has no active user to approve it/);
    expect(simulation.problems).to.deep.equal([{ path: '/steps/0/approvers', message: manager.noApprover }]);
    expect(simulation.path).to.deep.equal(['manager', 'finance', 'approved']);
  });

  it('describes every action with its expressions evaluated and its templates rendered, and the approvers of each kind', async () => {
    const created = await ok(people.requester.as('POST', '/api/v1/records/purchase_request', { title: 'Toner', amount: 1500, buyer: people.clerk.id }), 201);
    const simulation = await run({ recordId: created._id, submitter: people.requester.id }, 'purchase_notify');
    expect(simulation).to.deep.include({ active: false, admitted: true, maySubmit: true, problems: [] });
    expect(simulation.path).to.deep.equal(['buyer', 'desk', 'approved']);
    expect(simulation.onSubmit).to.deep.equal([{ at: '/onSubmit/0', type: 'setField', field: 'title', value: 'Toner (1500)', expression: "title & ' (' & $string(amount) & ')'" }]);

    const buyer = stepNamed(simulation, 'buyer');
    expect(buyer.approvers).to.deep.equal([{ id: people.clerk.id, name: 'clerk' }]);
    // Later actions see what earlier ones set: the title of the submit, in the step's e-mail.
    expect(buyer.onEnter).to.deep.equal([
      {
        at: '/steps/0/onEnter/0',
        type: 'email',
        to: [
          { id: people.clerk.id, name: 'clerk', email: 'clerk@example.com' },
          { id: people.requester.id, name: 'requester', email: 'requester@example.com' },
        ],
        subject: 'Toner (1500) waits for you at buyer',
        body: `Amount 1500: /records/purchase_request/${created._id}`,
      },
      { at: '/steps/0/onEnter/1', type: 'webhook', url: 'https://hooks.example.com/purchases', body: { title: 'Toner (1500)', step: 'buyer' } },
    ]);
    expect(buyer.onLeave).to.deep.equal([{ at: '/steps/0/onLeave/0', type: 'setField', field: 'status', value: 'submitted', expression: "amount > 1000 ? 'submitted' : 'draft'" }]);

    const desk = stepNamed(simulation, 'desk');
    expect(desk).to.deep.include({ mode: 'quorum', quorum: 2 });
    expect(approverIds(desk)).to.deep.equal([people.cfo.id, people.clerk.id, people.clerk2.id].sort());

    expect(simulation.onApprove).to.deep.equal([
      { at: '/onApprove/0', type: 'setField', field: 'approved_on', value: today(), expression: '$today' },
      { at: '/onApprove/1', type: 'createRecord', object: 'purchase_task', values: { subject: 'Order Toner (1500)', request: created._id } },
      { at: '/onApprove/2', type: 'email', to: [{ id: people.requester.id, name: 'requester', email: 'requester@example.com' }], subject: 'Approved: Toner (1500)', body: 'by Purchase notify' },
    ]);
    expect(simulation.changes).to.deep.equal({ title: 'Toner (1500)', status: 'submitted', approved_on: today() });

    // Someone who neither owns the record nor is named by the process: the real submit would be refused.
    const outsider = await run({ recordId: created._id, submitter: people.outsider.id }, 'purchase_notify');
    expect(outsider.maySubmit).to.equal(false);
    expect(outsider.problems.map((problem: { path: string }) => problem.path)).to.deep.equal(['/submitters']);
  });

  it('names the delegate who would get the item in the approver\'s place', async () => {
    const user = `/api/v1/records/user/${people.manager.id}`;
    await ok(engine.request('PATCH', user, { delegate: people.clerk2.id, delegate_from: today(), delegate_until: today() }));
    try {
      const simulation = await run({ record: { title: 'Lamps', amount: 300 }, submitter: people.requester.id });
      expect(stepNamed(simulation, 'manager').approvers).to.deep.equal([{ id: people.manager.id, name: 'manager', delegate: { id: people.clerk2.id, name: 'clerk2' } }]);
    } finally {
      await ok(engine.request('PATCH', user, { delegate: null, delegate_from: null, delegate_until: null }));
    }
  });

  it('writes nothing: no record, history, work item, version, job or outbox message', async () => {
    const created = await ok(engine.request('POST', '/api/v1/records/purchase_request', { title: 'Paper', amount: 70000, buyer: people.clerk.id }), 201);
    // A real run beside it, so that the approval collections exist and hold something to compare.
    const running = await ok(people.requester.as('POST', '/api/v1/records/purchase_request', { title: 'Ink', amount: 70000 }), 201);
    await ok(people.requester.as('POST', `/api/v1/records/purchase_request/${running._id}/approval/submit`, {}));
    const before = await watched();
    // A collection a simulation would create appears in the second snapshot: the comparison covers those too.
    expect(Object.keys(before)).to.include.members(['records.purchase_request', 'records.user', 'approval.history', 'approval.work_items', 'approval.versions']);
    await run({ recordId: created._id, submitter: people.requester.id }, 'purchase_notify');
    await run({ recordId: created._id, record: { amount: 10 }, submitter: people.requester.id });
    await run({ record: { title: 'Sample', amount: 99999, buyer: people.clerk.id } }, 'purchase_notify');
    expect(await watched()).to.deep.equal(before);
    expect((await ok(engine.request('GET', `/api/v1/records/purchase_request/${created._id}/approval`))).status).to.equal('none');
  });

  it('is for administrators only', async () => {
    expectError(await people.requester.as('POST', simulate('purchase_approval'), { record: { title: 'Mine', amount: 10 } }), 403, 'forbidden');
    expectError(await people.manager.as('POST', simulate('nothing_here'), { record: {} }), 403, 'forbidden');
  });

  const refusals: [what: string, body: unknown, status: number, path: string | null][] = [
    ['no record and no recordId', {}, 400, '/record'],
    ['a record that is not an object', { record: [1] }, 400, '/record'],
    ['a value of the wrong type', { record: { amount: 'a lot' } }, 400, '/record/amount'],
    ['a field the object does not have', { record: { nope: 1 } }, 400, '/record/nope'],
    ['an unknown property', { record: {}, extra: true }, 400, '/extra'],
    ['a malformed record id', { recordId: 'abc' }, 400, '/recordId'],
    ['a submitter who is no user', { record: {}, submitter: 'nobody' }, 400, '/submitter'],
    ['a stored record that does not exist', { recordId: '6650f1c2a1b2c3d4e5f60718' }, 404, null],
  ];
  for (const [what, body, status, path] of refusals) {
    it(`refuses ${what}`, async () => {
      const details = expectError(await engine.request('POST', simulate('purchase_approval'), body), status);
      if (path !== null) expect(details.map((detail) => detail.path)).to.include(path);
    });
  }

  it('answers 404 for a process that does not exist', async () => {
    expectError(await engine.request('POST', simulate('no_such_process'), { record: {} }), 404, 'not_found');
  });
});
