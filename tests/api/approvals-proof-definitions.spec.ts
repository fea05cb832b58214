import { expect } from 'chai';
import { detailPaths, expectError } from '../support/api-helpers.js';
import { purchasingDepartment, type Person } from '../support/approval-fixtures.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const PROCESSES = '/api/v1/meta/approval-processes';

/** A process the engine accepts; each case below breaks one part of it. */
const valid = () => ({
  name: 'checked',
  object: 'purchase_request',
  entryCriteria: 'amount > 0',
  steps: [
    { name: 'manager', approvers: [{ submitterManager: true }] },
    { name: 'finance', approvers: [{ role: 'finance' }], mode: 'quorum', quorum: 2 },
  ],
  onSubmit: [{ email: { to: ['submitter'], subject: 'Submitted: {{title}}', body: '{{record.title}} waits at {{step}}.' } }],
  onApprove: [{ setField: 'status', value: 'approved' }],
});
type Definition = ReturnType<typeof valid> & Record<string, unknown>;

/** One broken part each: what it changes, where the engine must say the problem is, and what it must say. */
const CASES: { problem: string; change: (definition: Definition) => void; path: string; message: RegExp }[] = [
  { problem: 'an entry criterion that does not compile', change: (d) => (d.entryCriteria = 'amount >'), path: '/entryCriteria', message: /syntax error at position 8/ },
  { problem: 'a step condition that does not compile', change: (d) => Object.assign(d.steps[1]!, { condition: 'amount >> (' }), path: '/steps/1/condition', message: /syntax error/ },
  { problem: 'a step condition on a missing field', change: (d) => Object.assign(d.steps[1]!, { condition: 'no_such_field > 1' }), path: '/steps/1/condition', message: /'no_such_field' is not a field of purchase_request/ },
  { problem: 'an e-mail subject template that does not compile', change: (d) => (d.onSubmit[0]!.email.subject = '{{#if title}}never closed'), path: '/onSubmit/0/email/subject', message: /is not a valid template/ },
  { problem: 'a webhook body template that does not compile', change: (d) => (d.onApprove = [{ webhook: { url: 'http://127.0.0.1:9/x', body: '{{title' } } as never]), path: '/onApprove/0/webhook/body', message: /is not a valid template/ },
  { problem: 'a setField action on a missing field', change: (d) => (d.onApprove[0]!.setField = 'no_such_field'), path: '/onApprove/0/setField', message: /'no_such_field' is not a field of purchase_request/ },
  { problem: 'a setField expression that does not compile', change: (d) => (d.onApprove = [{ setField: 'approved_on', expression: '$today(' } as never]), path: '/onApprove/0/expression', message: /syntax error/ },
  { problem: 'a createRecord action on a missing field', change: (d) => (d.onApprove = [{ createRecord: { object: 'purchase_request', values: { title: 'title', amount: 'amount', no_such_field: '1' } } } as never]), path: '/onApprove/0/createRecord/values/no_such_field', message: /'no_such_field' is not a field of purchase_request/ },
  { problem: 'a createRecord action that leaves a required field of its object unset', change: (d) => (d.onApprove = [{ createRecord: { object: 'purchase_request', values: { title: '"Copy of " & title' } } } as never]), path: '/onApprove/0/createRecord/values', message: /'amount' is required/ },
  { problem: 'a role that does not exist', change: (d) => (d.steps[1]!.approvers = [{ role: 'no_such_role' }]), path: '/steps/1/approvers/0/role', message: /there is no role named 'no_such_role'/ },
  { problem: 'a group that does not exist', change: (d) => (d.steps[1]!.approvers = [{ queue: 'no_such_group' } as never]), path: '/steps/1/approvers/0/queue', message: /there is no group named 'no_such_group'/ },
  { problem: 'a user-field approver on a field that is not a lookup to user', change: (d) => (d.steps[0]!.approvers = [{ field: 'title' } as never]), path: '/steps/0/approvers/0/field', message: /'title' is not a lookup to user/ },
  { problem: 'mode quorum without quorum', change: (d) => delete (d.steps[1] as { quorum?: number }).quorum, path: '/steps/1/quorum', message: /is required with mode quorum/ },
  { problem: 'a step whose condition is "false"', change: (d) => Object.assign(d.steps[1]!, { condition: 'false' }), path: '/steps/1/condition', message: /can never be reached/ },
  { problem: 'two steps with one name', change: (d) => (d.steps[1]!.name = 'manager'), path: '/steps/1/name', message: /another step is already named 'manager'/ },
];

