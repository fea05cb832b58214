import { expect } from 'chai';
import { expectError } from '../support/api-helpers.js';
import { addPerson, personOn, PURCHASE_APPROVAL, purchasingDepartment, type Person } from '../support/approval-fixtures.js';
import { envelopeRecipients, startLoopbackSmtp, type LoopbackSmtp } from '../support/approval-loopback.js';
import { startConfiguredEngine, type ConfiguredEngine } from '../support/configured-engine.js';
import type { TestResponse } from '../support/test-engine.js';

const MINUTE = 60_000;
const later = (ms: number) => new Date(Date.now() + ms);
const approval = (id: string) => `/api/v1/records/purchase_request/${id}/approval`;
const RATE_LIMITS = { http: { rateLimits: { loginPerMinute: 10_000, apiPerMinute: 1_000_000 } } };

interface Entry {
  action: string;
  step: string | null;
  actor: string;
  onBehalfOf?: string;
  to?: string;
}
interface OutboxMessage {
  to: string[];
  subject: string;
  text: string;
  reason?: string;
}
const lines = (history: Entry[]) => history.map((entry) => `${entry.action}:${entry.step ?? ''}`);
const approvers = (view: { pending: { approver: string }[] }) => view.pending.map((item) => item.approver).sort();
const ok = (response: TestResponse, status = 200) => {
  expect(response.status, JSON.stringify(response.body)).to.equal(status);
  return response.body;
};
const act = (who: Person, id: string, action: string, body: unknown = {}) => who.as('POST', `${approval(id)}/${action}`, body);
/** Runs the jobs due at `at` until none is left: a timer's e-mail is a job of its own, due at once. */
async function runAllDue(engine: ConfiguredEngine, at: Date): Promise<number> {
  let total = 0;
  for (let ran = await engine.jobs.runDue(at); ran > 0; ran = await engine.jobs.runDue(at)) total += ran;
  return total;
}

