export { JOBS_COLLECTION, JOB_INDEXES, JOB_STATUSES, type JobDoc, type JobStatus } from './job.js';
export { enqueueJob, cancelJobs, dueJobKeys, type NewJob, type JobSelector } from './enqueue-job.js';
export { registerJobHandler, retryPolicy, type JobHandler, type RetryPolicy } from './job-handlers.js';
export { JobScheduler, DEFAULT_JOB_SCHEDULER_OPTIONS, type JobSchedulerOptions } from './job-scheduler.js';
export { listJobs, JOB_FILTERS, type JobQuery } from './list-jobs.js';
export { retryJob, retryFailedJob, checkRetryRight } from './retry-job.js';
export { newestFirst, type Page } from './newest-first.js';