/** Approval processes are checked against the metadata when saved: every problem at once, each at its path. */
describe('approval processes: the checks when a process is saved', () => {
  let engine: TestEngine;
  let people: Record<'requester' | 'manager', Person>;

  before(async () => {
    engine = await startTestEngine();
    people = await purchasingDepartment(engine);
  });
  after(() => engine.stop());

  CASES.forEach(({ problem, change, path, message }, index) => {
    it(`refuses ${problem}, naming ${path}`, async () => {
      // A name of its own: a definition wrongly accepted does not stand in the way of the other cases.
      const definition = { ...valid(), name: `case_${index}` } as Definition;
      change(definition);
      const details = expectError(await engine.request('POST', PROCESSES, definition), 400, 'validation_failed');
      expect(details.map((detail) => detail.path), JSON.stringify(details)).to.deep.equal([path]);
      expect(details[0]!.message).to.match(message);
      expectError(await engine.request('GET', `${PROCESSES}/case_${index}`), 404);
    });
  });

  it('names every problem of a definition at once, each with its path', async () => {
    const response = await engine.request('POST', PROCESSES, {
      name: 'broken',
      object: 'purchase_request',
      entryCriteria: 'amount >',
      steps: [
        { name: 'manager', approvers: [{ role: 'no_such_role' }, { queue: 'no_such_group' }] },
        { name: 'buyer', approvers: [{ field: 'title' }], mode: 'quorum' },
        { name: 'never', condition: 'false', approvers: [{ role: 'cfo' }] },
        { name: 'manager', approvers: [{ role: 'finance' }] },
      ],
      onSubmit: [{ email: { to: ['submitter'], subject: '{{#if title}}never closed', body: 'ok' } }],
      onApprove: [{ setField: 'no_such_field', value: 'x' }],
    });
    expectError(response, 400, 'validation_failed');
    expect(detailPaths(response)).to.deep.equal(
      [
        '/entryCriteria',
        '/steps/0/approvers/0/role',
        '/steps/0/approvers/1/queue',
        '/steps/1/approvers/0/field',
        '/steps/1/quorum',
        '/steps/2/condition',
        '/steps/3/name',
        '/onSubmit/0/email/subject',
        '/onApprove/0/setField',
      ].sort(),
    );
  });

  it('checks a changed process the same way (PUT), and keeps the saved one', async () => {
    expect((await engine.request('POST', PROCESSES, valid())).status).to.equal(201);
    const changed = valid() as Definition;
    changed.steps[1]!.approvers = [{ role: 'no_such_role' }];
    changed.steps.push({ name: 'manager', approvers: [{ role: 'cfo' }] } as never);
    const response = await engine.request('PUT', `${PROCESSES}/checked`, changed);
    expectError(response, 400, 'validation_failed');
    expect(detailPaths(response)).to.deep.equal(['/steps/1/approvers/0/role', '/steps/2/name']);
    const saved = await engine.request('GET', `${PROCESSES}/checked`);
    expect(saved.status).to.equal(200);
    expect(JSON.stringify(saved.body)).to.not.include('no_such_role');
    expect((await engine.request('DELETE', `${PROCESSES}/checked`)).status).to.be.oneOf([200, 204]);
  });

  it('refuses a process from a user who is not an administrator (403), valid or not', async () => {
    expectError(await people.requester.as('POST', PROCESSES, { ...valid(), name: 'by_requester' }), 403, 'forbidden');
    expectError(await people.manager.as('POST', PROCESSES, { ...valid(), name: 'by_manager', entryCriteria: 'amount >' }), 403, 'forbidden');
    expect((await engine.request('POST', PROCESSES, valid())).status).to.equal(201);
    expectError(await people.requester.as('PUT', `${PROCESSES}/checked`, { ...valid(), steps: [{ name: 'only', approvers: [{ user: people.requester.id }] }] }), 403, 'forbidden');
    const kept = (await engine.request('GET', `${PROCESSES}/checked`)).body as { steps: { name: string }[] };
    expect(JSON.stringify(kept)).to.include('"finance"');
    expectError(await engine.request('GET', `${PROCESSES}/by_requester`), 404);
  });
});
