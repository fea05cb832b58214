import { appendAudit } from '../../audit/audit-log.js';
import type { OperationContext } from '../../context/index.js';
import { ATTACHMENTS_COLLECTION, type StoredAttachment } from './attachment.js';
import { fileNotFound } from './open-attachment.js';
import { recordForFiles } from './record-for-files.js';

/** Removes a file from a record, for whoever may edit the record: the link first, then the content. */
export async function deleteAttachment(ctx: OperationContext, objectName: string, id: string, fileId: string): Promise<void> {
  const object = await recordForFiles(ctx, objectName, id, 'edit');
  await ctx.tenant.store.unitOfWork(async (tx) => {
    const removed = await tx.collection<StoredAttachment>(ATTACHMENTS_COLLECTION).findOne({ _id: fileId, object: object.name, record: id });
    if (!removed) throw fileNotFound(fileId);
    await tx.collection(ATTACHMENTS_COLLECTION).deleteOne({ _id: fileId });
    await appendAudit(tx, { actor: ctx.principal.userId, action: 'record.detach', object: object.name, record: id, changes: { file: { old: removed.name, new: null } } });
  });
  // After the commit: a crash in between leaves an unreferenced blob, never a link to nothing.
  await ctx.tenant.store.blobs.delete(fileId);
}
