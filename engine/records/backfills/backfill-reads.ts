import { ConflictError } from '../../errors/index.js';
import { msg } from '../../i18n/message.js';
import { computeDerived } from '../logic/apply-logic.js';
import type { LogicContext } from '../logic/expression-input.js';
import { rollupValue } from '../relationships/sync-rollups.js';
import type { Collections, Doc, Filter, Store } from '../../store/port.js';
import { SYSTEM_PRINCIPAL } from '../../context/principal.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import { BACKFILLS, percentDone, type BackfillDoc } from './backfill.js';
import { convertedValues, currentConversions } from './field-conversions.js';
import { hasDefault, missingDefaults } from './default-fill.js';

/** What a store answered for each object, and at which of its change counts of the backfills. */
const answers = new WeakMap<Store, Map<string, { changeCount: number; backfill: BackfillDoc | null }>>();

/** The backfill running on an object, if any, as a unit of work sees it. */
export function runningBackfillIn(tx: Collections, objectName: string): Promise<BackfillDoc | null> {
  return tx.collection<BackfillDoc>(BACKFILLS).findOne({ object: objectName, status: 'running' });
}

/**
 * The backfill running on an object, if any: asked at every list and read of its records, so that
 * every instance sees the progress as stored. A store that counts its changes (the embedded one)
 * is asked again only once the backfills changed: the look-up was a tenth of a GET by id's time.
 */
export async function runningBackfill(store: Store, objectName: string): Promise<BackfillDoc | null> {
  const changeCount = store.changeCount?.(BACKFILLS);
  if (changeCount === undefined) return runningBackfillIn(store, objectName);
  let known = answers.get(store);
  if (!known) answers.set(store, (known = new Map()));
  const answer = known.get(objectName);
  if (answer?.changeCount === changeCount) return answer.backfill;
  const backfill = await runningBackfillIn(store, objectName);
  // Kept only if nothing committed meanwhile; a backfill doc is frozen as the store holds it.
  if (store.changeCount!(BACKFILLS) === changeCount) known.set(objectName, { changeCount, backfill });
  return backfill;
}

/** 409 when a filter, a sort or a count would read a stored value the backfill has not completed yet. */
export function refuseWhileBackfilling(backfill: BackfillDoc | null, paths: Iterable<string>): void {
  if (!backfill) return;
  for (const path of paths) {
    const field = backfill.fields.find((name) => path === name || path.startsWith(`${name}.`));
    if (field === undefined) continue;
    const percent = percentDone(backfill);
    throw new ConflictError(
      'backfill_in_progress',
      msg`'${field}' is being recomputed for the existing records after a change of the metadata (${percent}% done); filters, sorts and counts on it work again once that ends.`,
      [{ path: `/${field}`, message: msg`is being recomputed (${percent}% done)` }],
    );
  }
}

/** Every field path a filter names, at any depth of $and / $or / $nor / $not / $elemMatch. */
export function filterPaths(filter: unknown): string[] {
  if (Array.isArray(filter)) return filter.flatMap(filterPaths);
  if (filter === null || typeof filter !== 'object') return [];
  return Object.entries(filter as Filter).flatMap(([key, value]) => (key.startsWith('$') ? filterPaths(value) : [key, ...nestedPaths(key, value)]));
}

/** `$elemMatch` conditions name paths inside the field they match. */
function nestedPaths(key: string, condition: unknown): string[] {
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) return [];
  const match = (condition as Record<string, unknown>).$elemMatch;
  return match === undefined ? [] : filterPaths(match).map((path) => `${key}.${path}`);
}

/**
 * The records as they will be once the backfill reached them: those after its cursor get their
 * values converted, roll-ups and derived values computed now, from what is stored (read-only, as the backfill will
 * store them). A value that cannot be computed (a rate missing for a date) stays as stored.
 */
export async function completeOnTheFly<T extends Doc>(reader: Collections, snapshot: Snapshot, object: CompiledObject, backfill: BackfillDoc | null, records: T[]): Promise<T[]> {
  if (!backfill) return records;
  const ctx: LogicContext = { snapshot, principal: SYSTEM_PRINCIPAL };
  return Promise.all(records.map((record) => (backfill.cursor !== null && record._id <= backfill.cursor ? record : completed(reader, ctx, object, backfill, record))));
}

async function completed<T extends Doc>(reader: Collections, ctx: LogicContext, object: CompiledObject, backfill: BackfillDoc, record: T): Promise<T> {
  try {
    const defaults = (backfill.defaults ?? []).filter((field) => hasDefault(object, field));
    const values: Record<string, unknown> = { ...record, ...convertedValues(object, currentConversions(object, backfill.conversions), record) };
    if (defaults.length > 0) Object.assign(values, await missingDefaults(reader, ctx, object, defaults, values as Doc));
    for (const name of backfill.rollups) {
      const field = object.field(name);
      const child = field?.type === 'rollup' ? ctx.snapshot.object(field.child) : undefined;
      if (field?.type !== 'rollup' || !child) continue;
      const value = await rollupValue(reader, ctx.snapshot, object, field, child, record._id);
      if (value === null) delete values[name];
      else values[name] = value;
    }
    if (!object.logic.derives) return values as T;
    const { computed } = await computeDerived(reader, ctx, object, values);
    for (const [name, value] of Object.entries(computed)) {
      if (value === null) delete values[name];
      else values[name] = value;
    }
    return values as T;
  } catch {
    return record;
  }
}
