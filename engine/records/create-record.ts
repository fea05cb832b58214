import { newId } from '../store/new-id.js';
import { fieldAccess, recordAccess, withAccess } from '../security/access/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import { checkReadOnlyValues } from './read-only-values.js';
import { alive } from '../metadata/record-shape/record-state.js';
import { checkRecordWrite } from '../security/object-access.js';
import { checkUserAssignments } from '../security/user-assignments.js';
import { checkUserWrite } from '../security/user-rights-guard.js';
import { applyDefaultExpressions, applyObjectLogic } from './logic/apply-logic.js';
import { setComputed } from './logic/set-computed.js';
import { createFollowUps } from './follow-ups.js';
import { runBeforeSave, runBeforeValidation, writeUnitFor } from './write-pipeline/index.js';
import type { Collections } from '../store/port.js';
import { noteChange } from './note-change.js';
import type { OperationContext } from '../context/index.js';
import { assignAutoNumbers } from './assign-auto-numbers.js';
import { checkReferences } from './check-references.js';
import { applyDefaults } from './defaults.js';
import { explainDuplicate } from './duplicate-values.js';
import { presentRecord, type RecordView, type StoredRecord } from '../metadata/record-shape/record.js';
import { recordObject } from './record-object.js';
import { emptyRollups, syncRollups } from './relationships/sync-rollups.js';
import { normalizeValues, validateValues } from './validate-values.js';
import { writableInput } from './writable-input.js';

/** The write path of a new record, stage by stage; nothing is stored unless every stage passes. */
export async function createRecord(ctx: OperationContext, objectName: string, body: unknown): Promise<RecordView> {
  const { hidden } = fieldAccess(ctx, recordObject(ctx, objectName));
  // one unit of work for the record and every record its automation creates
  const record = await writeUnitFor(ctx, (tx) => insertRecord(tx, ctx, objectName, body));
  // the response: the record as stored, as the user may see it
  return presentRecord(record, undefined, hidden);
}

/**
 * The stages of a create inside the caller's unit of work: what approval actions and automation
 * rules use to create records atomically with the write that asked for them.
 */
export async function insertRecord(tx: Collections, ctx: OperationContext, objectName: string, body: unknown): Promise<StoredRecord> {
  // the object, from the snapshot the request started with
  const object = recordObject(ctx, objectName);
  // object access, then what a client may write: no system fields, no computed fields, only the
  // fields the user may edit
  checkRecordWrite(ctx, object, 'create');
  const { editable, hidden } = fieldAccess(ctx, object);
  const input = writableInput(object, body, editable, hidden);
  // a copy of a record (its read sent back with its _id): what the platform sets is set anew
  if (input.readOnly.length > 0) checkReadOnlyValues(object, input.readOnly, await copiedRecord(tx, ctx, object, body));
  checkUserAssignments(ctx.snapshot, object, input.values);
  checkUserWrite(ctx, object, null, input.values, input.cleared);
  // defaults for what the client left out: values, then expressions; then the before-validation hooks
  const defaulted = await applyDefaultExpressions(tx, ctx, object, applyDefaults(object, input.values));
  const values = await runBeforeValidation(tx, { kind: 'create', ctx, object, before: null, values: defaulted });
  // JSON Schema validation: every problem at once, each with its path
  validateValues(object, object.validateCreate, values);
  const normalized = normalizeValues(object, values);

  const now = new Date().toISOString();
  const record: StoredRecord = {
    ...emptyRollups(object),
    ...normalized,
    _id: newId(),
    _version: 1,
    _owner: ctx.principal.userId,
    _createdAt: now,
    _createdBy: ctx.principal.userId,
    _updatedAt: now,
    _updatedBy: ctx.principal.userId,
  };
  try {
    // references checked, auto-numbers drawn, formulas computed and rules checked
    await checkReferences(tx, ctx, object, normalized);
    await assignAutoNumbers(tx, object, record);
    setComputed(record, await applyObjectLogic(tx, ctx, object, record));
    // before-save hooks (automation rules, packs), which may set fields of the record before it is stored
    const automated = await runBeforeSave(tx, { kind: 'create', ctx, object, before: null, record });
    // the record stored, roll-ups on its masters (and what derives from them), its history
    await tx.collection<StoredRecord>(object.collection).insertOne(automated.record);
    await syncRollups(tx, ctx, object, null, automated.record);
    await noteChange(tx, ctx, object, 'created', null, automated.record);
    // the records the rules asked for, in the same unit of work
    await createFollowUps(tx, ctx, automated.followUps);
    return automated.record;
  } catch (error) {
    throw explainDuplicate(error, object);
  }
}

/** The record a create copies: the readable record named by the body's `_id`, if any. */
async function copiedRecord(tx: Collections, ctx: OperationContext, object: CompiledObject, body: unknown): Promise<StoredRecord | null> {
  const id = (body as { _id?: unknown })._id;
  if (typeof id !== 'string') return null;
  const access = await recordAccess(ctx, object, 'read');
  return tx.collection<StoredRecord>(object.collection).findOne(alive(withAccess({ _id: id }, access)));
}
