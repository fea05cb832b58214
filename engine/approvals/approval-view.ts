import type { OperationContext } from '../context/index.js';
import { recordNotFound, recordObject } from '../records/record-object.js';
import { alive } from '../metadata/record-shape/record-state.js';
import { recordAccess, userAccess, withAccess } from '../security/access/index.js';
import { APPROVAL_HISTORY, type ApprovalHistoryEntry } from './approval-history.js';
import type { ApprovalStatus } from '../metadata/approval-processes/approval-state.js';
import type { ApprovalActionName } from './approval-events.js';
import { maySubmitNow } from './submission.js';
import { processLabel, stepLabel, stepLabels } from '../metadata/approval-processes/approval-labels.js';
import type { ApprovalRecord } from './transition-record.js';
import { userNames } from './user-names.js';
import { mayChangeLocked, recordLock } from '../records/locked-record.js';
import { renderText } from '../i18n/message.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import { WORK_ITEMS, type WorkItem } from '../records/work-items.js';

export interface ApprovalView {
  process: string | null;
  /** The process's label in the request's language. */
  processLabel: string | null;
  version: number | null;
  status: ApprovalStatus | 'none';
  step: string | null;
  stepLabel: string | null;
  submittedBy: string | null;
  submittedAt: string | null;
  locked: boolean;
  /** Why the record is locked, in the request's language, and whether the caller may still edit it; null when unlocked. */
  lock: { process: string; status: 'pending' | 'approved'; reason: string; mayEdit: boolean } | null;
  pending: { approver: string; delegateOf?: string; assignedAt: string }[];
  /** What the caller may do now. */
  allowedActions: ApprovalActionName[];
  history: ApprovalHistoryEntry[];
  /** The process's steps in order with their labels, to name the steps of the history. */
  steps: { name: string; label: string }[];
  /** The full names of the users the approval mentions, where the caller may read them. */
  users: Record<string, string>;
}

/** A record's approval as its reader sees it: where it stands, who is asked, what they may do, everything that happened. */
export async function getApproval(ctx: OperationContext, objectName: string, id: string): Promise<ApprovalView> {
  const object = recordObject(ctx, objectName);
  const access = await recordAccess(ctx, object, 'read');
  const record = await ctx.tenant.store.collection<ApprovalRecord>(object.collection).findOne(alive(withAccess({ _id: id }, access)));
  if (!record) throw recordNotFound(object, id);
  const state = record._workflow;
  const history = await ctx.tenant.store.collection<ApprovalHistoryEntry>(APPROVAL_HISTORY).find({ record: id }, { sort: { _id: 1 } });
  const items = state?.status === 'pending' ? await ctx.tenant.store.collection<WorkItem>(WORK_ITEMS).find({ record: id, status: 'pending' }, { sort: { assignedAt: 1 } }) : [];
  const me = ctx.principal.userId;
  const admin = ctx.principal.system === true || userAccess(ctx.snapshot, ctx.principal).object(object.name).modifyAll;
  const mine = items.some((item) => item.approver === me);
  const process = state ? ctx.snapshot.approvalProcesses.get(state.process) : undefined;
  const allowed: ApprovalActionName[] = [];
  if (state?.status === 'pending') {
    if (mine || admin) allowed.push('approve', 'reject', 'reassign');
    if ((state.submittedBy === me && (process?.allowRecall ?? true)) || admin) allowed.push('recall');
  } else if (await maySubmitNow(ctx.tenant.store, ctx, object, record, admin)) {
    allowed.push('submit');
  }
  if (state && (admin || mine || state.submittedBy === me || record._owner === me || history.some((entry) => entry.actor === me))) allowed.push('comment');
  const pending = items.map((item) => ({ approver: item.approver, ...(item.delegateOf ? { delegateOf: item.delegateOf } : {}), assignedAt: item.assignedAt }));
  const mentioned = [state?.submittedBy, ...pending.flatMap((item) => [item.approver, item.delegateOf]), ...history.flatMap((entry) => [entry.actor, entry.onBehalfOf, entry.to])];
  return {
    process: state?.process ?? null,
    processLabel: state ? processLabel(process, state.process, ctx.language) : null,
    version: state?.version ?? null,
    status: state?.status ?? 'none',
    step: state?.step ?? null,
    stepLabel: state?.step ? stepLabel(process, state.step, ctx.language) : null,
    submittedBy: state?.submittedBy ?? null,
    submittedAt: state?.submittedAt ?? null,
    locked: record._locked === true,
    lock: await lockView(ctx, object, record),
    pending,
    allowedActions: allowed,
    history,
    steps: stepLabels(process, ctx.language),
    users: await userNames(ctx, mentioned),
  };
}

async function lockView(ctx: OperationContext, object: CompiledObject, record: ApprovalRecord): Promise<ApprovalView['lock']> {
  const lock = recordLock(ctx, object, record);
  if (!lock) return null;
  return { process: lock.process, status: lock.status, reason: renderText(lock.reason, ctx.language), mayEdit: await mayChangeLocked(ctx.tenant.store, ctx, object, record, 'edit') };
}
