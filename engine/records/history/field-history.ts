import { historyCollection, type CompiledObject } from '../../metadata/compiled-object.js';
import { newId } from '../../store/new-id.js';
import type { Collections, Doc } from '../../store/port.js';
import type { OperationContext } from '../../context/index.js';
import { carriedChange } from '../../store/carried-value.js';
import { sameDocument } from '../../store/json-document.js';

export { historyCollection };

export type HistoryAction = 'created' | 'updated' | 'deleted' | 'restored';

export interface HistoryEntry extends Doc {
  record: string;
  action: HistoryAction;
  /** The tracked field that changed; absent for created, deleted and restored. */
  field?: string;
  old?: unknown;
  new?: unknown;
  by: string;
  at: string;
  /** The record's version after the change. */
  version: number;
}

/**
 * Writes the history of one change, in the change's own unit of work, for objects that track at
 * least one field: one entry per tracked field whose value changed, and one for a create,
 * delete or restore, so the history reads as the record's life.
 */
export async function writeHistory(
  tx: Collections,
  ctx: OperationContext,
  object: CompiledObject,
  action: HistoryAction,
  before: Doc | null,
  after: Doc,
): Promise<void> {
  const tracked = object.object.fields.filter((field) => field.trackHistory);
  if (tracked.length === 0) return;
  const base = { record: after._id, by: ctx.principal.userId, at: new Date().toISOString(), version: Number(after._version) };
  const entries: HistoryEntry[] = [];
  if (action !== 'updated') entries.push({ _id: newId(), action, ...base });
  else {
    for (const field of tracked) {
      const old = before?.[field.name];
      const value = after[field.name];
      if (sameDocument(old, value)) continue;
      entries.push({ _id: newId(), action, field: field.name, ...carriedChange({ old, new: value }), ...base });
    }
  }
  if (entries.length > 0) await tx.collection<HistoryEntry>(historyCollection(object.name)).insertMany(entries);
}
