import { registerJobHandler } from '../../jobs/job-handlers.js';
import { PLAIN_TEXT, plainTextFields, plainTextPath } from '../../metadata/query/plain-text.js';
import type { Collection, Doc, Filter, Store } from '../../store/port.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import { BACKFILLS, type BackfillDoc } from '../../records/backfills/backfill.js';
import { recordBackfill } from './record-backfill.js';

/** Per object, the markup fields whose plain text every record already holds: nothing to look for at the next start. */
export const PLAIN_TEXT_BACKFILLED = 'plain_text_backfilled';

/** The job kind of the separate plain-text backfill of earlier versions, which may still be due in a store. */
const FORMER_PLAIN_TEXT_JOB = 'records.plain_text_backfill';

interface Backfilled extends Doc {
  fields: string;
}

/**
 * Records written before the plain text of rich text fields was kept beside their values
 * (`_text`) are not found by search or `contains` until saved again. At a tenant's opening, each
 * object with markup fields not yet known to be complete gets a backfill like those of metadata
 * changes (run-backfill.ts): batches of bounded duration, progress in GET /api/v1/meta/backfills,
 * resumed after a restart from its cursor, superseded by a later change of the object; filters on
 * the plain text answer 409 with the progress until it ends. Formulas are not waited for: their
 * stored values are right. An object known complete costs one look-up, not a scan.
 */
export async function schedulePlainTextBackfills(store: Store, snapshot: Snapshot): Promise<void> {
  for (const object of snapshot.objects.values()) {
    const fields = plainTextFields(object).map((field) => field.name);
    if (fields.length === 0) continue;
    const known = await store.collection<Backfilled>(PLAIN_TEXT_BACKFILLED).findOne({ _id: object.name });
    if (known?.fields === fields.join(',')) continue;
    const paths = fields.map(plainTextPath);
    const backfills = store.collection<BackfillDoc>(BACKFILLS);
    // One on its way (recorded before a restart) goes on from its cursor; one that ended filled every record in.
    if (await backfills.findOne({ object: object.name, status: 'running', fields: { $all: paths } }, { projection: { _id: 1 } })) continue;
    const ended = await backfills.findOne({ object: object.name, status: 'done', fields: { $all: paths } }, { projection: { _id: 1 } });
    const missing = ended ? null : await store.collection(object.collection).findOne(missingText(fields), { projection: { _id: 1 } });
    await store.unitOfWork(async (tx) => {
      if (missing) await recordBackfill(tx, snapshot.version, object, { derivedPaths: paths, rollups: [], total: await tx.collection(object.collection).count({}), formulasStale: false });
      else await markBackfilled(tx.collection<Backfilled>(PLAIN_TEXT_BACKFILLED), object.name, fields);
    });
  }
}

/** A job of the former plain-text backfill has nothing left to do: the backfill recorded at the opening does it. */
export function retireFormerPlainTextJob(): void {
  registerJobHandler(FORMER_PLAIN_TEXT_JOB, async () => undefined);
}

/** Records with a value in one of the fields and no plain text kept beside it. */
function missingText(fields: readonly string[]): Filter {
  return { [PLAIN_TEXT]: { $exists: false }, $or: fields.map((name) => ({ [name]: { $exists: true, $ne: null } })) };
}

async function markBackfilled(marks: Collection<Backfilled>, object: string, fields: readonly string[]): Promise<void> {
  if (await marks.findOne({ _id: object })) await marks.updateOne({ _id: object }, { $set: { fields: fields.join(',') } });
  else await marks.insertOne({ _id: object, fields: fields.join(',') });
}
