import type { CompiledObject } from '../metadata/compiled-object.js';
import { checkReferences } from '../records/check-references.js';
import { stageChange } from '../records/logic/stage-change.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import { validateChange } from '../records/validate-values.js';
import type { Collections } from '../store/port.js';
import { SYSTEM_PRINCIPAL, type OperationContext } from '../context/index.js';
import { runActions } from '../actions/run-actions.js';
import type { FollowUp } from '../records/follow-ups.js';
import { ruleHolds } from './rule-holds.js';

/**
 * The rules of an object on one write, in order, inside the write's unit of work. A rule fires
 * when its condition is true of the record and, on an update, was not before. Field changes of a
 * rule apply at once (with the record's formulas), so later rules see them and may fire in turn;
 * each rule fires at most once per write, so no rule re-triggers itself. A rule's changes are
 * checked like a client's (field rules, references: as the engine, since the rule is the admin's,
 * not the user's) and staged with the record's formulas and validation rules. Returns the record
 * as the rules leave it and the records to create in the write's unit of work.
 */
export async function runAutomation(
  tx: Collections,
  ctx: OperationContext,
  object: CompiledObject,
  before: StoredRecord | null,
  record: StoredRecord,
): Promise<{ record: StoredRecord; followUps: FollowUp[] }> {
  const rules = ctx.snapshot.rulesFor(object.name).filter((rule) => rule.active && (rule.on === 'createOrUpdate' || rule.on === (before ? 'update' : 'create')));
  const followUps: FollowUp[] = [];
  if (rules.length === 0) return { record, followUps };
  let current = record;
  const fired = new Set<string>();
  for (let pass = 0; pass <= rules.length; pass++) {
    let firedThisPass = false;
    for (const rule of rules) {
      if (fired.has(rule.name) || !(await ruleHolds(tx, ctx, object, rule, current))) continue;
      if (before && rule.condition && (await ruleHolds(tx, ctx, object, rule, before))) continue;
      fired.add(rule.name);
      firedThisPass = true;
      const result = await runActions(tx, ctx, { source: rule.source, record: current, step: null, submitter: ctx.principal.userId, approvers: [] }, '/actions', rule.definition.actions);
      followUps.push(...result.followUps);
      if (Object.keys(result.changes).length === 0) continue;
      // A rule's values go through the field rules like a client's (400 names the rule's field).
      const change = validateChange(object, result.changes);
      await checkReferences(tx, { ...ctx, principal: SYSTEM_PRINCIPAL }, object, change.values);
      current = await stageChange(tx, ctx, object, current, change);
    }
    if (!firedThisPass) break;
  }
  return { record: current, followUps };
}
