import type { Tenant } from '../context/index.js';
import type { JobDoc } from './job.js';

/**
 * Runs one job of a kind. Throwing fails the attempt: the scheduler retries with back-off and, after
 * the last attempt, marks the job failed. A job may run more than once (a runner that died after
 * the work but before marking it done), so handlers should be safe to repeat.
 */
export type JobHandler = (tenant: Tenant, job: JobDoc) => Promise<void>;

/** Process-wide: every scheduler of the process looks handlers up here by kind when it claims a job. */
const handlers = new Map<string, JobHandler>();

/** Registers the handler of a kind; a later registration of the same kind replaces the earlier one. */
export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

export function jobHandler(kind: string): JobHandler | undefined {
  return handlers.get(kind);
}
