import { resolveLabels } from '../metadata/labels.js';
import { evaluateOnRecord } from '../records/logic/evaluate-on-record.js';
import { initialTransition, transition } from 'xstate';
import { assertNever, ConflictError } from '../errors/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import { alive } from '../metadata/record-shape/record-state.js';
import { applyRecordChange } from '../records/apply-record-change.js';
import { runBeforeValidation } from '../records/write-pipeline/index.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import { validateChange } from '../records/validate-values.js';
import type { Collections } from '../store/port.js';
import type { OperationContext } from '../context/index.js';
import { cancelApprovalTimers, scheduleApprovalTimers } from './approval-timers.js';
import { writeApprovalHistory, type NewHistoryEntry } from './approval-history.js';
import { queueApprovalDecisions } from '../webhooks/index.js';
import type { ApprovalMarks, ApprovalState, ApprovalStatus } from '../metadata/approval-processes/approval-state.js';
import type { CompiledProcess } from '../metadata/approval-processes/compiled-process.js';
import { END_STATES, type EndState, type HookParams, type MachineEvent } from '../metadata/approval-processes/process-machine.js';
import { resolveApprovers } from './resolve-approvers.js';
import type { ActionSource } from '../metadata/actions/action-source.js';
import { runActions } from '../actions/run-actions.js';
import { createFollowUps, type FollowUp } from '../records/follow-ups.js';
import { closePendingItems, openWorkItems, pendingItems } from '../records/work-items.js';
import { msg } from '../i18n/message.js';

export type ApprovalRecord = StoredRecord & ApprovalMarks;

/** The step conditions as the record stands: the machine's gates read them. */
export async function stepConditions(tx: Collections, ctx: OperationContext, object: CompiledObject, process: CompiledProcess, record: ApprovalRecord): Promise<Record<string, boolean>> {
  const conditions: Record<string, boolean> = {};
  for (const step of process.steps) {
    if (!step.condition) {
      conditions[step.name] = true;
      continue;
    }
    conditions[step.name] = (await evaluateOnRecord(tx, ctx, object, step.condition, record)) === true;
  }
  return conditions;
}

export interface Transition {
  /** submit: the first transition; else the event for the machine. */
  event: { type: 'SUBMIT' } | MachineEvent;
  history: NewHistoryEntry[];
  /** For the actions' templates: the comment of the response. */
  comment?: string;
}

/**
 * Moves a record's process by one event inside the caller's unit of work: the pure XState
 * transition from the persisted snapshot, then the hooks it asks for in order (leave a step: close
 * its items and timers; enter one: ask its approvers; the ends and the actions of each), then one
 * conditional write of the record (its version must still be the one read, or 409), its history,
 * audit and roll-ups, and the records its actions create. Returns the record after.
 */
