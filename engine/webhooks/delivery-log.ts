import type { OperationContext } from '../context/index.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors/index.js';
import { msg } from '../i18n/message.js';
import { enqueueJob, JOBS_COLLECTION, newestFirst, type JobDoc, type Page } from '../jobs/index.js';
import { checkSystemRight, hasSystemRight } from '../security/object-access.js';
import { deliveryJobKey } from './queue-deliveries.js';
import { WEBHOOK_DELIVERIES, WEBHOOK_EVENT_DELIVER, type DeliveryStatus, type WebhookDelivery } from './webhook-delivery.js';

const STATUSES: readonly DeliveryStatus[] = ['pending', 'delivered', 'failed'];

/** A delivery as the log shows it: when a pending one is tried next, and its body only to readers of all data. */
export type DeliveryView = Omit<WebhookDelivery, 'body'> & { body?: string; nextAttemptAt?: string };

/**
 * GET /api/v1/webhooks/:name/deliveries: the webhook's deliveries, newest first, each with its
 * attempts (time, duration, answer, error). A body carries record values, any of their fields:
 * only readers who may view all data get it.
 */
export async function listDeliveries(ctx: OperationContext, name: string, page: Page & { status?: string }): Promise<{ deliveries: DeliveryView[]; next: string | null }> {
  checkWebhookRight(ctx, name);
  if (page.status !== undefined && !(STATUSES as readonly string[]).includes(page.status)) {
    throw new ValidationError([{ path: '/status', message: msg`must be one of ${STATUSES.join(', ')}, got '${page.status}'` }]);
  }
  const store = ctx.tenant.store;
  const { entries, next } = await newestFirst(store.collection<WebhookDelivery>(WEBHOOK_DELIVERIES), { webhook: name, ...(page.status ? { status: page.status } : {}) }, page);
  const pending = entries.filter((delivery) => delivery.status === 'pending').map((delivery) => deliveryJobKey(delivery._id));
  const due = pending.length === 0 ? [] : await store.collection<JobDoc>(JOBS_COLLECTION).find({ key: { $in: pending }, status: 'due' }, { projection: { key: 1, dueAt: 1 } });
  const dueAt = new Map(due.map((job) => [job.key!, job.dueAt]));
  const bodies = hasSystemRight(ctx, 'viewAllData');
  const deliveries = entries.map(({ body, ...delivery }) => {
    const nextAttemptAt = dueAt.get(deliveryJobKey(delivery._id));
    return { ...delivery, ...(bodies ? { body } : {}), ...(nextAttemptAt ? { nextAttemptAt } : {}) };
  });
  return { deliveries, next };
}

/**
 * POST /api/v1/webhooks/:name/deliveries/:id/replay: sends a delivery again now, whatever became
 * of it: the same body and the same delivery id (receivers tell a repeat by X-CRM-Delivery), a
 * new signature timestamp. Retried like the first time if the receiver fails it.
 */
export async function replayDelivery(ctx: OperationContext, name: string, id: string): Promise<DeliveryView> {
  checkWebhookRight(ctx, name);
  return ctx.tenant.store.unitOfWork(async (tx) => {
    const deliveries = tx.collection<WebhookDelivery>(WEBHOOK_DELIVERIES);
    const delivery = await deliveries.findOne({ _id: id, webhook: name });
    if (!delivery) throw new NotFoundError(msg`Webhook '${name}' has no delivery '${id}'.`);
    const key = deliveryJobKey(id);
    if (await tx.collection<JobDoc>(JOBS_COLLECTION).findOne({ key, status: 'due' }, { projection: { _id: 1 } })) {
      throw new ConflictError('delivery_pending', msg`Delivery '${id}' is waiting for its next attempt already: wait for it, or replay it once it ended.`);
    }
    await deliveries.updateOne({ _id: id }, { $set: { status: 'pending' } });
    await enqueueJob(tx, { kind: WEBHOOK_EVENT_DELIVER, dueAt: new Date(), payload: { id, replay: true }, key });
    const { body: _body, ...shown } = (await deliveries.findOne({ _id: id }))!;
    return shown;
  });
}

function checkWebhookRight(ctx: OperationContext, name: string): void {
  checkSystemRight(ctx, 'manageMetadata', msg`Only users who may manage metadata (administrators) can read and replay the deliveries of webhooks.`);
  if (!ctx.snapshot.webhooks.has(name)) throw new NotFoundError(msg`There is no webhook named '${name}'.`);
}
