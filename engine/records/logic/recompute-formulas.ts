import type { CompiledObject } from '../../metadata/compiled-object.js';
import type { Collections, Doc } from '../../store/port.js';
import { alive } from '../record-state.js';
import { relationshipsOf } from '../relationships/relationship-map.js';
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

/**
 * After a record changed, recomputes the formulas of the records that read it through a lookup
 * (`account.industry`), and theirs in turn, in the same unit of work. Only children whose
 * formulas read a field that moved are touched.
 */
export async function propagateToChildren(tx: Collections, ctx: LogicContext, object: CompiledObject, before: Doc | null, after: Doc | null): Promise<void> {
  const id = (after ?? before)?._id;
  if (!id) return;
  const moved = changedFields(before, after);
  for (const { object: child, field } of relationshipsOf(ctx.snapshot).incoming(object.name)) {
    const reads = child.logic.formulas.some(({ expression }) =>
      expression.references.parents.some((parent) => parent.lookup === field.name && (parent.field === '*' || moved.has(parent.field))),
    );
    if (!reads) continue;
    for (const record of await tx.collection(child.collection).find(alive({ [field.name]: id }))) {
      const updated = await recomputeStoredDerived(tx, ctx, child, record);
      if (updated) await propagateToChildren(tx, ctx, child, record, updated);
    }
  }
}

function changedFields(before: Doc | null, after: Doc | null): Set<string> {
  const names = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  // A record that appears or goes changes every field its children can read.
  if (!before || !after || Boolean(before._deleted) !== Boolean(after._deleted)) return new Set(['*', ...names]);
  return new Set([...names].filter((name) => !sameDocument(before[name], after[name])));
}
