import { enqueueJob } from '../../jobs/index.js';
import { newId } from '../../store/new-id.js';
import type { Collections } from '../../store/port.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import { BACKFILL_JOB, BACKFILLS, type BackfillDoc } from '../../records/backfills/backfill.js';
import { currentConversions, type FieldConversion } from '../../records/backfills/field-conversions.js';
import { hasDefault } from '../../records/backfills/default-fill.js';

/** What a metadata change leaves to recompute for every record of one object. */
export interface BackfillPlan {
  /** Stored paths of the changed derived values (formulas, converted amounts, plain text); empty: none changed. */
  derivedPaths: string[];
  /** Changed roll-up fields to sum anew. */
  rollups: string[];
  /** Fields whose stored values convert to a new definition (type or scale). */
  conversions?: FieldConversion[];
  /** Fields whose default the records without a value get. */
  defaults?: string[];
  /** Fields whose encryption changed: their values are stored again, sealed or in clear. */
  reseal?: string[];
  /** How many records the object holds now. */
  total: number;
  /**
   * Whether the object's formulas wait for the backfill too (the default: one may read a changed
   * value). False when no definition changed and only stored values are missing (plain text kept
   * since a later version), so the formulas' stored values are right.
   */
  formulasStale?: boolean;
}

/**
 * Records a backfill and enqueues the job that runs it, in the metadata change's unit of work: both
 * land exactly when the change does. A backfill of the same object still running is superseded: the
 * new one restarts from the first record, with the newest definitions, and takes over the fields the
 * older one had not finished. Returns the backfill's id.
 */
export async function recordBackfill(tx: Collections, version: number, object: CompiledObject, plan: BackfillPlan): Promise<string> {
  const backfills = tx.collection<BackfillDoc>(BACKFILLS);
  const older = await backfills.find({ object: object.name, status: 'running' });
  const now = new Date().toISOString();
  const id = newId();
  // Any formula may read a changed value, so every formula of the object waits for the backfill.
  const formulas = plan.formulasStale === false ? [] : object.logic.formulas.map(({ field }) => field.name);
  // An older conversion of a field this change leaves as it was still has values to convert.
  const converting = new Map<string, FieldConversion>();
  for (const conversion of [...older.flatMap((backfill) => currentConversions(object, backfill.conversions)), ...(plan.conversions ?? [])]) converting.set(conversion.field, conversion);
  const conversions = [...converting.values()];
  // An older fill of a field that still has a default carries on.
  const defaults = new Set([...older.flatMap((backfill) => backfill.defaults ?? []).filter((field) => hasDefault(object, field)), ...(plan.defaults ?? [])]);
  const fields = new Set([...older.flatMap((backfill) => backfill.fields), ...plan.derivedPaths, ...plan.rollups, ...conversions.map(({ field }) => field), ...defaults, ...formulas]);
  const rollups = new Set([...older.flatMap((backfill) => backfill.rollups), ...plan.rollups]);
  const reseal = new Set([...older.flatMap((backfill) => backfill.reseal ?? []), ...(plan.reseal ?? [])].filter((field) => object.field(field)));
  for (const field of reseal) fields.add(field);
  const derived = plan.derivedPaths.length > 0 || conversions.length > 0 || defaults.size > 0 || older.some((backfill) => backfill.derived);
  if (older.length > 0) {
    await backfills.updateMany({ object: object.name, status: 'running' }, { $set: { status: 'superseded', finishedAt: now, supersededBy: id } });
  }
  await backfills.insertOne({
    _id: id,
    object: object.name,
    fields: [...fields],
    rollups: [...rollups],
    ...(conversions.length > 0 ? { conversions } : {}),
    ...(defaults.size > 0 ? { defaults: [...defaults] } : {}),
    ...(reseal.size > 0 ? { reseal: [...reseal] } : {}),
    derived,
    version,
    cursor: null,
    done: 0,
    total: plan.total,
    status: 'running',
    startedAt: now,
  });
  // No job key: a continuation is enqueued while the job runs (and is still 'due'), which a key would swallow.
  await enqueueJob(tx, { kind: BACKFILL_JOB, dueAt: new Date(), payload: { backfill: id } });
  return id;
}
