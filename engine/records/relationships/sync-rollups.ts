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

/** A new master has no details yet: its counts and sums start at 0 (min and max of nothing stay empty). */
export function emptyRollups(object: CompiledObject): Record<string, number> {
  return Object.fromEntries(
    object.object.fields.filter((field) => field.type === 'rollup' && (field.function === 'count' || field.function === 'sum')).map((field) => [field.name, 0]),
  );
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
  const value = await summarize(tx, snapshot, field, child, masterId);
  if (current[field.name] === value || (value === null && current[field.name] === undefined)) return;
  const updated = await masters.findOneAndUpdate(
    { _id: masterId },
    value === null ? { $unset: { [field.name]: '' } } : { $set: { [field.name]: value } },
  );
  // The master's own roll-up value may feed a roll-up of its master.
  await syncRollups(tx, snapshot, master, current, updated);
}

async function summarize(
  tx: Collections,
  snapshot: Snapshot,
  field: ResolvedRollupField,
  child: CompiledObject,
  masterId: string,
): Promise<number | string | null> {
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
    const scale = scaleOf(snapshot, child, field.field!);
    return scale === undefined ? total : roundToScale(total, scale);
  }
  if (values.length === 0) return null;
  return values.reduce((best, value) => ((field.function === 'min' ? value < best : value > best) ? value : best));
}

/** The decimal places of a numeric field; a roll-up has those of the field it summarizes (a count none). */
function scaleOf(snapshot: Snapshot, object: CompiledObject, name: string, depth = 0): number | undefined {
  const field = object.field(name);
  // The depth bound only guards against a definition that summarizes itself in a circle.
  if (!field || depth > 10) return undefined;
  if ('scale' in field) return field.scale;
  if (field.type !== 'rollup') return undefined;
  if (field.function === 'count') return 0;
  const child = snapshot.object(field.child);
  return child && field.field ? scaleOf(snapshot, child, field.field, depth + 1) : undefined;
}
