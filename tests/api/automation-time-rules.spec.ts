import { expect } from 'chai';
import { addPerson, personOn } from '../support/approval-fixtures.js';
import { expectError } from '../support/api-helpers.js';
import { startConfiguredEngine, type ConfiguredEngine } from '../support/configured-engine.js';
import type { TestResponse } from '../support/test-engine.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** A day (YYYY-MM-DD) `days` from today. */
const dayIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
/** 09:00 in Shanghai (UTC+8, no summer time) on a day, moved by `days`. */
const nineInShanghai = (day: string, days = 0) => new Date(Date.parse(`${day}T01:00:00Z`) + days * DAY);
const at = (date: Date, ms: number) => new Date(date.getTime() + ms);
/** A minute from now: jobs enqueued by a job run now are due a little after the pass began. */
const soon = () => new Date(Date.now() + MINUTE);

interface Job {
  _id: string;
  kind: string;
  key?: string;
  status: string;
  dueAt: string;
  payload: Record<string, unknown>;
  lastError?: string;
}

const ok = (response: TestResponse, status = 200) => {
  expect(response.status, JSON.stringify(response.body)).to.equal(status);
  return response.body;
};

/** Runs every job due at `when`, again while any ran (a job may enqueue another due at once). */
async function runAllDue(engine: ConfiguredEngine, when: Date): Promise<void> {
  while ((await engine.jobs.runDue(when)) > 0);
}

/**
 * Time-based rules (a time relative to a date field of each record) and scheduled rules (days and a
 * time over the records a filter matches), as due-jobs fired by the real scheduler at chosen times
 * (a test clock), over the real server and store, restarted over the same data directory.
 */
