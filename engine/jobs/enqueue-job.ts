import { InternalError } from '../errors/index.js';
import { newId } from '../store/new-id.js';
import type { Collections, Filter } from '../store/port.js';
import { requestIdOfUnit, traceHeaders } from '../observability/index.js';
import { JOBS_COLLECTION, type JobDoc } from './job.js';

export interface NewJob {
  kind: string;
  dueAt: Date;
  payload: Record<string, unknown>;
  /** Makes the job idempotent and cancellable: while a job with this key is due, enqueueing it again returns that job. */
  key?: string;
}

/**
 * Schedules a job in the caller's unit of work, so the job lands exactly when the change that asks
 * for it does, and not at all when that change rolls back. Returns the job's id.
 */
export async function enqueueJob(tx: Collections, job: NewJob): Promise<string> {
  if (job.kind === '') throw new InternalError('enqueueJob: a job needs a kind.');
  if (Number.isNaN(job.dueAt.getTime())) throw new InternalError(`enqueueJob: the due time of a '${job.kind}' job is not a valid date.`);
  const jobs = tx.collection<JobDoc>(JOBS_COLLECTION);
  if (job.key !== undefined) {
    const pending = await jobs.findOne({ key: job.key, status: 'due' });
    if (pending) return pending._id;
  }
  const requestId = requestIdOfUnit(tx);
  const trace = traceHeaders();
  const doc: JobDoc = {
    _id: newId(),
    kind: job.kind,
    dueAt: job.dueAt.toISOString(),
    payload: job.payload,
    status: 'due',
    attempts: 0,
    ...(job.key === undefined ? {} : { key: job.key, dueKey: job.key }),
    createdAt: new Date().toISOString(),
    ...(requestId === undefined ? {} : { requestId }),
    ...(trace.traceparent === undefined ? {} : { trace }),
  };
  await jobs.insertOne(doc);
  return doc._id;
}

/** Which due jobs to cancel; at least one criterion, all of those given must match. */
export interface JobSelector {
  key?: string;
  kind?: string;
  keyPrefix?: string;
}

/**
 * Cancels the matching due jobs in the caller's unit of work (an approval step that ended before
 * its reminder fired). A job running at that moment is not stopped, but it is neither marked done
 * nor retried afterwards. Returns how many jobs were cancelled.
 */
export async function cancelJobs(tx: Collections, filter: JobSelector): Promise<number> {
  const { key, kind, keyPrefix } = filter;
  if (key === undefined && kind === undefined && keyPrefix === undefined) {
    throw new InternalError('cancelJobs: name the jobs by key, kind or keyPrefix; cancelling every due job is never meant.');
  }
  if (key !== undefined && keyPrefix !== undefined && !key.startsWith(keyPrefix)) return 0;
  // A flat filter, so the embedded store narrows it by the status and key indexes.
  const match: Filter = { status: 'due' };
  if (kind !== undefined) match.kind = kind;
  if (key !== undefined) match.key = key;
  else if (keyPrefix !== undefined) match.key = { $regex: `^${escapeRegex(keyPrefix)}` };
  const result = await tx.collection<JobDoc>(JOBS_COLLECTION).updateMany(match, { $set: { status: 'cancelled', doneAt: new Date().toISOString() }, $unset: { dueKey: '' } });
  return result.modified;
}

/** The keys of the due jobs whose key starts with `keyPrefix`: what a planner compares with what it wants due. */
export async function dueJobKeys(tx: Collections, keyPrefix: string): Promise<string[]> {
  const due = await tx.collection<JobDoc>(JOBS_COLLECTION).find({ status: 'due', key: { $regex: `^${escapeRegex(keyPrefix)}` } }, { projection: { key: 1 } });
  return due.map((job) => job.key!);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
