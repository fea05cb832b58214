import { ConflictError, NotFoundError } from '../errors/index.js';
import { msg, type Message } from '../i18n/message.js';
import { appendAudit } from '../audit/audit-log.js';
import { checkSystemRight } from '../security/object-access.js';
import type { Collections } from '../store/port.js';
import type { OperationContext } from '../context/index.js';
import { JOBS_COLLECTION, type JobDoc, type JobStatus } from './job.js';
import { jobAsRead } from './list-jobs.js';

/** A job's status in a sentence, in the reader's language. */
const STATUS_TEXT: Record<JobStatus, Message> = { due: msg`waiting to run`, done: msg`done`, failed: msg`failed`, cancelled: msg`cancelled` };

/** The right that reads the jobs and outboxes also retries them: retrying only repeats what the engine was asked to do. */
export function checkRetryRight(ctx: OperationContext): void {
  checkSystemRight(ctx, 'viewAuditLog', msg`Only users who may view the audit log (administrators) can retry jobs and deliveries.`);
}

/**
 * Makes a failed job due again now, in the caller's unit of work, and audits who did it. The
 * attempts start again from zero: the scheduler fails a job for good once its attempts reach the
 * maximum, so keeping them would leave the retry no attempt at all; the audit entry keeps how many
 * the job had used.
 */
export async function retryFailedJob(tx: Collections, job: JobDoc, actor: string): Promise<JobDoc> {
  const jobs = tx.collection<JobDoc>(JOBS_COLLECTION);
  if (job.status !== 'failed') throw new ConflictError('job_not_failed', msg`Only a failed job can be retried: job '${job._id}' is ${STATUS_TEXT[job.status]}.`);
  if (job.key !== undefined) {
    // The key holds one due job at a time (its unique index): one enqueued again since takes its place.
    const waiting = await jobs.findOne({ key: job.key, status: 'due' }, { projection: { _id: 1 } });
    if (waiting) throw new ConflictError('job_already_due', msg`Job '${job._id}' is not retried: job '${waiting._id}' does the same work and is already waiting.`);
  }
  const now = new Date().toISOString();
  const result = await jobs.updateOne(
    { _id: job._id, status: 'failed' },
    { $set: { status: 'due', dueAt: now, attempts: 0, ...(job.key === undefined ? {} : { dueKey: job.key }) }, $unset: { doneAt: '', leaseUntil: '', leasedBy: '' } },
  );
  if (result.matched === 0) throw new ConflictError('job_not_failed', msg`Only a failed job can be retried: job '${job._id}' changed meanwhile; reload and try again.`);
  await appendAudit(tx, {
    actor,
    action: 'job.retried',
    object: `job:${job.kind}`,
    record: job._id,
    changes: { status: { old: 'failed', new: 'due' }, attempts: { old: job.attempts, new: 0 } },
  });
  return (await jobs.findOne({ _id: job._id }))!;
}

/** POST /api/v1/jobs/:id/retry: a failed job runs again as soon as a scheduler passes. */
export async function retryJob(ctx: OperationContext, id: string): Promise<JobDoc> {
  checkRetryRight(ctx);
  const retried = await ctx.tenant.store.unitOfWork(async (tx) => {
    const job = await tx.collection<JobDoc>(JOBS_COLLECTION).findOne({ _id: id });
    if (!job) throw new NotFoundError(msg`There is no job '${id}'.`);
    return retryFailedJob(tx, job, ctx.principal.userId);
  });
  return jobAsRead(retried, ctx);
}
