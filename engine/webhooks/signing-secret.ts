import { randomBytes } from 'node:crypto';
import { isSealed, openSecret, sealSecret, type KeyHolder } from '../crypto/index.js';

/**
 * The one place a webhook's signing secret is generated, sealed for storage and opened for a
 * delivery. Stored definitions (and so the metadata history, backups and the store's files) hold
 * only the sealed form (AES-256-GCM under the tenant's data key); reads mask it.
 */

/** A new secret for a webhook created without one: 32 random bytes, as Stripe's `whsec_` secrets. */
export function generateSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** Whether a stored value is in the sealed form (a value sent by a client never should be). */
export function isSealedSecret(value: string): boolean {
  return isSealed(value);
}

/** The form a secret is stored in. */
export function sealSigningSecret(tenant: KeyHolder, secret: string): string {
  return sealSecret(tenant, secret);
}

/** The secret a delivery signs with, from its stored form. */
export function openSigningSecret(tenant: KeyHolder, sealed: string): string {
  return openSecret(tenant, sealed);
}
