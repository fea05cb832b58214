import { engineWriteHooks } from '../records/write-pipeline/index.js';
import { runAutomation } from './run-automation.js';
import { planOccasions } from './plan-occasions.js';
import { assignedOwner } from './assign-owner.js';

export { registerTimedRuleJobs } from './timed-rule-jobs.js';
export { watchTimedRules } from './reconcile-timed-rules.js';

/**
 * Makes every create and update run the object's record-triggered rules (a before-save hook), every
 * create take its owner from the object's assignment rules (another, after it), and every write plan
 * the time-based rules' occasions of its record anew (an after-save hook, in the write's unit of
 * work); safe to call more than once.
 */
export function installAutomation(): void {
  engineWriteHooks.on('beforeSave', 'automation', async (tx, { kind, ctx, object, before, record }) =>
    kind === 'create' || kind === 'update' ? runAutomation(tx, ctx, object, before, record) : undefined,
  );
  // The owner of a new record, from the object's assignment rules, once the record-triggered rules set its fields.
  engineWriteHooks.on('beforeSave', 'assignment', async (tx, { kind, ctx, object, record }) => {
    if (kind !== 'create' || object.object.sharing === 'controlledByParent') return undefined;
    const owner = await assignedOwner(tx, ctx, object, record);
    return owner === null || owner === record._owner ? undefined : { record: { ...record, _owner: owner } };
  });
  engineWriteHooks.on('afterSave', 'automation-occasions', (tx, { kind, ctx, object, after }) => planOccasions(tx, ctx, object, after, kind === 'delete'));
}
export { listRecordButtons, runButtonRule, type RecordButton } from './run-button-rule.js';
export { reassignRecord } from './reassign-record.js';
export { ASSIGNMENT_TURNS } from './assign-owner.js';
