import { performance } from 'node:perf_hooks';
import { requestsInFlight } from '../../concurrency/requests-in-flight.js';
import { EngineError } from '../../errors/index.js';
import { enqueueJob, type JobDoc } from '../../jobs/index.js';
import { recomputeStoredDerived } from '../../records/logic/recompute-formulas.js';
import { followChange, settleWrite } from '../../records/logic/follow-change.js';
import type { LogicContext } from '../../records/logic/expression-input.js';
import { recomputeRollup } from '../../records/relationships/sync-rollups.js';
import type { Collections, Doc } from '../../store/port.js';
import { SYSTEM_PRINCIPAL } from '../../context/principal.js';
import type { Tenant } from '../../context/index.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import { BACKFILL_JOB, BACKFILLS, type BackfillDoc } from '../../records/backfills/backfill.js';
import { backfillSettings } from './backfill-settings.js';
import { convertedValues, currentConversions } from '../../records/backfills/field-conversions.js';
import { hasDefault, missingDefaults } from '../../records/backfills/default-fill.js';
import { resealCopies } from '../../records/encryption/index.js';

/**
 * How many records the next batch reads: about as many as the last one managed within its time, so
 * that a batch cut short by `batchMs` has not read (and parsed) many records it leaves for the next.
 */
interface Pace {
  read: number;
}

/**
 * The job handler: batches until the backfill ends, giving way between two to the requests that came
 * meanwhile (requests-in-flight.ts); after `runMs` it hands over to a continuation job.
 */
export async function runBackfill(tenant: Tenant, job: JobDoc): Promise<void> {
  const id = job.payload.backfill;
  if (typeof id !== 'string') return;
  const started = performance.now();
  const pace: Pace = { read: backfillSettings().batchRecords };
  for (;;) {
    const handOver = performance.now() - started >= backfillSettings().runMs;
    const more = await runBackfillBatch(tenant, id, { handOver, pace });
    if (!more || handOver) return;
    await requestsInFlight.giveWay();
  }
}

/**
 * One batch, in one unit of work: the records after the cursor, in `_id` order and read inside the
 * unit (so what it recomputes is never stale), until `batchRecords` of them or `batchMs` of work,
 * then the cursor and the count in the same unit, so that a crash never loses nor repeats progress.
 * Returns whether records remain. With `handOver`, a continuation job is enqueued in the same unit
 * when they do. Tests call it to advance a backfill one batch.
 */
export async function runBackfillBatch(tenant: Tenant, id: string, options: { handOver?: boolean; pace?: Pace } = {}): Promise<boolean> {
  const settings = backfillSettings();
  const pace = options.pace ?? { read: settings.batchRecords };
  let snapshot = tenant.metadata.snapshot;
  const peek = await tenant.store.collection<BackfillDoc>(BACKFILLS).findOne({ _id: id });
  if (!peek || peek.status !== 'running') return false;
  // Another instance recorded it with a newer definition than this one holds.
  if (snapshot.version < peek.version) {
    await tenant.metadata.refresh();
    snapshot = tenant.metadata.snapshot;
  }
  let resealed: BackfillDoc | undefined;
  try {
    const more = await tenant.store.unitOfWork(async (tx) => {
      const backfills = tx.collection<BackfillDoc>(BACKFILLS);
      const backfill = await backfills.findOne({ _id: id, status: 'running' });
      if (!backfill) return false;
      const now = () => new Date().toISOString();
      const object = snapshot.object(backfill.object);
      if (!object) {
        await backfills.updateOne({ _id: id }, { $set: { status: 'cancelled', finishedAt: now() } });
        return false;
      }
      const wanted = Math.max(1, Math.min(settings.batchRecords, pace.read));
      const page = await tx.collection(object.collection).find(backfill.cursor === null ? {} : { _id: { $gt: backfill.cursor } }, { sort: { _id: 1 }, limit: wanted });
      const ctx: LogicContext = { snapshot, principal: SYSTEM_PRINCIPAL };
      const started = performance.now();
      let cursor = backfill.cursor;
      let done = 0;
      let skipped = 0;
      let reason: string | undefined;
      while (done < page.length && performance.now() - started < settings.batchMs) {
        const record = page[done]!;
        const failure = await recomputeOrPass(tx, ctx, object, backfill, record);
        if (failure !== undefined) {
          skipped++;
          reason ??= `record ${record._id}: ${failure}`;
        }
        cursor = record._id;
        done++;
      }
      // A batch that ran out of records to read before its time reads more next time; one cut short, what it managed.
      pace.read = done === page.length ? Math.ceil(wanted * 1.5) : done + 1;
      const more = done < page.length || page.length === wanted;
      const progress = { cursor, done: backfill.done + done, ...(skipped > 0 ? { skipped: (backfill.skipped ?? 0) + skipped, lastError: reason! } : {}) };
      const cleared: Record<string, ''> = skipped > 0 ? {} : { lastError: '' };
      // The cursor in the filter: a second runner of the same backfill (a job taken over after a lease ran out) cannot count twice.
      const fence = { _id: id, status: 'running', cursor: backfill.cursor };
      if (more) {
        await backfills.updateOne(fence, { $set: progress, $unset: cleared });
        if (options.handOver) await enqueueJob(tx, { kind: BACKFILL_JOB, dueAt: new Date(), payload: { backfill: id } });
      } else {
        await backfills.updateOne(fence, { $set: { ...progress, total: Math.max(backfill.total, progress.done), status: 'done', finishedAt: now() }, $unset: cleared });
        if ((backfill.reseal ?? []).length > 0) resealed = backfill;
      }
      return more;
    });
    if (resealed) {
      await resealCopies(tenant.store, resealed.object, resealed.reseal!);
      // Values now stored encrypted must leave no former copy in clear in the store's files.
      await tenant.store.dropFreedCopies?.();
    }
    return more;
  } catch (error) {
    // The job retries with back-off; the reason stays readable in the backfill's progress meanwhile.
    const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
    await tenant.store.collection<BackfillDoc>(BACKFILLS).updateOne({ _id: id, status: 'running' }, { $set: { lastError } });
    throw error;
  }
}

