import { ValidationError, type ErrorDetail } from '../errors/index.js';
import { webhookActions } from './webhook-actions.js';
import { addressFamily, isNonPublicAddress } from './non-public-addresses.js';
import type { HostPolicy } from '../context/index.js';
import { msg } from '../i18n/message.js';

/** The host of a URL as the resolver takes it: an IPv6 literal without its brackets. */
export function urlHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * Parses a webhook URL: absolute, http or https, without a user name or password (they would be
 * sent to whoever the host turns out to be, and shown wherever the URL is). Throws a 400 at `path`.
 */
export function parseWebhookUrl(text: string, path = '/url'): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ValidationError([{ path, message: msg`must be an absolute http or https URL, got '${text}'` }]);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ValidationError([{ path, message: msg`must be an http or https URL, got the scheme '${url.protocol.slice(0, -1)}'` }]);
  }
  if (url.username !== '' || url.password !== '') {
    throw new ValidationError([{ path, message: msg`must not carry a user name or password (user:password@host): give the receiver a token in the path or query instead` }]);
  }
  return url;
}

/**
 * A URL whose host is written as an IP address (in any notation: the URL parser turns 2130706433,
 * 0x7f000001 and 127.1 into 127.0.0.1) outside the public internet, unless the operator opened it.
 * Host names are checked when the call is made, after they resolve.
 */
export function literalAddressProblem(url: URL, allowlist: HostPolicy): string | undefined {
  const host = urlHost(url);
  if (addressFamily(host) === undefined) return undefined;
  if (!isNonPublicAddress(host) || allowlist.allowsAddress(host)) return undefined;
  return nonPublicMessage(host);
}

/** The one text for a refused destination, at save time and at delivery. */
export function nonPublicMessage(host: string): string {
  return `'${host}' is not a public internet address (loopback, private network, link-local or another reserved range): webhooks only call public addresses, unless the platform operator opens the host in WEBHOOK_ALLOWED_HOSTS`;
}

/** Every webhook URL of a definition (an approval process, an automation rule), checked where it stands. */
export function refuseUnsafeWebhookUrls(definition: unknown, allowlist: HostPolicy): void {
  const problems: ErrorDetail[] = [];
  for (const { path, webhook } of webhookActions(definition)) {
    try {
      const problem = literalAddressProblem(parseWebhookUrl(webhook.url, `${path}/url`), allowlist);
      if (problem) problems.push({ path: `${path}/url`, message: problem });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      problems.push(...error.details);
    }
  }
  if (problems.length > 0) throw new ValidationError(problems);
}
