import type { ResolvedRollupField } from '../../fields/index.js';
import { roundToScale } from '../../fields/numeric.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import type { Collections, Doc } from '../../store/port.js';
import { compileFilter } from '../filter-language.js';
import { alive } from '../record-state.js';
import { relationshipsOf } from './relationship-map.js';

/**
 * Keeps every roll-up fed by `child` correct after one of its records changed, inside the same
 * unit of work: the masters it left and joined are recomputed from their live details, and a
 * master whose roll-up moved feeds its own masters in turn. Recomputing (rather than adding a
 * delta) keeps min and max exact and repairs any drift. `before` / `after` are the record before
 * and after the change; null (or a deleted record) means absent.
 */
export async function syncRollups(
  tx: Collections,
  snapshot: Snapshot,
  child: CompiledObject,
  before: Doc | null,
  after: Doc | null,
): Promise<void> {
  for (const { master, field } of relationshipsOf(snapshot).rollupsFedBy(child.name)) {
    const masterIds = new Set<string>();
    for (const doc of [before, after]) {
      const id = doc && !doc._deleted ? doc[field.relationship] : undefined;
      if (typeof id === 'string') masterIds.add(id);
    }
    for (const id of masterIds) await recomputeRollup(tx, snapshot, master, field, child, id);
  }
}

export async function recomputeRollup(
  tx: Collections,
  snapshot: Snapshot,
  master: CompiledObject,
  field: ResolvedRollupField,
  child: CompiledObject,
  masterId: string,
): Promise<void> {
  const masters = tx.collection(master.collection);
  const current = await masters.findOne({ _id: masterId });
  if (!current) return;
  const value = await summarize(tx, field, child, masterId);
  if (current[field.name] === value || (value === null && current[field.name] === undefined)) return;
  const updated = await masters.findOneAndUpdate(
    { _id: masterId },
    value === null ? { $unset: { [field.name]: '' } } : { $set: { [field.name]: value } },
  );
  // The master's own roll-up value may feed a roll-up of its master.
  await syncRollups(tx, snapshot, master, current, updated);
}

async function summarize(tx: Collections, field: ResolvedRollupField, child: CompiledObject, masterId: string): Promise<number | string | null> {
  const criteria = field.filter ? compileFilter(child, field.filter) : {};
  const details = await tx.collection(child.collection).find(
    alive({ [field.relationship]: masterId, ...(field.filter ? { $and: [criteria] } : {}) }),
    field.field ? { projection: { [field.field]: 1 } } : {},
  );
  if (field.function === 'count') return details.length;
  const values = details.map((doc) => doc[field.field!]).filter((value): value is number | string => typeof value === 'number' || typeof value === 'string');
  if (field.function === 'sum') {
    const total = values.reduce<number>((sum, value) => sum + (typeof value === 'number' ? value : 0), 0);
    // Binary floating point drifts (0.1 + 0.2); amounts are decimals of the summed field's scale.
    const summed = child.field(field.field!);
    return summed && 'scale' in summed ? roundToScale(total, summed.scale) : total;
  }
  if (values.length === 0) return null;
  return values.reduce((best, value) => ((field.function === 'min' ? value < best : value > best) ? value : best));
}
