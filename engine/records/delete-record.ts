import type { CompiledObject } from '../metadata/compiled-object.js';
import { recordAccess, withAccess } from '../security/access/index.js';
import { checkRecordWrite } from '../security/object-access.js';
import { checkUserTarget } from '../security/user-rights-guard.js';
import { checkNotLocked } from './locked-record.js';
import { followChange, settleWrite } from './logic/follow-change.js';
import { noteChange } from './note-change.js';
import { createFollowUps, type FollowUp } from './follow-ups.js';
import { runBeforeSave, writeUnitFor } from './write-pipeline/index.js';
import type { OperationContext } from '../context/index.js';
import { checkVersion } from './expected-version.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import { recordObject } from './record-object.js';
import { unreachableRecord } from './unreachable-record.js';
import { alive } from '../metadata/record-shape/record-state.js';
import { planDeletion } from './relationships/plan-deletion.js';
import { guardTarget } from './relationships/reference-guard.js';

/**
 * The delete path: the record and its detail records move to the recycle bin together, lookups
 * to them are cleared or hold the delete back as each lookup says, and roll-ups follow, all in
 * one unit of work. Restore (recycle-bin/) undoes exactly this.
 */
export async function deleteRecord(ctx: OperationContext, objectName: string, id: string, expectedVersion?: number): Promise<void> {
  // the object, from the snapshot the request started with
  const object = recordObject(ctx, objectName);
  checkRecordWrite(ctx, object, 'delete');
  const access = await recordAccess(ctx, object, 'delete');
  await writeUnitFor(ctx, async (tx) => {
    // the record as it is now, if the user may delete it, and the version the client expects
    const current = await tx.collection<StoredRecord>(object.collection).findOne(alive(withAccess({ _id: id }, access)));
    if (!current) throw await unreachableRecord(ctx, object, id, 'delete');
    checkVersion(expectedVersion, current._version);
    await checkNotLocked(tx, ctx, object, current, 'delete');
    checkUserTarget(ctx, object, current, 'delete');
    // what goes with it, and what holds it back
    const plan = await planDeletion(tx, ctx.snapshot, object, current);
    // a reference to any of them made alongside this delete meets it here (see guardTarget)
    for (const { object: target, record } of plan.records) await guardTarget(tx, target.collection, record._id);
    // lookups to what goes are cleared, and remembered for a restore
    for (const link of plan.cleared) {
      const child = ctx.snapshot.object(link.object)!;
      const before = await tx.collection(child.collection).findOne({ _id: link.id });
      const cleared = await tx.collection(child.collection).findOneAndUpdate({ _id: link.id }, { $unset: { [link.field]: '' } });
      // Formulas that read the parent through this lookup now see none, and what derives from them follows.
      if (cleared) await settleWrite(tx, ctx, child, before, cleared);
    }
    // everything goes to the recycle bin, marked with the record that took it along
    const marks = { _deleted: true as const, _deletedAt: new Date().toISOString(), _deletedBy: ctx.principal.userId, _deletedWith: id };
    const followUps: FollowUp[] = [];
    for (const { object: target, record: planned } of plan.records) {
      // As it stands now: what this delete did before (its master gone, a detail gone) may have moved its derived values.
      const record = (await tx.collection<StoredRecord>(target.collection).findOne({ _id: planned._id })) ?? planned;
      const isRoot = record._id === id;
      const parked = uniqueValues(target, record);
      const set = { ...marks, ...(isRoot && plan.cleared.length > 0 ? { _clearedLinks: plan.cleared } : {}), ...(parked ? { _parked: parked } : {}) };
      const unset = Object.keys(parked ?? {});
      // The before-save hooks see every record that goes, as it will lie in the recycle bin, and may refuse the delete.
      const binned: StoredRecord = { ...record, ...set };
      for (const name of unset) delete binned[name];
      followUps.push(...(await runBeforeSave(tx, { kind: 'delete', ctx, object: target, before: record, record: binned })).followUps);
      const after = await tx.collection<StoredRecord>(target.collection).findOneAndUpdate(
        { _id: record._id },
        { $set: set, ...(unset.length > 0 ? { $unset: Object.fromEntries(unset.map((name) => [name, ''] as const)) } : {}) },
      );
      await followChange(tx, ctx, target, record, after);
      if (after) await noteChange(tx, ctx, target, 'deleted', record, after);
    }
    await createFollowUps(tx, ctx, followUps);
  });
}

/** The values of unique fields (and auto-numbers), which a deleted record must not hold on to. */
function uniqueValues(object: CompiledObject, record: StoredRecord): Record<string, unknown> | undefined {
  const values = Object.fromEntries(
    object.object.fields
      .filter((field) => (field.unique || field.type === 'autonumber') && record[field.name] !== undefined)
      .map((field) => [field.name, record[field.name]]),
  );
  return Object.keys(values).length > 0 ? values : undefined;
}
