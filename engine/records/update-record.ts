import { ValidationError, StaleVersionError } from '../errors/index.js';
import { fieldAccess, recordAccess, withAccess } from '../security/access/index.js';
import { checkRecordWrite } from '../security/object-access.js';
import { checkNotLocked } from './locked-record.js';
import { checkUserAssignments } from '../security/user-assignments.js';
import { isSelfService, SELF_SERVICE_FIELDS } from '../security/self-service.js';
import { propagateToChildren } from './logic/recompute-formulas.js';
import { applyObjectLogic } from './logic/apply-logic.js';
import { noteChange } from './note-change.js';
import { alive } from './record-state.js';
import type { Update } from '../store/port.js';
import type { OperationContext } from '../tenancy/index.js';
import { checkReferences } from './check-references.js';
import { explainDuplicate } from './duplicate-values.js';
import { checkVersion } from './expected-version.js';
import { presentRecord, type RecordView, type StoredRecord } from './record.js';
import { recordObject } from './record-object.js';
import { unreachableRecord } from './unreachable-record.js';
import { syncRollups } from './relationships/sync-rollups.js';
import { normalizeValues, validateValues } from './validate-values.js';
import { writableInput } from './writable-input.js';
import { setComputed } from './logic/set-computed.js';
import { runAutomation } from '../automation/run-automation.js';
import { createFollowUps } from '../automation/create-follow-ups.js';
import { msg } from '../i18n/message.js';

/** The write path of a change to a record (PATCH: only the sent fields change; null clears one). */
export async function updateRecord(
  ctx: OperationContext,
  objectName: string,
  id: string,
  body: unknown,
  expectedVersion?: number,
): Promise<RecordView> {
  // the object, from the snapshot the request started with
  const object = recordObject(ctx, objectName);
  // object access and the records the user may edit (or a user's own personal settings); what a
  // client may write (only the fields the user may edit); a required field cannot be cleared
  const selfService = isSelfService(ctx, object, id, body);
  if (!selfService) checkRecordWrite(ctx, object, 'edit');
  const access = selfService ? { _id: ctx.principal.userId } : await recordAccess(ctx, object, 'edit');
  const { editable, hidden } = fieldAccess(ctx, object);
  const input = writableInput(object, body, selfService ? SELF_SERVICE_FIELDS : editable);
  checkUserAssignments(ctx.snapshot, object, input.values);
  const clearingRequired = input.cleared
    .filter((name) => object.field(name)?.required)
    .map((name) => ({ path: `/${name}`, message: msg`is required and cannot be cleared` }));
  // JSON Schema validation of the sent values, every problem at once
  validateValues(object, object.validatePatch, input.values, clearingRequired);
  const values = normalizeValues(object, input.values);
  const unknownCleared = input.cleared.filter((name) => !object.field(name));
  if (unknownCleared.length > 0) {
    throw new ValidationError(unknownCleared.map((name) => ({ path: `/${name}`, message: msg`is not a field of ${object.name}` })));
  }

  // one unit of work: the current version checked, references checked, formulas computed and rules
  // checked on the record as it would be, the change stored, roll-ups on its masters, its history
  try {
    const updated = await ctx.tenant.store.unitOfWork(async (tx) => {
      const records = tx.collection<StoredRecord>(object.collection);
      const current = await records.findOne(alive(withAccess({ _id: id }, access)));
      if (!current) throw await unreachableRecord(ctx, object, id, 'edit');
      checkVersion(expectedVersion, current._version);
      checkNotLocked(ctx, object, current);
      const changed = Object.entries(values).filter(([name, value]) => JSON.stringify(current[name]) !== JSON.stringify(value));
      const cleared = input.cleared.filter((name) => current[name] !== undefined);
      if (changed.length === 0 && cleared.length === 0) return current;
      await checkReferences(tx, ctx, object, Object.fromEntries(changed));
      const next: Record<string, unknown> = { ...current, ...Object.fromEntries(changed) };
      for (const name of cleared) delete next[name];
      const note = (name: string, value: unknown) => {
        if (value === null && current[name] !== undefined) cleared.push(name);
        else if (value !== null && JSON.stringify(current[name]) !== JSON.stringify(value)) changed.push([name, value]);
      };
      for (const [name, value] of Object.entries(await applyObjectLogic(tx, ctx, object, next))) {
        note(name, value);
        setComputed(next, { [name]: value });
      }
      // automation rules of the object, on the record as it would be; their field changes join the update
      const automated = await runAutomation(tx, ctx, object, current, next as StoredRecord);
      for (const [name, value] of Object.entries(automated.changes)) {
        // A rule has the last word on a field: whatever the client or a formula put there goes.
        if (cleared.includes(name)) cleared.splice(cleared.indexOf(name), 1);
        for (let i = changed.length - 1; i >= 0; i--) if (changed[i]![0] === name) changed.splice(i, 1);
        note(name, value);
      }
      await createFollowUps(tx, ctx, automated.followUps);
      const update: Update = {
        $set: { ...Object.fromEntries(changed), _updatedAt: new Date().toISOString(), _updatedBy: ctx.principal.userId },
        $inc: { _version: 1 },
        ...(cleared.length > 0 ? { $unset: Object.fromEntries(cleared.map((name) => [name, ''] as const)) } : {}),
      };
      // The version in the filter makes the write conditional even where units of work overlap.
      const after = await records.findOneAndUpdate({ _id: id, _version: current._version }, update);
      if (!after) throw new StaleVersionError(current._version, current._version + 1);
      await syncRollups(tx, ctx.snapshot, object, current, after);
      await propagateToChildren(tx, ctx, object, current, after);
      await noteChange(tx, ctx, object, 'updated', current, after);
      return after;
    });
    // the response: the record as stored now, as the user may see it
    return presentRecord(updated, undefined, hidden);
  } catch (error) {
    throw explainDuplicate(error, object, values);
  }
}
