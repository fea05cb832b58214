import { insertRecord } from './create-record.js';
import type { Collections } from '../store/port.js';
import { operationContext, SYSTEM_PRINCIPAL, type OperationContext } from '../context/index.js';
import { EngineError } from '../errors/index.js';
import { msg } from '../i18n/message.js';

/** A record an action asks for, which the caller inserts in the same unit of work. */
export interface FollowUp {
  object: string;
  values: Record<string, unknown>;
}

/** How many records created by rules may in turn create records through rules. */
export const MAX_AUTOMATION_DEPTH = 5;

export class AutomationDepthError extends EngineError {
  constructor(chain: string) {
    super('automation_too_deep', 422, msg`Automation rules kept creating records that trigger rules (${chain}): more than ${MAX_AUTOMATION_DEPTH} levels. Change a rule's condition so the chain ends.`);
  }
}

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
