import { runActions } from '../actions/run-actions.js';
import type { ConvertedRecord } from '../actions/convert-record.js';
import type { OperationContext } from '../context/index.js';
import { ForbiddenError } from '../errors/index.js';
import { inSentence, msg } from '../i18n/message.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import type { CompiledRule } from '../metadata/automation-rules/compile-rule.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import { alive } from '../metadata/record-shape/record-state.js';
import { applyRecordChange } from '../records/apply-record-change.js';
import { createFollowUps } from '../records/follow-ups.js';
import { checkNotLocked } from '../records/locked-record.js';
import { validateChange } from '../records/validate-values.js';
import { recordAccess, withAccess } from '../security/access/index.js';
import type { Collections } from '../store/port.js';

/**
 * A rule's actions on one stored record, outside a write of it (a time, a schedule, a button), in
 * the caller's unit of work and with the caller's context: its field changes go through the one
 * write path of a change (so record-triggered rules, history and roll-ups follow), which a user
 * (a run-as user, the one pressing a button) makes only on a record they may edit. Returns the
 * record as it stands after, and the records a conversion created.
 */
export async function runRuleOnRecord(tx: Collections, ctx: OperationContext, object: CompiledObject, rule: CompiledRule, record: StoredRecord): Promise<{ record: StoredRecord; created: ConvertedRecord[] }> {
  const { changes, followUps, created } = await runActions(tx, ctx, { source: rule.source, record, step: null, submitter: ctx.principal.userId, approvers: [] }, '/actions', rule.definition.actions);
  let after = record;
  if (Object.keys(changes).length > 0) {
    if (!ctx.principal.system) {
      const access = await recordAccess(ctx, object, 'edit');
      const editable = await tx.collection<StoredRecord>(object.collection).findOne(alive(withAccess({ _id: record._id }, access)), { projection: { _id: 1 } });
      if (!editable) throw new ForbiddenError(msg`Automation rule '${rule.name}' may not change this ${inSentence(object.object.label)}: the user it runs as cannot edit it.`);
      await checkNotLocked(tx, ctx, object, record, 'edit');
    }
    after = await applyRecordChange(tx, ctx, object, record, validateChange(object, changes), { madeBy: 'process' });
  }
  await createFollowUps(tx, ctx, followUps);
  return { record: after, created };
}
