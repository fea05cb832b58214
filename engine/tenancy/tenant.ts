import { MetadataRegistry } from '../metadata/metadata-registry.js';
import { installCoreMetadata } from './core-metadata.js';
import { ensureSnapshotIndexes } from '../metadata/object-indexes.js';
import { AUDIT_COLLECTION, AUDIT_INDEXES } from '../audit/audit-log.js';
import { SIGN_IN_THROTTLE, SIGN_IN_THROTTLE_INDEXES } from '../security/sign-in-throttle.js';
import type { Store } from '../store/port.js';
import { WebhookAllowlist } from '../mail/webhook-allowlist.js';
import { ensureApprovalIndexes } from '../approvals/approval-indexes.js';
import { ATTACHMENT_INDEXES, ATTACHMENTS_COLLECTION } from '../records/attachments/attachment.js';
import { RECENT_INDEXES, RECENT_RECORDS } from '../records/recent/recent-records.js';
import { BACKFILL_INDEXES, BACKFILLS, schedulePlainTextBackfills } from '../metadata/backfills/index.js';

/** One organisation: its own store (a directory or a database) and its own metadata. */
export class Tenant {
  private constructor(
    readonly name: string,
    readonly store: Store,
    readonly metadata: MetadataRegistry,
    /** The internal hosts webhooks may call, by the operator's setting (WEBHOOK_ALLOWED_HOSTS). */
    readonly webhookAllowlist: WebhookAllowlist,
  ) {}

  static async open(name: string, store: Store, webhookAllowlist = new WebhookAllowlist()): Promise<Tenant> {
    await store.ensureIndexes(AUDIT_COLLECTION, [...AUDIT_INDEXES]);
    await store.ensureIndexes(SIGN_IN_THROTTLE, [...SIGN_IN_THROTTLE_INDEXES]);
    await ensureApprovalIndexes(store);
    await store.ensureIndexes(ATTACHMENTS_COLLECTION, ATTACHMENT_INDEXES);
    await store.ensureIndexes(RECENT_RECORDS, RECENT_INDEXES);
    await store.ensureIndexes(BACKFILLS, BACKFILL_INDEXES);
    const metadata = await MetadataRegistry.open(store);
    await ensureSnapshotIndexes(store, metadata.snapshot);
    await installCoreMetadata(store, metadata);
    // Rich text saved before its plain text was kept: filled in by a backfill in the background, not at the opening.
    await schedulePlainTextBackfills(store, metadata.snapshot);
    return new Tenant(name, store, metadata, webhookAllowlist);
  }
}
