// The outbox: messages that leave the engine (e-mails, webhook calls), queued in the unit of work
// that sends them and delivered by jobs, so a message goes out exactly when its change commits.
export { EMAIL_DELIVER, EMAIL_OUTBOX, type EmailMessage, type EmailStatus, type OutboxEmail } from './outbox-email.js';
export { queueEmail } from './queue-email.js';
export { recipientsByLanguage } from './recipients-by-language.js';
export { emailDelivery, DEFAULT_MAIL_FROM, type MailSettings } from './deliver-email.js';
export { listEmails } from './list-emails.js';
export { WEBHOOK_DELIVER, WEBHOOK_OUTBOX, type OutboxWebhook, type WebhookCall, type WebhookStatus } from './outbox-webhook.js';
export { queueWebhook } from './queue-webhook.js';
export { deliverWebhook, reasonOf, WEBHOOK_TIMEOUT_MS } from './deliver-webhook.js';
export { postWebhook } from './post-webhook.js';
export { resolveWebhookDestination, RefusedDestinationError } from './webhook-destination.js';
export { parseWebhookUrl, literalAddressProblem } from './webhook-url.js';
export { listWebhooks } from './list-webhooks.js';
export { WebhookAllowlist } from './webhook-allowlist.js';
export { refuseUnsafeWebhookUrls } from './webhook-url.js';
export { maskUrl, maskWebhookSecrets, restoreWebhookSecrets, withoutSecret, SECRET_MASK } from './webhook-secrets.js';
export { retryDelivery, outboxFilters, isOutboxKind, type Delivery, type OutboxKind } from './outbox-delivery.js';
