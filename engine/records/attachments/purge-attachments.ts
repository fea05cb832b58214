import type { Collections } from '../../store/port.js';
import type { Store } from '../../store/port.js';
import { ATTACHMENTS_COLLECTION, type StoredAttachment } from './attachment.js';

/**
 * Removes the links of a purged record's files inside the purge's unit of work and returns the
 * blob ids, to be deleted once it committed (blobs live outside units of work).
 */
export async function unlinkAttachments(tx: Collections, object: string, record: string): Promise<string[]> {
  const files = tx.collection<StoredAttachment>(ATTACHMENTS_COLLECTION);
  const linked = await files.find({ object, record }, { projection: { _id: 1 } });
  if (linked.length > 0) await files.deleteMany({ object, record });
  return linked.map((file) => file._id);
}

export async function deleteBlobs(store: Store, ids: readonly string[]): Promise<void> {
  for (const id of ids) await store.blobs.delete(id);
}
