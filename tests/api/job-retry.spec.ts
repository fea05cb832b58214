import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { enqueueJob, JOBS_COLLECTION, registerJobHandler, type JobDoc } from '../../engine/jobs/index.js';
import { queueWebhook, WEBHOOK_OUTBOX, type OutboxWebhook } from '../../engine/mail/index.js';
import { expectError } from '../support/api-helpers.js';
import { createUser, tokenFor } from '../support/auth-helpers.js';
import { startConfiguredEngine, type ConfiguredEngine } from '../support/configured-engine.js';
import { captureConsoleErrors } from '../support/console-capture.js';

const HOUR = 60 * 60 * 1000;
const later = (ms: number) => new Date(Date.now() + ms);

/** A webhook receiver on loopback that answers 503 while `down` is set, 204 after. */
async function startReceiver(): Promise<{ url: string; calls: number; down: boolean; close(): Promise<void> }> {
  const state = { url: '', calls: 0, down: true, close: async () => undefined as void };
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      state.calls++;
      res.writeHead(state.down ? 503 : 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/ledger`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

describe('retrying failed jobs and deliveries over the real engine', () => {
  let engine: ConfiguredEngine;
  const ledger = { down: true, runs: 0 };
  let sam: Record<string, string>;
  const job = async (id: string) => (await engine.tenant.store.collection<JobDoc>(JOBS_COLLECTION).findOne({ _id: id }))!;

  /** Runs the scheduler's passes, an hour apart, until the job's attempts (two here) are spent. */
  async function exhaust(): Promise<void> {
    const errors = captureConsoleErrors();
    try {
      for (const hours of [0, 1, 2]) await engine.jobs.runDue(later(hours * HOUR));
    } finally {
      errors.restore();
    }
  }
  async function failedJob(): Promise<string> {
    ledger.down = true;
    const id = await engine.tenant.store.unitOfWork((tx) => enqueueJob(tx, { kind: 'test.ledger', dueAt: new Date(), payload: { invoice: 'INV-9' } }));
    await exhaust();
    expect(await job(id)).to.include({ status: 'failed', attempts: 2, lastError: 'the ledger service is down' });
    return id;
  }

  before(async () => {
    registerJobHandler('test.ledger', async () => {
      ledger.runs++;
      if (ledger.down) throw new Error('the ledger service is down');
    });
    engine = await startConfiguredEngine({ jobs: { maxAttempts: 2 } });
    await createUser(engine, { full_name: 'Sam Seller', email: 'sam.retry@example.com', permission_sets: ['standard_user'] }, 'sam-password-long-enough');
    sam = { authorization: `Bearer ${await tokenFor(engine, 'sam.retry@example.com', 'sam-password-long-enough')}` };
  });
  after(() => engine.stop(true));

  it('makes a failed job due again now, its attempts from zero, and the next pass runs it to done', async () => {
    const id = await failedJob();
    const response = await engine.request('POST', `/api/v1/jobs/${id}/retry`);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    expect(response.body).to.include({ _id: id, status: 'due', attempts: 0, lastError: 'the ledger service is down' });
    expect(Date.parse(response.body.dueAt)).to.be.at.most(Date.now());
    expect(response.body).to.not.have.property('doneAt');
    ledger.down = false;
    const runsBefore = ledger.runs;
    expect(await engine.jobs.runDue()).to.equal(1);
    expect(ledger.runs).to.equal(runsBefore + 1);
    expect(await job(id)).to.include({ status: 'done', attempts: 1 });
  });

  it('gives the retried job its full attempts again: it fails for good only after both', async () => {
    const id = await failedJob();
    expect((await engine.request('POST', `/api/v1/jobs/${id}/retry`)).status).to.equal(200);
    await engine.jobs.runDue();
    expect(await job(id)).to.include({ status: 'due', attempts: 1 });
    await exhaust();
    expect(await job(id)).to.include({ status: 'failed', attempts: 2 });
  });

  it('writes who retried the job, and the attempts it had used, to the audit log', async () => {
    const id = await failedJob();
    await engine.request('POST', `/api/v1/jobs/${id}/retry`);
    const audit = await engine.request('GET', `/api/v1/audit?action=job.retried&record=${id}`);
    expect(audit.status).to.equal(200);
    const entries = audit.body.entries.filter((entry: { record: string }) => entry.record === id);
    expect(entries).to.have.length(1);
    expect(entries[0]).to.include({ actor: engine.adminId, object: 'job:test.ledger' });
    expect(entries[0].changes).to.deep.equal({ status: { old: 'failed', new: 'due' }, attempts: { old: 2, new: 0 } });
  });

  it('refuses to retry a job that has not failed with 409, in English and in Chinese', async () => {
    ledger.down = false;
    const id = await engine.tenant.store.unitOfWork((tx) => enqueueJob(tx, { kind: 'test.ledger', dueAt: new Date(), payload: {} }));
    await engine.jobs.runDue();
    expect(await job(id)).to.include({ status: 'done' });
    const en = await engine.request('POST', `/api/v1/jobs/${id}/retry`, undefined, { 'accept-language': 'en' });
    expectError(en, 409, 'job_not_failed');
    expect(en.body.error.message).to.equal(`Only a failed job can be retried: job '${id}' is done.`);
    const zh = await engine.request('POST', `/api/v1/jobs/${id}/retry`, undefined, { 'accept-language': 'zh-CN' });
    expect(zh.body.error.message).to.equal(`只有失败的作业才能重试：作业 '${id}' 已完成。`);
    expect(await job(id)).to.include({ status: 'done' });
  });

  it('refuses with 409 to retry a failed job whose key a job enqueued since holds, which waits', async () => {
    ledger.down = true;
    const key = 'ledger:INV-10';
    const id = await engine.tenant.store.unitOfWork((tx) => enqueueJob(tx, { kind: 'test.ledger', dueAt: new Date(), payload: {}, key }));
    await exhaust();
    expect(await job(id)).to.include({ status: 'failed' });
    const waiting = await engine.tenant.store.unitOfWork((tx) => enqueueJob(tx, { kind: 'test.ledger', dueAt: later(HOUR), payload: {}, key }));
    const response = await engine.request('POST', `/api/v1/jobs/${id}/retry`);
    expectError(response, 409, 'job_already_due');
    expect(response.body.error.message).to.contain(waiting);
    expect(await job(id)).to.include({ status: 'failed' });
  });

  it('lists under ?status=running the due jobs a scheduler holds a live claim on, and no others', async () => {
    const id = await engine.tenant.store.unitOfWork((tx) => enqueueJob(tx, { kind: 'test.ledger', dueAt: later(HOUR), payload: {} }));
    expect((await engine.request('GET', '/api/v1/jobs?status=running')).body.jobs.map((entry: JobDoc) => entry._id)).to.not.include(id);
    await engine.tenant.store.collection<JobDoc>(JOBS_COLLECTION).updateOne({ _id: id }, { $set: { leaseUntil: later(60_000).toISOString(), leasedBy: 'elsewhere' } });
    expect((await engine.request('GET', '/api/v1/jobs?status=running')).body.jobs.map((entry: JobDoc) => entry._id)).to.deep.equal([id]);
    await engine.tenant.store.collection<JobDoc>(JOBS_COLLECTION).updateOne({ _id: id }, { $set: { status: 'cancelled' }, $unset: { leaseUntil: '' } });
  });

  it('answers 404 for a job id the tenant does not have', async () => {
    const en = await engine.request('POST', '/api/v1/jobs/0123456789abcdef01234567/retry', undefined, { 'accept-language': 'en' });
    expectError(en, 404, 'not_found');
    expect(en.body.error.message).to.equal("There is no job '0123456789abcdef01234567'.");
    const zh = await engine.request('POST', '/api/v1/jobs/nope/retry', undefined, { 'accept-language': 'zh-CN' });
    expect(zh.body.error.message).to.equal("不存在作业 'nope'。");
  });

  it('refuses a user without the audit right with 403, and the job stays failed, unaudited', async () => {
    const id = await failedJob();
    expectError(await engine.request('POST', `/api/v1/jobs/${id}/retry`, undefined, sam), 403, 'forbidden');
    expect(await job(id)).to.include({ status: 'failed', attempts: 2 });
    const audit = await engine.request('GET', `/api/v1/audit?action=job.retried`);
    expect(audit.body.entries.map((entry: { record: string }) => entry.record)).to.not.include(id);
  });

  it('documents the retries in the OpenAPI document of users who may retry, and leaves them out for the others', async () => {
    const admin = (await engine.request('GET', '/api/v1/openapi.json')).body;
    expect(admin.paths['/api/v1/jobs/{id}/retry'].post.operationId).to.equal('jobs.retry');
    expect(admin.paths['/api/v1/outbox/{kind}/{id}/retry'].post.responses).to.include.keys('200', '403', '404', '409');
    const seller = await engine.request('GET', '/api/v1/openapi.json', undefined, sam);
    expect(seller.status).to.equal(200);
    expect(seller.body.paths).to.not.have.any.keys('/api/v1/jobs/{id}/retry', '/api/v1/outbox/{kind}/{id}/retry', '/api/v1/jobs');
  });

  describe('webhook deliveries', () => {
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    let callId: string;
    before(async () => {
      receiver = await startReceiver();
      callId = await engine.tenant.store.unitOfWork((tx) => queueWebhook(tx, { url: receiver.url, body: { invoice: 'INV-9' }, reason: 'invoice approved' }));
      await exhaust();
    });
    after(() => receiver.close());

    it('lists a call whose delivery ran out of attempts under ?status=failed, with why', async () => {
      const failed = await engine.request('GET', '/api/v1/outbox/webhook?status=failed');
      expect(failed.status).to.equal(200);
      expect(failed.body.calls.map((call: { _id: string }) => call._id)).to.deep.equal([callId]);
      const [call] = failed.body.calls;
      expect(call).to.include({ status: 'pending' });
      expect(call.lastError).to.match(/answered 503/);
      expect(call.delivery).to.include({ status: 'failed', attempts: 2 });
      expect((await engine.request('GET', '/api/v1/outbox/webhook?status=pending')).body.calls).to.deep.equal([]);
      expectError(await engine.request('GET', '/api/v1/outbox/webhook?status=sent'), 400, 'validation_failed');
    });

    it('refuses a user without the audit right with 403 and leaves the delivery failed', async () => {
      expectError(await engine.request('POST', `/api/v1/outbox/webhook/${callId}/retry`, undefined, sam), 403, 'forbidden');
      const call = (await engine.request('GET', '/api/v1/outbox/webhook?status=failed')).body.calls[0];
      expect(call.delivery).to.include({ status: 'failed' });
    });

    it('retries the failed delivery: the receiver gets the call again and it is delivered', async () => {
      receiver.down = false;
      const callsBefore = receiver.calls;
      const response = await engine.request('POST', `/api/v1/outbox/webhook/${callId}/retry`);
      expect(response.status, JSON.stringify(response.body)).to.equal(200);
      expect(response.body.delivery).to.include({ status: 'due', attempts: 0 });
      expect(await engine.jobs.runDue()).to.equal(1);
      expect(receiver.calls).to.equal(callsBefore + 1);
      const stored = (await engine.tenant.store.collection<OutboxWebhook>(WEBHOOK_OUTBOX).findOne({ _id: callId }))!;
      expect(stored).to.include({ status: 'delivered', responseStatus: 204 });
      const listed = (await engine.request('GET', '/api/v1/outbox/webhook?status=delivered')).body.calls[0];
      expect(listed.delivery).to.include({ status: 'done', attempts: 1 });
    });

    it('answers 409 for a call delivered already, 404 for an unknown call or outbox', async () => {
      expectError(await engine.request('POST', `/api/v1/outbox/webhook/${callId}/retry`), 409, 'already_delivered');
      const unknown = await engine.request('POST', '/api/v1/outbox/webhook/0123456789abcdef01234567/retry', undefined, { 'accept-language': 'zh-CN' });
      expectError(unknown, 404, 'not_found');
      expect(unknown.body.error.message).to.equal("Webhook 发件箱中没有调用 '0123456789abcdef01234567'。");
      expectError(await engine.request('POST', `/api/v1/outbox/sms/${callId}/retry`), 404, 'not_found');
    });
  });
});
