import { performance } from 'node:perf_hooks';
import { requestsInFlight } from '../../concurrency/requests-in-flight.js';
import { operationContext, principalOf, type OperationContext, type Tenant } from '../../context/index.js';
import { ForbiddenError, isEngineError, type ErrorDetail } from '../../errors/index.js';
import { Message, msg, type Text } from '../../i18n/message.js';
import { enqueueJob, type JobDoc } from '../../jobs/index.js';
import { alive } from '../../metadata/record-shape/record-state.js';
import type { StoredRecord } from '../../metadata/record-shape/record.js';
import type { Collections } from '../../store/port.js';
import { writeBatch, writeRecord, type RowError, type RowOutcome } from '../bulk/index.js';
import type { MappedColumn } from './column-mapping.js';
import { IMPORT_JOB, IMPORT_ROWS, IMPORTS, rowsAfter, type ImportDoc, type ImportRowDoc, type RowProblem } from './import-doc.js';
import { prepareImport, type PreparedImport } from './prepare-import.js';

/** Rows read from the store for the batches to take from. */
const ROWS_PER_READ = 500;
/** One run of the job hands over to a continuation after this long, so that stopping the scheduler never waits for a whole import. */
const RUN_MS = 5_000;

/** Ends a batch whose import was cancelled (or taken over) meanwhile: its unit is undone. */
class ImportMovedOn extends Error {}

/**
 * The job of a dry run or a run: the rows after the cursor, batch after batch, each row read into a
 * record and sent through the write path as the user who started the import (with the rights they
 * hold now), in units of work that also move the cursor and the counts and note each row's outcome,
 * so a crash never repeats nor loses a row. Gives way to requests between batches; after RUN_MS
 * hands over to a continuation job.
 */
export async function runImportJob(tenant: Tenant, job: JobDoc): Promise<void> {
  const id = job.payload.import;
  if (typeof id !== 'string') return;
  const imports = tenant.store.collection<ImportDoc>(IMPORTS);
  const doc = await imports.findOne({ _id: id });
  if (!doc || (doc.status !== 'checking' && doc.status !== 'running') || !doc.settings) return;
  let prepared: PreparedImport;
  let ctx: OperationContext;
  try {
    ctx = await importContext(tenant, doc);
    prepared = await prepareImport(ctx, doc, doc.settings);
  } catch (error) {
    if (!isEngineError(error) || !error.isPublic) throw error;
    // What changed since it started (the user's rights, the object) fails the import, with the reason to read.
    await imports.updateOne({ _id: id, status: doc.status }, { $set: { status: 'failed', finishedAt: new Date().toISOString(), lastError: messageOf(error.text).toStored() } });
    return;
  }
  const started = performance.now();
  let cursor = doc.cursor;
  for (;;) {
    const rows = await tenant.store.collection<ImportRowDoc>(IMPORT_ROWS).find(rowsAfter(id, cursor), { sort: { _id: 1 }, limit: ROWS_PER_READ });
    if (rows.length === 0) {
      await imports.updateOne({ _id: id, status: doc.status, cursor }, { $set: { status: doc.status === 'checking' ? 'checked' : 'done', finishedAt: new Date().toISOString() } });
      return;
    }
    let from = 0;
    while (from < rows.length) {
      const handOver = performance.now() - started >= RUN_MS;
      try {
        const outcomes = await writeBatch(tenant.store, {
          ...(job.requestId === undefined ? {} : { requestId: job.requestId }),
          rows,
          from,
          write: (tx, row) => writeRow(tx, ctx, prepared, doc.status === 'running', row),
          settle: (tx, done) => settle(tx, doc, prepared.columns, rows.slice(from, from + done.length), done, cursor, handOver),
          dryRun: doc.status === 'checking',
        });
        from += outcomes.length;
        cursor = rows[from - 1]!.row;
      } catch (error) {
        if (error instanceof ImportMovedOn) return;
        throw error;
      }
      if (handOver) return;
      await requestsInFlight.giveWay();
    }
  }
}

/** The user who started the import, as they are now: an import of a user since deactivated stops. */
async function importContext(tenant: Tenant, doc: ImportDoc): Promise<OperationContext> {
  const users = tenant.metadata.snapshot.object('user')!;
  const user = await tenant.store.collection<StoredRecord>(users.collection).findOne(alive({ _id: doc.createdBy }));
  if (!user || user.active === false) throw new ForbiddenError(msg`The user who started the import is no longer active.`);
  const principal = principalOf(user);
  return operationContext(tenant, principal, 'import', principal.language ?? 'en');
}

/** One row through the write path; a row an earlier run wrote is passed over. */
async function writeRow(tx: Collections, ctx: OperationContext, prepared: PreparedImport, writing: boolean, row: ImportRowDoc): Promise<RowOutcome> {
  if (writing && row.record) return { status: 'skipped', id: row.record };
  return writeRecord(tx, ctx, prepared.plan, await prepared.reader.record(tx, row.cells));
}

/**
 * In the batch's unit of work (after it, for a dry run): each row's outcome and problems, then the
 * import's cursor and counts, fenced by the cursor the batch started from, so that a cancel or a
 * second runner in between undoes the batch instead of counting it twice.
 */
async function settle(tx: Collections, doc: ImportDoc, columns: readonly MappedColumn[], rows: readonly ImportRowDoc[], outcomes: readonly RowOutcome[], cursor: number, handOver: boolean): Promise<void> {
  const count = (status: RowOutcome['status']) => outcomes.filter((outcome) => outcome.status === status).length;
  const moved = await tx.collection<ImportDoc>(IMPORTS).updateOne(
    { _id: doc._id, status: doc.status, cursor },
    { $set: { cursor: rows[rows.length - 1]!.row }, $inc: { done: outcomes.length, created: count('created'), updated: count('updated'), failed: count('failed'), skipped: count('skipped') } },
  );
  if (moved.matched === 0) throw new ImportMovedOn();
  const stored = tx.collection<ImportRowDoc>(IMPORT_ROWS);
  for (const [i, outcome] of outcomes.entries()) {
    const row = rows[i]!;
    if (outcome.status === 'failed') await stored.updateOne({ _id: row._id }, { $set: { outcome: 'failed', problems: problemsOf(row, columns, outcome.error) } });
    else if (outcome.status !== 'skipped') await stored.updateOne({ _id: row._id }, { $set: { outcome: outcome.status, ...(doc.status === 'running' ? { record: outcome.id } : {}) }, $unset: { problems: '' } });
  }
  if (handOver) await enqueueJob(tx, { kind: IMPORT_JOB, dueAt: new Date(), payload: { import: doc._id } });
}

/** A row's error as problems of its columns: each detail at a field's path names the column mapped to it and the cell. */
function problemsOf(row: ImportRowDoc, columns: readonly MappedColumn[], error: RowError): RowProblem[] {
  const at = (detail: ErrorDetail): RowProblem => {
    const name = detail.path.split('/')[1] ?? '';
    const column = columns.find((candidate) => (candidate.field === '_id' ? '_id' : candidate.field.name) === name);
    return { column: column?.column ?? null, value: column ? (row.cells[column.index] ?? null) : null, path: detail.path, message: messageOf(detail.message).toStored() };
  };
  if (error.details.length > 0) return error.details.map(at);
  return [{ column: null, value: null, path: '', message: messageOf(error.message).toStored() }];
}

/** A text as a message to store: one written without msg (a pack's plain string) stays as it was written. */
function messageOf(text: Text): Message {
  return typeof text === 'string' ? new Message('{0}', [text]) : text;
}
