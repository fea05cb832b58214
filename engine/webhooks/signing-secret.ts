import { randomBytes } from 'node:crypto';
import type { Tenant } from '../context/index.js';

/**
 * The one place a webhook's signing secret is generated, sealed for storage and opened for a
 * delivery. Stored definitions (and so the metadata history, backups and the store's files) hold
 * only the sealed form; reads mask it.
 */
const SEALED_PREFIX = 'sealed:v0:';

/** A new secret for a webhook created without one: 32 random bytes, as Stripe's `whsec_` secrets. */
export function generateSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** Whether a stored value is in the sealed form (a value sent by a client never is). */
export function isSealedSecret(value: string): boolean {
  return value.startsWith(SEALED_PREFIX);
}

/** The form a secret is stored in. */
export function sealSigningSecret(_tenant: Tenant, secret: string): string {
  return `${SEALED_PREFIX}${Buffer.from(secret, 'utf8').toString('base64url')}`;
}

/** The secret a delivery signs with, from its stored form. */
export function openSigningSecret(_tenant: Tenant, sealed: string): string {
  if (!isSealedSecret(sealed)) throw new Error('The stored signing secret of the webhook is not in its sealed form.');
  return Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64url').toString('utf8');
}
