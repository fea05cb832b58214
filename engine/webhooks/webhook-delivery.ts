import type { Doc, IndexSpec } from '../store/port.js';
import type { WebhookEventName } from '../metadata/webhooks/compile-webhook.js';

/** Every delivery of the tenant's webhooks, the log each webhook's page reads (its bodies sealed at rest, as the outboxes' are). */
export { WEBHOOK_DELIVERIES } from '../mail/outbox-webhook.js';
/** The job kind that makes one attempt of a delivery; its payload is `{ id }`. */
export const WEBHOOK_EVENT_DELIVER = 'webhook.event.deliver';

/** The embedded store narrows by single-field indexes: the log of one webhook, and the purge by age. */
export const WEBHOOK_DELIVERY_INDEXES: readonly IndexSpec[] = [
  { name: 'webhook', keys: { webhook: 1 } },
  { name: 'createdAt', keys: { createdAt: 1 } },
];

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One attempt of a delivery, as the log shows it. */
export interface DeliveryAttempt {
  /** When the request started. */
  at: string;
  durationMs: number;
  /** The receiver's HTTP status; absent when no answer came. */
  responseStatus?: number;
  /** Why the attempt failed, in the platform's words (never the receiver's body). */
  error?: string;
  /** Whether an administrator asked for it (a replay). */
  replay?: boolean;
}

export interface WebhookDelivery extends Doc {
  /** Also the X-CRM-Delivery header and the body's `id`: a replay keeps it, so receivers can tell a repeat. */
  _id: string;
  webhook: string;
  event: WebhookEventName;
  /** The JSON body, serialized once when queued: every attempt and replay sends the same bytes. */
  body: string;
  status: DeliveryStatus;
  createdAt: string;
  attempts: DeliveryAttempt[];
  deliveredAt?: string;
  /** The status of the last answer. */
  responseStatus?: number;
  /** The error of the last failed attempt. */
  lastError?: string;
}
