import type { Doc } from '../store/port.js';

/** The tenant's outgoing webhook calls, kept after delivery with the answer they got. */
export const WEBHOOK_OUTBOX = 'outbox.webhook';
/**
 * The deliveries of the webhook kind (engine/webhooks/): an outbox too, whose bodies quote records,
 * named here so that what seals outboxes at rest (records/encryption/) knows it.
 */
export const WEBHOOK_DELIVERIES = 'webhook.deliveries';
/** The job kind that delivers one call of the outbox; its payload is `{ id }`. */
export const WEBHOOK_DELIVER = 'webhook.deliver';

export interface WebhookCall {
  url: string;
  /** Sent as JSON in a POST. */
  body: unknown;
  /** Why the call was made (an approval step, a rule): shown to administrators. */
  reason?: string;
}

export type WebhookStatus = 'pending' | 'delivered';

export interface OutboxWebhook extends Doc {
  url: string;
  /**
   * The request body as JSON text, serialized once when queued: every attempt sends the same bytes,
   * and keys of the caller's data never become keys of a stored document.
   */
  body: string;
  reason?: string;
  status: WebhookStatus;
  queuedAt: string;
  deliveredAt?: string;
  /** The HTTP status of the last answer. */
  responseStatus?: number;
  /** The error of the last failed attempt. */
  lastError?: string;
}
