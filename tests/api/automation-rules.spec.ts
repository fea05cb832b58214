import { expect } from 'chai';
import { createRecord, defineObject, detailPaths, expectError } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/** Record-triggered rules: conditions that become true, their actions, ordering and the recursion guard. */
describe('automation rules', () => {
  let engine: TestEngine;
  const rule = async (definition: Record<string, unknown>) => {
    const response = await engine.request('POST', '/api/v1/meta/automation-rules', definition);
    expect(response.status, JSON.stringify(response.body)).to.equal(201);
  };
  const get = async (object: string, id: string) => (await engine.request('GET', `/api/v1/records/${object}/${id}`)).body;

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, {
      name: 'support_case',
      fields: [
        { name: 'subject', type: 'text', required: true },
        { name: 'priority', type: 'picklist', values: ['low', 'high', 'urgent'], default: 'low' },
        { name: 'escalated', type: 'boolean', default: false },
        { name: 'escalations', type: 'number', default: 0 },
        { name: 'note', type: 'text' },
      ],
    });
    await defineObject(engine, { name: 'task', fields: [{ name: 'title', type: 'text', required: true }, { name: 'about', type: 'lookup', target: 'support_case' }] });
    await rule({
      name: 'escalate_urgent',
      object: 'support_case',
      condition: "priority = 'urgent'",
      actions: [{ setField: 'escalated', value: true }, { setField: 'escalations', expression: 'escalations + 1' }, { createRecord: { object: 'task', values: { title: "'Call back: ' & subject", about: '_id' } } }],
    });
    await rule({ name: 'note_escalation', object: 'support_case', order: 1, condition: 'escalated = true', actions: [{ setField: 'note', expression: "'escalated ' & $string(escalations) & ' time(s)'" }] });
  });
  after(() => engine.stop());

  it('fires when the condition becomes true on create, with later rules seeing earlier changes', async () => {
    const created = await createRecord(engine, 'support_case', { subject: 'Server down', priority: 'urgent' });
    expect(created).to.include({ escalated: true, escalations: 1, note: 'escalated 1 time(s)' });
    const tasks = (await engine.request('GET', `/api/v1/records/task?filter=${encodeURIComponent(JSON.stringify({ about: created._id }))}`)).body.records;
    expect(tasks.map((task: { title: string }) => task.title)).to.deep.equal(['Call back: Server down']);
  });

  it('fires on update only when the condition was false before, and not again while it stays true', async () => {
    const created = await createRecord(engine, 'support_case', { subject: 'Printer', priority: 'low' });
    expect(created).to.include({ escalated: false, escalations: 0 });
    await engine.request('PATCH', `/api/v1/records/support_case/${created._id}`, { priority: 'urgent' });
    expect(await get('support_case', created._id)).to.include({ escalated: true, escalations: 1 });
    await engine.request('PATCH', `/api/v1/records/support_case/${created._id}`, { subject: 'Printer on fire' });
    expect(await get('support_case', created._id)).to.include({ escalations: 1 });
    await engine.request('PATCH', `/api/v1/records/support_case/${created._id}`, { priority: 'high' });
    await engine.request('PATCH', `/api/v1/records/support_case/${created._id}`, { priority: 'urgent' });
    // escalate_urgent fired again; note_escalation did not: "escalated" stayed true, it never became true again.
    expect(await get('support_case', created._id)).to.include({ escalations: 2, note: 'escalated 1 time(s)' });
  });

  it('never re-triggers a rule by its own field change: a rule that keeps its condition true fires once per write', async () => {
    await defineObject(engine, { name: 'counter', fields: [{ name: 'n', type: 'number', default: 0 }] });
    await rule({ name: 'bump', object: 'counter', condition: 'n >= 0', on: 'createOrUpdate', actions: [{ setField: 'n', expression: 'n + 1' }] });
    const created = await createRecord(engine, 'counter', {});
    expect(created.n).to.equal(1);
  });

  it('stops a chain of rules creating records that trigger rules with a clear error, and stores nothing of it', async () => {
    await defineObject(engine, { name: 'ping', fields: [{ name: 'label', type: 'text' }] });
    await rule({ name: 'ping_again', object: 'ping', actions: [{ createRecord: { object: 'ping', values: { label: "'again'" } } }] });
    const response = await engine.request('POST', '/api/v1/records/ping', { label: 'first' });
    expectError(response, 422, 'automation_too_deep');
    expect(response.body.error.message).to.contain('more than 5 levels');
    expect((await engine.request('GET', '/api/v1/records/ping?total=true')).body.total).to.equal(0);
  });

  it('sends an e-mail and calls a webhook when its condition becomes true, through the outbox', async () => {
    await rule({
      name: 'tell_support_lead',
      object: 'support_case',
      condition: "priority = 'high'",
      actions: [
        { email: { to: [{ user: engine.adminId }], subject: '紧急工单：{{subject}}', body: 'Case {{subject}} is {{priority}}.' } },
        { webhook: { url: 'http://127.0.0.1:9/hooks/cases', body: '{"case": "{{_id}}", "priority": "{{priority}}"}' } },
      ],
    });
    const created = await createRecord(engine, 'support_case', { subject: 'VPN', priority: 'high' });
    const emails = (await engine.request('GET', '/api/v1/outbox/email')).body.messages as { to: string[]; subject: string; text: string }[];
    expect(emails.find((message) => message.subject === '紧急工单：VPN')).to.deep.include({ to: ['admin@example.com'], text: 'Case VPN is high.' });
    const calls = (await engine.request('GET', '/api/v1/outbox/webhook')).body.calls as { url: string; body: string }[];
    const call = calls.find((candidate) => candidate.url === 'http://127.0.0.1:9/hooks/cases');
    expect(JSON.parse(call!.body)).to.deep.equal({ case: created._id, priority: 'high' });
  });

  it('refuses a rule whose expressions or fields are wrong, naming each problem', async () => {
    const response = await engine.request('POST', '/api/v1/meta/automation-rules', {
      name: 'broken',
      object: 'support_case',
      condition: 'priorty = ',
      actions: [{ setField: 'nope', value: 1 }, { email: { to: ['owner'], subject: '{{#if}}', body: 'x' } }],
    });
    expectError(response, 400, 'validation_failed');
    expect(detailPaths(response)).to.include.members(['/condition', '/actions/0/setField', '/actions/1/email/subject']);
  });
});
