import { ValidationError } from '../../errors/index.js';
import { msg } from '../../i18n/message.js';
import type { OperationContext } from '../../context/index.js';
import { alive } from '../../metadata/record-shape/record-state.js';
import type { StoredRecord } from '../../metadata/record-shape/record.js';
import { checkUserAssignments } from '../../security/user-assignments.js';
import type { Collections } from '../../store/port.js';
import { insertRecord } from '../create-record.js';
import { explainDuplicate } from '../duplicate-values.js';
import { recordObject } from '../record-object.js';
import { changeRecord } from '../update-record.js';
import { normalizeValues } from '../validate-values.js';
import { writableInput } from '../writable-input.js';
import { planBulk, type BulkOptions, type BulkPlan } from './bulk-plan.js';
import type { RowOutcome } from './row-outcome.js';
import { writeBatch, type BatchLimits } from './write-batch.js';

/** The most records one bulk request takes. */
export const MAX_BULK_RECORDS = 10_000;

/**
 * Writes many records of one object through the one write path (defaults, validation, formulas,
 * rules, references, roll-ups, automation, history, audit, as the requesting user), in batches of
 * one unit of work each, and answers for every record in order: its id, or its error. A record
 * that fails fails alone; the others are written. Between two batches the event loop is let go.
 */
export async function bulkWrite(ctx: OperationContext, objectName: string, records: readonly unknown[], options: BulkOptions, limits?: BatchLimits): Promise<RowOutcome[]> {
  const object = recordObject(ctx, objectName);
  if (records.length > MAX_BULK_RECORDS) {
    throw new ValidationError([{ path: '', message: msg`holds ${records.length} records; one request takes at most ${MAX_BULK_RECORDS}: send the rest in another` }]);
  }
  const plan = await planBulk(ctx, object, options);
  const outcomes: RowOutcome[] = [];
  while (outcomes.length < records.length) {
    const batch = await writeBatch(ctx.tenant.store, {
      ...(ctx.requestId === undefined ? {} : { requestId: ctx.requestId }),
      rows: records,
      from: outcomes.length,
      write: (tx, record) => writeRecord(tx, ctx, plan, record),
      ...(options.dryRun ? { dryRun: true } : {}),
      ...(limits ? { limits } : {}),
    });
    outcomes.push(...batch);
    // Requests that came during the batch are read before the next one starts.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return outcomes;
}

/** One record's write inside its batch's unit of work: a create, or a change of the record it matches. */
export async function writeRecord(tx: Collections, ctx: OperationContext, plan: BulkPlan, record: unknown): Promise<RowOutcome> {
  const { object } = plan;
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    throw new ValidationError([{ path: '', message: msg`must be a JSON object with the fields of ${object.name}` }]);
  }
  const body = record as Record<string, unknown>;
  const existing = plan.mode === 'insert' ? null : await matchedRecord(tx, plan, body);
  if (!existing) {
    const created = await insertRecord(tx, ctx, object.name, body);
    return { status: 'created', id: created._id };
  }
  const { _id: _sent, ...values } = body;
  const input = writableInput(object, values, plan.editable, plan.hidden);
  checkUserAssignments(ctx.snapshot, object, input.values);
  try {
    const after = await changeRecord(tx, ctx, object, existing, input, { access: plan.editAccess! });
    return { status: 'updated', id: after._id };
  } catch (error) {
    throw explainDuplicate(error, object);
  }
}

/**
 * The id of the record a row names: by `_id` (update without an external id), or by the value of
 * its external-id field among every live record (the user's access is checked when it is changed,
 * so a record they may not edit is refused rather than created again). Null: none, so an upsert creates it.
 */
async function matchedRecord(tx: Collections, plan: BulkPlan, body: Record<string, unknown>): Promise<string | null> {
  const { object, externalId } = plan;
  if (externalId === undefined) {
    const id = body._id;
    if (typeof id !== 'string' || id === '') throw new ValidationError([{ path: '/_id', message: msg`is required to update a record: send the record's _id, or match records by an external id` }]);
    return id;
  }
  const key = body[externalId];
  if (key === undefined || key === null || key === '') {
    throw new ValidationError([{ path: `/${externalId}`, message: msg`is required: the records are matched by it` }]);
  }
  const stored = normalizeValues(object, { [externalId]: key })[externalId];
  const found = await tx.collection<StoredRecord>(object.collection).findOne(alive({ [externalId]: stored }), { projection: { _id: 1 } });
  if (found) return found._id;
  if (plan.mode === 'update') throw new ValidationError([{ path: `/${externalId}`, message: msg`matches no ${object.name} record` }]);
  return null;
}
