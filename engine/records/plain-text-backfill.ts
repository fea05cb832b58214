import { enqueueJob } from '../jobs/enqueue-job.js';
import { JOBS_COLLECTION, type JobDoc } from '../jobs/job.js';
import { registerJobHandler } from '../jobs/job-handlers.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import type { Snapshot } from '../metadata/snapshot.js';
import type { Collections, Doc, Filter } from '../store/port.js';
import type { Tenant } from '../tenancy/tenant.js';
import { PLAIN_TEXT, plainTextFields, plainTextOf } from './plain-text.js';

export const PLAIN_TEXT_BACKFILL = 'records.plain_text_backfill';
/** Per object, the markup fields whose plain text every record already holds: nothing to look for at the next start. */
export const PLAIN_TEXT_BACKFILLED = 'plain_text_backfilled';

/** One job's share of the work: about this long, so the scheduler's other jobs and the requests keep flowing. */
const BATCH_MS = 50;
/** Records read per page, and the most one job fills in whatever the clock says. */
const PAGE = 50;
const MOST_PER_JOB = 500;

interface BackfillPayload {
  object: string;
  /** The last record done: the next job goes on after it, whatever restarted in between. */
  after?: string;
}

interface Backfilled extends Doc {
  fields: string;
}

/**
 * Records written before the plain text of rich text fields was kept beside their values
 * (`_text`) are not found by search or `contains` until saved again. At a tenant's opening, each
 * object with markup fields not yet known to be complete gets a background job that fills the
 * plain text in, a batch of about 50 ms at a time, each batch enqueuing the next with where it
 * stopped: a restart goes on from there rather than from the start.
 */
export async function scheduleBackfill(store: Collections, snapshot: Snapshot): Promise<void> {
  for (const object of snapshot.objects.values()) {
    const fields = plainTextFields(object).map((field) => field.name);
    if (fields.length === 0) continue;
    const known = await store.collection<Backfilled>(PLAIN_TEXT_BACKFILLED).findOne({ _id: object.name });
    if (known?.fields === fields.join(',')) continue;
    // A job already on its way (enqueued before a restart) goes on from where it stopped.
    if (await store.collection<JobDoc>(JOBS_COLLECTION).findOne({ kind: PLAIN_TEXT_BACKFILL, status: 'due', 'payload.object': object.name }, { projection: { _id: 1 } })) continue;
    const missing = await store.collection(object.collection).findOne(missingText(fields), { projection: { _id: 1 } });
    if (missing) await enqueueJob(store, { kind: PLAIN_TEXT_BACKFILL, dueAt: new Date(), payload: { object: object.name } });
    else await markBackfilled(store, object.name, fields);
  }
}

export function registerPlainTextBackfill(): void {
  registerJobHandler(PLAIN_TEXT_BACKFILL, (tenant, job) => backfillBatch(tenant, job.payload as unknown as BackfillPayload));
}

/** One batch: pages of records missing their plain text, in id order, until the time or the count runs out; then the next job, or the mark that the object is complete. */
async function backfillBatch(tenant: Tenant, payload: BackfillPayload): Promise<void> {
  const object = tenant.metadata.snapshot.object(payload.object);
  // An object deleted meanwhile, or without markup fields any more, has nothing to fill in.
  if (!object || plainTextFields(object).length === 0) return;
  const fields = plainTextFields(object).map((field) => field.name);
  const started = performance.now();
  await tenant.store.unitOfWork(async (tx) => {
    let after = payload.after;
    let done = 0;
    for (;;) {
      const page = await tx.collection(object.collection).find(
        { ...missingText(fields), ...(after === undefined ? {} : { _id: { $gt: after } }) },
        { sort: { _id: 1 }, limit: PAGE, projection: Object.fromEntries([['_id', 1], ...fields.map((name) => [name, 1])]) },
      );
      await fillIn(tx, object, page);
      done += page.length;
      after = page.at(-1)?._id ?? after;
      if (page.length < PAGE) return markBackfilled(tx, object.name, fields);
      if (performance.now() - started >= BATCH_MS || done >= MOST_PER_JOB) break;
    }
    await enqueueJob(tx, { kind: PLAIN_TEXT_BACKFILL, dueAt: new Date(), payload: { object: object.name, ...(after === undefined ? {} : { after }) } });
  });
}

async function fillIn(tx: Collections, object: CompiledObject, records: readonly Doc[]): Promise<void> {
  for (const record of records) {
    const text = plainTextOf(object, record);
    // Markup with no text in it (an empty paragraph) keeps no plain text, as a write would leave it.
    if (text) await tx.collection(object.collection).updateOne({ _id: record._id }, { $set: { [PLAIN_TEXT]: text } });
  }
}

/** Records with a value in one of the fields and no plain text kept beside it. */
function missingText(fields: readonly string[]): Filter {
  return { [PLAIN_TEXT]: { $exists: false }, $or: fields.map((name) => ({ [name]: { $exists: true, $ne: null } })) };
}

async function markBackfilled(tx: Collections, object: string, fields: readonly string[]): Promise<void> {
  const marks = tx.collection<Backfilled>(PLAIN_TEXT_BACKFILLED);
  if (await marks.findOne({ _id: object })) await marks.updateOne({ _id: object }, { $set: { fields: fields.join(',') } });
  else await marks.insertOne({ _id: object, fields: fields.join(',') });
}
