import { operationContext, SYSTEM_PRINCIPAL, type Tenant } from '../context/index.js';
import { requestsInFlight } from '../concurrency/requests-in-flight.js';
import { enqueueJob, registerJobHandler, type JobDoc } from '../jobs/index.js';
import type { CompiledRule } from '../metadata/automation-rules/compile-rule.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import { alive } from '../metadata/record-shape/record-state.js';
import { writeUnit } from '../records/write-pipeline/index.js';
import type { Collections, Filter } from '../store/port.js';
import { nextOccasion, occasionOf } from './occasions.js';
import { planOccasion } from './plan-occasions.js';
import { reconcileTimedRules } from './reconcile-timed-rules.js';
import { ruleHolds } from './rule-holds.js';
import { runAsContext } from './run-as.js';
import { runRuleOnRecord } from './run-rule-on-record.js';
import { markFired, PLAN_JOB, RECONCILE_JOB, RECORD_OCCASION_JOB, SCHEDULE_OCCASION_JOB, scheduleJob, type RecordOccasion } from './timed-jobs.js';

/** How many records one unit of work plans, and one page of a scheduled run reads. */
const BATCH = 200;

/** Registers the handlers of time-based and scheduled rules' jobs with the job scheduler. */
export function registerTimedRuleJobs(): void {
  registerJobHandler(RECORD_OCCASION_JOB, fireRecordOccasion);
  registerJobHandler(SCHEDULE_OCCASION_JOB, fireScheduleOccasion);
  registerJobHandler(PLAN_JOB, planExistingRecords);
  registerJobHandler(RECONCILE_JOB, reconcileTimedRules);
}

/** The rule a timed job was planned for, if it is still active and times its occasions as it did then. */
function currentRule(tenant: Tenant, name: unknown, timing?: unknown): CompiledRule | undefined {
  const rule = typeof name === 'string' ? tenant.metadata.snapshot.automationRules.get(name) : undefined;
  if (!rule || !rule.active || rule.timing === null) return undefined;
  return timing === undefined || timing === rule.timing ? rule : undefined;
}

/**
 * A time-based rule's occasion on one record: it fires only if the record is still there, its field
 * still gives this occasion (else the occasion was planned anew), it matches the condition, and the
 * occasion has not fired before; the firing is marked in the same unit as the actions' writes.
 */
async function fireRecordOccasion(tenant: Tenant, job: JobDoc): Promise<void> {
  const at = job.payload as unknown as RecordOccasion;
  const rule = currentRule(tenant, at.rule);
  const object = rule?.time ? tenant.metadata.snapshot.object(rule.object) : undefined;
  if (!rule?.time || !object) return;
  const ctx = await runAsContext(tenant, rule);
  await writeUnit(tenant.store, async (tx) => {
    const record = await tx.collection<StoredRecord>(object.collection).findOne(alive({ _id: at.record }));
    if (!record || occasionOf(rule.time!, record)?.toISOString() !== at.occasion) return;
    if (!(await ruleHolds(tx, ctx, object, rule, record))) return;
    if (!(await markFired(tx, at))) return;
    await runRuleOnRecord(tx, ctx, object, rule, record);
  }, job.requestId);
}

/**
 * A scheduled rule's occasion: the next one is planned first (occasions missed while the engine was
 * down are not made up: the next is the first after now), then the rule runs on each matching
 * record in a unit of its own, marked fired with it. A record that fails does not stop the others;
 * the job fails afterwards, and its retry runs only on the records that have not fired.
 */
async function fireScheduleOccasion(tenant: Tenant, job: JobDoc): Promise<void> {
  const rule = currentRule(tenant, job.payload.rule, job.payload.timing);
  const object = rule?.schedule ? tenant.metadata.snapshot.object(rule.object) : undefined;
  const occasion = job.payload.occasion as string;
  if (!rule?.schedule || !object) return;
  const next = nextOccasion(rule.schedule, new Date(Math.max(Date.parse(occasion), Date.now())));
  await tenant.store.unitOfWork((tx) => enqueueJob(tx, scheduleJob(rule, next)));
  const ctx = await runAsContext(tenant, rule);
  const failures: string[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page: StoredRecord[] = await tenant.store.collection<StoredRecord>(object.collection).find(alive(after(rule.schedule.filter, cursor)), { sort: { _id: 1 }, limit: BATCH, projection: { _id: 1 } });
    for (const { _id } of page) {
      try {
        await writeUnit(tenant.store, async (tx) => {
          const record = await tx.collection<StoredRecord>(object.collection).findOne(alive(after(rule.schedule!.filter, null, _id)));
          if (!record || !(await ruleHolds(tx, ctx, object, rule, record))) return;
          if (!(await markFired(tx, { rule: rule.name, record: _id, occasion }))) return;
          await runRuleOnRecord(tx, ctx, object, rule, record);
        }, job.requestId);
      } catch (error) {
        failures.push(`${_id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (page.length < BATCH) break;
    cursor = page[page.length - 1]!._id;
    await requestsInFlight.giveWay();
  }
  if (failures.length > 0) throw new Error(`Automation rule '${rule.name}' failed on ${failures.length} record(s); a retry runs on those only. ${failures.slice(0, 5).join('; ')}`);
}

/** The schedule's filter, on the records after the cursor (or on one record). */
function after(filter: Filter, cursor: string | null, id?: string): Filter {
  const position: Filter = id !== undefined ? { _id: id } : cursor === null ? {} : { _id: { $gt: cursor } };
  return Object.keys(filter).length === 0 ? position : { $and: [filter, position] };
}

/**
 * The occasions of a time-based rule for the records its object held when the rule was saved, a
 * batch per unit of work, in `_id` order; records written meanwhile are planned by their writes.
 * Planning twice is harmless (an occasion's job has one key), so a runner taken over starts again.
 */
async function planExistingRecords(tenant: Tenant, job: JobDoc): Promise<void> {
  const rule = currentRule(tenant, job.payload.rule, job.payload.timing);
  const object = rule?.time ? tenant.metadata.snapshot.object(rule.object) : undefined;
  if (!rule || !object) return;
  const ctx = operationContext(tenant, SYSTEM_PRINCIPAL, 'workflow');
  let cursor = typeof job.payload.cursor === 'string' ? job.payload.cursor : null;
  for (;;) {
    const more = await writeUnit(tenant.store, async (tx: Collections) => {
      const page = await tx.collection<StoredRecord>(object.collection).find(alive(cursor === null ? {} : { _id: { $gt: cursor } }), { sort: { _id: 1 }, limit: BATCH });
      for (const record of page) await planOccasion(tx, ctx, object, rule, record);
      if (page.length > 0) cursor = page[page.length - 1]!._id;
      return page.length === BATCH;
    }, job.requestId);
    if (!more) return;
    await requestsInFlight.giveWay();
  }
}
