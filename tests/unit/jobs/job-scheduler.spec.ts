import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cancelJobs, enqueueJob, JOBS_COLLECTION, JobScheduler, registerJobHandler, type JobDoc, type NewJob } from '../../../engine/jobs/index.js';
import { AUDIT_COLLECTION, type AuditEntry } from '../../../engine/audit/audit-log.js';
import { EmbeddedStoreProvider } from '../../../engine/store/embedded/index.js';
import { TEST_MASTER_KEY } from '../../support/test-master-key.js';
import { Platform, type Tenant } from '../../../engine/tenancy/index.js';
import { captureConsoleErrors } from '../../support/console-capture.js';

const T0 = new Date('2030-01-01T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('job scheduler', () => {
  let dataDir: string;
  let platform: Platform;
  let tenant: Tenant;
  /** kind → how many times its handler ran, per job id. */
  const runs = new Map<string, number>();
  const jobs = () => tenant.store.collection<JobDoc>(JOBS_COLLECTION);
  const enqueue = (job: Partial<NewJob> & { kind: string }) => tenant.store.unitOfWork((tx) => enqueueJob(tx, { dueAt: T0, payload: {}, ...job }));
  const job = async (id: string) => (await jobs().findOne({ _id: id }))!;
  const scheduler = (options: ConstructorParameters<typeof JobScheduler>[1] = {}) => new JobScheduler(platform, { leaseMs: 60_000, backoffMs: 1000, maxBackoffMs: 1500, maxAttempts: 3, ...options });

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'crm-jobs-'));
    platform = new Platform(new EmbeddedStoreProvider(dataDir), TEST_MASTER_KEY);
    tenant = await platform.tenant();
    registerJobHandler('test.count', async (_tenant, job) => {
      runs.set(job._id, (runs.get(job._id) ?? 0) + 1);
      // Yields, so that concurrent passes interleave while a job runs.
      await new Promise((resolve) => setImmediate(resolve));
    });
    registerJobHandler('test.fail', async () => {
      throw new Error('the remote system said no');
    });
  });
  after(async () => {
    await platform.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    runs.clear();
    await jobs().deleteMany({});
  });

  it('fires a job once at its due time and never before', async () => {
    const id = await enqueue({ kind: 'test.count', dueAt: at(60_000), payload: { record: 'r1' } });
    const jobsScheduler = scheduler();
    expect(await jobsScheduler.runDue(at(59_999))).to.equal(0);
    expect(runs.get(id)).to.equal(undefined);
    expect(await jobsScheduler.runDue(at(60_000))).to.equal(1);
    expect(await jobsScheduler.runDue(at(120_000))).to.equal(0);
    expect(runs.get(id)).to.equal(1);
    const done = await job(id);
    expect(done).to.include({ status: 'done', attempts: 1, doneAt: at(60_000).toISOString() });
    expect(done.payload).to.deep.equal({ record: 'r1' });
    expect(done).to.not.have.property('leaseUntil');
  });

  it('keeps no job from a unit of work that rolled back', async () => {
    const failed = tenant.store.unitOfWork(async (tx) => {
      await enqueueJob(tx, { kind: 'test.count', dueAt: T0, payload: {} });
      throw new Error('the change was refused');
    });
    await failed.then(
      () => expect.fail('the unit of work should have failed'),
      () => undefined,
    );
    expect(await jobs().count({})).to.equal(0);
  });

  it('fires each job exactly once while two schedulers run passes concurrently', async () => {
    const ids = await Promise.all(Array.from({ length: 40 }, (_, index) => enqueue({ kind: 'test.count', dueAt: at(index * 10) })));
    const first = scheduler({ owner: 'instance-a' });
    const second = scheduler({ owner: 'instance-b', batchSize: 3 });
    let ran = 0;
    for (let round = 0; round < 25; round++) {
      const counts = await Promise.all([first.runDue(at(round * 20)), second.runDue(at(round * 20)), first.runDue(at(round * 20)), second.runDue(at(round * 20))]);
      ran += counts.reduce((sum, count) => sum + count, 0);
    }
    expect(ran).to.equal(ids.length);
    expect(ids.map((id) => runs.get(id))).to.deep.equal(ids.map(() => 1));
    const owners = new Set((await jobs().find({})).map((doc) => doc.leasedBy));
    expect(owners).to.deep.equal(new Set(['instance-a', 'instance-b']));
  });

  it('leaves a claimed job alone while its lease holds and takes it over once the lease ran out', async () => {
    const id = await enqueue({ kind: 'test.count' });
    // A runner that claimed the job and died: attempts and lease are set, nothing marks it done.
    await jobs().updateOne({ _id: id }, { $set: { leaseUntil: at(60_000).toISOString(), leasedBy: 'dead-instance' }, $inc: { attempts: 1 } });
    const survivor = scheduler({ owner: 'survivor' });
    expect(await survivor.runDue(at(59_999))).to.equal(0);
    expect(await survivor.runDue(at(60_001))).to.equal(1);
    expect(runs.get(id)).to.equal(1);
    expect(await job(id)).to.include({ status: 'done', attempts: 2, leasedBy: 'survivor' });
  });

  it('renews the lease of a long job so that no other scheduler takes it over', async () => {
    let running = 0;
    let overlapped = false;
    registerJobHandler('test.slow', async () => {
      running++;
      if (running > 1) overlapped = true;
      await sleep(250);
      running--;
    });
    const id = await tenant.store.unitOfWork((tx) => enqueueJob(tx, { kind: 'test.slow', dueAt: new Date(), payload: {} }));
    const owner = scheduler({ owner: 'slow-runner', leaseMs: 80 });
    const other = scheduler({ owner: 'other', leaseMs: 80 });
    const slow = owner.runDue();
    let taken = 0;
    for (let i = 0; i < 12; i++) {
      await sleep(20);
      taken += await other.runDue();
    }
    expect(await slow).to.equal(1);
    expect(taken).to.equal(0);
    expect(overlapped).to.equal(false);
    expect(await job(id)).to.include({ status: 'done', attempts: 1, leasedBy: 'slow-runner' });
  });

  it('retries a failing job with exponential back-off, then marks it failed and reports it', async () => {
    const id = await enqueue({ kind: 'test.fail' });
    const retrying = scheduler({ backoffMs: 1000, maxBackoffMs: 1500, maxAttempts: 3 });
    const errors = captureConsoleErrors();
    try {
      expect(await retrying.runDue(at(0))).to.equal(1);
      expect(await job(id)).to.include({ status: 'due', attempts: 1, dueAt: at(1000).toISOString(), lastError: 'the remote system said no' });
      expect(await retrying.runDue(at(999))).to.equal(0);
      expect(await retrying.runDue(at(1000))).to.equal(1);
      // 1000 · 2 = 2000, capped at 1500.
      expect(await job(id)).to.include({ status: 'due', attempts: 2, dueAt: at(2500).toISOString() });
      expect(await retrying.runDue(at(2499))).to.equal(0);
      expect(errors.lines).to.deep.equal([]);
      expect(await retrying.runDue(at(2500))).to.equal(1);
      expect(await retrying.runDue(at(3_600_000))).to.equal(0);
    } finally {
      errors.restore();
    }
    expect(await job(id)).to.include({ status: 'failed', attempts: 3, lastError: 'the remote system said no', doneAt: at(2500).toISOString() });
    expect(errors.lines).to.have.length(1);
    expect(errors.lines[0]).to.contain(`'test.fail' job ${id}`).and.contain('after 3 attempts: the remote system said no');
    const [entry] = await tenant.store.collection<AuditEntry>(AUDIT_COLLECTION).find({ record: id });
    expect(entry).to.include({ actor: 'system', action: 'job.failed', object: 'job:test.fail' });
    expect(entry!.changes).to.deep.equal({ status: { old: 'due', new: 'failed' }, lastError: { old: 'the remote system said no', new: 'the remote system said no' } });
  });

  it('fails a job of a kind without a handler with an error that names the kind', async () => {
    const id = await enqueue({ kind: 'test.unregistered' });
    const errors = captureConsoleErrors();
    try {
      await scheduler({ maxAttempts: 1 }).runDue(at(0));
    } finally {
      errors.restore();
    }
    expect(await job(id)).to.include({ status: 'failed', attempts: 1 });
    expect((await job(id)).lastError).to.equal("No handler is registered for job kind 'test.unregistered'; register one with registerJobHandler('test.unregistered', handler) at start-up.");
  });

  it('marks a job failed without running it when its runner died during the last attempt', async () => {
    const id = await enqueue({ kind: 'test.count' });
    await jobs().updateOne({ _id: id }, { $set: { leaseUntil: at(1000).toISOString(), leasedBy: 'dead-instance', attempts: 3 } });
    const errors = captureConsoleErrors();
    try {
      expect(await scheduler({ maxAttempts: 3 }).runDue(at(2000))).to.equal(1);
    } finally {
      errors.restore();
    }
    expect(runs.get(id)).to.equal(undefined);
    expect(await job(id)).to.include({ status: 'failed', attempts: 4 });
    expect((await job(id)).lastError).to.match(/runner of attempt 3 stopped before it ended/);
  });

  it('never fires a cancelled job, cancelled by key, key prefix or kind', async () => {
    const reminder = await enqueue({ kind: 'test.count', key: 'approval:r1:manager:reminder' });
    const escalation = await enqueue({ kind: 'test.count', key: 'approval:r1:manager:escalation' });
    const other = await enqueue({ kind: 'test.count', key: 'approval:r2:manager:reminder' });
    const byKind = await enqueue({ kind: 'test.fail' });
    expect(await tenant.store.unitOfWork((tx) => cancelJobs(tx, { keyPrefix: 'approval:r1:' }))).to.equal(2);
    expect(await tenant.store.unitOfWork((tx) => cancelJobs(tx, { kind: 'test.fail' }))).to.equal(1);
    expect(await tenant.store.unitOfWork((tx) => cancelJobs(tx, { key: 'approval:r1:manager:reminder' }))).to.equal(0);
    expect(await scheduler().runDue(at(3_600_000))).to.equal(1);
    expect([...runs.keys()]).to.deep.equal([other]);
    for (const id of [reminder, escalation, byKind]) expect((await job(id)).status).to.equal('cancelled');
  });

  it('treats a key prefix literally, not as a pattern', async () => {
    const dotted = await enqueue({ kind: 'test.count', key: 'a.b:1' });
    const lookalike = await enqueue({ kind: 'test.count', key: 'axb:1' });
    expect(await tenant.store.unitOfWork((tx) => cancelJobs(tx, { keyPrefix: 'a.b' }))).to.equal(1);
    expect((await job(dotted)).status).to.equal('cancelled');
    expect((await job(lookalike)).status).to.equal('due');
  });

  it('refuses to cancel without a criterion', async () => {
    await tenant.store
      .unitOfWork((tx) => cancelJobs(tx, {}))
      .then(
        () => expect.fail('cancelJobs({}) should throw'),
        (error: Error) => expect(error.message).to.match(/name the jobs by key, kind or keyPrefix/),
      );
  });

  it('gives one job for a key enqueued twice while due, and a new one once it ran', async () => {
    const first = await enqueue({ kind: 'test.count', key: 'once' });
    expect(await enqueue({ kind: 'test.count', key: 'once', dueAt: at(5000) })).to.equal(first);
    await scheduler().runDue(at(0));
    const second = await enqueue({ kind: 'test.count', key: 'once' });
    expect(second).to.not.equal(first);
    expect(await jobs().count({ key: 'once' })).to.equal(2);
  });

  it('indexes the jobs by status and due time when it first sees a tenant', async () => {
    await scheduler().runDue(at(0));
    const names = (await tenant.store.listIndexes(JOBS_COLLECTION)).map((index) => index.name);
    expect(names).to.include.members(['status_dueAt', 'key']);
  });

  it('runs jobs in its loop every pollMs and waits for the running job when stopped', async () => {
    let finished = false;
    registerJobHandler('test.loop', async () => {
      await sleep(60);
      finished = true;
    });
    const looping = scheduler({ pollMs: 10 });
    looping.start();
    try {
      await tenant.store.unitOfWork((tx) => enqueueJob(tx, { kind: 'test.loop', dueAt: new Date(), payload: {} }));
      for (let i = 0; i < 50 && (await jobs().count({ kind: 'test.loop', leasedBy: looping.options.owner })) === 0; i++) await sleep(10);
    } finally {
      await looping.stop();
    }
    expect(finished).to.equal(true);
    expect(await jobs().count({ kind: 'test.loop', status: 'done' })).to.equal(1);
  });
});
