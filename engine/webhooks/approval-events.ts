import type { OperationContext } from '../context/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import type { ApprovalEventName } from '../metadata/webhooks/compile-webhook.js';
import type { Collections } from '../store/port.js';
import { queueDeliveries } from './queue-deliveries.js';

/** A line of an approval's history, as far as webhooks read it. */
export interface ApprovalDecision {
  readonly process: string;
  readonly step: string | null;
  readonly action: string;
  readonly actor: string;
  readonly comment?: string;
}

/**
 * The history actions webhooks hear of: a submission, the process's final outcome, a recall. One
 * approver's approve on a step of several is not a decision of the process yet.
 */
const EVENT_OF: Readonly<Record<string, ApprovalEventName>> = { submit: 'approval.submitted', approved: 'approval.approved', rejected: 'approval.rejected', recall: 'approval.recalled' };

/** Queues the deliveries of an approval event's decisions, in its unit of work (approvals call it with the history they write). */
export async function queueApprovalDecisions(tx: Collections, ctx: OperationContext, object: CompiledObject, record: StoredRecord, decisions: readonly ApprovalDecision[]): Promise<void> {
  if (ctx.snapshot.webhooks.size === 0) return;
  // The final outcome is written by the system: the decision is the last person's who acted.
  const person = decisions.find((decision) => decision.actor !== 'system');
  for (const decision of decisions) {
    const type = EVENT_OF[decision.action];
    if (type === undefined) continue;
    const actor = decision.actor === 'system' && person ? person : decision;
    const approval = { process: decision.process, step: decision.step, actor: actor.actor, ...(actor.comment ? { comment: actor.comment } : {}) };
    await queueDeliveries(tx, ctx, { type, object, record, approval });
  }
}
