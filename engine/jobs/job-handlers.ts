import type { Tenant } from '../context/index.js';
import type { JobDoc } from './job.js';

/**
 * Runs one job of a kind. Throwing fails the attempt: the scheduler retries with back-off and, after
 * the last attempt, marks the job failed. A job may run more than once (a runner that died after
 * the work but before marking it done), so handlers should be safe to repeat.
 */
export type JobHandler = (tenant: Tenant, job: JobDoc) => Promise<void>;

/**
 * How a kind's failed attempts are retried, where it differs from the scheduler's options: a call
 * to another system wants more attempts, spread out, than a timer of the engine's own.
 */
export interface RetryPolicy {
  /** Attempts before a job is marked failed for good. */
  readonly maxAttempts?: number;
  /** The delay before the first retry; it doubles with every further attempt. */
  readonly backoffMs?: number;
  /** The longest delay between two attempts. */
  readonly maxBackoffMs?: number;
  /**
   * The share of each delay drawn at random (0 to 1): 0.5 waits between half the delay and the
   * whole, so that the retries of many jobs that failed together (a receiver that was down) do
   * not all come back at the same moment.
   */
  readonly jitter?: number;
}

interface Registration {
  readonly handler: JobHandler;
  readonly retry: RetryPolicy;
}

/** Process-wide: every scheduler of the process looks handlers up here by kind when it claims a job. */
const handlers = new Map<string, Registration>();

/** Registers the handler of a kind; a later registration of the same kind replaces the earlier one. */
export function registerJobHandler(kind: string, handler: JobHandler, retry: RetryPolicy = {}): void {
  handlers.set(kind, { handler, retry });
}

export function jobHandler(kind: string): JobHandler | undefined {
  return handlers.get(kind)?.handler;
}

/** The kind's own retry policy (empty: the scheduler's options). */
export function retryPolicy(kind: string): RetryPolicy {
  return handlers.get(kind)?.retry ?? {};
}
