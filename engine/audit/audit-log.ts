import { newId } from '../store/new-id.js';
import type { Collections, Doc, IndexSpec } from '../store/port.js';
import { carriedChange } from '../store/carried-value.js';
import { sameDocument } from '../store/json-document.js';

/** The tenant's append-only audit log: written by the engine in the unit of work it records, never through the API. */
export const AUDIT_COLLECTION = 'audit.log';
export const AUDIT_INDEXES: readonly IndexSpec[] = [
  { name: 'ref_object', keys: { object: 1 } },
  { name: 'ref_record', keys: { record: 1 } },
  { name: 'ref_actor', keys: { actor: 1 } },
  // Retention purges and `from`/`to` reads bound `at`.
  { name: 'ref_at', keys: { at: 1 } },
];

export type AuditAction =
  | 'record.create'
  | 'record.update'
  | 'record.delete'
  | 'record.restore'
  | 'record.purge'
  | 'record.share'
  | 'record.unshare'
  | 'record.transfer'
  | 'record.export'
  | 'record.attach'
  | 'record.detach'
  | `metadata.${string}`
  | `auth.${string}`
  | `approval.${string}`
  | 'job.failed'
  | 'job.retried';

export interface AuditEntry extends Doc {
  at: string;
  /** The user (or `system`) whose request made the change. */
  actor: string;
  action: AuditAction;
  /** The object of a record change, or the definition's kind and name for metadata. */
  object?: string;
  record?: string;
  /** Field → old and new value, for record changes. */
  changes?: Record<string, { old: unknown; new: unknown }>;
  /** The tenant's metadata version after a metadata change. */
  version?: number;
}

/** Appends one entry, in the caller's unit of work: the entry lands exactly when the change does. */
export type NewAuditEntry = Pick<AuditEntry, 'actor' | 'action'> & Partial<Pick<AuditEntry, 'object' | 'record' | 'changes' | 'version'>>;

export async function appendAudit(tx: Collections, entry: NewAuditEntry): Promise<void> {
  const stored: AuditEntry = { ...entry, _id: newId(), at: new Date().toISOString() };
  await tx.collection<AuditEntry>(AUDIT_COLLECTION).insertOne(stored);
}

/** The fields whose values differ between two versions of a record, system fields aside. */
export function changedValues(before: Doc | null, after: Doc | null): Record<string, { old: unknown; new: unknown }> {
  const changes: Record<string, { old: unknown; new: unknown }> = {};
  const names = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const name of names) {
    if (name.startsWith('_')) continue;
    const old = before?.[name];
    const next = after?.[name];
    if (!sameDocument(old, next)) changes[name] = carriedChange({ old, new: next });
  }
  return changes;
}
