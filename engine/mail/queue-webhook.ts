import { ValidationError } from '../errors/index.js';
import { enqueueJob } from '../jobs/index.js';
import { newId } from '../store/new-id.js';
import type { Collections } from '../store/port.js';
import { parseWebhookUrl } from './webhook-url.js';
import { WEBHOOK_DELIVER, WEBHOOK_OUTBOX, type OutboxWebhook, type WebhookCall } from './outbox-webhook.js';
import { msg } from '../i18n/message.js';

/**
 * Puts a webhook call in the outbox and schedules its delivery, both in the caller's unit of work:
 * the call is made only if the change that makes it commits. Returns the call's id.
 */
export async function queueWebhook(tx: Collections, call: WebhookCall): Promise<string> {
  const url = parseWebhookUrl(call.url);
  const body = JSON.stringify(call.body);
  if (body === undefined) throw new ValidationError([{ path: '/body', message: msg`must be a JSON value` }]);
  const doc: OutboxWebhook = {
    _id: newId(),
    url: url.href,
    body,
    ...(call.reason === undefined ? {} : { reason: call.reason }),
    status: 'pending',
    queuedAt: new Date().toISOString(),
  };
  await tx.collection<OutboxWebhook>(WEBHOOK_OUTBOX).insertOne(doc);
  await enqueueJob(tx, { kind: WEBHOOK_DELIVER, dueAt: new Date(), payload: { id: doc._id }, key: `${WEBHOOK_DELIVER}:${doc._id}` });
  return doc._id;
}
