import { expect } from 'chai';
import { machineConfig } from '../../engine/metadata/approval-processes/process-machine';
import type { ApprovalProcessDefinition as EngineDefinition } from '../../engine/schemas/generated/approval-process';
import type { ApprovalProcessDefinition } from '../../studio/src/app/setup/approval-processes/approval-process-query';
import { processDraft, processErrors, processOf, stepErrors, withStep } from '../../studio/src/app/setup/approval-processes/process-draft';
import { processGraph, START_NODE, type MachineConfigJson } from '../../studio/src/app/setup/approval-processes/process-graph';
import { stepDraft, stepOf } from '../../studio/src/app/setup/approval-processes/step-draft';
import { actionText, simulationErrors, simulationRequest } from '../../studio/src/app/setup/approval-processes/simulation';

const definition: EngineDefinition = {
  name: 'big_deals',
  object: 'deal',
  steps: [
    { name: 'manager', approvers: [{ submitterManager: true }] },
    { name: 'finance', approvers: [{ role: 'finance' }] },
    { name: 'cfo', condition: 'amount > 50000', approvers: [{ role: 'cfo' }] },
  ],
};

describe('web app: approval designer diagram of a process with one conditional step', () => {
  const machine = JSON.parse(JSON.stringify(machineConfig(definition))) as MachineConfigJson;
  const kinds = (conditional?: ReadonlySet<string>) => processGraph(machine, conditional).edges.map((edge) => `${edge.source}->${edge.target}:${edge.kind}`);

  it('draws a skip arrow only past the step that has a condition', () => {
    const edges = kinds(new Set(['cfo']));
    expect(edges.filter((edge) => edge.endsWith(':skip'))).to.deep.equal(['finance->approved:skip']);
    expect(edges).to.include.members([`${START_NODE}->manager:approve`, 'manager->finance:approve', 'finance->cfo:approve', 'cfo->approved:approve']);
  });

  it('without the conditions known, draws every gate as skippable (the engine gives each step one)', () => {
    expect(kinds().filter((edge) => edge.endsWith(':skip'))).to.include(`${START_NODE}->finance:skip`);
  });
});

describe('web app: approval designer process form', () => {
  const stored: ApprovalProcessDefinition = {
    name: 'big_deals',
    object: 'deal',
    label: { en: 'Big deals' },
    entryCriteria: 'amount > 0',
    submitters: { roles: ['sales'] },
    steps: [{ name: 'manager', approvers: [{ submitterManager: true }] }],
  };

  it('keeps what the designer does not edit (submitters, actions) and drops emptied criteria', () => {
    const draft = { ...processDraft(stored), labelZh: '大额商机', entryCriteria: ' ', active: false };
    expect(processOf(stored, draft, stored.steps)).to.deep.equal({
      name: 'big_deals',
      object: 'deal',
      label: { en: 'Big deals', 'zh-CN': '大额商机' },
      active: false,
      submitters: { roles: ['sales'] },
      steps: stored.steps,
    });
  });

  it('starts a new process on the object of the address, active', () => {
    expect(processDraft(undefined, 'deal')).to.deep.include({ object: 'deal', active: true, name: '' });
  });

  it('adds a step at the end or replaces one in its place', () => {
    const step = { name: 'cfo', approvers: [{ role: 'cfo' }] };
    expect(withStep(stored.steps, 1, step, false).map((each) => each.name)).to.deep.equal(['manager', 'cfo']);
    expect(withStep(stored.steps, 0, step, true).map((each) => each.name)).to.deep.equal(['cfo']);
  });

  it('puts the server’s problems on the header’s controls, and a step’s on that step’s panel', () => {
    const details = [
      { path: '/name', message: 'is taken' },
      { path: '/entryCriteria', message: 'bad expression' },
      { path: '/steps/2/condition', message: 'unknown field' },
      { path: '/steps/2/approvers/0/role', message: 'no such role' },
      { path: '/steps/2/escalation/to/user', message: 'no such user' },
      { path: '/steps/0/name', message: 'duplicate' },
    ];
    expect(processErrors(details)).to.deep.equal({ controls: { name: ['is taken'], entryCriteria: ['bad expression'] }, form: [] });
    const third = stepErrors(details, 2);
    expect(third.controls).to.deep.equal({ condition: ['unknown field'], approvers: ['no such role'], escalationUser: ['no such user'] });
    // Problems elsewhere stay visible in the panel, with their path.
    expect(third.form).to.deep.equal(['/name: is taken', '/entryCriteria: bad expression', '/steps/0/name: duplicate']);
  });
});

