import type { OperationContext } from '../../context/index.js';
import { ATTACHMENTS_COLLECTION, presentAttachment, type AttachmentView, type StoredAttachment } from './attachment.js';
import { recordForFiles } from './record-for-files.js';

/** A record's files, newest first, for whoever may read the record. */
export async function listAttachments(ctx: OperationContext, objectName: string, id: string): Promise<AttachmentView[]> {
  const object = await recordForFiles(ctx, objectName, id, 'read');
  const stored = await ctx.tenant.store.collection<StoredAttachment>(ATTACHMENTS_COLLECTION).find({ object: object.name, record: id }, { sort: { _id: -1 } });
  return stored.map(presentAttachment);
}