/**
 * An expression that fails on one record, or ran past its time limit on a loaded machine, must not
 * hold up the others: the record is tried once more, then passed over (its value stays as stored)
 * and counted in `skipped`, the reason in `lastError`. Returns that reason, or undefined when done.
 */
async function recomputeOrPass(tx: Collections, ctx: LogicContext, object: CompiledObject, backfill: BackfillDoc, record: Doc): Promise<string | undefined> {
  let failure: string | undefined;
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      await backfillRecord(tx, ctx, object, backfill, record);
      return undefined;
    } catch (error) {
      if (!(error instanceof EngineError && error.status === 422)) throw error;
      failure = error.message;
    }
  }
  return failure;
}

/**
 * Brings one record where the metadata change would have: its values converted to their fields' new
 * definitions, defaults given where asked for (and what reads them follows, as after an update), roll-ups summed anew, then what
 * the record derives, and what follows from it.
 */
async function backfillRecord(tx: Collections, ctx: LogicContext, object: CompiledObject, backfill: BackfillDoc, record: Doc): Promise<void> {
  const defaults = (backfill.defaults ?? []).filter((field) => hasDefault(object, field));
  const changes = {
    ...convertedValues(object, currentConversions(object, backfill.conversions), record),
    ...(defaults.length > 0 ? await missingDefaults(tx, ctx, object, defaults, record) : {}),
  };
  await resealValues(tx, object, backfill, record);
  if (Object.keys(changes).length > 0) {
    const written = await tx.collection(object.collection).findOneAndUpdate({ _id: record._id }, { $set: changes });
    if (written) record = await settleWrite(tx, ctx, object, record, written);
  }
  for (const name of backfill.rollups) {
    const field = object.field(name);
    const child = field?.type === 'rollup' ? ctx.snapshot.object(field.child) : undefined;
    if (field?.type === 'rollup' && child) await recomputeRollup(tx, ctx, object, field, child, record._id);
  }
  if (!backfill.derived) return;
  const current = backfill.rollups.length > 0 || Object.keys(changes).length > 0 ? await tx.collection(object.collection).findOne({ _id: record._id }) : record;
  if (!current) return;
  const after = await recomputeStoredDerived(tx, ctx, object, current);
  if (after) await followChange(tx, ctx, object, current, after);
}

/**
 * Writes the values of the fields whose encryption changed as they are (the store reads them opened
 * and stores them as the field now says): no change of the record, so no version, history or hook.
 */
async function resealValues(tx: Collections, object: CompiledObject, backfill: BackfillDoc, record: Doc): Promise<void> {
  const values: Record<string, unknown> = {};
  for (const field of backfill.reseal ?? []) if (typeof record[field] === 'string' && object.field(field)) values[field] = record[field];
  if (Object.keys(values).length > 0) await tx.collection(object.collection).updateOne({ _id: record._id }, { $set: values });
}