describe('automation rules: time-based and scheduled', () => {
  let engine: ConfiguredEngine;
  const create = async (values: Record<string, unknown>) => ok(await engine.request('POST', '/api/v1/records/invoice', values), 201) as Record<string, any>;
  const read = async (id: string) => ok(await engine.request('GET', `/api/v1/records/invoice/${id}`)) as Record<string, any>;
  const jobs = async (query: string) => (ok(await engine.request('GET', `/api/v1/jobs?limit=200&${query}`)).jobs as Job[]);
  const jobsOf = async (id: string, status: string) => (await jobs(`kind=automation.occasion&status=${status}`)).filter((job) => job.payload.record === id);

  before(async () => {
    engine = await startConfiguredEngine();
    ok(
      await engine.request('POST', '/api/v1/meta/objects', {
        name: 'invoice',
        fields: [
          { name: 'number', type: 'text', required: true },
          { name: 'due_date', type: 'date' },
          { name: 'sla_target', type: 'datetime' },
          { name: 'status', type: 'picklist', values: ['open', 'paid', 'overdue'], default: 'open' },
          { name: 'reminders', type: 'number', default: 0 },
          { name: 'dunning_level', type: 'number', default: 0 },
          { name: 'breached', type: 'boolean', default: false },
        ],
      }),
      201,
    );
    ok(
      await engine.request('POST', '/api/v1/meta/automation-rules', {
        name: 'remind_before_due',
        object: 'invoice',
        on: 'time',
        time: { field: 'due_date', before: 'P3D', at: '09:00', timeZone: 'Asia/Shanghai' },
        condition: "status = 'open'",
        actions: [{ setField: 'reminders', expression: 'reminders + 1' }],
      }),
      201,
    );
    // The rule is planned in the background; nothing of it is due yet.
    await runAllDue(engine, soon());
  });
  after(() => engine.stop(true));

  it('fires 3 days before the due date at 09:00 in the rule\'s time zone, once, and not a minute before', async () => {
    const due = dayIn(10);
    const occasion = nineInShanghai(due, -3);
    const invoice = await create({ number: 'INV-1', due_date: due });
    const [planned] = await jobsOf(invoice._id, 'due');
    expect(planned?.dueAt).to.equal(occasion.toISOString());
    await runAllDue(engine, at(occasion, -MINUTE));
    expect((await read(invoice._id)).reminders).to.equal(0);
    await runAllDue(engine, at(occasion, MINUTE));
    const fired = await read(invoice._id);
    expect(fired.reminders).to.equal(1);
    // The change is the rule's, made as the engine (no run-as user), in the record's history.
    expect(fired._updatedBy).to.equal('system');
    await runAllDue(engine, at(occasion, 2 * DAY));
    expect((await read(invoice._id)).reminders).to.equal(1);
    expect(await jobsOf(invoice._id, 'done')).to.have.length(1);
  });

  it('plans the occasion again when the date field changes: the old time passes by, the new one fires', async () => {
    const invoice = await create({ number: 'INV-2', due_date: dayIn(10) });
    const later = dayIn(20);
    ok(await engine.request('PATCH', `/api/v1/records/invoice/${invoice._id}`, { due_date: later }));
    expect(await jobsOf(invoice._id, 'cancelled')).to.have.length(1);
    await runAllDue(engine, at(nineInShanghai(dayIn(10), -3), MINUTE));
    expect((await read(invoice._id)).reminders).to.equal(0);
    await runAllDue(engine, at(nineInShanghai(later, -3), MINUTE));
    expect((await read(invoice._id)).reminders).to.equal(1);
  });

  it('does not fire for a record that stopped matching the condition, nor for one deleted', async () => {
    const paid = await create({ number: 'INV-3', due_date: dayIn(12) });
    const deleted = await create({ number: 'INV-4', due_date: dayIn(12) });
    ok(await engine.request('PATCH', `/api/v1/records/invoice/${paid._id}`, { status: 'paid' }));
    ok(await engine.request('DELETE', `/api/v1/records/invoice/${deleted._id}`), 204);
    expect(await jobsOf(paid._id, 'cancelled')).to.have.length(1);
    expect(await jobsOf(deleted._id, 'cancelled')).to.have.length(1);
    await runAllDue(engine, at(nineInShanghai(dayIn(12), -3), MINUTE));
    expect((await read(paid._id)).reminders).to.equal(0);
    // Matching again plans the occasion again.
    ok(await engine.request('PATCH', `/api/v1/records/invoice/${paid._id}`, { status: 'open', due_date: dayIn(14) }));
    expect(await jobsOf(paid._id, 'due')).to.have.length(1);
  });

  it('plans the occasions of the records an object already holds when a rule is created, in the background', async () => {
    const target = new Date(Date.now() + 5 * DAY);
    const held = await create({ number: 'INV-5', sla_target: target.toISOString() });
    ok(
      await engine.request('POST', '/api/v1/meta/automation-rules', {
        name: 'breach_after_sla',
        object: 'invoice',
        on: 'time',
        time: { field: 'sla_target', after: 'P1D' },
        actions: [{ setField: 'breached', value: true }],
      }),
      201,
    );
    const ruleJobs = async () => (await jobs('kind=automation.occasion&status=due')).filter((job) => job.payload.rule === 'breach_after_sla');
    // Only the record written since is planned at once; the one held before waits for the background job.
    expect(await ruleJobs()).to.deep.equal([]);
    await runAllDue(engine, soon());
    expect((await ruleJobs()).map((job) => job.payload.record)).to.deep.equal([held._id]);
    await runAllDue(engine, at(target, DAY - MINUTE));
    expect((await read(held._id)).breached).to.equal(false);
    await runAllDue(engine, at(target, DAY + MINUTE));
    expect((await read(held._id)).breached).to.equal(true);
  });

  it('survives a restart of the engine: an occasion planned before it fires after, once', async () => {
    const due = dayIn(30);
    const invoice = await create({ number: 'INV-6', due_date: due });
    const dataDir = engine.dataDir;
    await engine.stop();
    engine = await startConfiguredEngine({}, dataDir);
    await runAllDue(engine, at(nineInShanghai(due, -3), MINUTE));
    await runAllDue(engine, at(nineInShanghai(due, -3), 2 * MINUTE));
    expect((await read(invoice._id)).reminders).to.equal(1);
  });

  it('fires each occasion once, even when its job runs twice (a runner taken over after its lease ran out)', async () => {
    const due = dayIn(40);
    const invoice = await create({ number: 'INV-7', due_date: due });
    const [job] = await jobsOf(invoice._id, 'due');
    await runAllDue(engine, at(nineInShanghai(due, -3), MINUTE));
    // The same job once more, as a second runner would: the firing is marked, nothing happens twice.
    await engine.tenant.store.collection('jobs').updateOne({ _id: job!._id }, { $set: { status: 'due', dueKey: job!.key } });
    await runAllDue(engine, at(nineInShanghai(due, -3), 2 * MINUTE));
    expect((await read(invoice._id)).reminders).to.equal(1);
  });

  it('runs a scheduled rule every weekday at 09:00 on the records its filter matches, once per occasion, and plans the next', async () => {
    const overdue = [await create({ number: 'INV-8', status: 'overdue' }), await create({ number: 'INV-9', status: 'overdue' })];
    const open = await create({ number: 'INV-10' });
    ok(
      await engine.request('POST', '/api/v1/meta/automation-rules', {
        name: 'dunning',
        object: 'invoice',
        on: 'schedule',
        schedule: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], at: '09:00', timeZone: 'Asia/Shanghai', filter: { status: 'overdue' } },
        actions: [{ setField: 'dunning_level', expression: 'dunning_level + 1' }],
      }),
      201,
    );
    await runAllDue(engine, soon());
    const [first] = await jobs('kind=automation.schedule&status=due');
    const occasion = new Date(first!.dueAt);
    // 09:00 in Shanghai is 01:00 UTC, on a weekday there.
    expect(first!.dueAt.slice(11)).to.equal('01:00:00.000Z');
    expect([1, 2, 3, 4, 5]).to.include(new Date(Date.parse(first!.dueAt) + 8 * 3_600_000).getUTCDay());
    await runAllDue(engine, at(occasion, MINUTE));
    for (const invoice of overdue) expect((await read(invoice._id)).dunning_level).to.equal(1);
    expect((await read(open._id)).dunning_level).to.equal(0);
    const [next] = await jobs('kind=automation.schedule&status=due');
    expect(Date.parse(next!.dueAt) - occasion.getTime()).to.be.oneOf([DAY, 3 * DAY]);
    // The occasion's job run again (a retry) changes nothing.
    await engine.tenant.store.collection('jobs').updateOne({ _id: first!._id }, { $set: { status: 'due', dueKey: first!.key } });
    await runAllDue(engine, at(occasion, 2 * MINUTE));
    for (const invoice of overdue) expect((await read(invoice._id)).dunning_level).to.equal(1);
    ok(await engine.request('DELETE', '/api/v1/meta/automation-rules/dunning'));
    await runAllDue(engine, at(occasion, 3 * MINUTE));
    expect(await jobs('kind=automation.schedule&status=due')).to.deep.equal([]);
  });

  it('acts as its run-as user: the change is theirs, and a user who may not edit the record fails the job with the reason', async () => {
    ok(await engine.request('POST', '/api/v1/meta/permission-sets', { name: 'invoice_reader', objects: { invoice: { read: true } } }), 201);
    ok(await engine.request('POST', '/api/v1/meta/permission-sets', { name: 'invoice_clerk', objects: { invoice: { read: true, edit: true } } }), 201);
    const clerk = await addPerson(engine, 'clerk', { permission_sets: ['standard_user', 'invoice_clerk'] });
    const reader = await addPerson(engine, 'reader', { permission_sets: ['standard_user', 'invoice_reader'] });
    personOn(engine, clerk);
    const rule = (name: string, runAs: string) => ({ name, object: 'invoice', on: 'time', runAs, condition: `number = '${name}'`, time: { field: 'sla_target' }, actions: [{ setField: 'breached', value: true }] });
    ok(await engine.request('POST', '/api/v1/meta/automation-rules', rule('as_clerk', clerk.id)), 201);
    ok(await engine.request('POST', '/api/v1/meta/automation-rules', rule('as_reader', reader.id)), 201);
    const target = new Date(Date.now() + 2 * DAY);
    const byClerk = await create({ number: 'as_clerk', sla_target: target.toISOString() });
    const byReader = await create({ number: 'as_reader', sla_target: target.toISOString() });
    await runAllDue(engine, at(target, MINUTE));
    expect(await read(byClerk._id)).to.include({ breached: true, _updatedBy: clerk.id });
    expect((await read(byReader._id)).breached).to.equal(false);
    const failed = (await jobs('kind=automation.occasion')).find((job) => job.payload.record === byReader._id && job.payload.rule === 'as_reader')!;
    expect(failed).to.include({ status: 'due' });
    expect(failed.lastError).to.match(/may not edit/);
  });

  it('refuses a timed rule that names no date field, a time zone that does not exist or a filter on an unknown field, with their paths', async () => {
    const refused = async (definition: Record<string, unknown>) => expectError(await engine.request('POST', '/api/v1/meta/automation-rules', { name: 'wrong', object: 'invoice', actions: [{ setField: 'breached', value: true }], ...definition }), 400).map((detail) => detail.path);
    expect(await refused({ on: 'time', time: { field: 'number' } })).to.include('/time/field');
    expect(await refused({ on: 'time', time: { field: 'due_date', timeZone: 'Mars/Olympus' } })).to.include('/time/timeZone');
    expect(await refused({ on: 'time', time: { field: 'due_date', before: 'P1D', after: 'P1D' } })).to.include('/time');
    expect(await refused({ on: 'time' })).to.include('/time');
    expect(await refused({ on: 'schedule', schedule: { at: '09:00', filter: { colour: 'red' } } })).to.satisfy((paths: string[]) => paths.some((path) => path.startsWith('/schedule/filter')));
    expect(await refused({ on: 'schedule', schedule: { at: '9am' } })).to.satisfy((paths: string[]) => paths.some((path) => path.startsWith('/schedule/at')));
    expect(await refused({ on: 'create', runAs: engine.adminId })).to.include('/runAs');
  });
});
