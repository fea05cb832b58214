import { writeUnitFor } from '../records/write-pipeline/index.js';
import { ConflictError, ForbiddenError, ValidationError } from '../errors/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import { recordNotFound, recordObject } from '../records/record-object.js';
import { alive } from '../metadata/record-shape/record-state.js';
import { recordAccess, userAccess, withAccess } from '../security/access/index.js';
import { appendAudit } from '../audit/audit-log.js';
import type { OperationContext } from '../context/index.js';
import type { Collections } from '../store/port.js';
import { writeApprovalHistory } from './approval-history.js';
import { checkSubmission } from './submission.js';
import { currentVersion, processAt } from './process-versions.js';
import { stepConditions, transitionRecord, type ApprovalRecord } from './transition-record.js';
import { openWorkItems, pendingItems, WORK_ITEMS, type WorkItem } from '../records/work-items.js';
import { msg } from '../i18n/message.js';

export const APPROVAL_ACTIONS = ['submit', 'approve', 'reject', 'recall', 'reassign', 'comment'] as const;
export type ApprovalActionName = (typeof APPROVAL_ACTIONS)[number];

interface EventBody {
  process?: unknown;
  comment?: unknown;
  to?: unknown;
}

/**
 * One approval event on one record, checked against the principal and the current step (403
 * otherwise), applied atomically in one unit of work, written to the record's approval history.
 * Two approvers acting at once on a first-response step: the first transition wins, the other
 * gets 409 with the state it lost to. Records the actions create are part of the same unit.
 */
export async function applyApprovalEvent(ctx: OperationContext, objectName: string, id: string, action: string, rawBody: unknown): Promise<void> {
  if (!(APPROVAL_ACTIONS as readonly string[]).includes(action)) {
    throw new ValidationError([{ path: '/action', message: msg`must be one of ${APPROVAL_ACTIONS.join(', ')}, got '${action}'` }]);
  }
  const body = (rawBody ?? {}) as EventBody;
  if (typeof body !== 'object' || Array.isArray(body)) throw new ValidationError([{ path: '', message: msg`must be a JSON object` }]);
  const comment = parseComment(body.comment, action === 'reject' || action === 'comment');
  const object = recordObject(ctx, objectName);
  const read = await recordAccess(ctx, object, 'read');
  await writeUnitFor(ctx, async (tx): Promise<void> => {
    const current = await tx.collection<ApprovalRecord>(object.collection).findOne(alive(withAccess({ _id: id }, read)));
    if (!current) throw recordNotFound(object, id);
    const state = current._workflow;
    const admin = userAccess(ctx.snapshot, ctx.principal).object(object.name).modifyAll || ctx.principal.system === true;
    const me = ctx.principal.userId;

    if (action === 'submit') {
      const process = await checkSubmission(tx, ctx, object, current, admin, body.process);
      const version = await currentVersion(tx, process);
      const submittedAt = new Date().toISOString();
      const history = [{ object: object.name, record: id, process: process.name, version, step: null, action: 'submit' as const, actor: me, ...(comment ? { comment } : {}) }];
      await transitionRecord(tx, ctx, object, process, version, current, { event: { type: 'SUBMIT' }, history }, { submittedBy: me, submittedAt });
      return;
    }

    if (!state || state.status !== 'pending') {
      if (action === 'comment' && state) return writeComment(tx, ctx, object, current, comment!, admin);
      throw new ConflictError('not_pending', msg`This record is not pending approval.`, [{ path: '/status', message: state ? msg`is ${state.status}` : msg`was never submitted` }]);
    }
    const process = await processAt(ctx, tx, state.process, state.version);
    const base = { object: object.name, record: id, process: process.name, version: state.version, step: state.step };
    const items = await pendingItems(tx, id);
    const mine = items.filter((item) => item.approver === me);

    if (action === 'comment') return writeComment(tx, ctx, object, current, comment!, admin);

    if (action === 'recall') {
      if (!process.allowRecall && !admin) throw new ForbiddenError(msg`Approval process '${process.name}' does not allow recalling.`);
      if (state.submittedBy !== me && !admin) throw new ForbiddenError(msg`Only the submitter (or an administrator) can recall this record.`);
      const event = { type: 'RECALL' as const, conditions: state.machine.context.conditions, decided: true };
      const history = [{ ...base, action: 'recall' as const, actor: me, ...(comment ? { comment } : {}) }];
      await transitionRecord(tx, ctx, object, process, state.version, current, { event, history, ...(comment ? { comment } : {}) }, state);
      return;
    }

    if (action === 'reassign') {
      const to = typeof body.to === 'string' ? body.to : '';
      if (!to) throw new ValidationError([{ path: '/to', message: msg`must name the user to reassign to` }]);
      const from = mine[0] ?? (admin ? items[0] : undefined);
      if (!from) throw new ForbiddenError(msg`Only a pending approver of this step (or an administrator) can reassign it.`);
      if (items.some((item) => item.approver === to)) throw new ConflictError('already_assigned', msg`That user is already asked to approve this step.`);
      await checkActiveUser(tx, ctx, to);
      await tx.collection<WorkItem>(WORK_ITEMS).updateOne({ _id: from._id }, { $set: { status: 'reassigned', respondedAt: new Date().toISOString() } });
      await openWorkItems(tx, { object: object.name, record: id, process: process.name, step: state.step! }, [{ approver: to }]);
      await tx.collection<ApprovalRecord>(object.collection).updateOne({ _id: id }, { $set: { _approvers: [...new Set([...(current._approvers ?? []), to])] } });
      await writeApprovalHistory(tx, [{ ...base, action: 'reassign', actor: me, to, ...(from.approver !== me ? { onBehalfOf: from.approver } : {}), ...(comment ? { comment } : {}) }]);
      await appendAudit(tx, { actor: me, action: 'approval.reassign', object: object.name, record: id });
      return;
    }

    // approve or reject: a pending approver of the step, or an administrator deciding for it
    if (mine.length === 0 && !admin) {
      // Asked, but another approver's decision closed the item first: a clash, not a refusal.
      if ((await tx.collection<WorkItem>(WORK_ITEMS).count({ record: id, approver: me, status: 'closed' })) > 0) {
        throw new ConflictError('approval_conflict', msg`Another approver decided first: this record is now at step '${state.step}'.`, [{ path: '/step', message: msg`is now '${state.step}'` }]);
      }
      throw new ForbiddenError(msg`You are not a pending approver of step '${state.step}' of this record.`);
    }
    const step = process.steps.find((candidate) => candidate.name === state.step)!;
    const approving = action === 'approve';
    const respondedAt = new Date().toISOString();
    if (mine.length > 0) {
      // By the ids read above, in this unit: no query to plan between the record's items and the approver's thousands.
      await tx.collection<WorkItem>(WORK_ITEMS).updateMany({ _id: { $in: mine.map((item) => item._id) }, status: 'pending' }, { $set: { status: approving ? 'approved' : 'rejected', respondedAt } });
    }
    // Only a quorum counts the approvals given so far at this step.
    const approvals = step.mode === 'quorum' ? await approvalsAtStep(tx, id, step.name, state.stepStartedAt) : 0;
    const remaining = items.length - mine.length;
    const decided =
      mine.length === 0 ||
      (approving
        ? step.mode === 'first' || (step.mode === 'all' ? remaining === 0 : approvals >= step.quorum)
        : step.mode !== 'quorum' || approvals + remaining < step.quorum);
    const conditions = await stepConditions(tx, ctx, object, process, current);
    const delegateOf = mine.find((item) => item.delegateOf)?.delegateOf;
    const history = [{ ...base, action: action as 'approve' | 'reject', actor: me, ...(comment ? { comment } : {}), ...(delegateOf ? { onBehalfOf: delegateOf } : mine.length === 0 ? { onBehalfOf: 'approvers' } : {}) }];
    const event = { type: approving ? ('APPROVE' as const) : ('REJECT' as const), conditions, decided };
    await transitionRecord(tx, ctx, object, process, state.version, current, { event, history, ...(comment ? { comment } : {}) }, state);
    await appendAudit(tx, { actor: me, action: `approval.${action}`, object: object.name, record: id });
  });
}

