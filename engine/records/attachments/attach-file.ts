import type { Readable } from 'node:stream';
import { appendAudit } from '../../audit/audit-log.js';
import type { OperationContext } from '../../context/index.js';
import { recordNotFound } from '../record-object.js';
import { alive } from '../../metadata/record-shape/record-state.js';
import { ATTACHMENTS_COLLECTION, attachmentOf, presentAttachment, type AttachmentView, type StoredAttachment } from './attachment.js';
import { declaredContentType } from './content-type.js';
import { safeFileName } from './file-name.js';
import { recordForFiles } from './record-for-files.js';

export interface FileUpload {
  /** The name the client gave (made safe here). */
  name: string;
  /** The Content-Type the client declared. */
  contentType: string | undefined;
  /** Past this many bytes the upload is cut off with 413. */
  maxBytes: number;
}

/** Attaches a file to a record: access as for editing the record, the content streamed to the blob store. */
export async function attachFile(ctx: OperationContext, objectName: string, id: string, upload: FileUpload, content: Readable): Promise<AttachmentView> {
  // the record, as the user may edit it (404 when they cannot see it, 403 when they may only read it)
  const object = await recordForFiles(ctx, objectName, id, 'edit');
  // the content, durable in the blob store before anything refers to it
  const { blobs } = ctx.tenant.store;
  const blob = await blobs.put(
    { name: safeFileName(upload.name), contentType: declaredContentType(upload.contentType), createdBy: ctx.principal.userId, maxBytes: upload.maxBytes },
    content,
  );
  const stored = attachmentOf(object.name, id, blob);
  // one unit of work: the link to the record (still alive after the upload) and its audit entry
  try {
    await ctx.tenant.store.unitOfWork(async (tx) => {
      const record = await tx.collection(object.collection).findOne(alive({ _id: id }), { projection: { _id: 1 } });
      if (!record) throw recordNotFound(object, id);
      await tx.collection<StoredAttachment>(ATTACHMENTS_COLLECTION).insertOne(stored);
      await appendAudit(tx, { actor: ctx.principal.userId, action: 'record.attach', object: object.name, record: id, changes: { file: { old: null, new: stored.name } } });
    });
  } catch (error) {
    await blobs.delete(blob.id);
    throw error;
  }
  return presentAttachment(stored);
}
