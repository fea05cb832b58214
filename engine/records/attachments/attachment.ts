import type { BlobMetadata } from '../../store/blob-port.js';
import type { Doc } from '../../store/port.js';

/** The collection linking each record to its files; the files themselves are the store's blobs. */
export const ATTACHMENTS_COLLECTION = 'attachments';

export const ATTACHMENT_INDEXES = [{ name: 'record', keys: { object: 1 as const, record: 1 as const } }];

/** 25 MB unless FILE_SIZE_LIMIT_MB says otherwise. */
export const DEFAULT_FILE_SIZE_LIMIT = 25 * 1024 * 1024;

/** One file on one record, as stored: its _id is the blob's id. */
export interface StoredAttachment extends Doc {
  object: string;
  record: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  createdBy: string;
  createdAt: string;
}

/** An attachment as the API shows it. */
export interface AttachmentView {
  id: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  createdBy: string;
  createdAt: string;
}

export function attachmentOf(object: string, record: string, blob: BlobMetadata): StoredAttachment {
  const { id, ...rest } = blob;
  return { _id: id, object, record, ...rest };
}

export function presentAttachment(stored: StoredAttachment): AttachmentView {
  const { _id, name, contentType, size, sha256, createdBy, createdAt } = stored;
  return { id: _id, name, contentType, size, sha256, createdBy, createdAt };
}
