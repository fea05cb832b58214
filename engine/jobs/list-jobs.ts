import { ValidationError } from '../errors/index.js';
import { checkSystemRight } from '../security/object-access.js';
import type { Filter } from '../store/port.js';
import type { OperationContext } from '../context/index.js';
import { JOB_STATUSES, JOBS_COLLECTION, type JobDoc, type JobStatus } from './job.js';
import { newestFirst, type Page } from './newest-first.js';
import { messageFromStored, msg } from '../i18n/message.js';

/** The statuses a listing filters by: a job's own, and `running` (due, claimed by a scheduler right now). */
export const JOB_FILTERS: readonly string[] = [...JOB_STATUSES, 'running'];

export interface JobQuery extends Page {
  status?: string;
  kind?: string;
}

/** The tenant's jobs, newest first, by status and kind: how an administrator finds what failed. */
export async function listJobs(ctx: OperationContext, query: JobQuery): Promise<{ jobs: JobDoc[]; next: string | null }> {
  checkSystemRight(ctx, 'viewAuditLog', msg`Only users who may view the audit log (administrators) can list the jobs.`);
  const filter: Filter = {};
  if (query.status === 'running') {
    // A due job a scheduler holds a live claim on; one whose claim ran out waits to be taken over.
    Object.assign(filter, { status: 'due', leaseUntil: { $gt: new Date().toISOString() } });
  } else if (query.status !== undefined) {
    if (!JOB_STATUSES.includes(query.status as JobStatus)) {
      throw new ValidationError([{ path: '/status', message: msg`must be one of ${JOB_FILTERS.join(', ')}, got '${query.status}'` }]);
    }
    filter.status = query.status;
  }
  if (query.kind !== undefined) filter.kind = query.kind;
  const { entries, next } = await newestFirst(ctx.tenant.store.collection<JobDoc>(JOBS_COLLECTION), filter, query);
  return { jobs: entries.map((job) => jobAsRead(job, ctx)), next };
}

/** A job as its reader sees it: the engine's own failure message in their language, without the store's dueKey (its key again). */
export function jobAsRead(job: JobDoc, ctx: OperationContext): JobDoc {
  const { lastErrorMessage, dueKey: _dueKey, ...rest } = job;
  return lastErrorMessage ? { ...rest, lastError: messageFromStored(lastErrorMessage).render(ctx.language) } : rest;
}
