import type { Store } from '../store/port.js';
import { WEBHOOK_DELIVERIES, type WebhookDelivery } from './webhook-delivery.js';

/** How long the log keeps a delivery that ended (delivered or failed), and how many of them per webhook at most. */
export const DELIVERY_RETENTION = { days: 30, perWebhook: 1000 };

/**
 * Keeps a webhook's delivery log bounded, run whenever one of its deliveries ends: what ended more
 * than `days` ago goes, and past `perWebhook` deliveries the oldest ended ones. Pending ones stay.
 */
export async function purgeDeliveries(store: Store, webhook: string, retention = DELIVERY_RETENTION): Promise<void> {
  const deliveries = store.collection<WebhookDelivery>(WEBHOOK_DELIVERIES);
  const cutoff = new Date(Date.now() - retention.days * 24 * 60 * 60 * 1000).toISOString();
  await deliveries.deleteMany({ webhook, status: { $ne: 'pending' }, createdAt: { $lt: cutoff } });
  const ended = await deliveries.find({ webhook, status: { $ne: 'pending' } }, { sort: { _id: -1 }, skip: retention.perWebhook, projection: { _id: 1 } });
  if (ended.length > 0) await deliveries.deleteMany({ _id: { $in: ended.map((delivery) => delivery._id) } });
}
