import type { Tenant } from '../context/index.js';
import { ValidationError } from '../errors/index.js';
import { msg } from '../i18n/message.js';
import { SECRET_MASK } from '../mail/index.js';
import { generateSigningSecret, isSealedSecret, sealSigningSecret } from './signing-secret.js';

export const MIN_SECRET_LENGTH = 24;

/**
 * Turns the `secret` of a webhook body as sent into what is stored, before the body is validated:
 * left out or sent as the mask, the stored secret stays (a new webhook gets a generated one, which
 * is returned: the one time anyone sees it); a value given is checked and sealed. Returns the
 * generated secret, if one was.
 */
export function sealSecretInput(tenant: Tenant, body: unknown, stored: { readonly secret?: string } | null): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const definition = body as { secret?: unknown };
  const sent = definition.secret;
  if (sent === undefined || sent === SECRET_MASK) {
    if (stored?.secret !== undefined) {
      definition.secret = stored.secret;
      return undefined;
    }
    const secret = generateSigningSecret();
    definition.secret = sealSigningSecret(tenant, secret);
    return secret;
  }
  if (typeof sent !== 'string') throw new ValidationError([{ path: '/secret', message: msg`must be a string` }]);
  // A sealed value is only ever the stored one sent back; any other could be another tenant's.
  if (isSealedSecret(sent)) {
    if (sent === stored?.secret) return undefined;
    throw new ValidationError([{ path: '/secret', message: msg`must be the secret itself, or ${SECRET_MASK} to keep the stored one` }]);
  }
  if (sent.length < MIN_SECRET_LENGTH) throw new ValidationError([{ path: '/secret', message: msg`must be at least ${MIN_SECRET_LENGTH} characters long` }]);
  definition.secret = sealSigningSecret(tenant, sent);
  return undefined;
}
