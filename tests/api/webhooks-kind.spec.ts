import { expect } from 'chai';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JOBS_COLLECTION } from '../../engine/jobs/index.js';
import { tenantWriteHooks } from '../../engine/records/write-pipeline/index.js';
import { WEBHOOK_DELIVERIES } from '../../engine/webhooks/index.js';
import { createUser } from '../support/auth-helpers.js';
import { createRecord, defineObject, expectError } from '../support/api-helpers.js';
import { startConfiguredEngine, type ConfiguredEngine } from '../support/configured-engine.js';

/** What the receiver got: one request. */
interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on loopback answering each request with the next status of `answers` (200 once they run out). */
async function startReceiver(): Promise<{ url: string; received: Received[]; answers: number[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const answers: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(answers.shift() ?? 200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    answers,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The verification docs/api.md documents for receivers: the HMAC-SHA256 of "<t>.<raw body>" under
 * the secret, compared in constant time, and a timestamp no older than the tolerance.
 */
function verifySignature(secret: string, header: string, rawBody: string, toleranceSeconds = 300): boolean {
  const parts = new Map(header.split(',').map((part) => part.split('=') as [string, string]));
  const t = parts.get('t');
  const v1 = parts.get('v1');
  if (!t || !v1) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  const given = Buffer.from(v1, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  return Math.abs(Date.now() / 1000 - Number(t)) <= toleranceSeconds;
}

const timestampOf = (header: string) => Number(/t=(\d+)/.exec(header)![1]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ZH = { 'accept-language': 'zh-CN' };
const RETRY = { backoffMs: 200, maxBackoffMs: 5000, maxAttempts: 4, jitter: 0.5 };

describe('webhooks as a metadata kind: signed deliveries, retries, replay', function () {
  this.timeout(30_000);
  let engine: ConfiguredEngine;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  /** Runs the due jobs until `done` holds, passing as the scheduler would (its loop is stopped in these tests). */
  async function runUntil(done: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!(await done())) {
      if (Date.now() > until) throw new Error('timed out waiting for the deliveries');
      await engine.jobs.runDue();
      await sleep(20);
    }
  }

  const deliveriesOf = async (name: string) => {
    const response = await engine.request('GET', `/api/v1/webhooks/${name}/deliveries`);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    return response.body.deliveries as any[];
  };

  before(async () => {
    receiver = await startReceiver();
    engine = await startConfiguredEngine({ webhooks: { allowedHosts: ['127.0.0.1'], retry: RETRY } });
    const ticket = await defineObject(engine, {
      name: 'ticket',
      fields: [
        { name: 'subject', type: 'text', required: true },
        { name: 'status', type: 'picklist', values: ['new', 'open', 'closed'], default: 'new' },
        { name: 'internal_note', type: 'text' },
      ],
    });
    expect(ticket.status, JSON.stringify(ticket.body)).to.equal(201);
  });
  after(async () => {
    await engine.stop(true);
    await receiver.close();
  });
  beforeEach(() => {
    receiver.received.length = 0;
    receiver.answers.length = 0;
  });

  let secret: string;

  it('generates a signing secret shown once in the create answer, and masks it in every read, the history and an export', async () => {
    const created = await engine.request('POST', '/api/v1/meta/webhooks', { name: 'ticket_feed', url: receiver.url, events: [{ on: 'record.created', object: 'ticket' }] });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    secret = created.body.definition.secret;
    expect(secret).to.match(/^whsec_[A-Za-z0-9_-]{43}$/);

    const one = await engine.request('GET', '/api/v1/meta/webhooks/ticket_feed');
    const list = await engine.request('GET', '/api/v1/meta/webhooks');
    const history = await engine.request('GET', '/api/v1/meta/history?kind=webhook');
    const exported = await engine.request('POST', '/api/v1/packs/export', { manifest: { name: 'hooks-export', version: '1.0.0', label: { en: 'Hooks' } }, items: ['webhook:ticket_feed'] });
    expect(one.body.definition.secret).to.equal('••••');
    expect(list.body.webhooks.map((webhook: { secret: string }) => webhook.secret)).to.deep.equal(['••••']);
    expect(history.body.entries[0].after.secret).to.equal('••••');
    expect(exported.status, JSON.stringify(exported.body)).to.equal(200);
    expect(exported.body.pack.items[0].definition).to.not.have.property('secret');
    for (const read of [one, list, history, exported]) expect(JSON.stringify(read.body)).to.not.include(secret.slice(6));
    // Nor does the store hold it in clear: sealed with the tenant's data key (AES-256-GCM).
    const stored = engine.tenant.metadata.snapshot.webhooks.get('ticket_feed')!.definition.secret!;
    expect(stored).to.match(/^enc:v1:/).and.not.include(secret.slice(6));

    // A definition read and sent back keeps its secret: the mask restores the stored one.
    const replaced = await engine.request('PUT', '/api/v1/meta/webhooks/ticket_feed', { ...one.body.definition, label: { en: 'Ticket feed' } });
    expect(replaced.status, JSON.stringify(replaced.body)).to.equal(200);
    expect(replaced.body.definition.secret).to.equal('••••');
    expect(engine.tenant.metadata.snapshot.webhooks.get('ticket_feed')!.definition.secret).to.equal(stored);
  });

  it('masks a token in the query of its URL in reads, and keeps it when the definition comes back masked', async () => {
    const url = `${receiver.url}?token=tok-in-the-url-123`;
    expect((await engine.request('POST', '/api/v1/meta/webhooks', { name: 'token_in_url', url, events: [{ on: 'record.deleted', object: 'ticket' }] })).status).to.equal(201);
    const read = await engine.request('GET', '/api/v1/meta/webhooks/token_in_url');
    expect(read.body.definition.url).to.equal(`${receiver.url}?token=••••`);
    const replaced = await engine.request('PUT', '/api/v1/meta/webhooks/token_in_url', { ...read.body.definition, active: false });
    expect(replaced.status, JSON.stringify(replaced.body)).to.equal(200);
    expect(engine.tenant.metadata.snapshot.webhooks.get('token_in_url')!.url).to.equal(url);
    expect((await engine.request('DELETE', '/api/v1/meta/webhooks/token_in_url')).status).to.equal(200);
  });

  it('delivers a created record signed with the secret, with its event and delivery id in headers', async () => {
    const record = await createRecord(engine, 'ticket', { subject: 'Printer on fire', internal_note: 'call facilities' });
    await runUntil(() => receiver.received.length === 1);
    const [call] = receiver.received;
    expect(verifySignature(secret, String(call!.headers['x-crm-signature']), call!.body)).to.equal(true);
    expect(verifySignature('whsec_not-the-secret-at-all-000000000000', String(call!.headers['x-crm-signature']), call!.body)).to.equal(false);
    const body = JSON.parse(call!.body);
    expect(call!.headers['x-crm-event']).to.equal('record.created');
    expect(call!.headers['x-crm-delivery']).to.equal(body.id);
    expect(body).to.include({ type: 'record.created', webhook: 'ticket_feed', object: 'ticket', recordId: record._id });
    expect(body.record).to.include({ _id: record._id, subject: 'Printer on fire', internal_note: 'call facilities', status: 'new' });
    const [logged] = await deliveriesOf('ticket_feed');
    expect(logged).to.include({ _id: body.id, status: 'delivered', event: 'record.created', responseStatus: 200 });
    expect(logged.attempts).to.have.length(1);
  });

  it('retries a delivery the receiver fails with exponential back-off, and logs every attempt', async () => {
    receiver.answers.push(500, 500);
    await createRecord(engine, 'ticket', { subject: 'Retry me' });
    await runUntil(() => receiver.received.length === 3);
    const ids = new Set(receiver.received.map((call) => call.headers['x-crm-delivery']));
    expect(ids.size, 'one delivery id across the attempts').to.equal(1);
    expect(new Set(receiver.received.map((call) => call.body)).size, 'the same body every time').to.equal(1);
    for (const call of receiver.received) expect(verifySignature(secret, String(call.headers['x-crm-signature']), call.body)).to.equal(true);
    const [logged] = await deliveriesOf('ticket_feed');
    expect(logged.status).to.equal('delivered');
    expect(logged.attempts.map((attempt: { responseStatus: number }) => attempt.responseStatus)).to.deep.equal([500, 500, 200]);
    expect(logged.attempts[0].error).to.match(/answered 500: the receiver did not accept the delivery/);
    const at = logged.attempts.map((attempt: { at: string }) => Date.parse(attempt.at));
    // 200 ms, then 400 ms, each less up to half of it at random.
    expect(at[1] - at[0]).to.be.at.least(RETRY.backoffMs / 2);
    expect(at[2] - at[1]).to.be.at.least(RETRY.backoffMs);
  });

  it('marks a delivery failed after its last attempt, and shows when a pending one is tried next', async () => {
    receiver.answers.push(503, 503, 503, 503);
    await createRecord(engine, 'ticket', { subject: 'Never accepted' });
    await runUntil(() => receiver.received.length === 1);
    const [pending] = await deliveriesOf('ticket_feed');
    expect(pending.status).to.equal('pending');
    expect(Date.parse(pending.nextAttemptAt)).to.be.greaterThan(Date.parse(pending.attempts[0].at));
    await runUntil(async () => (await deliveriesOf('ticket_feed'))[0].status === 'failed');
    const [failed] = await deliveriesOf('ticket_feed');
    expect(failed.attempts).to.have.length(RETRY.maxAttempts);
    expect(failed).to.not.have.property('nextAttemptAt');
    expect((await engine.request('GET', '/api/v1/webhooks/ticket_feed/deliveries?status=failed')).body.deliveries.map((d: { _id: string }) => d._id)).to.deep.equal([failed._id]);
  });

  it('replays a delivery: the same body and delivery id, a new signature timestamp', async () => {
    const [delivered] = (await deliveriesOf('ticket_feed')).filter((delivery) => delivery.status === 'delivered');
    await sleep(1100);
    const replayed = await engine.request('POST', `/api/v1/webhooks/ticket_feed/deliveries/${delivered._id}/replay`);
    expect(replayed.status, JSON.stringify(replayed.body)).to.equal(200);
    expect(replayed.body.delivery).to.include({ _id: delivered._id, status: 'pending' });
    const again = await engine.request('POST', `/api/v1/webhooks/ticket_feed/deliveries/${delivered._id}/replay`);
    expectError(again, 409, 'delivery_pending');
    await runUntil(() => receiver.received.length === 1);
    const [call] = receiver.received;
    const body = JSON.parse(call!.body);
    expect(body.id).to.equal(delivered._id);
    expect(call!.headers['x-crm-delivery']).to.equal(delivered._id);
    expect(verifySignature(secret, String(call!.headers['x-crm-signature']), call!.body)).to.equal(true);
    const first = (await engine.tenant.store.collection(WEBHOOK_DELIVERIES).findOne({ _id: delivered._id }))!;
    expect(call!.body).to.equal(first.body);
    expect(timestampOf(String(call!.headers['x-crm-signature']))).to.be.greaterThan(Math.floor(Date.parse(delivered.attempts[0].at) / 1000));
    const [logged] = (await deliveriesOf('ticket_feed')).filter((delivery) => delivery._id === delivered._id);
    expect(logged.status).to.equal('delivered');
    expect(logged.attempts.at(-1)).to.include({ replay: true, responseStatus: 200 });
    expectError(await engine.request('POST', '/api/v1/webhooks/ticket_feed/deliveries/000000000000000000000000/replay'), 404);
  });

  it('sends nothing for a write that rolls back', async () => {
    const deliveries = engine.tenant.store.collection(WEBHOOK_DELIVERIES);
    const before = await deliveries.count({});
    const jobs = await engine.tenant.store.collection(JOBS_COLLECTION).count({});
    // A hook after the webhooks' own, failing the write once its deliveries are queued in the unit.
    tenantWriteHooks(engine.tenant).on(
      'afterSave',
      'spec-refuses',
      async () => {
        throw new Error('refused after the save');
      },
      { objects: ['ticket'] },
    );
    try {
      const refused = await engine.request('POST', '/api/v1/records/ticket', { subject: 'Rolled back' });
      expect(refused.status).to.equal(500);
    } finally {
      tenantWriteHooks(engine.tenant).off('spec-refuses');
    }
    await engine.jobs.runDue();
    expect(await deliveries.count({})).to.equal(before);
    expect(await engine.tenant.store.collection(JOBS_COLLECTION).count({})).to.equal(jobs);
    expect(receiver.received).to.deep.equal([]);
  });

  it('sends only changes of the fields an update event names, and only fields the run-as user may read', async () => {
    await engine.request('POST', '/api/v1/meta/permission-sets', {
      name: 'ticket_integration',
      objects: { ticket: { read: true } },
      fields: { ticket: { internal_note: { read: false } } },
    });
    const userId = await createUser(engine, { full_name: 'ERP integration', email: 'erp@example.com', permission_sets: ['ticket_integration'] }, 'an integration password');
    const created = await engine.request('POST', '/api/v1/meta/webhooks', {
      name: 'status_changes',
      url: receiver.url,
      runAs: userId,
      secret: 'a-secret-the-receiver-chose-1234',
      events: [{ on: 'record.updated', object: 'ticket', fields: ['status', 'internal_note'] }],
    });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    expect(created.body.definition.secret, 'a secret given is not shown back').to.equal('••••');
    const record = await createRecord(engine, 'ticket', { subject: 'Badge reader', internal_note: 'vendor is late' });
    const patch = (values: Record<string, unknown>, version: number) => engine.request('PATCH', `/api/v1/records/ticket/${record._id}`, values, { 'if-match': String(version) });
    expect((await patch({ subject: 'Badge reader (lobby)' }, 1)).status).to.equal(200);
    expect((await patch({ internal_note: 'vendor came' }, 2)).status).to.equal(200);
    expect((await patch({ status: 'open' }, 3)).status).to.equal(200);
    await runUntil(async () => (await deliveriesOf('status_changes')).every((delivery) => delivery.status !== 'pending') && receiver.received.length >= 3);
    const statusCalls = receiver.received.filter((call) => call.headers['x-crm-event'] === 'record.updated' && JSON.parse(call.body).webhook === 'status_changes');
    // The subject's change is not listened to; the note's is, but the run-as user may not read it: no news of it either.
    const bodies = statusCalls.map((call) => JSON.parse(call.body));
    expect(bodies.map((body) => body.changed)).to.deep.equal([[], ['status']]);
    for (const body of bodies) {
      expect(body.record).to.not.have.property('internal_note');
      expect(body.record).to.include({ subject: 'Badge reader (lobby)' });
    }
    for (const call of statusCalls) expect(verifySignature('a-secret-the-receiver-chose-1234', String(call.headers['x-crm-signature']), call.body)).to.equal(true);
  });

  it('delivers the decisions of an approval process', async () => {
    const process = await engine.request('POST', '/api/v1/meta/approval-processes', { name: 'ticket_approval', object: 'ticket', steps: [{ name: 'lead', approvers: [{ user: engine.adminId }] }] });
    expect(process.status, JSON.stringify(process.body)).to.equal(201);
    const hook = await engine.request('POST', '/api/v1/meta/webhooks', {
      name: 'ticket_decisions',
      url: receiver.url,
      events: [
        { on: 'approval.submitted', process: 'ticket_approval' },
        { on: 'approval.approved', process: 'ticket_approval' },
      ],
    });
    expect(hook.status, JSON.stringify(hook.body)).to.equal(201);
    const record = await createRecord(engine, 'ticket', { subject: 'New laptop' });
    expect((await engine.request('POST', `/api/v1/records/ticket/${record._id}/approval/submit`, {})).status).to.equal(200);
    expect((await engine.request('POST', `/api/v1/records/ticket/${record._id}/approval/approve`, { comment: 'fine' })).status).to.equal(200);
    await runUntil(async () => (await deliveriesOf('ticket_decisions')).filter((delivery) => delivery.status === 'delivered').length === 2);
    const decisions = receiver.received.filter((call) => JSON.parse(call.body).webhook === 'ticket_decisions').map((call) => JSON.parse(call.body));
    expect(decisions.map((body) => body.type)).to.deep.equal(['approval.submitted', 'approval.approved']);
    expect(decisions[1].approval).to.include({ process: 'ticket_approval', actor: engine.adminId, comment: 'fine' });
    expect(decisions[1].record).to.include({ _id: record._id, subject: 'New laptop' });
  });

  it('refuses bad definitions with 400 and the path of each problem, in English and in Chinese', async () => {
    const bad = {
      name: 'broken',
      url: 'http://10.1.2.3/hooks',
      events: [
        { on: 'record.created', object: 'tickt' },
        { on: 'record.deleted', object: 'ticket', fields: ['status'] },
        { on: 'record.updated', object: 'ticket', fields: ['stauts'] },
        { on: 'approval.approved', process: 'nope' },
        { on: 'approval.rejected' },
      ],
    };
    const url = expectError(await engine.request('POST', '/api/v1/meta/webhooks', bad), 400, 'validation_failed');
    expect(url.map((detail) => detail.path)).to.deep.equal(['/url']);
    expect(url[0]!.message).to.match(/'10\.1\.2\.3' is not a public internet address/);
    const events = expectError(await engine.request('POST', '/api/v1/meta/webhooks', { ...bad, url: 'https://hooks.example.com/in' }), 400);
    expect(events.map((detail) => detail.path)).to.deep.equal(['/events/0/object', '/events/1/fields', '/events/2/fields/0', '/events/3/process', '/events/4/process']);
    expect(events[0]!.message).to.equal("'tickt' is not an object; did you mean 'ticket'?");
    expect(events[2]!.message).to.equal("'stauts' is not a field of ticket; did you mean 'status'?");
    const chinese = expectError(await engine.request('POST', '/api/v1/meta/webhooks', { ...bad, url: 'https://hooks.example.com/in' }, ZH), 400);
    expect(chinese.map((detail) => detail.path)).to.deep.equal(events.map((detail) => detail.path));
    expect(chinese[1]!.message).to.equal('只有 record.updated 可以限定为特定字段');
    expect(chinese[4]!.message).to.equal('为必填项：要发送其审批决定的审批流程');
    const secret = expectError(await engine.request('POST', '/api/v1/meta/webhooks', { name: 'short', url: receiver.url, secret: 'too short', events: [{ on: 'record.created', object: 'ticket' }] }), 400);
    expect(secret).to.deep.equal([{ path: '/secret', message: 'must be at least 24 characters long' }]);
    const schema = expectError(await engine.request('POST', '/api/v1/meta/webhooks', { name: 'no_events', url: receiver.url, events: [] }, ZH), 400);
    expect(schema.map((detail) => detail.path)).to.deep.equal(['/events']);
    expect((await engine.request('GET', '/api/v1/meta/webhooks/broken')).status).to.equal(404);
  });

  it('keeps the delivery log to administrators', async () => {
    await createUser(engine, { full_name: 'Plain user', email: 'plain@example.com', permission_sets: ['standard_user'] }, 'a plain password');
    const { tokenFor } = await import('../support/auth-helpers.js');
    const token = await tokenFor(engine, 'plain@example.com', 'a plain password');
    const refused = await engine.request('GET', '/api/v1/webhooks/ticket_feed/deliveries', undefined, { authorization: `Bearer ${token}` });
    expectError(refused, 403);
    expectError(await engine.request('GET', '/api/v1/meta/webhooks', undefined, { authorization: `Bearer ${token}` }), 403);
    expectError(await engine.request('GET', '/api/v1/webhooks/nope/deliveries'), 404);
  });
});
