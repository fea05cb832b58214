import { ConflictError, NotFoundError } from '../../errors/index.js';
import { fieldAccess } from '../../security/access/index.js';
import { checkRecordWrite } from '../../security/object-access.js';
import { checkUserTarget } from '../../security/user-rights-guard.js';
import { settleWrite } from '../logic/follow-change.js';
import { noteChange } from '../note-change.js';
import { createFollowUps, type FollowUp } from '../follow-ups.js';
import { runBeforeSave, writeUnitFor } from '../write-pipeline/index.js';
import type { Doc } from '../../store/port.js';
import type { OperationContext } from '../../context/index.js';
import { explainDuplicate } from '../duplicate-values.js';
import { presentRecord, type RecordView, type StoredRecord } from '../../metadata/record-shape/record.js';
import { recordObject } from '../record-object.js';
import { binScope } from './bin-scope.js';
import { alive, inRecycleBin } from '../../metadata/record-shape/record-state.js';
import { deletedTogether } from './deleted-together.js';
import { goneReferences } from './gone-references.js';
import { msg } from '../../i18n/message.js';

/**
 * Brings a deleted record back with the detail records its delete took along, and puts back the
 * lookups that delete cleared (where they are still empty). A record deleted only because its
 * master was cannot come back alone: restore the master. Nor can one whose master has gone to
 * the bin since; an optional lookup to a record gone since is cleared (gone-references.ts).
 */
export async function restoreRecord(ctx: OperationContext, objectName: string, id: string): Promise<RecordView> {
  const object = recordObject(ctx, objectName);
  checkRecordWrite(ctx, object, 'create');
  try {
    const restored = await writeUnitFor(ctx, async (tx) => {
      const root = await tx.collection<StoredRecord>(object.collection).findOne(inRecycleBin({ ...binScope(ctx, object), _id: id }));
      if (!root) throw new NotFoundError(msg`There is no ${object.object.label} record with id '${id}' in the recycle bin.`);
      if (root._deletedWith !== id) {
        throw new ConflictError('restore_with_master', msg`This record was deleted with its master (${root._deletedWith}); restore the master to bring it back.`);
      }
      checkUserTarget(ctx, object, root, 'restore');
      const unmark = { $unset: { _deleted: '', _deletedAt: '', _deletedBy: '', _deletedWith: '', _clearedLinks: '', _parked: '' } } as const;
      const together = await deletedTogether(tx, ctx.snapshot, object, id);
      const restoring = new Set(together.map(({ record }) => record._id));
      const followUps: FollowUp[] = [];
      for (const { object: target, record } of together) {
        // What it points at may have gone since it was deleted.
        const gone = await goneReferences(tx, ctx.snapshot, target, record, restoring);
        // The before-save hooks see it as it comes back, and may refuse it.
        const back: StoredRecord = { ...record, ...record._parked };
        for (const name of [...Object.keys(unmark.$unset), ...Object.keys(gone)]) delete back[name];
        followUps.push(...(await runBeforeSave(tx, { kind: 'restore', ctx, object: target, before: record, record: back })).followUps);
        const unmarked = await tx.collection<StoredRecord>(target.collection).findOneAndUpdate(
          { _id: record._id },
          { $unset: { ...unmark.$unset, ...gone }, $set: { ...record._parked } },
        );
        if (!unmarked) continue;
        // Formulas reading a parent that went meanwhile must see it gone; roll-ups on its masters count it again.
        const after = (await settleWrite(tx, ctx, target, record, unmarked)) as StoredRecord;
        await noteChange(tx, ctx, target, 'restored', record, after);
      }
      for (const link of root._clearedLinks ?? []) {
        const child = ctx.snapshot.object(link.object);
        if (!child) continue;
        // Only where the reference is still empty: a user may have pointed it elsewhere since.
        const relinked = await tx.collection(child.collection).findOneAndUpdate(alive({ _id: link.id, [link.field]: null }), { $set: { [link.field]: id } });
        if (relinked) await settleWrite(tx, ctx, child, withoutField(relinked, link.field), relinked);
      }
      await createFollowUps(tx, ctx, followUps);
      // Its details came back after it: the record with its roll-ups as they stand now.
      return (await tx.collection<StoredRecord>(object.collection).findOne({ _id: id }))!;
    });
    return presentRecord(restored, undefined, fieldAccess(ctx, object).hidden);
  } catch (error) {
    throw explainDuplicate(error, object, 'restored');
  }
}

/** The record as it was before a lookup was put back. */
function withoutField(record: Doc, field: string): Doc {
  const { [field]: _put, ...rest } = record;
  return rest as Doc;
}
