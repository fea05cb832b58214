import { Query } from 'mingo';
import type { ResolvedRollupField } from '../../fields/index.js';
import { fromUnits, toUnits } from '../../fields/numeric.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import type { Collections, Doc } from '../../store/port.js';
import { fieldScale } from '../field-scale.js';
import type { LogicContext } from '../logic/expression-input.js';
import { settleWrite } from '../logic/follow-change.js';
import { alive } from '../../metadata/record-shape/record-state.js';
import { relationshipsOf } from './relationship-map.js';
import { NO_RECORD, rollupCriteria } from '../../metadata/query/rollup-criteria.js';

/**
 * Keeps every roll-up fed by `child` correct after one of its records changed, inside the same
 * unit of work. Counts and sums move by the record's contribution before and after (leaving one
 * master, joining another), which costs one read of each master however many details it has;
 * min and max are recomputed from the live details, since removing the extreme needs the rest.
 * A master whose roll-up moved recomputes its formulas, which feed its own masters and children in
 * turn (follow-change.ts). `before` / `after` are the record before and after the change; null
 * (or a deleted record) means absent.
 */
export async function syncRollups(
  tx: Collections,
  ctx: LogicContext,
  child: CompiledObject,
  before: Doc | null,
  after: Doc | null,
  depth = 0,
): Promise<void> {
  const { snapshot } = ctx;
  for (const { master, field } of relationshipsOf(snapshot).rollupsFedBy(child.name)) {
    const oldMaster = masterOf(before, field);
    const newMaster = masterOf(after, field);
    // A count or sum moves by deltas; one whose filter is broken is recomputed whole instead, so
    // that a value counted under an empty filter saved before the check does not stay inflated.
    if ((field.function === 'count' || field.function === 'sum') && rollupCriteria(snapshot, master, field, child) !== NO_RECORD) {
      // in whole units of the roll-up's scale, so that moving by many deltas never drifts
      const contribution = contributionOf(snapshot, master, field, child);
      const deltas = new Map<string, number>();
      if (oldMaster) deltas.set(oldMaster, (deltas.get(oldMaster) ?? 0) - contribution(before));
      if (newMaster) deltas.set(newMaster, (deltas.get(newMaster) ?? 0) + contribution(after));
      for (const [id, delta] of deltas) if (delta !== 0) await addToRollup(tx, ctx, master, field, child, id, delta, depth);
    } else {
      for (const id of new Set([oldMaster, newMaster])) if (id) await recomputeRollup(tx, ctx, master, field, child, id, depth);
    }
  }
}

function masterOf(doc: Doc | null, field: ResolvedRollupField): string | undefined {
  const id = doc && !doc._deleted ? doc[field.relationship] : undefined;
  return typeof id === 'string' ? id : undefined;
}

/**
 * What one detail adds to a count or a sum, in whole units of the roll-up's scale: nothing unless
 * it is live and passes the roll-up's filter.
 */
function contributionOf(snapshot: Snapshot, master: CompiledObject, field: ResolvedRollupField, child: CompiledObject): (doc: Doc | null) => number {
  return snapshot.memo(`rollup-contribution:${master.name}.${field.name}`, () => {
    const criteria = rollupCriteria(snapshot, master, field, child);
    const filter = criteria ? new Query(criteria, {}) : undefined;
    const scale = rollupScale(snapshot, field, child);
    return (doc: Doc | null) => {
      if (!doc || doc._deleted || (filter && !filter.test(doc))) return 0;
      if (field.function === 'count') return 1;
      const value = doc[field.field!];
      return typeof value === 'number' ? toUnits(value, scale) : 0;
    };
  });
}

/** The decimal places of a count (none) or a sum (those of the summed field, which resolve-rollup.ts requires to be numeric). */
function rollupScale(snapshot: Snapshot, field: ResolvedRollupField, child: CompiledObject): number {
  return field.function === 'count' ? 0 : (fieldScale(snapshot, child, field.field!) ?? 0);
}

/** Moves a count or sum by `delta` units of its scale; a value never computed (or not a number) is recomputed whole. */
async function addToRollup(
  tx: Collections,
  ctx: LogicContext,
  master: CompiledObject,
  field: ResolvedRollupField,
  child: CompiledObject,
  masterId: string,
  delta: number,
  depth: number,
): Promise<void> {
  const { snapshot } = ctx;
  await updateRollup(tx, ctx, master, field, masterId, depth, async (current) => {
    const value = current[field.name];
    if (typeof value !== 'number') return summarize(tx, snapshot, master, field, child, masterId);
    const scale = rollupScale(snapshot, field, child);
    return fromUnits(toUnits(value, scale) + delta, scale);
  });
}

/** A new master has no details yet: its counts and sums start at 0 (min and max of nothing stay empty). */
export function emptyRollups(object: CompiledObject): Record<string, number> {
  return Object.fromEntries(
    object.object.fields.filter((field) => field.type === 'rollup' && (field.function === 'count' || field.function === 'sum')).map((field) => [field.name, 0]),
  );
}

export async function recomputeRollup(
  tx: Collections,
  ctx: LogicContext,
  master: CompiledObject,
  field: ResolvedRollupField,
  child: CompiledObject,
  masterId: string,
  depth = 0,
): Promise<void> {
  await updateRollup(tx, ctx, master, field, masterId, depth, () => summarize(tx, ctx.snapshot, master, field, child, masterId));
}

/**
 * Writes a master's new roll-up value when it moved. The roll-up is a stored value like any other:
 * the master's formulas that read it are recomputed at once, and what derives from the master
 * (the roll-ups above, its children's formulas) follows.
 */
async function updateRollup(
  tx: Collections,
  ctx: LogicContext,
  master: CompiledObject,
  field: ResolvedRollupField,
  masterId: string,
  depth: number,
  compute: (current: Doc) => Promise<number | string | null> | number | string | null,
): Promise<void> {
  const masters = tx.collection(master.collection);
  const current = await masters.findOne({ _id: masterId });
  if (!current) return;
  const value = await compute(current);
  if (current[field.name] === value || (value === null && current[field.name] === undefined)) return;
  const updated = await masters.findOneAndUpdate(
    { _id: masterId },
    value === null ? { $unset: { [field.name]: '' } } : { $set: { [field.name]: value } },
  );
  if (updated) await settleWrite(tx, ctx, master, current, updated, depth + 1);
}

/** A master's roll-up as it is to be stored, computed from its live details without writing it (reads during a backfill). */
export const rollupValue = summarize;

async function summarize(
  tx: Collections,
  snapshot: Snapshot,
  master: CompiledObject,
  field: ResolvedRollupField,
  child: CompiledObject,
  masterId: string,
): Promise<number | string | null> {
  const criteria = rollupCriteria(snapshot, master, field, child);
  const details = await tx.collection(child.collection).find(alive({ [field.relationship]: masterId, ...(criteria ? { $and: [criteria] } : {}) }));
  if (field.function === 'count') return details.length;
  const values = details.map((doc) => doc[field.field!]).filter((value): value is number | string => typeof value === 'number' || typeof value === 'string');
  if (field.function === 'sum') {
    // Binary floating point drifts (0.1 + 0.2): amounts are added as whole units of their scale.
    const scale = rollupScale(snapshot, field, child);
    return fromUnits(values.reduce<number>((sum, value) => sum + (typeof value === 'number' ? toUnits(value, scale) : 0), 0), scale);
  }
  if (values.length === 0) return null;
  return values.reduce((best, value) => ((field.function === 'min' ? value < best : value > best) ? value : best));
}
