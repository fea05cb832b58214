import type { MetadataRegistry } from '../metadata/metadata-registry.js';
import type { Store } from '../store/port.js';
import type { TenantKeys } from '../crypto/index.js';

/** Which internal destinations webhooks may reach, by the operator's setting (mail's WebhookAllowlist). */
export interface HostPolicy {
  /** The host name (as written in the URL) is opened to webhooks. */
  allowsHost(host: string): boolean;
  /** The resolved IP address is opened to webhooks. */
  allowsAddress(address: string): boolean;
}

/**
 * One organisation: its own store (a directory or a database) and its own metadata.
 * Made by tenancy's openTenant only, which creates the indexes of every part and installs the
 * record hooks (automation); a tenant built by hand would run its writes without them.
 */
export interface Tenant {
  readonly name: string;
  readonly store: Store;
  readonly metadata: MetadataRegistry;
  /** The internal hosts webhooks may call, by the operator's setting (WEBHOOK_ALLOWED_HOSTS). */
  readonly webhookAllowlist: HostPolicy;
  /** Its data keys: what seals its encrypted fields and its metadata's secrets (crypto/). */
  readonly keys: TenantKeys;
}
