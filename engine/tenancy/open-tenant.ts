import { MetadataRegistry } from '../metadata/metadata-registry.js';
import { installCoreMetadata } from '../metadata/core-metadata.js';
import { ensureSnapshotIndexes } from '../metadata/object-indexes.js';
import { AUDIT_COLLECTION, AUDIT_INDEXES } from '../audit/audit-log.js';
import { SIGN_IN_THROTTLE, SIGN_IN_THROTTLE_INDEXES } from '../security/sign-in-throttle.js';
import type { Store } from '../store/port.js';
import type { HostPolicy, Tenant } from '../context/index.js';
import { installAutomation, watchTimedRules } from '../automation/index.js';
import { installWebhookEvents, WEBHOOK_DELIVERIES, WEBHOOK_DELIVERY_INDEXES } from '../webhooks/index.js';
import { WebhookAllowlist } from '../mail/webhook-allowlist.js';
import { ensureApprovalIndexes } from '../approvals/approval-indexes.js';
import { ATTACHMENT_INDEXES, ATTACHMENTS_COLLECTION } from '../records/attachments/attachment.js';
import { RECENT_INDEXES, RECENT_RECORDS } from '../records/recent/recent-records.js';
import { TenantKeys, type MasterKey } from '../crypto/index.js';
import { encryptingStore } from '../records/encryption/index.js';
import { META_DEFINITIONS, META_HISTORY } from '../metadata/metadata-collections.js';
import { APPROVAL_VERSIONS } from '../approvals/process-versions.js';
import { INSTALLED_PACKS } from '../packs/installed-packs.js';

/** Where definitions are kept whole, their webhooks' URLs sealed: the current ones, every former one, approval processes' versions, what packs installed. */
const DEFINITION_COLLECTIONS: ReadonlySet<string> = new Set([META_DEFINITIONS, META_HISTORY, APPROVAL_VERSIONS, INSTALLED_PACKS]);
import { BACKFILL_INDEXES, BACKFILLS, schedulePlainTextBackfills } from '../setup/backfills/index.js';

/**
 * Opens a tenant over its store: the indexes of every part, the metadata registry, the core
 * metadata. The one way a Tenant is made (see context/tenant.ts).
 */
export async function openTenant(name: string, rawStore: Store, masterKey: MasterKey, webhookAllowlist: HostPolicy = new WebhookAllowlist()): Promise<Tenant> {
  // Record writes run the automation rules through the records' before-save hook, for every tenant.
  installAutomation();
  installWebhookEvents();
  // Its data keys first: opening fails here, loudly, under a master key that is not the tenant's.
  const keys = await TenantKeys.open(name, rawStore, masterKey);
  // From here on every part uses the store that seals encrypted values (records/encryption/); until the metadata is read, nothing is a record.
  let registry: MetadataRegistry | undefined;
  const store = encryptingStore(rawStore, keys, () => registry?.snapshot, DEFINITION_COLLECTIONS);
  await store.ensureIndexes(AUDIT_COLLECTION, [...AUDIT_INDEXES]);
  await store.ensureIndexes(SIGN_IN_THROTTLE, [...SIGN_IN_THROTTLE_INDEXES]);
  await ensureApprovalIndexes(store);
  await store.ensureIndexes(ATTACHMENTS_COLLECTION, ATTACHMENT_INDEXES);
  await store.ensureIndexes(RECENT_RECORDS, RECENT_INDEXES);
  await store.ensureIndexes(BACKFILLS, BACKFILL_INDEXES);
  await store.ensureIndexes(WEBHOOK_DELIVERIES, [...WEBHOOK_DELIVERY_INDEXES]);
  const metadata = (registry = await MetadataRegistry.open(store));
  await ensureSnapshotIndexes(store, metadata.snapshot);
  await installCoreMetadata(store, metadata);
  // Rich text saved before its plain text was kept: filled in by a backfill in the background, not at the opening.
  await schedulePlainTextBackfills(store, metadata.snapshot);
  const tenant: Tenant = Object.freeze({ name, store, metadata, webhookAllowlist, keys });
  // Time-based and scheduled rules: their occasions planned anew after each change of the metadata (and now, a change made while down).
  await watchTimedRules(tenant);
  return tenant;
}
