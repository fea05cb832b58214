import { ConflictError, NotFoundError, ValidationError } from '../errors/index.js';
import { msg } from '../i18n/message.js';
import { checkRetryRight, JOBS_COLLECTION, retryFailedJob, type JobDoc, type JobStatus } from '../jobs/index.js';
import type { Collections, Doc, Filter } from '../store/port.js';
import type { OperationContext } from '../context/index.js';
import { EMAIL_DELIVER, EMAIL_OUTBOX } from './outbox-email.js';
import { WEBHOOK_DELIVER, WEBHOOK_OUTBOX } from './outbox-webhook.js';

export type OutboxKind = 'email' | 'webhook';

/** Each outbox: its collection, the job kind that delivers its entries, and the status of a delivered entry. */
const OUTBOXES = {
  email: { collection: EMAIL_OUTBOX, job: EMAIL_DELIVER, delivered: 'sent' },
  webhook: { collection: WEBHOOK_OUTBOX, job: WEBHOOK_DELIVER, delivered: 'delivered' },
} as const;

/**
 * Where an entry's delivery stands, from the job that delivers it: the outbox itself only knows
 * pending and delivered, so a delivery that ran out of attempts shows here as `failed`.
 */
export interface Delivery {
  job: string;
  status: JobStatus;
  attempts: number;
  dueAt: string;
}

export function isOutboxKind(kind: string): kind is OutboxKind {
  return kind === 'email' || kind === 'webhook';
}

/** The statuses an outbox listing filters by: the entry's own two, and `failed` (pending, its delivery failed for good). */
export function outboxFilters(kind: OutboxKind): string[] {
  return ['pending', OUTBOXES[kind].delivered, 'failed'];
}

const deliveryKey = (kind: OutboxKind, id: string) => `${OUTBOXES[kind].job}:${id}`;

/** The delivery of each entry by its id: the newest job of its key (the queue gives each entry one). */
export async function deliveriesOf(store: Collections, kind: OutboxKind, ids: string[]): Promise<Map<string, Delivery>> {
  const deliveries = new Map<string, Delivery>();
  if (ids.length === 0) return deliveries;
  const jobs = await store.collection<JobDoc>(JOBS_COLLECTION).find({ key: { $in: ids.map((id) => deliveryKey(kind, id)) } }, { sort: { _id: 1 } });
  for (const job of jobs) {
    if (typeof job.payload.id === 'string') deliveries.set(job.payload.id, { job: job._id, status: job.status, attempts: job.attempts, dueAt: job.dueAt });
  }
  return deliveries;
}

/** The store filter of an outbox listing's `?status=`. */
export async function outboxStatusFilter(store: Collections, kind: OutboxKind, status: string | undefined): Promise<Filter> {
  if (status === undefined) return {};
  if (!outboxFilters(kind).includes(status)) {
    throw new ValidationError([{ path: '/status', message: msg`must be one of ${outboxFilters(kind).join(', ')}, got '${status}'` }]);
  }
  if (status === OUTBOXES[kind].delivered) return { status };
  const failed = await store.collection<JobDoc>(JOBS_COLLECTION).find({ kind: OUTBOXES[kind].job, status: 'failed' }, { projection: { payload: 1 } });
  const ids = failed.flatMap((job) => (typeof job.payload.id === 'string' ? [job.payload.id] : []));
  return { status: 'pending', _id: status === 'failed' ? { $in: ids } : { $nin: ids } };
}

/**
 * POST /api/v1/outbox/:kind/:id/retry: the failed delivery of an e-mail or a webhook call is tried
 * again now (its job retried, see retryFailedJob). Returns the delivery as it stands afterwards.
 */
export async function retryDelivery(ctx: OperationContext, kind: string, id: string): Promise<Delivery> {
  checkRetryRight(ctx);
  if (!isOutboxKind(kind)) throw new NotFoundError(msg`There is no outbox '${kind}': the outboxes are email and webhook.`);
  return ctx.tenant.store.unitOfWork(async (tx) => {
    const entry = await tx.collection<Doc & { status: string }>(OUTBOXES[kind].collection).findOne({ _id: id });
    if (!entry) throw new NotFoundError(kind === 'email' ? msg`The e-mail outbox holds no message '${id}'.` : msg`The webhook outbox holds no call '${id}'.`);
    if (entry.status === OUTBOXES[kind].delivered) throw new ConflictError('already_delivered', msg`'${id}' was delivered already: there is nothing to retry.`);
    const job = (await tx.collection<JobDoc>(JOBS_COLLECTION).find({ key: deliveryKey(kind, id) }, { sort: { _id: -1 }, limit: 1 }))[0];
    if (!job) throw new ConflictError('job_not_failed', msg`'${id}' has no delivery to retry.`);
    const retried = await retryFailedJob(tx, job, ctx.principal.userId);
    return { job: retried._id, status: retried.status, attempts: retried.attempts, dueAt: retried.dueAt };
  });
}
