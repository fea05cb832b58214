// Outgoing webhooks of the webhook kind: the events of records' writes and approvals' decisions
// queued as signed deliveries in the unit of work that causes them, delivered and retried by jobs,
// logged per webhook and replayable.
export { installWebhookEvents } from './record-events.js';
export { queueApprovalDecisions, type ApprovalDecision } from './approval-events.js';
export { deliverWebhookEvent, WEBHOOK_RETRY } from './deliver-event.js';
export { listDeliveries, replayDelivery, type DeliveryView } from './delivery-log.js';
export { sealSecretInput } from './secret-input.js';
export { signatureHeader } from './sign-delivery.js';
export { WEBHOOK_DELIVERIES, WEBHOOK_DELIVERY_INDEXES, WEBHOOK_EVENT_DELIVER, type WebhookDelivery, type DeliveryAttempt, type DeliveryStatus } from './webhook-delivery.js';
export { refuseUnsafeUrl } from './check-webhook-url.js';
