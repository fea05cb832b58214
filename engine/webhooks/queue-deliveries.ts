import type { OperationContext } from '../context/index.js';
import { enqueueJob } from '../jobs/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import type { CompiledWebhook, WebhookEventName } from '../metadata/webhooks/compile-webhook.js';
import { newId } from '../store/new-id.js';
import type { Collections } from '../store/port.js';
import { hiddenFields, recordPayload } from './record-payload.js';
import { WEBHOOK_DELIVERIES, WEBHOOK_EVENT_DELIVER, type WebhookDelivery } from './webhook-delivery.js';

/** What happened, as the queue matches it against the webhooks' events. */
export interface WebhookOccurrence {
  readonly type: WebhookEventName;
  readonly object: CompiledObject;
  readonly record: StoredRecord;
  /** record.updated: the fields whose values changed. */
  readonly changed?: readonly string[];
  /** Approval events: the decision. */
  readonly approval?: { readonly process: string; readonly step: string | null; readonly actor: string; readonly comment?: string };
}

/**
 * Queues one delivery per active webhook that listens to the occurrence, in the caller's unit of
 * work: the delivery and the job that sends it exist exactly when the change that caused them
 * commits. Returns the deliveries' ids.
 */
export async function queueDeliveries(tx: Collections, ctx: Pick<OperationContext, 'snapshot' | 'tenant'>, occurrence: WebhookOccurrence): Promise<string[]> {
  const ids: string[] = [];
  for (const webhook of ctx.snapshot.webhooks.values()) {
    if (!webhook.active || !listensTo(webhook, occurrence)) continue;
    const hidden = await hiddenFields(tx, ctx.snapshot, webhook, occurrence.object);
    const id = newId();
    const occurredAt = new Date().toISOString();
    const body = {
      id,
      type: occurrence.type,
      occurredAt,
      webhook: webhook.name,
      tenant: ctx.tenant.name,
      object: occurrence.object.name,
      recordId: occurrence.record._id,
      // A change of a field the receiver may not read is not news it may have.
      ...(occurrence.changed ? { changed: hidden === null ? [] : occurrence.changed.filter((field) => !hidden.has(field)) } : {}),
      ...(occurrence.approval ? { approval: occurrence.approval } : {}),
      record: recordPayload(occurrence.record, hidden),
    };
    const delivery: WebhookDelivery = { _id: id, webhook: webhook.name, event: occurrence.type, body: JSON.stringify(body), status: 'pending', createdAt: occurredAt, attempts: [] };
    await tx.collection<WebhookDelivery>(WEBHOOK_DELIVERIES).insertOne(delivery);
    await enqueueJob(tx, { kind: WEBHOOK_EVENT_DELIVER, dueAt: new Date(), payload: { id }, key: deliveryJobKey(id) });
    ids.push(id);
  }
  return ids;
}

/** The key of a delivery's job: one due job per delivery, a replay's included. */
export function deliveryJobKey(id: string): string {
  return `${WEBHOOK_EVENT_DELIVER}:${id}`;
}

function listensTo(webhook: CompiledWebhook, occurrence: WebhookOccurrence): boolean {
  return webhook.events.some((event) => {
    if (event.on !== occurrence.type) return false;
    if (occurrence.approval) return event.process === occurrence.approval.process;
    if (event.object !== occurrence.object.name) return false;
    return event.fields === undefined || event.fields.some((field) => occurrence.changed?.includes(field));
  });
}
