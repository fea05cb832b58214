import { NotFoundError } from '../../errors/index.js';
import { checkRecordWrite } from '../../security/object-access.js';
import { checkUserTarget } from '../../security/user-rights-guard.js';
import type { OperationContext } from '../../context/index.js';
import type { StoredRecord } from '../../metadata/record-shape/record.js';
import { recordObject } from '../record-object.js';
import { binScope } from './bin-scope.js';
import { inRecycleBin } from '../../metadata/record-shape/record-state.js';
import { historyCollection } from '../history/field-history.js';
import { deletedTogether } from './deleted-together.js';
import { appendAudit } from '../../audit/audit-log.js';
import { msg } from '../../i18n/message.js';
import { deleteBlobs, unlinkAttachments } from '../attachments/purge-attachments.js';
import { forgetPurgedUser } from './purged-user.js';
import { dropGuard } from '../relationships/reference-guard.js';

/** Deletes a record in the recycle bin for good, with the detail records deleted with it. */
export async function purgeRecord(ctx: OperationContext, objectName: string, id: string): Promise<void> {
  const object = recordObject(ctx, objectName);
  checkRecordWrite(ctx, object, 'delete');
  const files = await ctx.tenant.store.unitOfWork(async (tx) => {
    const files: string[] = [];
    const root = await tx.collection<StoredRecord>(object.collection).findOne(inRecycleBin({ ...binScope(ctx, object), _id: id, _deletedWith: id }));
    if (!root) throw new NotFoundError(msg`There is no ${object.object.label} record with id '${id}' in the recycle bin.`);
    checkUserTarget(ctx, object, root, 'purge');
    for (const { object: target, record } of await deletedTogether(tx, ctx.snapshot, object, id)) {
      await tx.collection(target.collection).deleteOne({ _id: record._id });
      await dropGuard(tx, target.collection, record._id);
      await tx.collection(historyCollection(target.name)).deleteMany({ record: record._id });
      files.push(...(await unlinkAttachments(tx, target.name, record._id)));
      if (target.name === 'user') await forgetPurgedUser(tx, record._id);
      await appendAudit(tx, { actor: ctx.principal.userId, action: 'record.purge', object: target.name, record: record._id });
    }
    return files;
  });
  // the files' content once nothing refers to it any more
  await deleteBlobs(ctx.tenant.store, files);
}

/** Purges every recycle-bin entry of the tenant deleted before `cutoff`; returns how many went. */
export async function purgeExpired(ctx: OperationContext, cutoff: Date): Promise<number> {
  let purged = 0;
  for (const object of ctx.snapshot.objects.values()) {
    const expired = await ctx.tenant.store
      .collection<StoredRecord>(object.collection)
      .find(inRecycleBin({ _deletedAt: { $lt: cutoff.toISOString() } }), { projection: { _id: 1, _deletedWith: 1 } });
    for (const record of expired) {
      if (record._deletedWith !== record._id) continue;
      await purgeRecord(ctx, object.name, record._id).catch((error: unknown) => {
        // Purged meanwhile with its master, or by a user: nothing left to do.
        if (!(error instanceof NotFoundError)) throw error;
      });
      purged++;
    }
  }
  return purged;
}
