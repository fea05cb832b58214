import type { Tenant } from '../context/index.js';
import { cancelJobs, enqueueJob } from '../jobs/index.js';
import type { CompiledRule } from '../metadata/automation-rules/compile-rule.js';
import type { Snapshot } from '../metadata/snapshot.js';
import { nextOccasion } from './occasions.js';
import { FIRING_INDEXES, FIRINGS, PLAN_JOB, PLANS, RECONCILE_JOB, ruleJobs, scheduleJob, type PlanDoc } from './timed-jobs.js';

const timedRules = (snapshot: Snapshot): CompiledRule[] => [...snapshot.automationRules.values()].filter((rule) => rule.active && rule.timing !== null);

/**
 * Keeps the planned occasions in step with the timed rules: watches the tenant's metadata and asks
 * for a reconcile now (a restart, a rule saved while the engine was down) and after every change.
 */
export async function watchTimedRules(tenant: Tenant): Promise<void> {
  await tenant.store.ensureIndexes(FIRINGS, [...FIRING_INDEXES]);
  tenant.metadata.onChange(() => requestReconcile(tenant));
  await requestReconcile(tenant);
}

/** Enqueues the reconcile job, once, when there are timed rules or plans of former ones. */
async function requestReconcile(tenant: Tenant): Promise<void> {
  if (timedRules(tenant.metadata.snapshot).length === 0 && !(await tenant.store.collection<PlanDoc>(PLANS).findOne({}, { projection: { _id: 1 } }))) return;
  await tenant.store.unitOfWork((tx) => enqueueJob(tx, { kind: RECONCILE_JOB, dueAt: new Date(), payload: {}, key: RECONCILE_JOB }));
}

/**
 * The reconcile job: a rule whose timing changed, went inactive or away has its due occasions
 * cancelled; a rule without a plan (new, or changed) has its occasions planned: the existing
 * records' by a planning job in the background, a schedule's next occasion. Runs again while the
 * metadata moved on meanwhile (a change whose request met this job running).
 */
export async function reconcileTimedRules(tenant: Tenant): Promise<void> {
  for (let snapshot = tenant.metadata.snapshot; ; snapshot = tenant.metadata.snapshot) {
    await reconcile(tenant, snapshot);
    if (tenant.metadata.snapshot.version === snapshot.version) return;
  }
}

async function reconcile(tenant: Tenant, snapshot: Snapshot): Promise<void> {
  const timed = new Map(timedRules(snapshot).map((rule) => [rule.name, rule]));
  await tenant.store.unitOfWork(async (tx) => {
    const plans = tx.collection<PlanDoc>(PLANS);
    const planned = new Set<string>();
    for (const plan of await plans.find({})) {
      if (timed.get(plan._id)?.timing === plan.timing) {
        planned.add(plan._id);
        continue;
      }
      await cancelJobs(tx, { keyPrefix: ruleJobs(plan._id) });
      await plans.deleteOne({ _id: plan._id });
    }
    for (const rule of timed.values()) {
      if (planned.has(rule.name)) continue;
      await plans.insertOne({ _id: rule.name, timing: rule.timing!, plannedAt: new Date().toISOString() });
      if (rule.time) await enqueueJob(tx, { kind: PLAN_JOB, dueAt: new Date(), payload: { rule: rule.name, timing: rule.timing, cursor: null } });
      else await enqueueJob(tx, scheduleJob(rule, nextOccasion(rule.schedule!, new Date())));
    }
  });
}
