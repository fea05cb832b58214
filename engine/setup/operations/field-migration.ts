import { ConflictError, type ErrorDetail } from '../../errors/index.js';
import { recomputeStoredDerived } from '../../records/logic/recompute-formulas.js';
import { plainTextPath } from '../../metadata/query/plain-text.js';
import { followChange, settleWrite } from '../../records/logic/follow-change.js';
import { SYSTEM_PRINCIPAL } from '../../context/principal.js';
import { corporateAmountField, fieldTypeOf, formatAutoNumber, type ResolvedField, type ResolvedRollupField } from '../../fields/index.js';
import type { Collections, Doc } from '../../store/port.js';
import { pagesById, SCAN_PAGE_SIZE } from '../../store/pages-by-id.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import { COUNTERS, counterId } from '../../metadata/metadata-collections.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import { recomputeRollup } from '../../records/relationships/sync-rollups.js';
import { relationshipsOf } from '../../records/relationships/relationship-map.js';
import { sameDocument } from '../../store/json-document.js';
import { byCount, msg } from '../../i18n/message.js';
import { backfillSettings } from '../backfills/backfill-settings.js';
import { recordBackfill } from '../backfills/record-backfill.js';
import { percentDone, type BackfillDoc } from '../../records/backfills/backfill.js';
import { runningBackfillIn } from '../../records/backfills/backfill-reads.js';
import type { FieldConversion } from '../../records/backfills/field-conversions.js';
import { refuseSharedValues } from '../../metadata/shared-values.js';
import { valueConverter } from '../../records/backfills/value-conversion.js';

const SAMPLE_SIZE = 5;

/**
 * Brings an object's records in line with its new definition, in the unit of work of the
 * metadata change: removed fields are cleared; changed fields keep every value only when every
 * value converts and passes the new rules, else the change is refused with a count and a sample;
 * a new unique field must hold no duplicates; a new auto-number numbers the existing records.
 * A new or changed roll-up is computed for every existing master, a new or changed formula (or
 * converted amount, or plain text) for every existing record: inside this unit of work for an
 * object of at most `inlineLimit` records, else by a backfill in the background (settleDerived).
 */
export async function migrateRecords(tx: Collections, before: CompiledObject, after: CompiledObject, snapshot: Snapshot): Promise<void> {
  const records = tx.collection(after.collection);
  const pending = new Map<string, PendingDerivation>();
  const pendingFor = (object: CompiledObject): PendingDerivation => {
    const found = pending.get(object.name) ?? { object, rollups: [], derivedPaths: [], conversions: [], reseal: [] };
    pending.set(object.name, found);
    return found;
  };
  const backfill = await runningBackfillIn(tx, after.name);
  for (const old of before.object.fields) {
    const next = after.field(old.name);
    if (next && !sameDocument(old, next)) refuseWhileConverting(backfill, old.name);
    if (!next) {
      await records.updateMany({ [old.name]: { $ne: null } }, { $unset: { [old.name]: '', [plainTextPath(old.name)]: '' } });
    } else if (!sameDocument(old, next)) {
      // Converted inside the change when small, at once, as a unique check below reads the new values.
      const inline = await convertsInline(tx, after);
      const conversion = await checkConversion(tx, after, old, next, inline);
      if (conversion && inline) await writeConversion(tx, snapshot, after, conversion);
      else if (conversion) pendingFor(after).conversions.push(conversion);
      // Encrypting or decrypting the stored values is always a backfill: this unit of work stores them as the definition it started with.
      if (old.encryption !== next.encryption) pendingFor(after).reseal.push(next.name);
      if (fieldTypeOf(old).plainText && !fieldTypeOf(next).plainText) await records.updateMany({}, { $unset: { [plainTextPath(old.name)]: '' } });
      // Roll-ups summing it are summed anew: their scale is the field's, which may have changed.
      for (const { master, field } of relationshipsOf(snapshot).rollupsFedBy(after.name)) {
        if (field.field === next.name) pendingFor(master).rollups.push(field);
      }
    }
  }
  for (const field of after.object.fields) {
    if (field.unique && !before.field(field.name)?.unique) await refuseSharedValues(records, [field.name]);
    const derived = field.type === 'formula' || field.type === 'currency' || fieldTypeOf(field).plainText !== undefined;
    if (derived && !sameDocument(before.field(field.name), field)) pendingFor(after).derivedPaths.push(...derivedPaths(field));
    if (field.type === 'rollup' && !sameDocument(before.field(field.name), field)) pendingFor(after).rollups.push(field);
    if (field.type === 'autonumber' && before.field(field.name)?.type !== 'autonumber') {
      await numberExisting(tx, after, field.name, formatAutoNumber.bind(null, field.format), field.startAt);
    }
  }
  for (const derivation of pending.values()) await settleDerived(tx, snapshot, derivation);
}

