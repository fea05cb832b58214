import { keyedParts } from '../metadata/actions/keyed-parts.js';

/** A webhook action inside a definition, as stored: `{ url, body? }`. */
export interface WebhookAction {
  url: string;
  body?: string;
}

/** Every webhook action of a definition (an approval process, an automation rule) with its JSON pointer, wherever it stands. */
export function* webhookActions(definition: unknown): Generator<{ path: string; webhook: WebhookAction }> {
  for (const { path, part } of keyedParts(definition, 'webhook', isWebhook)) yield { path, webhook: part };
}

function isWebhook(value: unknown): value is WebhookAction {
  return value !== null && typeof value === 'object' && typeof (value as { url?: unknown }).url === 'string';
}
