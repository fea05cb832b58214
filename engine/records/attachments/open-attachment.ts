import type { Readable } from 'node:stream';
import { NotFoundError } from '../../errors/index.js';
import { msg } from '../../i18n/message.js';
import type { OperationContext } from '../../context/index.js';
import { ATTACHMENTS_COLLECTION, presentAttachment, type AttachmentView, type StoredAttachment } from './attachment.js';
import { recordForFiles } from './record-for-files.js';

/** One file of a record, with its content, for whoever may read the record. */
export async function openAttachment(ctx: OperationContext, objectName: string, id: string, fileId: string): Promise<{ attachment: AttachmentView; content: Readable }> {
  const object = await recordForFiles(ctx, objectName, id, 'read');
  const stored = await ctx.tenant.store.collection<StoredAttachment>(ATTACHMENTS_COLLECTION).findOne({ _id: fileId, object: object.name, record: id });
  const blob = stored ? await ctx.tenant.store.blobs.get(stored._id) : null;
  if (!stored || !blob) throw fileNotFound(fileId);
  return { attachment: presentAttachment(stored), content: blob.content };
}

export function fileNotFound(fileId: string): NotFoundError {
  return new NotFoundError(msg`This record has no file with id '${fileId}'.`);
}