export async function transitionRecord(
  tx: Collections,
  ctx: OperationContext,
  object: CompiledObject,
  process: CompiledProcess,
  version: number,
  current: ApprovalRecord,
  step: Transition,
  state: Pick<ApprovalState, 'submittedBy' | 'submittedAt'>,
): Promise<{ after: ApprovalRecord }> {
  const conditions = step.event.type === 'SUBMIT' ? await stepConditions(tx, ctx, object, process, current) : step.event.conditions;
  const [snapshot, actions] =
    step.event.type === 'SUBMIT'
      ? initialTransition(process.machine, { conditions })
      : transition(process.machine, process.machine.resolveState(current._workflow!.machine as never), step.event as never);
  const value = snapshot.value as string;
  const ended = (END_STATES as readonly string[]).includes(value);
  const history = [...step.history];
  const followUps: FollowUp[] = [];
  let record: ApprovalRecord = current;
  let changes: Record<string, unknown> = {};
  const base = { object: object.name, record: current._id, process: process.name, version };
  const act = async (path: string, list: Parameters<typeof runActions>[4] | undefined, stepName: string | null) => {
    if (!list || list.length === 0) return;
    const approvers = (await pendingItems(tx, current._id)).map((item) => item.approver);
    const result = await runActions(tx, ctx, { source: actionSource(process), record, step: stepName, submitter: state.submittedBy, approvers, ...(step.comment ? { comment: step.comment } : {}) }, path, list);
    changes = { ...changes, ...result.changes };
    record = { ...record, ...result.changes };
    followUps.push(...result.followUps);
  };

  if (step.event.type === 'SUBMIT') await act('/onSubmit', process.definition.onSubmit, null);
  const previous = current._workflow?.status === 'pending' ? current._workflow.step : null;
  let stepStartedAt = current._workflow?.stepStartedAt ?? null;
  const asked: string[] = [];
  for (const action of actions) {
    if (action.type !== 'hook') continue;
    const hook = action.params as HookParams;
    const index = process.steps.findIndex((candidate) => candidate.name === hook.step);
    if (hook.on === 'leave') {
      await closePendingItems(tx, current._id);
      // Only a step with a reminder or an escalation left jobs to cancel.
      const left = process.steps[index]?.definition;
      if (left?.reminder || left?.escalation) await cancelApprovalTimers(tx, current._id);
      await act(`/steps/${index}/onLeave`, process.steps[index]?.definition.onLeave, hook.step!);
    } else if (hook.on === 'enter') {
      const entered = process.steps[index]!;
      const approvers = await resolveApprovers(tx, ctx, entered, record, state.submittedBy);
      // The step's start is its items' assignment time: responses are counted from it.
      stepStartedAt = new Date().toISOString();
      const items = await withDelegates(tx, ctx, approvers);
      await openWorkItems(tx, { object: object.name, record: current._id, process: process.name, step: entered.name }, items, stepStartedAt);
      asked.push(...items.map((item) => item.approver));
      await scheduleApprovalTimers(tx, { object: object.name, record: current._id, step: entered, startedAt: new Date(stepStartedAt) });
      await act(`/steps/${index}/onEnter`, entered.definition.onEnter, entered.name);
    } else {
      const path = hook.on === 'approve' ? '/onApprove' : hook.on === 'reject' ? '/onReject' : '/onRecall';
      await act(path, process.definition[path.slice(1) as 'onApprove' | 'onReject' | 'onRecall'], previous);
    }
  }
  // The steps the gates passed by, in order, between where the record was and where it is.
  const from = previous ? process.steps.findIndex((candidate) => candidate.name === previous) + 1 : 0;
  const to = ended ? process.steps.length : process.steps.findIndex((candidate) => candidate.name === value);
  if (step.event.type === 'SUBMIT' || (step.event.type === 'APPROVE' && step.event.decided)) {
    for (const skipped of process.steps.slice(from, to)) if (conditions[skipped.name] === false) history.push({ ...base, step: skipped.name, action: 'skip', actor: 'system' });
  }
  if (ended && value !== 'recalled') history.push({ ...base, step: previous, action: value as 'approved' | 'rejected' | 'returned', actor: 'system' });

  const status: ApprovalStatus = ended ? (value as EndState) : 'pending';
  const workflow: ApprovalState = {
    process: process.name,
    version,
    status,
    step: ended ? null : value,
    stepStartedAt: ended ? null : stepStartedAt,
    submittedBy: state.submittedBy,
    submittedAt: state.submittedAt,
    machine: { value: snapshot.value, context: snapshot.context },
  };
  // Everyone ever asked keeps reading the record: an approver sees what they decided on. Whoever
  // waits from before is in `_approvers` already: every path that opens an item adds its approver.
  const approvers = [...new Set([...(current._approvers ?? []), ...asked])];
  // the record's one write of the event: the actions' field changes through the one write path
  // (formulas, roll-ups, automation, history), with the approval's marks
  const marks: Required<ApprovalMarks> = { _workflow: workflow, _approvers: approvers, _locked: locksAt(process, status) };
  // the actions' values pass the before-validation hooks as a client's do
  const values = Object.keys(changes).length > 0 ? await runBeforeValidation(tx, { kind: 'update', ctx, object, before: current, values: changes }) : changes;
  const after = (await applyRecordChange(tx, ctx, object, current, validateChange(object, values), { madeBy: 'process', marks, conflict: approvalConflict })) as ApprovalRecord;
  await writeApprovalHistory(tx, history);
  // the webhooks listening to the process's decisions, in the same unit of work
  await queueApprovalDecisions(tx, ctx, object, after, history);
  // the records the actions asked for, in the same unit of work
  await createFollowUps(tx, ctx, followUps);
  return { after };
}

/** Whether the process locks its record where it now stands: a rejected, returned or recalled record is the submitter's again. */
function locksAt(process: CompiledProcess, status: ApprovalStatus): boolean {
  switch (status) {
    case 'pending':
      return process.lock.whilePending;
    case 'approved':
      return process.lock.afterApproval;
    case 'rejected':
    case 'returned':
    case 'recalled':
      return false;
    default:
      return assertNever(status);
  }
}

function approvalConflict(): ConflictError {
  return new ConflictError('approval_conflict', msg`Someone acted on this record at the same moment; reload its approval and try again.`, [
    { path: '/approval', message: msg`changed meanwhile` },
  ]);
}

/** A process as the owner of its actions. */
export function actionSource(process: CompiledProcess): ActionSource {
  return { object: process.object, name: `approval ${process.name}`, label: resolveLabels(process.definition.label, process.name), expressions: process.expressions };
}

/** The approvers who named a delegate for today get the delegate in their place; the item remembers for whom. */
async function withDelegates(tx: Collections, ctx: OperationContext, approvers: readonly string[]): Promise<{ approver: string; delegateOf?: string }[]> {
  const users = ctx.snapshot.object('user')!;
  if (!users.field('delegate')) return approvers.map((approver) => ({ approver }));
  const today = new Date().toISOString().slice(0, 10);
  const records = await tx.collection<StoredRecord>(users.collection).find({ _id: { $in: [...approvers] } }, { projection: { delegate: 1, delegate_from: 1, delegate_until: 1 } });
  const byId = new Map(records.map((user) => [user._id, user]));
  const named = records.map((user) => user.delegate).filter((id): id is string => typeof id === 'string');
  if (named.length === 0) return approvers.map((approver) => ({ approver }));
  // A delegate who left (inactive or deleted) cannot act: the item stays with the approver.
  const able = new Set(
    (await tx.collection<StoredRecord>(users.collection).find(alive({ _id: { $in: named } }), { projection: { active: 1 } })).filter((user) => user.active !== false).map((user) => user._id),
  );
  return approvers.map((approver) => {
    const user = byId.get(approver);
    const delegate = user?.delegate;
    const from = (user?.delegate_from as string | undefined) ?? '0000-01-01';
    const until = (user?.delegate_until as string | undefined) ?? '9999-12-31';
    return typeof delegate === 'string' && delegate !== approver && able.has(delegate) && from <= today && today <= until ? { approver: delegate, delegateOf: approver } : { approver };
  });
}