/** Reminders and escalations as due-jobs fired at a chosen time, with e-mail to a real SMTP server on loopback. */
describe('approval processes: reminders and escalations', () => {
  let smtp: LoopbackSmtp;
  let engine: ConfiguredEngine;
  let people: Record<'requester' | 'manager' | 'director' | 'cfo' | 'clerk' | 'clerk2', Person>;
  const submitted = async (title: string) => {
    const id = ok(await people.requester.as('POST', '/api/v1/records/purchase_request', { title, amount: 2000 }), 201)._id as string;
    ok(await act(people.requester, id, 'submit', { process: 'escalating' }));
    return id;
  };
  const inbox = async (who: Person) => (ok(await who.as('GET', '/api/v1/approvals/inbox')).items as { record: string }[]).map((item) => item.record);
  const outboxFor = async (id: string) =>
    (ok(await engine.request('GET', '/api/v1/outbox/email?limit=100')).messages as OutboxMessage[]).filter((message) => message.text.includes(`/records/purchase_request/${id}`));

  before(async () => {
    smtp = await startLoopbackSmtp();
    engine = await startConfiguredEngine({ mail: { smtpUrl: smtp.url, from: 'Approvals <approvals@crm.example>' }, ...RATE_LIMITS });
    const department = await purchasingDepartment(engine);
    const director = await addPerson(engine, 'director', { role: 'staff' });
    ok(await engine.request('PATCH', `/api/v1/records/user/${department.manager.id}`, { manager: director.id }));
    people = { ...department, director };
    ok(
      await engine.request('POST', '/api/v1/meta/approval-processes', {
        name: 'escalating',
        object: 'purchase_request',
        steps: [
          { name: 'manager', approvers: [{ submitterManager: true }], reminder: { after: 'PT30M' }, escalation: { after: 'PT1H', to: { manager: true } } },
          { name: 'finance', approvers: [{ role: 'finance' }] },
        ],
      }),
      201,
    );
  });
  after(async () => {
    await engine.stop(true);
    await smtp.close();
  });

  it('reminds the pending approvers by e-mail once the step has waited 30 minutes, and not before', async () => {
    const id = await submitted('Reminded');
    await runAllDue(engine, later(20 * MINUTE));
    expect(lines(ok(await people.requester.as('GET', approval(id))).history)).to.deep.equal(['submit:']);

    await runAllDue(engine, later(45 * MINUTE));
    const view = ok(await people.requester.as('GET', approval(id)));
    expect(lines(view.history)).to.deep.equal(['submit:', 'remind:manager']);
    expect(view.history[1]).to.include({ actor: 'system' });
    expect(approvers(view), 'a reminder does not move the item').to.deep.equal([people.manager.id]);
    const [queued, ...more] = await outboxFor(id);
    expect(more).to.deep.equal([]);
    expect(queued).to.deep.include({ to: ['manager@example.com'], status: 'sent' });
    expect(queued!.subject).to.match(/^Reminder: .+ waiting for your approval$/);
    const delivered = smtp.received.filter((received) => received.mail.text?.includes(id));
    expect(delivered.map(envelopeRecipients)).to.deep.equal([['manager@example.com']]);
    expect(delivered[0]!.mail.subject).to.equal(queued!.subject);
    // The step ends before its escalation: that timer never fires.
    ok(await act(people.manager, id, 'approve'));
    await runAllDue(engine, later(3 * 60 * MINUTE));
    expect(lines(ok(await people.requester.as('GET', approval(id))).history)).to.deep.equal(['submit:', 'remind:manager', 'approve:manager']);
  });

  it('hands the item to the approver\'s manager after an hour: pending, inbox, history, and the new approver decides', async () => {
    const id = await submitted('Escalated');
    expect(await inbox(people.manager)).to.include(id);
    await runAllDue(engine, later(61 * MINUTE));
    const view = ok(await people.requester.as('GET', approval(id)));
    expect(view).to.deep.include({ status: 'pending', step: 'manager' });
    expect(approvers(view)).to.deep.equal([people.director.id]);
    expect(await inbox(people.director)).to.include(id);
    expect(await inbox(people.manager)).to.not.include(id);
    const escalation = (view.history as Entry[]).find((entry) => entry.action === 'escalate');
    expect(escalation).to.deep.include({ step: 'manager', actor: 'system', to: people.director.id, onBehalfOf: people.manager.id });
    // The director reads the private request because it is now theirs to approve; the manager no longer may decide.
    expect(ok(await people.director.as('GET', `/api/v1/records/purchase_request/${id}`)).title).to.equal('Escalated');
    expect((await act(people.manager, id, 'approve')).status).to.equal(403);
    expect(ok(await act(people.director, id, 'approve'))).to.deep.include({ status: 'pending', step: 'finance' });
    // Escalating once is enough: a later pass does not escalate again.
    await runAllDue(engine, later(5 * 60 * MINUTE));
    expect(lines(ok(await people.requester.as('GET', approval(id))).history).filter((line) => line.startsWith('escalate'))).to.have.length(1);
  });

  it('escalates a record as the version it was submitted under says, after the process changed', async () => {
    const versioned = (to: string) => ({
      name: 'escalating_versions',
      object: 'purchase_request',
      steps: [{ name: 'manager', approvers: [{ submitterManager: true }], escalation: { after: 'PT1H', to: { user: to } } }],
    });
    ok(await engine.request('POST', '/api/v1/meta/approval-processes', versioned(people.director.id)), 201);
    const id = ok(await people.requester.as('POST', '/api/v1/records/purchase_request', { title: 'Version 1 escalation', amount: 10 }), 201)._id as string;
    expect(ok(await act(people.requester, id, 'submit', { process: 'escalating_versions' })).version).to.equal(1);
    ok(await engine.request('PUT', '/api/v1/meta/approval-processes/escalating_versions', versioned(people.cfo.id)));
    await runAllDue(engine, later(61 * MINUTE));
    const view = ok(await people.requester.as('GET', approval(id)));
    expect(view.version).to.equal(1);
    expect(approvers(view), 'version 1 escalates to the director').to.deep.equal([people.director.id]);
  });

  it('does nothing when the step ended before its timers (approved or recalled)', async () => {
    const approved = await submitted('Approved in time');
    const recalled = await submitted('Recalled in time');
    ok(await act(people.manager, approved, 'approve'));
    ok(await act(people.requester, recalled, 'recall'));
    await runAllDue(engine, later(3 * 60 * MINUTE));
    const approvedView = ok(await people.requester.as('GET', approval(approved)));
    expect(lines(approvedView.history)).to.deep.equal(['submit:', 'approve:manager']);
    expect(approvers(approvedView)).to.deep.equal([people.clerk.id, people.clerk2.id].sort());
    expect(lines(ok(await people.requester.as('GET', approval(recalled))).history)).to.deep.equal(['submit:', 'recall:manager']);
    expect(await outboxFor(approved)).to.deep.equal([]);
    expect(await outboxFor(recalled)).to.deep.equal([]);
    expect(await inbox(people.director)).to.not.include.members([approved, recalled]);
  });
});