/** What a change leaves to do on one object: values to convert, roll-ups to sum anew, derived values to compute anew. */
interface PendingDerivation {
  object: CompiledObject;
  rollups: ResolvedRollupField[];
  derivedPaths: string[];
  conversions: PendingConversion[];
  /** Fields whose encryption changed. */
  reseal: string[];
}

/** A field whose stored values all convert to its new definition, and how many change by it. */
interface PendingConversion extends FieldConversion {
  readonly changes: number;
  /** The values that change, kept for a conversion inside the change only: a backfill converts as it goes. */
  readonly converted: { id: string; value: unknown; was: unknown }[];
}

/** The stored paths a derived field's change makes stale. */
function derivedPaths(field: ResolvedField): string[] {
  if (field.type === 'currency') return [corporateAmountField(field.name)];
  if (fieldTypeOf(field).plainText !== undefined) return [plainTextPath(field.name)];
  return [field.name];
}

/**
 * A small object is recomputed here, in the change's unit of work, as it always was (the answer
 * holds the new values); a larger one by a backfill job in batches, recorded in the same unit of
 * work, so that the change commits at once and requests are served meanwhile (docs/storage.md).
 */
async function settleDerived(tx: Collections, snapshot: Snapshot, { object, rollups, derivedPaths: paths, conversions, reseal }: PendingDerivation): Promise<void> {
  const total = await tx.collection(object.collection).count({});
  if (total <= backfillSettings().inlineLimit) {
    for (const field of rollups) await computeRollupForAll(tx, snapshot, object, field);
    if (paths.length > 0) await recomputeAll(tx, snapshot, object);
    if (reseal.length > 0) await recordBackfill(tx, snapshot.version, object, { derivedPaths: [], rollups: [], reseal, total, formulasStale: false });
    return;
  }
  const converting = conversions.filter((conversion) => conversion.changes > 0).map(({ field, from, to }) => ({ field, from, to }));
  if (paths.length === 0 && rollups.length === 0 && converting.length === 0 && reseal.length === 0) return;
  await recordBackfill(tx, snapshot.version, object, { derivedPaths: paths, rollups: rollups.map((field) => field.name), conversions: converting, reseal, total });
}

async function convertsInline(tx: Collections, object: CompiledObject): Promise<boolean> {
  return (await tx.collection(object.collection).count({})) <= backfillSettings().inlineLimit;
}

/**
 * A field changed again while its values still convert to its previous definition would convert
 * values of two definitions at once: the admin waits for the first conversion to end.
 */
function refuseWhileConverting(backfill: BackfillDoc | null, field: string): void {
  if (!backfill?.conversions?.some((conversion) => conversion.field === field)) return;
  const percent = percentDone(backfill);
  throw new ConflictError(
    'backfill_in_progress',
    msg`The values of '${field}' are still being converted to its previous definition (${percent}% done); change it again once that ends.`,
    [{ path: `/fields/${field}`, message: msg`is being converted (${percent}% done)` }],
  );
}

/**
 * Checks that every stored value of a changed field converts to its new definition, else refuses
 * the change with a count and a sample. Returns the conversion to write (inside the change or by a
 * backfill), undefined for computed fields, which are recomputed rather than converted. The values
 * are read a page at a time, so a million holders are never in memory at once; only a conversion
 * inside the change keeps the values it will write, and only a unique field the values it will hold.
 */
