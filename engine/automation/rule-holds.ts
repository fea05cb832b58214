import type { OperationContext } from '../context/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import type { CompiledRule } from '../metadata/automation-rules/compile-rule.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import { evaluateOnRecord } from '../records/logic/evaluate-on-record.js';
import type { Collections } from '../store/port.js';

/** Whether a record matches a rule's condition (a rule without one matches every record). */
export async function ruleHolds(tx: Collections, ctx: OperationContext, object: CompiledObject, rule: CompiledRule, record: StoredRecord): Promise<boolean> {
  if (!rule.condition) return true;
  return (await evaluateOnRecord(tx, ctx, object, rule.condition, record)) === true;
}
