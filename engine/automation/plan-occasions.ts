import type { OperationContext } from '../context/index.js';
import { cancelJobs, dueJobKeys, enqueueJob } from '../jobs/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import type { CompiledRule } from '../metadata/automation-rules/compile-rule.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import type { Collections } from '../store/port.js';
import { occasionOf } from './occasions.js';
import { ruleHolds } from './rule-holds.js';
import { RECORD_OCCASION_JOB, recordJobs, recordOccasionKey, type RecordOccasion } from './timed-jobs.js';

/** The active time-based rules of an object. */
export function timeRulesOf(ctx: OperationContext, object: CompiledObject): CompiledRule[] {
  return ctx.snapshot.rulesFor(object.name).filter((rule) => rule.active && rule.time !== null);
}

/**
 * Plans each time-based rule's occasion for a record as it now stands, in the write's unit of work:
 * the one due job the rule wants for it stays (or is enqueued), any other is cancelled (the field
 * moved, the record stopped matching the condition, or it went to the recycle bin: `gone`). An
 * occasion already past is not planned.
 */
export async function planOccasions(tx: Collections, ctx: OperationContext, object: CompiledObject, record: StoredRecord, gone: boolean): Promise<void> {
  for (const rule of timeRulesOf(ctx, object)) await planOccasion(tx, ctx, object, rule, record, gone);
}

export async function planOccasion(tx: Collections, ctx: OperationContext, object: CompiledObject, rule: CompiledRule, record: StoredRecord, gone = false): Promise<void> {
  const occasion = gone ? null : occasionOf(rule.time!, record);
  const wanted = occasion && occasion.getTime() > Date.now() && (await ruleHolds(tx, ctx, object, rule, record)) ? recordOccasionKey(rule.name, record._id, occasion) : null;
  const due = await dueJobKeys(tx, recordJobs(rule.name, record._id));
  for (const key of due) if (key !== wanted) await cancelJobs(tx, { key });
  if (wanted && occasion && !due.includes(wanted)) {
    const payload: RecordOccasion = { rule: rule.name, object: object.name, record: record._id, occasion: occasion.toISOString() };
    await enqueueJob(tx, { kind: RECORD_OCCASION_JOB, dueAt: occasion, payload: { ...payload }, key: wanted });
  }
}
