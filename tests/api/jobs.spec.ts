import { expect } from 'chai';
import { enqueueJob, JOBS_COLLECTION, registerJobHandler, type JobDoc } from '../../engine/jobs/index.js';
import { expectError } from '../support/api-helpers.js';
import { createUser, tokenFor } from '../support/auth-helpers.js';
import { startConfiguredEngine, type ConfiguredEngine } from '../support/configured-engine.js';
import { captureConsoleErrors } from '../support/console-capture.js';

const HOUR = 60 * 60 * 1000;
const later = (ms: number) => new Date(Date.now() + ms);

describe('jobs over the real engine', () => {
  /** Job ids in the order their handler ran them, with the tenant they ran in. */
  const fired: { id: string; tenant: string }[] = [];
  before(() => {
    registerJobHandler('test.restart', async (tenant, job) => {
      fired.push({ id: job._id, tenant: tenant.name });
    });
    registerJobHandler('test.broken', async () => {
      throw new Error('the ledger service is down');
    });
  });
  beforeEach(() => {
    fired.length = 0;
  });

  describe('across a restart', () => {
    let engine: ConfiguredEngine | undefined;
    afterEach(async () => {
      await engine?.stop(true);
      engine = undefined;
    });

    it('fires a job enqueued before the restart in the engine started after it, once', async () => {
      const first = await startConfiguredEngine();
      const id = await first.tenant.store.unitOfWork((tx) => enqueueJob(tx, { kind: 'test.restart', dueAt: later(HOUR), payload: {} }));
      expect(await first.jobs.runDue()).to.equal(0);
      await first.stop();
      engine = await startConfiguredEngine({}, first.dataDir);
      expect(await engine.jobs.runDue(later(2 * HOUR))).to.equal(1);
      expect(await engine.jobs.runDue(later(3 * HOUR))).to.equal(0);
      expect(fired).to.deep.equal([{ id, tenant: 'default' }]);
    });

    it('takes over, after the restart, a job whose runner died with the old engine once its lease ran out', async () => {
      const first = await startConfiguredEngine();
      const id = await first.tenant.store.unitOfWork((tx) => enqueueJob(tx, { kind: 'test.restart', dueAt: new Date(), payload: {} }));
      // Claimed, then the process died: the lease stands, nothing marks the job done.
      await first.tenant.store.collection<JobDoc>(JOBS_COLLECTION).updateOne({ _id: id }, { $set: { leaseUntil: later(5 * 60_000).toISOString(), leasedBy: 'crashed' }, $inc: { attempts: 1 } });
      await first.stop();
      engine = await startConfiguredEngine({}, first.dataDir);
      expect(await engine.jobs.runDue()).to.equal(0);
      expect(await engine.jobs.runDue(later(6 * 60_000))).to.equal(1);
      expect(fired.map((run) => run.id)).to.deep.equal([id]);
      expect(await engine.tenant.store.collection<JobDoc>(JOBS_COLLECTION).findOne({ _id: id })).to.include({ status: 'done', attempts: 2 });
    });

    it('fires the jobs of a tenant nobody has opened since the restart', async () => {
      const first = await startConfiguredEngine();
      const acme = await first.platform.registerTenant('acme');
      const id = await acme.store.unitOfWork((tx) => enqueueJob(tx, { kind: 'test.restart', dueAt: later(HOUR), payload: {} }));
      await first.stop();
      engine = await startConfiguredEngine({}, first.dataDir);
      expect(await engine.jobs.runDue(later(2 * HOUR))).to.equal(1);
      expect(fired).to.deep.equal([{ id, tenant: 'acme' }]);
    });
  });

  describe('GET /api/v1/jobs', () => {
    let engine: ConfiguredEngine;
    let failedId: string;
    before(async () => {
      engine = await startConfiguredEngine({ jobs: { maxAttempts: 3 } });
      failedId = await engine.tenant.store.unitOfWork((tx) => enqueueJob(tx, { kind: 'test.broken', dueAt: new Date(), payload: { invoice: 'INV-7' } }));
      await engine.tenant.store.unitOfWork((tx) => enqueueJob(tx, { kind: 'test.restart', dueAt: new Date(), payload: {} }));
      const errors = captureConsoleErrors();
      try {
        for (const hours of [0, 1, 2, 3]) await engine.jobs.runDue(later(hours * HOUR));
      } finally {
        errors.restore();
      }
      expect(errors.lines.join('\n')).to.contain(`'test.broken' job ${failedId} of tenant 'default' failed for good after 3 attempts`);
    });
    after(() => engine.stop(true));

    it('lists the failed jobs with their last error for an administrator', async () => {
      const response = await engine.request('GET', '/api/v1/jobs?status=failed');
      expect(response.status).to.equal(200);
      expect(response.body.next).to.equal(null);
      expect(response.body.jobs).to.have.length(1);
      expect(response.body.jobs[0]).to.include({ _id: failedId, kind: 'test.broken', status: 'failed', attempts: 3, lastError: 'the ledger service is down' });
      expect(response.body.jobs[0].payload).to.deep.equal({ invoice: 'INV-7' });
      const all = await engine.request('GET', '/api/v1/jobs?limit=1');
      expect(all.body.jobs).to.have.length(1);
      const rest = await engine.request('GET', `/api/v1/jobs?limit=1&before=${all.body.next}`);
      expect([...all.body.jobs, ...rest.body.jobs].map((job: JobDoc) => job.status).sort()).to.deep.equal(['done', 'failed']);
    });

    it('reports the failure in the audit log', async () => {
      const response = await engine.request('GET', '/api/v1/audit?action=job.failed');
      expect(response.status).to.equal(200);
      expect(response.body.entries).to.have.length(1);
      expect(response.body.entries[0]).to.include({ actor: 'system', object: 'job:test.broken', record: failedId });
      expect(response.body.entries[0].changes.lastError.new).to.equal('the ledger service is down');
    });

    it('refuses an unknown status and a malformed cursor with 400', async () => {
      const details = expectError(await engine.request('GET', '/api/v1/jobs?status=broken'), 400, 'validation_failed');
      expect(details).to.deep.equal([{ path: '/status', message: "must be one of due, done, failed, cancelled, running, got 'broken'" }]);
      expectError(await engine.request('GET', '/api/v1/jobs?before=x'), 400, 'validation_failed');
    });

    it('is for users who may view the audit log only', async () => {
      await createUser(engine, { full_name: 'Sam Seller', email: 'sam@example.com', permission_sets: ['standard_user'] }, 'sam-password-long-enough');
      const token = await tokenFor(engine, 'sam@example.com', 'sam-password-long-enough');
      const sam = { authorization: `Bearer ${token}` };
      expectError(await engine.request('GET', '/api/v1/jobs?status=failed', undefined, sam), 403, 'forbidden');
      expectError(await engine.request('GET', '/api/v1/outbox/email', undefined, sam), 403, 'forbidden');
      expectError(await engine.request('GET', '/api/v1/outbox/webhook', undefined, sam), 403, 'forbidden');
      expect((await engine.request('GET', '/api/v1/jobs', undefined, { authorization: '' })).status).to.equal(401);
    });
  });
});
