import type { FollowUp } from '../approvals/run-actions.js';
import { insertRecord } from '../records/create-record.js';
import type { Collections } from '../store/port.js';
import { operationContext, SYSTEM_PRINCIPAL, type OperationContext } from '../context/index.js';
import { AutomationDepthError, MAX_AUTOMATION_DEPTH } from './run-automation.js';

/**
 * The records actions asked for, created in the unit of work of the write that asked (all or
 * nothing), as the engine (the rule or process asked, not the user), one level deeper: records
 * they create run their own rules, and a chain deeper than the limit undoes the whole write.
 */
export async function createFollowUps(tx: Collections, ctx: OperationContext, followUps: readonly FollowUp[]): Promise<void> {
  if (followUps.length === 0) return;
  const depth = (ctx.automationDepth ?? 0) + 1;
  if (depth > MAX_AUTOMATION_DEPTH) throw new AutomationDepthError(followUps.map((followUp) => followUp.object).join(', '));
  const system = { ...operationContext(ctx.tenant, SYSTEM_PRINCIPAL, 'workflow', ctx.language), snapshot: ctx.snapshot, automationDepth: depth };
  for (const followUp of followUps) await insertRecord(tx, system, followUp.object, followUp.values);
}
