import type { HostPolicy } from '../context/index.js';
import { ValidationError } from '../errors/index.js';
import { literalAddressProblem, parseWebhookUrl } from '../mail/index.js';

/**
 * A webhook's URL, checked when saved as the webhook actions' are: http or https, no user name or
 * password, no IP address outside the public internet unless the operator opened it. Host names
 * are checked again at every delivery, after they resolve, and the connection pinned.
 */
export function refuseUnsafeUrl(definition: { readonly url: string }, allowlist: HostPolicy): void {
  const problem = literalAddressProblem(parseWebhookUrl(definition.url, '/url'), allowlist);
  if (problem) throw new ValidationError([{ path: '/url', message: problem }]);
}
