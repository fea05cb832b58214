import { fieldAccess, recordAccess, withAccess, type RecordAccess } from '../security/access/index.js';
import { checkRecordWrite } from '../security/object-access.js';
import { checkNotLocked, recordForApprover } from './locked-record.js';
import { checkUserAssignments } from '../security/user-assignments.js';
import { checkUserWrite } from '../security/user-rights-guard.js';
import { isSelfService, SELF_SERVICE_FIELDS } from '../security/self-service.js';
import { applyRecordChange } from './apply-record-change.js';
import { alive } from '../metadata/record-shape/record-state.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import type { OperationContext } from '../context/index.js';
import { explainDuplicate } from './duplicate-values.js';
import { checkVersion } from './expected-version.js';
import { presentRecord, type RecordView, type StoredRecord } from '../metadata/record-shape/record.js';
import { recordObject } from './record-object.js';
import { unreachableRecord } from './unreachable-record.js';
import { checkReadOnlyValues } from './read-only-values.js';
import { validateChange } from './validate-values.js';
import { writableInput, type WritableInput } from './writable-input.js';
import type { Collections } from '../store/port.js';
import { runBeforeValidation, writeUnitFor } from './write-pipeline/index.js';

/** The write path of a change to a record (PATCH: only the sent fields change; null clears one). */
export async function updateRecord(
  ctx: OperationContext,
  objectName: string,
  id: string,
  body: unknown,
  expectedVersion?: number,
): Promise<RecordView> {
  // the object, from the snapshot the request started with
  const object = recordObject(ctx, objectName);
  // object access and the records the user may edit (or a user's own personal settings); what a
  // client may write (only the fields the user may edit); a required field cannot be cleared
  const selfService = isSelfService(ctx, object, id, body, await ownUserRecord(ctx, object, id));
  if (!selfService) checkRecordWrite(ctx, object, 'edit');
  const access = selfService ? { _id: ctx.principal.userId } : await recordAccess(ctx, object, 'edit');
  const { editable, hidden } = fieldAccess(ctx, object);
  const input = writableInput(object, body, selfService ? SELF_SERVICE_FIELDS : editable, hidden);
  checkUserAssignments(ctx.snapshot, object, input.values);

  // one unit of work: the current version checked, then the one write path of a change
  try {
    const updated = await writeUnitFor(ctx, (tx) => changeRecord(tx, ctx, object, id, input, { access, selfService, ...(expectedVersion === undefined ? {} : { expectedVersion }) }));
    // the response: the record as stored now, as the user may see it
    return presentRecord(updated, undefined, hidden);
  } catch (error) {
    throw explainDuplicate(error, object);
  }
}

export interface ChangeTarget {
  /** The records the user may edit (recordAccess 'edit'), or the user's own record for self-service. */
  readonly access: RecordAccess;
  readonly selfService?: boolean;
  readonly expectedVersion?: number;
}

/**
 * The stages of a change inside the caller's unit of work, once the object's edit right and the
 * fields sent were checked (writableInput with the user's editable fields): what the bulk API runs
 * for each record of a batch. Returns the record as stored after the change.
 */
export async function changeRecord(tx: Collections, ctx: OperationContext, object: CompiledObject, id: string, input: WritableInput, target: ChangeTarget): Promise<StoredRecord> {
  const sent = { ...input.values, ...Object.fromEntries(input.cleared.map((name) => [name, null])) };
  // The current approver of a pending record may edit it when its process says so, whatever the sharing.
  const current = (await tx.collection<StoredRecord>(object.collection).findOne(alive(withAccess({ _id: id }, target.access)))) ?? (target.selfService ? null : await recordForApprover(tx, ctx, object, id));
  if (!current) throw await unreachableRecord(ctx, object, id, 'edit');
  checkVersion(target.expectedVersion, current._version);
  await checkNotLocked(tx, ctx, object, current, 'edit');
  // a user's rights: only within the writer's own, never one's own
  checkUserWrite(ctx, object, current, input.values, input.cleared);
  // what a read returned, sent back unchanged, is no change (a changed one is refused)
  checkReadOnlyValues(object, input.readOnly, current);
  // the before-validation hooks, then JSON Schema validation of the values, every problem at
  // once; a required field cannot be cleared
  const change = validateChange(object, await runBeforeValidation(tx, { kind: 'update', ctx, object, before: current, values: sent }));
  return applyRecordChange(tx, ctx, object, current, change, { madeBy: 'user' });
}

/** A user's own user record as stored, against which a body sent back as read is compared; null for any other record. */
async function ownUserRecord(ctx: OperationContext, object: CompiledObject, id: string): Promise<StoredRecord | null> {
  if (object.name !== 'user' || id !== ctx.principal.userId) return null;
  return ctx.tenant.store.collection<StoredRecord>(object.collection).findOne(alive({ _id: id }));
}
