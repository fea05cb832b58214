import { EngineError } from '../../errors/index.js';
import { msg } from '../../i18n/message.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import { sameDocument } from '../../store/json-document.js';
import type { Collections, Doc } from '../../store/port.js';
import { alive } from '../../metadata/record-shape/record-state.js';
import { relationshipsOf } from '../relationships/relationship-map.js';
import { syncRollups } from '../relationships/sync-rollups.js';
import type { LogicContext } from './expression-input.js';
import { recomputeStoredDerived } from './recompute-formulas.js';

/**
 * How many records one change may carry derived values through (a detail's roll-up on its master,
 * the master's formula, the grand-parent's roll-up of it, a child's formula reading that...).
 * Real hierarchies stay far below; only formulas and roll-ups that read each other in a circle
 * across objects (which metadata cannot see when each is saved) reach it.
 */
const MAX_FOLLOW_DEPTH = 64;

export class DerivedCycleError extends EngineError {
  constructor(object: string) {
    super(
      'derived_values_cycle',
      422,
      msg`Formulas and roll-ups keep changing each other without end (last at ${object}): a roll-up sums a formula that reads the roll-up itself. Change one of them so they no longer read each other in a circle.`,
    );
  }
}

/**
 * After a stored record changed, whatever path wrote it: every stored value that derives from it
 * follows in the same unit of work. Roll-ups on its masters move (and each master's formulas,
 * then the roll-ups above); records that read it through a lookup recompute their formulas (and
 * their own masters' roll-ups, and their children in turn). `before` / `after` are the record
 * before and after; null (or a deleted record) means absent.
 */
export async function followChange(tx: Collections, ctx: LogicContext, object: CompiledObject, before: Doc | null, after: Doc | null, depth = 0): Promise<void> {
  if (depth > MAX_FOLLOW_DEPTH) throw new DerivedCycleError(object.name);
  await syncRollups(tx, ctx, object, before, after, depth);
  await propagateToChildren(tx, ctx, object, before, after, depth);
}

/**
 * A record written by a system path (a roll-up moved, a lookup cleared or put back, an owner
 * changed, a rate changed): its formulas and converted amounts are recomputed from what is stored
 * now, then everything derived from it follows. Returns the record as it stands after.
 */
export async function settleWrite(tx: Collections, ctx: LogicContext, object: CompiledObject, before: Doc | null, written: Doc, depth = 0): Promise<Doc> {
  const after = (await recomputeStoredDerived(tx, ctx, object, written)) ?? written;
  await followChange(tx, ctx, object, before, after, depth);
  return after;
}

/**
 * Recomputes the formulas of the records that read a changed record through a lookup
 * (`account.industry`), in the same unit of work. Only children whose formulas read a field
 * that moved are touched.
 */
async function propagateToChildren(tx: Collections, ctx: LogicContext, object: CompiledObject, before: Doc | null, after: Doc | null, depth: number): Promise<void> {
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
      if (updated) await followChange(tx, ctx, child, record, updated, depth + 1);
    }
  }
}

function changedFields(before: Doc | null, after: Doc | null): Set<string> {
  const names = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  // A record that appears or goes changes every field its children can read.
  if (!before || !after || Boolean(before._deleted) !== Boolean(after._deleted)) return new Set(['*', ...names]);
  return new Set([...names].filter((name) => !sameDocument(before[name], after[name])));
}
