import { evaluateOnRecord } from '../records/logic/evaluate-on-record.js';
import { ConflictError, EngineError, ForbiddenError, ValidationError } from '../errors/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import type { Collections } from '../store/port.js';
import type { OperationContext } from '../context/index.js';
import type { CompiledProcess } from '../metadata/approval-processes/compiled-process.js';
import type { ApprovalRecord } from './transition-record.js';
import { msg } from '../i18n/message.js';

/**
 * Whether the caller may submit the record now, and to which process: the one check the submit
 * event makes and the approval view asks (without acting) for its allowed actions, so the page
 * never offers a submission the server would refuse. Throws the refusal (409, 422, 403, 400).
 */
export async function checkSubmission(
  reader: Collections,
  ctx: OperationContext,
  object: CompiledObject,
  record: ApprovalRecord,
  admin: boolean,
  asked?: unknown,
): Promise<CompiledProcess> {
  checkNotClosed(ctx, record);
  const process = await chooseProcess(reader, ctx, object, record, asked);
  checkSubmitter(ctx, process, record, admin);
  return process;
}

/** checkSubmission as a question: whether the submit event would be accepted now. */
export async function maySubmitNow(reader: Collections, ctx: OperationContext, object: CompiledObject, record: ApprovalRecord, admin: boolean): Promise<boolean> {
  try {
    await checkSubmission(reader, ctx, object, record, admin);
    return true;
  } catch (error) {
    if (error instanceof EngineError && error.isPublic) return false;
    throw error;
  }
}

/**
 * A pending record is in its process; an approved one, or one rejected for good, is done with it
 * unless the process (as it stands now) allows submitting again. Returned and recalled records go
 * back to their submitter to be changed and submitted again: that is what those ends mean.
 */
function checkNotClosed(ctx: OperationContext, record: ApprovalRecord): void {
  const state = record._workflow;
  if (!state) return;
  if (state.status === 'pending') throw new ConflictError('already_pending', msg`This record is already pending approval at step '${state.step}'.`);
  const ended = ctx.snapshot.approvalProcesses.get(state.process);
  // A process that no longer exists holds nothing back.
  if (!ended) return;
  const allow = ended.definition.allowResubmit;
  if (state.status === 'approved' && allow?.afterApproval !== true) {
    throw new ConflictError('already_approved', msg`This record was approved by '${state.process}': that process does not take it again.`, [{ path: '/status', message: msg`is approved` }]);
  }
  if (state.status === 'rejected' && allow?.afterRejection !== true) {
    throw new ConflictError('already_rejected', msg`This record was rejected for good by '${state.process}': that process does not take it again.`, [{ path: '/status', message: msg`is rejected` }]);
  }
}

/** The process asked for, or the first active one of the object whose entry criteria admit the record. */
async function chooseProcess(reader: Collections, ctx: OperationContext, object: CompiledObject, record: ApprovalRecord, asked: unknown): Promise<CompiledProcess> {
  const candidates = ctx.snapshot.processesOf(object.name).filter((process) => process.active);
  if (asked !== undefined) {
    const process = candidates.find((candidate) => candidate.name === asked);
    if (!process) throw new ValidationError([{ path: '/process', message: msg`there is no active approval process '${String(asked)}' on ${object.name}` }]);
    if (!(await admits(reader, ctx, object, process, record))) throw new EntryCriteriaError(process);
    return process;
  }
  if (candidates.length === 0) throw new ConflictError('no_process', msg`${object.object.label} records have no active approval process.`);
  for (const process of candidates) if (await admits(reader, ctx, object, process, record)) return process;
  throw new EntryCriteriaError(candidates[0]!);
}

async function admits(reader: Collections, ctx: OperationContext, object: CompiledObject, process: CompiledProcess, record: ApprovalRecord): Promise<boolean> {
  if (!process.entryCriteria) return true;
  return (await evaluateOnRecord(reader, ctx, object, process.entryCriteria, record)) === true;
}

/** 422: a valid request about a record the process does not take, as a validation rule would answer. */
class EntryCriteriaError extends EngineError {
  constructor(process: CompiledProcess) {
    super('entry_criteria_not_met', 422, msg`This record does not meet the entry criteria of approval process '${process.name}'.`, {
      details: [{ path: '/entryCriteria', message: msg`is false for this record: ${process.definition.entryCriteria}` }],
    });
  }
}

/** Whether the caller may submit the record to the process: its owner (unless the process says not), a user or role it names, an administrator. */
export function maySubmit(ctx: OperationContext, process: CompiledProcess, record: ApprovalRecord, admin: boolean): boolean {
  if (admin) return true;
  const submitters = process.definition.submitters ?? {};
  const me = ctx.principal.userId;
  return (
    ((submitters.owner ?? true) && record._owner === me) ||
    (submitters.users ?? []).includes(me) ||
    (ctx.principal.role !== null && (submitters.roles ?? []).includes(ctx.principal.role))
  );
}

function checkSubmitter(ctx: OperationContext, process: CompiledProcess, record: ApprovalRecord, admin: boolean): void {
  const submitters = process.definition.submitters ?? {};
  if (!maySubmit(ctx, process, record, admin)) throw new ForbiddenError(submitters.owner === false ? msg`You may not submit this record to '${process.name}': only the roles and users it names may.` : msg`You may not submit this record to '${process.name}': only its owner may.`);
}