describe('web app: approval designer actions', () => {
  const stored: ApprovalProcessDefinition = {
    name: 'big_deals',
    object: 'deal',
    onApprove: [{ email: { to: ['submitter', { user: 'u1' }], subject: 'Approved: {{name}}', body: '{{name}} is approved.' } }],
    steps: [{ name: 'manager', approvers: [{ submitterManager: true }], onEnter: [{ setField: 'stage', value: 'review' }] }],
  };

  it('edits the process’s and each step’s actions with the rule editor’s drafts, and writes back what it read', () => {
    const draft = processDraft(stored);
    expect(draft.onApprove).to.deep.equal([{ type: 'email', to: ['submitter', 'user:u1'], subject: 'Approved: {{name}}', body: '{{name}} is approved.', translations: {} }]);
    expect(draft.onSubmit).to.deep.equal([]);
    expect(processOf(stored, draft, stored.steps)).to.deep.equal({ ...stored, active: true });
    const step = stepDraft(stored.steps[0]!);
    expect(step.onEnter).to.deep.equal([{ type: 'setField', field: 'stage', mode: 'value', value: 'review', expression: '' }]);
    expect(stepOf(step)).to.deep.equal(stored.steps[0]);
  });

  it('adds an action to an empty list and leaves out a list emptied', () => {
    const draft = { ...processDraft(stored), onApprove: [], onSubmit: [{ type: 'webhook' as const, url: ' https://hooks.example.com/x ', body: '' }] };
    const saved = processOf(stored, draft, stored.steps);
    expect(saved).to.not.have.property('onApprove');
    expect(saved.onSubmit).to.deep.equal([{ webhook: { url: 'https://hooks.example.com/x' } }]);
    expect(stepOf({ ...stepDraft(stored.steps[0]!), onEnter: [] })).to.not.have.property('onEnter');
  });

  it('puts the server’s problems with an action on its control, in the process and in a step', () => {
    const draft = processDraft(stored);
    const details = [
      { path: '/onApprove/0/email/subject', message: 'is not a valid template' },
      { path: '/onSubmit/1/setField', message: 'no such field' },
      { path: '/steps/0/onEnter/0/value', message: 'not a value of stage' },
      { path: '/steps/0/onLeave/0/createRecord/values/amount', message: 'bad expression' },
    ];
    expect(processErrors(details, draft).controls).to.deep.equal({ 'onApprove.0.subject': ['is not a valid template'], 'onSubmit.1.field': ['no such field'] });
    const step = stepErrors(details, 0, { onEnter: [], onLeave: [{ type: 'createRecord', object: 'invoice', values: [{ field: 'name', expression: '' }, { field: 'amount', expression: 'x' }] }] });
    expect(step.controls).to.deep.equal({ 'onEnter.0.value': ['not a value of stage'], 'onLeave.0.values.1.expression': ['bad expression'] });
  });
});

describe('web app: approval simulation', () => {
  it('sends the typed values only, or a stored record with them over it', () => {
    expect(simulationRequest({ amount: 80000, name: '', stage: undefined, close: null }, '')).to.deep.equal({ record: { amount: 80000 } });
    expect(simulationRequest({}, ' 6b14156e84c0780ab794beea ')).to.deep.equal({ recordId: '6b14156e84c0780ab794beea' });
    expect(simulationRequest({ amount: 5 }, '6b14156e84c0780ab794beea')).to.deep.equal({ recordId: '6b14156e84c0780ab794beea', record: { amount: 5 } });
  });

  it('says each kind of action in one line', () => {
    expect(actionText({ at: '/onApprove/0', type: 'setField', field: 'status', value: 'approved' })).to.deep.equal({ key: 'actionSetField', values: { field: 'status', value: 'approved' } });
    expect(actionText({ at: '/onApprove/1', type: 'setField', field: 'total', value: 12 }).values.value).to.equal('12');
    expect(
      actionText({
        at: '/x',
        type: 'email',
        to: [
          { id: 'u1', name: null, email: 'a@example.com' },
          { id: 'u2', name: 'Bo', email: 'b@example.com' },
        ],
        subject: 'Hi',
        body: '',
      }).values,
    ).to.deep.equal({ subject: 'Hi', to: 'a@example.com, Bo' });
    expect(actionText({ at: '/y', type: 'createRecord', object: 'task', values: {} })).to.deep.equal({ key: 'actionCreateRecord', values: { object: 'task' } });
  });

  it('puts a refused sample value on its field and a bad record id on that input', () => {
    expect(
      simulationErrors([
        { path: '/record/amount', message: 'must be a number' },
        { path: '/recordId', message: 'must be a record id' },
        { path: '/submitter', message: 'no user' },
      ]),
    ).to.deep.equal({
      controls: { amount: ['must be a number'], __recordId: ['must be a record id'] },
      form: ['/submitter: no user'],
    });
  });
});
