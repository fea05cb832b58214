import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { EngineError } from '../errors/index.js';
import { msg, renderText, type Text } from '../i18n/message.js';
import { appendAudit, type AuditAction } from '../audit/audit-log.js';
import type { Filter, Store } from '../store/port.js';
import type { Tenant } from '../context/index.js';
import { JOB_INDEXES, JOBS_COLLECTION, type JobDoc } from './job.js';
import { jobHandler, retryPolicy } from './job-handlers.js';
import { activeSpan, failSpan, inSpan, log } from '../observability/index.js';

/** Where the scheduler finds the tenants to run jobs for (tenancy's Platform is one). */
export interface TenantSource {
  listTenants(): Promise<readonly { readonly _id: string }[]>;
  tenant(name: string): Promise<Tenant>;
}

export interface JobSchedulerOptions {
  /** The pause between two passes of the loop `start()` runs. */
  pollMs: number;
  /** How long a claim holds; a running job's claim is renewed every half of it, so only a dead runner's runs out. */
  leaseMs: number;
  /** Attempts before a job is marked failed for good. */
  maxAttempts: number;
  /** The delay before the first retry; it doubles with every further attempt. */
  backoffMs: number;
  /** The longest delay between two attempts. */
  maxBackoffMs: number;
  /** Names this scheduler in the jobs it claims (`leasedBy`); unique per process by default. */
  owner: string;
  /** The most jobs one tenant runs in one pass, so that one tenant's backlog does not hold up the others. */
  batchSize: number;
}

export const DEFAULT_JOB_SCHEDULER_OPTIONS: Omit<JobSchedulerOptions, 'owner'> = {
  pollMs: 1000,
  leaseMs: 5 * 60 * 1000,
  maxAttempts: 5,
  backoffMs: 30 * 1000,
  maxBackoffMs: 60 * 60 * 1000,
  batchSize: 100,
};

/** AuditAction (engine/audit/audit-log.ts) has no job actions yet: the cast goes once 'job.failed' is a member. */
const JOB_FAILED: AuditAction = 'job.failed';
const MAX_ERROR_LENGTH = 2000;

/**
 * Runs the due-jobs of every tenant. A job is claimed with a lease in one atomic update, so that
 * any number of schedulers (in one process or in several engine instances on one store) run each
 * job once, and a job whose runner died is taken over when its lease runs out.
 */
export class JobScheduler {
  readonly options: JobSchedulerOptions;
  private readonly prepared = new WeakSet<Tenant>();
  private readonly inFlight = new Set<Promise<number>>();
  private timer: NodeJS.Timeout | undefined;
  private looping = false;
  private halted = false;

  constructor(
    private readonly platform: TenantSource,
    options: Partial<JobSchedulerOptions> = {},
  ) {
    this.options = { ...DEFAULT_JOB_SCHEDULER_OPTIONS, owner: `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`, ...options };
  }

  /** Runs a pass now, and then one every `pollMs` after the previous one ended. */
  start(): void {
    if (this.looping) return;
    this.looping = true;
    const loop = () => {
      void this.runDue()
        .catch((error: unknown) => log.error({ err: error }, 'jobs: a pass over the tenants failed'))
        .finally(() => {
          if (!this.looping) return;
          this.timer = setTimeout(loop, this.options.pollMs);
          this.timer.unref();
        });
    };
    loop();
  }

  /**
   * Ends the loop and waits for the passes in flight, which stop after the job each one is running.
   * `runDue` still works afterwards (tests stop the loop to fire jobs only when they ask).
   */
  async stop(): Promise<void> {
    this.looping = false;
    clearTimeout(this.timer);
    this.halted = true;
    try {
      await Promise.allSettled([...this.inFlight]);
    } finally {
      this.halted = false;
    }
  }

  /**
   * One pass over every tenant (each opened if it is not yet): runs the jobs due at `now` and returns
   * how many ran, failed attempts included. Tests pass `now` to fire timers without waiting.
   */
  async runDue(now?: Date): Promise<number> {
    const pass = this.pass(now);
    this.inFlight.add(pass);
    try {
      return await pass;
    } finally {
      this.inFlight.delete(pass);
    }
  }

  private async pass(now: Date | undefined): Promise<number> {
    let ran = 0;
    // Every tenant, not only those a request opened since the start: a timer fires after a restart
    // even in a tenant nobody has used since.
    for (const { _id: name } of await this.platform.listTenants()) {
      if (this.halted) break;
      try {
        ran += await this.runTenant(await this.platform.tenant(name), now);
      } catch (error) {
        log.error({ err: error, tenant: name }, `jobs: the jobs of tenant '${name}' could not be run`);
      }
    }
    return ran;
  }

  private async runTenant(tenant: Tenant, now: Date | undefined): Promise<number> {
    if (!this.prepared.has(tenant)) {
      await tenant.store.ensureIndexes(JOBS_COLLECTION, [...JOB_INDEXES]);
      this.prepared.add(tenant);
    }
    let ran = 0;
    while (ran < this.options.batchSize && !this.halted) {
      const job = await this.claim(tenant.store, now ?? new Date());
      if (!job) break;
      // The job runs in the trace of the request that enqueued it when something traces; its handlers read
      // that request's id from the job (job.requestId) for their log lines and outgoing calls.
      const attributes = { 'crm.job.id': job._id, 'crm.job.kind': job.kind, 'crm.job.attempt': job.attempts, 'crm.tenant': tenant.name };
      await inSpan(`job ${job.kind}`, 'consumer', attributes, job.trace, (span) =>
        this.run(tenant, job, now).finally(() => span.end()),
      );
      ran++;
    }
    return ran;
  }