/** The approvals given at a step since it began (this unit's own included). */
async function approvalsAtStep(tx: Collections, record: string, step: string, startedAt: string | null | undefined): Promise<number> {
  return tx.collection<WorkItem>(WORK_ITEMS).count({ record, step, status: 'approved', assignedAt: { $gte: startedAt ?? '' } });
}

function parseComment(value: unknown, required: boolean): string | undefined {
  if (value === undefined || value === null || value === '') {
    if (required) throw new ValidationError([{ path: '/comment', message: msg`is required: say why` }]);
    return undefined;
  }
  if (typeof value !== 'string' || value.length > 4000) throw new ValidationError([{ path: '/comment', message: msg`must be a text of at most 4000 characters` }]);
  return value;
}

async function checkActiveUser(tx: Collections, ctx: OperationContext, id: string): Promise<void> {
  const users = ctx.snapshot.object('user')!;
  const user = await tx.collection(users.collection).findOne(alive({ _id: id }), { projection: { active: 1 } });
  if (!user || user.active === false) throw new ValidationError([{ path: '/to', message: msg`there is no active user with id '${id}'` }]);
}

/** A comment: for the submitter, the owner, anyone asked to approve the record, and administrators. */
async function writeComment(
  tx: Collections,
  ctx: OperationContext,
  object: CompiledObject,
  record: ApprovalRecord,
  comment: string,
  admin: boolean,
): Promise<void> {
  const state = record._workflow!;
  const me = ctx.principal.userId;
  const asked = (await tx.collection<WorkItem>(WORK_ITEMS).count({ record: record._id, approver: me })) > 0;
  if (!admin && !asked && state.submittedBy !== me && record._owner !== me) throw new ForbiddenError(msg`Only the submitter, the owner and the approvers of this record can comment on its approval.`);
  await writeApprovalHistory(tx, [{ object: object.name, record: record._id, process: state.process, version: state.version, step: state.step, action: 'comment', actor: me, comment }]);
}