async function checkConversion(tx: Collections, after: CompiledObject, old: ResolvedField, next: ResolvedField, inline: boolean): Promise<PendingConversion | undefined> {
  if (!fieldTypeOf(next).writable) return undefined;
  const convert = valueConverter(after, old, next);
  const sample: ErrorDetail[] = [];
  let failing = 0;
  let changes = 0;
  const converted: PendingConversion['converted'] = [];
  const finals = next.unique ? new Map<string, number>() : undefined;
  for await (const page of pagesById(tx.collection(after.collection), { [old.name]: { $ne: null } }, SCAN_PAGE_SIZE, { [old.name]: 1 })) {
    for (const record of page) {
      const value = record[old.name];
      const conversion = convert(value);
      if (!conversion.ok) {
        failing++;
        // The record's value stays out of the message: the admin changing the field may not be allowed to read it.
        if (sample.length < SAMPLE_SIZE) sample.push({ path: `/records/${record._id}/${old.name}`, message: conversion.reason });
        continue;
      }
      if (!sameDocument(conversion.value, value)) {
        changes++;
        if (inline) converted.push({ id: record._id, value: conversion.value, was: value });
      }
      const key = finals && JSON.stringify(conversion.value);
      if (key !== undefined) finals!.set(key, (finals!.get(key) ?? 0) + 1);
    }
  }
  if (failing > 0) {
    throw new ConflictError(
      'incompatible_values',
      byCount(
        failing,
        msg`1 record has a value of '${old.name}' that would not fit the new definition (${sample[0]!.message}). Correct or clear it first.`,
        msg`${failing} records have values of '${old.name}' that would not fit the new definition (${sample[0]!.message}). Correct or clear them first.`,
      ),
      sample,
    );
  }
  if (finals && changes > 0) refuseSharedConvertedValues(next.name, finals);
  return { field: next.name, from: old, to: next, changes, converted };
}

/**
 * Values that were distinct may meet once converted (two amounts rounded to a smaller scale): a
 * unique field then refuses the change, as making it unique over shared values does.
 */
function refuseSharedConvertedValues(field: string, finals: Map<string, number>): void {
  const shared = [...finals.values()].filter((count) => count > 1).slice(0, SAMPLE_SIZE);
  if (shared.length === 0) return;
  throw new ConflictError(
    'duplicate_values',
    msg`'${field}' is unique, and once converted to its new definition records would share values (${shared.map((count) => msg`one value held by ${count} records`).join(', ')}). Correct them, then try again.`,
    shared.map((count) => ({ path: `/fields/${field}`, message: msg`a value is held by ${count} records` })),
  );
}

/** A converted value (rounded to a smaller scale, say) is read by formulas and summed by roll-ups: they follow. */
async function writeConversion(tx: Collections, snapshot: Snapshot, object: CompiledObject, { field, converted }: PendingConversion): Promise<void> {
  const records = tx.collection(object.collection);
  const ctx = { snapshot, principal: SYSTEM_PRINCIPAL };
  for (const { id, value, was } of converted) {
    const written = await records.findOneAndUpdate({ _id: id }, { $set: { [field]: value } });
    if (written) await settleWrite(tx, ctx, object, { ...written, [field]: was }, written);
  }
}

/** Numbers existing records in creation order, and leaves the counter after the last. */
async function numberExisting(
  tx: Collections,
  after: CompiledObject,
  fieldName: string,
  format: (n: number) => string,
  startAt: number,
): Promise<void> {
  const records = tx.collection(after.collection);
  const existing = await records.find({}, { sort: { _id: 1 }, projection: { _id: 1 } });
  let n = startAt;
  for (const record of existing) await records.updateOne({ _id: record._id }, { $set: { [fieldName]: format(n++) } });
  await tx.collection<Doc & { value: number }>(COUNTERS).findOneAndUpdate(
    { _id: counterId(after.name, fieldName) },
    { $set: { value: n - 1 } },
    { upsert: true },
  );
}

async function computeRollupForAll(tx: Collections, snapshot: Snapshot, master: CompiledObject, field: ResolvedRollupField): Promise<void> {
  const child = snapshot.object(field.child)!;
  const masters = await tx.collection(master.collection).find({}, { projection: { _id: 1 } });
  for (const record of masters) await recomputeRollup(tx, { snapshot, principal: SYSTEM_PRINCIPAL }, master, field, child, record._id);
}

/**
 * Recomputes what every record of an object derives (converted amounts, formulas), and what
 * derives from those in turn (roll-ups summing a formula, children's formulas reading one).
 */
export async function recomputeAll(tx: Collections, snapshot: Snapshot, object: CompiledObject): Promise<void> {
  const ctx = { snapshot, principal: SYSTEM_PRINCIPAL };
  for (const record of await tx.collection(object.collection).find({})) {
    const after = await recomputeStoredDerived(tx, ctx, object, record);
    if (after) await followChange(tx, ctx, object, record, after);
  }
}