  private async claim(store: Store, at: Date): Promise<JobDoc | null> {
    const iso = at.toISOString();
    const jobs = store.collection<JobDoc>(JOBS_COLLECTION);
    const due: Filter = { status: 'due', dueAt: { $lte: iso }, $or: [{ leaseUntil: null }, { leaseUntil: { $lt: iso } }] };
    // A read first: reads never queue behind the store's writes, and most passes find nothing due.
    if (!(await jobs.findOne(due, { projection: { _id: 1 } }))) return null;
    return jobs.findOneAndUpdate(due, { $set: { leaseUntil: this.leaseFrom(at), leasedBy: this.options.owner }, $inc: { attempts: 1 } });
  }

  private leaseFrom(at: Date): string {
    return new Date(at.getTime() + this.options.leaseMs).toISOString();
  }

  /** Matches the job only while this scheduler's claim on it stands: `attempts` grows with every claim. */
  private fence(job: JobDoc): Filter {
    return { _id: job._id, status: 'due', leasedBy: this.options.owner, attempts: job.attempts };
  }

  private async run(tenant: Tenant, job: JobDoc, now: Date | undefined): Promise<void> {
    const jobs = tenant.store.collection<JobDoc>(JOBS_COLLECTION);
    const policy = { ...this.options, ...retryPolicy(job.kind) };
    if (job.attempts > policy.maxAttempts) {
      // Its runner died during the last attempt (the lease ran out): running it again could kill this one too.
      await this.fail(tenant, job, msg`The runner of attempt ${job.attempts - 1} stopped before it ended (its lease ran out).`, now ?? new Date());
      return;
    }
    const renewal = setInterval(() => {
      jobs.updateOne(this.fence(job), { $set: { leaseUntil: this.leaseFrom(now ?? new Date()) } }).catch((error: unknown) => log.error({ err: error, job: job._id, requestId: job.requestId ?? `job-${job._id}` }, `jobs: could not renew the lease of job ${job._id}`));
    }, this.options.leaseMs / 2);
    renewal.unref();
    let failure: Text | undefined;
    try {
      const handler = jobHandler(job.kind);
      if (handler) await handler(tenant, job);
      else failure = msg`No handler is registered for job kind '${job.kind}'; register one with registerJobHandler('${job.kind}', handler) at start-up.`;
    } catch (error) {
      failure = failureOf(error);
    } finally {
      clearInterval(renewal);
    }
    const at = now ?? new Date();
    if (failure !== undefined) failSpan(activeSpan(), renderText(failure, 'en'));
    if (failure === undefined) {
      await jobs.updateOne(this.fence(job), { $set: { status: 'done', doneAt: at.toISOString() }, $unset: { leaseUntil: '', dueKey: '' } });
    } else if (job.attempts >= policy.maxAttempts) {
      await this.fail(tenant, job, failure, at);
    } else {
      const delay = backoff(policy, job.attempts);
      await jobs.updateOne(this.fence(job), { $set: { dueAt: new Date(at.getTime() + delay).toISOString(), ...storedError(failure) }, $unset: { leaseUntil: '', ...noMessage(failure) } });
    }
  }

  /** Marks the job failed for good and reports it: on the console, and in the tenant's audit log in the same unit of work. */
  private async fail(tenant: Tenant, job: JobDoc, failure: Text, at: Date): Promise<void> {
    const message = String(failure);
    const marked = await tenant.store.unitOfWork(async (tx) => {
      const result = await tx.collection<JobDoc>(JOBS_COLLECTION).updateOne(this.fence(job), {
        $set: { status: 'failed', ...storedError(failure), doneAt: at.toISOString() },
        $unset: { leaseUntil: '', dueKey: '', ...noMessage(failure) },
      });
      if (result.matched === 0) return false;
      await appendAudit(tx, {
        actor: 'system',
        action: JOB_FAILED,
        object: `job:${job.kind}`,
        record: job._id,
        changes: { status: { old: 'due', new: 'failed' }, lastError: { old: job.lastError ?? null, new: message } },
      });
      return true;
    });
    if (marked) log.error({ tenant: tenant.name, job: job._id, kind: job.kind, requestId: job.requestId ?? `job-${job._id}` }, `jobs: the '${job.kind}' job ${job._id} of tenant '${tenant.name}' failed for good after ${job.attempts} attempts: ${message}`);
  }
}

/** The wait after a failed attempt: doubling from `backoffMs`, at most `maxBackoffMs`, less a random share of it (`jitter`). */
export function backoff(policy: { backoffMs: number; maxBackoffMs: number; jitter?: number }, attempt: number): number {
  const delay = Math.min(policy.backoffMs * 2 ** (attempt - 1), policy.maxBackoffMs);
  return Math.round(delay * (1 - (policy.jitter ?? 0) * Math.random()));
}

/** What a failed attempt leaves: an engine error's translatable message, else the error's own (English) text. */
function failureOf(error: unknown): Text {
  if (error instanceof EngineError) return error.text;
  return (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH) || msg`The handler failed without a message.`;
}

/** The job's error fields for a failure: English text always, the message to translate when there is one. */
function storedError(failure: Text): Pick<JobDoc, 'lastError' | 'lastErrorMessage'> {
  const lastError = String(failure).slice(0, MAX_ERROR_LENGTH);
  return typeof failure === 'string' ? { lastError } : { lastError, lastErrorMessage: failure.toStored() };
}

/** A plain-text failure removes the message an earlier attempt may have left. */
function noMessage(failure: Text): Record<string, ''> {
  return typeof failure === 'string' ? { lastErrorMessage: '' } : {};
}
