/** A webhook action inside a definition, as stored: `{ url, body? }`. */
export interface WebhookAction {
  url: string;
  body?: string;
}

/**
 * Every webhook action of a definition (an approval process, an automation rule) with its JSON
 * pointer, wherever it stands: steps, their enter and leave actions, the process's own actions.
 * Walking by shape, not by the kinds' layout, keeps every place covered when a kind grows a new one.
 */
export function* webhookActions(definition: unknown, at = ''): Generator<{ path: string; webhook: WebhookAction }> {
  if (Array.isArray(definition)) {
    for (const [index, item] of definition.entries()) yield* webhookActions(item, `${at}/${index}`);
    return;
  }
  if (definition === null || typeof definition !== 'object') return;
  for (const [key, inner] of Object.entries(definition)) {
    const path = `${at}/${key}`;
    if (key === 'webhook' && isWebhook(inner)) yield { path, webhook: inner };
    else yield* webhookActions(inner, path);
  }
}

function isWebhook(value: unknown): value is WebhookAction {
  return value !== null && typeof value === 'object' && typeof (value as { url?: unknown }).url === 'string';
}
