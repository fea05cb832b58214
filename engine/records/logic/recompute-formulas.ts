import type { CompiledObject } from '../../metadata/compiled-object.js';
import type { Collections, Doc } from '../../store/port.js';
import { computeDerived } from './apply-logic.js';
import type { LogicContext } from './expression-input.js';
import { sameDocument } from '../../store/json-document.js';

/**
 * Recomputes what a stored record derives (converted amounts, formulas) and writes what moved.
 * A computed change is not an edit by a user: the version stays, so nobody's If-Match fails
 * because a parent or an exchange rate changed. Returns the record after, or null when nothing moved.
 */
export async function recomputeStoredDerived(tx: Collections, ctx: LogicContext, object: CompiledObject, record: Doc): Promise<Doc | null> {
  if (!object.logic.derives) return null;
  const { computed } = await computeDerived(tx, ctx, object, record);
  const set: Record<string, unknown> = {};
  const unset: Record<string, ''> = {};
  for (const [name, value] of Object.entries(computed)) {
    if (value === null) {
      if (record[name] !== undefined) unset[name] = '';
    } else if (!sameDocument(record[name], value)) {
      set[name] = value;
    }
  }
  if (Object.keys(set).length === 0 && Object.keys(unset).length === 0) return null;
  return tx.collection(object.collection).findOneAndUpdate(
    { _id: record._id },
    { ...(Object.keys(set).length > 0 ? { $set: set } : {}), ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}) },
  );
}
