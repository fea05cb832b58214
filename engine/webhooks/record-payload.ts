import { principalOf } from '../context/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import { presentRecord, type RecordView, type StoredRecord } from '../metadata/record-shape/record.js';
import { alive } from '../metadata/record-shape/record-state.js';
import type { CompiledWebhook } from '../metadata/webhooks/compile-webhook.js';
import type { Snapshot } from '../metadata/snapshot.js';
import { userAccess } from '../security/access/index.js';
import type { Collections } from '../store/port.js';

/**
 * The record a delivery carries. A webhook with a run-as user sends what that user may read of it
 * (their field security; nothing when they may not read the object or are no longer active); one
 * without sends the record as the engine sees it, every field of the object. The platform's
 * internal marks (sharing, approval machinery, recycle bin) never go out.
 */
export function recordPayload(record: StoredRecord, hidden: ReadonlySet<string> | null): RecordView | null {
  return hidden === null ? null : presentRecord(record, undefined, hidden);
}

/** The fields of the object the webhook's run-as user may not read; null: none of the record goes out. */
export async function hiddenFields(tx: Collections, snapshot: Snapshot, webhook: CompiledWebhook, object: CompiledObject): Promise<ReadonlySet<string> | null> {
  if (webhook.runAs === null) return new Set();
  const users = snapshot.object('user')!;
  const user = await tx.collection<StoredRecord>(users.collection).findOne(alive({ _id: webhook.runAs }), { projection: { role: 1, permission_sets: 1, active: 1 } });
  if (!user || user.active === false) return null;
  const access = userAccess(snapshot, principalOf(user));
  if (!access.object(object.name).read) return null;
  return access.fields(object).hidden;
}
