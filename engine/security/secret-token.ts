import { createHash, randomBytes } from 'node:crypto';

/** A new secret (session or API token): 32 random bytes, with a prefix that says what it is. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** Secrets are stored only as their SHA-256: a stolen database yields no usable token. */
export function secretId(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
