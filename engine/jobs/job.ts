import type { StoredMessage } from '../i18n/message.js';
import type { Doc, IndexSpec } from '../store/port.js';

/** The tenant's due-jobs: timers and deliveries, claimed by whichever scheduler gets there first. */
export const JOBS_COLLECTION = 'jobs';

/**
 * The claim asks for due jobs by status and time: MongoDB answers it from the compound index. The
 * embedded store narrows by single-field indexes only, so status and key have one each (the key's
 * serves `cancelJobs` and the look-up that makes `enqueueJob` idempotent); `due_key` keeps a key to
 * one due job.
 */
export const JOB_INDEXES: readonly IndexSpec[] = [
  { name: 'status_dueAt', keys: { status: 1, dueAt: 1 } },
  { name: 'status', keys: { status: 1 } },
  { name: 'key', keys: { key: 1 } },
  { name: 'due_key', keys: { dueKey: 1 }, unique: true },
];

export type JobStatus = 'due' | 'done' | 'failed' | 'cancelled';

export const JOB_STATUSES: readonly JobStatus[] = ['due', 'done', 'failed', 'cancelled'];

export interface JobDoc extends Doc {
  /** Names the handler that runs the job (see `registerJobHandler`). */
  kind: string;
  /** ISO date-time from which the job may run; a retry moves it on by the back-off. */
  dueAt: string;
  payload: Record<string, unknown>;
  status: JobStatus;
  /** How many times a scheduler has claimed the job, the current run included. */
  attempts: number;
  /** While a scheduler runs the job: until when its claim holds. A claim that ran out is taken over. */
  leaseUntil?: string;
  leasedBy?: string;
  /** The error of the last failed attempt, in English. */
  lastError?: string;
  /** The same error as a translatable message, when the engine wrote it: read in the reader's language. */
  lastErrorMessage?: StoredMessage;
  /** The caller's name for the job: enqueueing the same key twice while it is due gives one job, and it can be cancelled by it. */
  key?: string;
  /**
   * The key again, only while the job is due: its unique index lets one due job hold a key, so two
   * units enqueueing one key at once cannot both add a job (a read first would let both pass under
   * snapshot isolation). Every change of status away from 'due' unsets it.
   */
  dueKey?: string;
  createdAt: string;
  /**
   * The id of the request that enqueued the job (X-Request-Id), so that its run logs under the same
   * id and passes it on to the calls it makes (webhooks, e-mail). Absent for jobs the engine enqueued on its own.
   */
  requestId?: string;
  /** The W3C trace context (`traceparent`) of the request that enqueued it, when something traces: its run is a span of that trace. */
  trace?: Record<string, string>;
  /** When the job ended: done, failed for good, or cancelled. */
  doneAt?: string;
}
