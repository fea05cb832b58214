import { processLabel } from '../metadata/approval-processes/approval-labels.js';
import type { ApprovalMarks } from '../metadata/approval-processes/approval-state.js';
import { WORK_ITEMS, type WorkItem } from './work-items.js';
import { ConflictError } from '../errors/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import { userAccess } from '../security/access/index.js';
import type { Collections } from '../store/port.js';
import type { OperationContext } from '../context/index.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import { alive } from '../metadata/record-shape/record-state.js';
import { inSentence, msg, type LocalizedValue, type Message } from '../i18n/message.js';

/** What a caller wants to do to a locked record: approvers the process lets edit may only edit. */
export type LockedIntent = 'edit' | 'delete' | 'transfer';

/** Why a record takes no edits: the approval process that locked it and where the record stands in it. */
export interface RecordLock {
  readonly process: string;
  readonly status: 'pending' | 'approved';
  /** The sentence a refusal and the record page say, in the reader's language once rendered. */
  readonly reason: Message;
}

/** The lock an approval process put on the record, or null when it takes edits from whoever may edit it. */
export function recordLock(ctx: OperationContext, object: CompiledObject, record: StoredRecord & ApprovalMarks): RecordLock | null {
  const state = record._workflow;
  if (record._locked !== true || !state) return null;
  const process = ctx.snapshot.approvalProcesses.get(state.process);
  // The process's label in every language (English made from its API name where none was written): the message is rendered in the reader's.
  const label: LocalizedValue = { ...process?.definition.label, en: processLabel(process, state.process, 'en') };
  const what = inSentence(object.object.label);
  if (state.status === 'pending') return { process: state.process, status: 'pending', reason: msg`This ${what} is locked by the approval process '${label}' (pending approval).` };
  return { process: state.process, status: 'approved', reason: msg`This ${what} is locked by the approval process '${label}' (approved).` };
}

/**
 * A record an approval process locked (while pending, or once approved, as the process says)
 * takes no edits, cannot be deleted nor given to another owner, as in Salesforce, but by administrators, users who may
 * modify all records of its object or hold editLockedRecords, the engine's own work (actions,
 * formulas, roll-ups), and, to edit only, the current approvers when the process lets them.
 */
export async function checkNotLocked(reader: Collections, ctx: OperationContext, object: CompiledObject, record: StoredRecord & ApprovalMarks, intent: LockedIntent): Promise<void> {
  const lock = recordLock(ctx, object, record);
  if (!lock || (await mayChangeLocked(reader, ctx, object, record, intent))) return;
  // The detail says the whole reason: lists show a record's details as its failure (inline and bulk edits).
  throw new ConflictError('record_locked', lock.reason, [{ path: '/_locked', message: lock.reason }]);
}

/** Whether the caller may change the record though it is locked. */
export async function mayChangeLocked(reader: Collections, ctx: OperationContext, object: CompiledObject, record: StoredRecord & ApprovalMarks, intent: LockedIntent): Promise<boolean> {
  if (ctx.principal.system) return true;
  const access = userAccess(ctx.snapshot, ctx.principal);
  if (access.system.editLockedRecords || access.object(object.name).modifyAll) return true;
  return intent === 'edit' && (await isEditingApprover(reader, ctx, object, record));
}

/** The caller is asked to approve the pending record now, and its process lets its approvers edit it. */
export async function isEditingApprover(reader: Collections, ctx: OperationContext, object: CompiledObject, record: StoredRecord & ApprovalMarks): Promise<boolean> {
  const state = record._workflow;
  if (state?.status !== 'pending' || ctx.snapshot.approvalProcesses.get(state.process)?.lock.approverMayEdit !== true) return false;
  return (await reader.collection<WorkItem>(WORK_ITEMS).findOne({ object: object.name, record: record._id, status: 'pending', approver: ctx.principal.userId }, { projection: { _id: 1 } })) !== null;
}

/**
 * The record for its current approver to edit, where the process lets them: sharing gives an
 * approver only read access (to decide), so the edit path reaches it through this instead; null
 * for anyone else, or when the process does not let approvers edit.
 */
export async function recordForApprover(reader: Collections, ctx: OperationContext, object: CompiledObject, id: string): Promise<(StoredRecord & ApprovalMarks) | null> {
  const record = await reader.collection<StoredRecord & ApprovalMarks>(object.collection).findOne(alive({ _id: id, _approvers: ctx.principal.userId }));
  return record && (await isEditingApprover(reader, ctx, object, record)) ? record : null;
}