/** A record in the middle of its process when the engine stops: the next engine on the same data continues it. */
describe('approval processes: a restart in the middle of a process', () => {
  let engine: ConfiguredEngine;
  let people: Record<'requester' | 'manager' | 'cfo' | 'clerk' | 'clerk2', Person>;

  before(async () => {
    engine = await startConfiguredEngine(RATE_LIMITS);
    people = await purchasingDepartment(engine);
    const steps = PURCHASE_APPROVAL.steps.map((step) => (step.name === 'finance' ? { ...step, escalation: { after: 'PT1H', to: { user: people.cfo.id } } } : step));
    ok(await engine.request('POST', '/api/v1/meta/approval-processes', { ...PURCHASE_APPROVAL, steps }), 201);
  });
  after(() => engine.stop(true));

  it('keeps the step, its approvers and its timers across a restart; approving after it finishes the process', async () => {
    const ids: string[] = [];
    for (const title of ['Before restart', 'Escalated after restart']) {
      const id = ok(await people.requester.as('POST', '/api/v1/records/purchase_request', { title, amount: 1500 }), 201)._id as string;
      ok(await act(people.requester, id, 'submit'));
      expect(ok(await act(people.manager, id, 'approve'))).to.deep.include({ step: 'finance' });
      ids.push(id);
    }
    const [finished, escalated] = ids as [string, string];
    const before = ok(await people.requester.as('GET', approval(finished)));

    await engine.stop();
    engine = await startConfiguredEngine(RATE_LIMITS, engine.dataDir);
    const again = Object.fromEntries(Object.entries(people).map(([key, person]) => [key, personOn(engine, person)])) as typeof people;

    const after = ok(await again.requester.as('GET', approval(finished)));
    expect(after).to.deep.include({ process: 'purchase_approval', version: 1, status: 'pending', step: 'finance', locked: true });
    expect(after.pending).to.deep.equal(before.pending);
    expect(approvers(after)).to.deep.equal([people.clerk.id, people.clerk2.id].sort());
    expect(after.history).to.deep.equal(before.history);
    expectError(await again.requester.as('PATCH', `/api/v1/records/purchase_request/${finished}`, { amount: 1 }), 409, 'record_locked');

    const done = ok(await act(again.clerk, finished, 'approve'));
    expect(done).to.deep.include({ status: 'approved', step: null, locked: true });
    expect(lines(done.history)).to.deep.equal(['submit:', 'approve:manager', 'skip:cfo', 'approve:finance', 'approved:finance']);
    expect(ok(await again.requester.as('GET', `/api/v1/records/purchase_request/${finished}`)).status).to.equal('approved');

    // The escalation timer set before the stop fires on the new engine.
    await runAllDue(engine, later(2 * 60 * MINUTE));
    const moved = ok(await again.requester.as('GET', approval(escalated)));
    expect(approvers(moved)).to.deep.equal([people.cfo.id]);
    expect(ok(await act(again.cfo, escalated, 'approve'))).to.deep.include({ status: 'approved' });
  });
});
