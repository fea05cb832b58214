import type { TenantKeys } from './tenant-keys.js';

/** Anything that carries a tenant's keys: the Tenant itself, or what a lower layer was handed. */
export interface KeyHolder {
  readonly keys: TenantKeys;
}

/** A secret of the metadata (a webhook's token, a password) sealed for storage: `enc:v1:<keyId>:<base64>`. */
export function sealSecret(tenant: KeyHolder, plaintext: string): string {
  return tenant.keys.seal(plaintext, { purpose: 'secret' });
}

/** The secret `sealSecret` sealed; SecretUnreadableError when it was altered or its key is gone. */
export function openSecret(tenant: KeyHolder, sealed: string): string {
  return tenant.keys.open(sealed, 'secret');
}
