import { ValidationError, type ErrorDetail } from '../errors/index.js';
import { webhookActions } from './webhook-actions.js';
import { msg } from '../i18n/message.js';

/** What a read shows in place of a secret: that one is set, never its value. */
export const SECRET_MASK = '••••';

/**
 * A URL as reads show it: the value of every query parameter masked, since that is where receivers
 * take their tokens (`?token=…`, `?key=…`); the scheme, host, path and parameter names stay, so an
 * administrator still sees where the call goes. Credentials in the URL are refused when saved.
 */
export function maskUrl(url: string): string {
  const query = url.indexOf('?');
  if (query < 0) return url;
  const hash = url.indexOf('#', query);
  const search = url.slice(query + 1, hash < 0 ? undefined : hash);
  const masked = search
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      // A bare `?abc123` is a token as often as a flag: masked whole.
      if (equals < 0) return pair === '' ? pair : SECRET_MASK;
      return equals === pair.length - 1 ? pair : `${pair.slice(0, equals)}=${SECRET_MASK}`;
    })
    .join('&');
  return `${url.slice(0, query)}?${masked}`;
}

/**
 * A copy of a definition with every webhook URL masked, and its `secret` (a webhook's signing
 * secret, the one definition property named so) replaced by the mask; the stored definition is not touched.
 */
export function maskWebhookSecrets<T>(definition: T): T {
  const copy = structuredClone(definition);
  for (const { webhook } of webhookActions(copy)) webhook.url = maskUrl(webhook.url);
  if (hasSecret(copy)) copy.secret = SECRET_MASK;
  if (isWebhookDefinition(copy)) copy.url = maskUrl(copy.url);
  return copy;
}

/** A copy of a definition without its `secret`, for what leaves the tenant (an exported pack): the tenant that installs it makes its own. */
export function withoutSecret<T>(definition: T): T {
  if (!hasSecret(definition)) return definition;
  const { secret: _secret, ...rest } = definition;
  return rest as T;
}

/** A definition of the webhook kind: its own URL, at the top, besides the webhook actions of processes and rules. */
function isWebhookDefinition(definition: unknown): definition is { url: string; events: unknown[] } {
  return definition !== null && typeof definition === 'object' && typeof (definition as { url?: unknown }).url === 'string' && Array.isArray((definition as { events?: unknown }).events);
}

function hasSecret(definition: unknown): definition is { secret: string } {
  return definition !== null && typeof definition === 'object' && typeof (definition as { secret?: unknown }).secret === 'string';
}

/**
 * Secrets are write-only: a definition read, changed and sent back carries masks where its secrets
 * were. Each masked URL gets the stored URL back when the stored one masks to the same text (the
 * same action, or the same receiver moved elsewhere in the definition); a mask that matches no
 * stored URL is a 400 asking for the real value. Works on the body as sent, before it is validated.
 */
export function restoreWebhookSecrets(body: unknown, stored: unknown): void {
  const known = new Map<string, string>();
  for (const { webhook } of webhookActions(stored)) known.set(maskUrl(webhook.url), webhook.url);
  if (isWebhookDefinition(stored)) known.set(maskUrl(stored.url), stored.url);
  const problems: ErrorDetail[] = [];
  const parts = [...webhookActions(body), ...(isWebhookDefinition(body) ? [{ path: '', webhook: body }] : [])];
  for (const { path, webhook } of parts) {
    if (!webhook.url.includes(SECRET_MASK)) continue;
    const url = known.get(webhook.url);
    if (url === undefined) problems.push({ path: `${path}/url`, message: msg`holds the mask ${SECRET_MASK} where no stored value matches: write the full URL with its token` });
    else webhook.url = url;
  }
  if (problems.length > 0) throw new ValidationError(problems);
}
