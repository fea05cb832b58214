import type { NewJob } from '../jobs/index.js';
import type { CompiledRule } from '../metadata/automation-rules/compile-rule.js';
import type { Collections, Doc, IndexSpec } from '../store/port.js';

/** Fires a time-based rule on one record at one occasion. */
export const RECORD_OCCASION_JOB = 'automation.occasion';
/** Fires a scheduled rule on the records it matches at one occasion, and plans the next one. */
export const SCHEDULE_OCCASION_JOB = 'automation.schedule';
/** Plans the occasions of a time-based rule for the records an object held when the rule was saved, a batch at a time. */
export const PLAN_JOB = 'automation.plan';
/** Compares the timed rules with what was planned for them, and plans again what changed. */
export const RECONCILE_JOB = 'automation.reconcile';

/** Every occasion a rule fired on a record: a job run twice, or planned again for the same time, fires once. */
export const FIRINGS = 'automation_firings';
/** Per timed rule, the timing its occasions were planned for. */
export const PLANS = 'automation_plans';

export const FIRING_INDEXES: readonly IndexSpec[] = [{ name: 'rule', keys: { rule: 1 } }];

export interface FiringDoc extends Doc {
  rule: string;
  record: string;
  occasion: string;
  firedAt: string;
}

export interface PlanDoc extends Doc {
  /** The rule's timing signature the planned occasions follow. */
  timing: string;
  plannedAt: string;
}

/** Every job of one rule starts so: cancelled together when the rule's timing changes or the rule goes. */
export const ruleJobs = (rule: string) => `automation:${rule}:`;
/** The jobs of one rule on one record. */
export const recordJobs = (rule: string, record: string) => `${ruleJobs(rule)}record:${record}:`;
export const recordOccasionKey = (rule: string, record: string, occasion: Date) => `${recordJobs(rule, record)}${occasion.toISOString()}`;
export const scheduleOccasionKey = (rule: string, occasion: Date) => `${ruleJobs(rule)}schedule:${occasion.toISOString()}`;

export interface RecordOccasion {
  rule: string;
  object: string;
  record: string;
  occasion: string;
}

/**
 * Marks an occasion as fired in the caller's unit of work; false when it had fired already. The
 * firing's id is the occasion itself, so two runners of one occasion cannot both insert it.
 */
export async function markFired(tx: Collections, at: { rule: string; record: string; occasion: string }): Promise<boolean> {
  const firings = tx.collection<FiringDoc>(FIRINGS);
  const _id = `${at.rule}:${at.record}:${at.occasion}`;
  if (await firings.findOne({ _id }, { projection: { _id: 1 } })) return false;
  await firings.insertOne({ _id, rule: at.rule, record: at.record, occasion: at.occasion, firedAt: new Date().toISOString() });
  return true;
}

/** The job of a scheduled rule's occasion. */
export function scheduleJob(rule: CompiledRule, occasion: Date): NewJob {
  return { kind: SCHEDULE_OCCASION_JOB, dueAt: occasion, payload: { rule: rule.name, timing: rule.timing, occasion: occasion.toISOString() }, key: scheduleOccasionKey(rule.name, occasion) };
}
