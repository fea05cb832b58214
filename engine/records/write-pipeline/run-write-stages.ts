import { SYSTEM_PRINCIPAL } from '../../context/index.js';
import type { StoredRecord } from '../../metadata/record-shape/record.js';
import type { Collections } from '../../store/port.js';
import { checkReferences } from '../check-references.js';
import type { FollowUp } from '../follow-ups.js';
import { stageChange } from '../logic/stage-change.js';
import { validateChange } from '../validate-values.js';
import { hooksOf } from './write-hooks.js';
import { queueAfterCommit } from './write-unit.js';
import type { SavedEvent, SavingEvent, ValuesEvent } from './write-stages.js';

/** The before-validation hooks in order, each on the values the previous one left; returns the values to validate. */
export async function runBeforeValidation(tx: Collections, event: ValuesEvent): Promise<Record<string, unknown>> {
  let values = event.values;
  for (const hook of hooksOf(event.ctx.tenant, 'beforeValidation', event.object.name)) {
    values = (await hook(tx, { ...event, values })) ?? values;
  }
  return values as Record<string, unknown>;
}

/**
 * The before-save hooks in order, each on the record the previous one left. A hook's changes are
 * checked like an automation rule's (field rules, then references as the engine, since the hook is
 * the installer's code, not the user's choice) and staged with the record's formulas and rules.
 */
export async function runBeforeSave(tx: Collections, event: SavingEvent): Promise<{ record: StoredRecord; followUps: FollowUp[] }> {
  let record = event.record;
  const followUps: FollowUp[] = [];
  for (const hook of hooksOf(event.ctx.tenant, 'beforeSave', event.object.name)) {
    const result = await hook(tx, { ...event, record });
    if (!result) continue;
    if ((result.record || result.changes) && (event.kind === 'delete' || event.kind === 'restore')) {
      throw new Error(`A before-save hook of '${event.object.name}' changed the record on a ${event.kind}: only a create or an update takes changes.`);
    }
    if (result.record) record = result.record;
    if (result.changes && Object.keys(result.changes).length > 0) {
      const change = validateChange(event.object, { ...result.changes });
      await checkReferences(tx, { ...event.ctx, principal: SYSTEM_PRINCIPAL }, event.object, change.values);
      record = await stageChange(tx, event.ctx, event.object, record, change);
    }
    if (result.followUps) followUps.push(...result.followUps);
  }
  return { record, followUps };
}

/** The after-save hooks in order, inside the unit of work; then the write waits for its commit, for the after-commit hooks. */
export async function runAfterSave(tx: Collections, event: SavedEvent): Promise<void> {
  for (const hook of hooksOf(event.ctx.tenant, 'afterSave', event.object.name)) await hook(tx, event);
  queueAfterCommit(tx, event);
}
