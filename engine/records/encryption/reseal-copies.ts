import { AUDIT_COLLECTION, type AuditEntry } from '../../audit/audit-log.js';
import { historyCollection } from '../../metadata/compiled-object.js';
import { pagesById } from '../../store/pages-by-id.js';
import type { Doc, Store } from '../../store/port.js';

/** Entries rewritten per unit of work: small units, so that requests are served between two. */
const PAGE = 500;

/**
 * Stores again, as their fields now say (sealed or in clear), the copies of a field's values kept
 * beside the records: the field's history and the audit log's changes of its object. Run once a
 * backfill stored the records themselves anew, through the sealing store (encrypting-store.ts),
 * which reads each entry opened and writes it back sealed where the field is encrypted.
 */
export async function resealCopies(store: Store, object: string, fields: readonly string[]): Promise<void> {
  const history = historyCollection(object);
  await rewrite(store, history, { field: { $in: [...fields] } }, () => true);
  await rewrite(store, AUDIT_COLLECTION, { object }, (entry) => fields.some((field) => Object.hasOwn((entry as AuditEntry).changes ?? {}, field)));
}

async function rewrite(store: Store, collection: string, filter: Record<string, unknown>, concerned: (entry: Doc) => boolean): Promise<void> {
  for await (const page of pagesById(store.collection(collection), filter, PAGE)) {
    const entries = page.filter(concerned);
    if (entries.length === 0) continue;
    await store.unitOfWork(async (tx) => {
      for (const entry of entries) await tx.collection(collection).replaceOne({ _id: entry._id }, entry);
    });
  }
}
