import { GridFSBucket, ObjectId, type Db, type GridFSFile } from 'mongodb';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BLOB_ID, type BlobInput, type BlobMetadata, type BlobStore } from '../blob-port.js';
import { MeteredContent } from '../metered-content.js';

/** GridFS keeps its own metadata under `metadata`; ours goes there, the rest is GridFS's. */
interface StoredBlobFields {
  name: string;
  contentType: string;
  sha256?: string;
  createdBy: string;
  /** Set once the content is whole: a file without it is an upload that never completed. */
  complete?: true;
}

const BUCKET = 'blobs';

/**
 * The mongodb adapter's blobs: GridFS in the tenant's database, bucket `blobs` (collections
 * blobs.files and blobs.chunks). GridFS writes the files document only after the last chunk, with
 * the store's write concern; the SHA-256 is known only then, so it is set in a second write that
 * also marks the file complete. Only complete files are ever read.
 */
export class GridFsBlobs implements BlobStore {
  readonly #bucket: GridFSBucket;
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
    this.#bucket = new GridFSBucket(db, { bucketName: BUCKET });
  }

  async put(input: BlobInput, content: Readable): Promise<BlobMetadata> {
    // GridFS ids are ObjectIds; the port's ids are their hex form, like every other id of the engine.
    const id = new ObjectId();
    const metered = new MeteredContent(input.maxBytes);
    const fields: StoredBlobFields = { name: input.name, contentType: input.contentType, createdBy: input.createdBy };
    const upload = this.#bucket.openUploadStreamWithId(id, input.name, { metadata: fields });
    try {
      await pipeline(content, metered, upload);
    } catch (error) {
      // abort removes the chunks written so far; it fails harmlessly when nothing was written.
      await upload.abort().catch(() => undefined);
      throw error;
    }
    await this.#db.collection(`${BUCKET}.files`).updateOne(
      { _id: id },
      { $set: { 'metadata.sha256': metered.sha256(), 'metadata.complete': true } },
    );
    const metadata = await this.metadata(id.toHexString());
    if (!metadata) throw new Error(`blob ${id.toHexString()} vanished right after its upload`);
    return metadata;
  }

  async get(id: string): Promise<{ metadata: BlobMetadata; content: Readable } | null> {
    const metadata = await this.metadata(id);
    if (!metadata) return null;
    return { metadata, content: this.#bucket.openDownloadStream(ObjectId.createFromHexString(id)) };
  }

  async metadata(id: string): Promise<BlobMetadata | null> {
    if (!BLOB_ID.test(id)) return null;
    const [file] = await this.#bucket.find({ _id: ObjectId.createFromHexString(id), 'metadata.complete': true }, { limit: 1 }).toArray();
    return file ? toMetadata(file) : null;
  }

  async delete(id: string): Promise<boolean> {
    if (!(await this.metadata(id))) return false;
    await this.#bucket.delete(ObjectId.createFromHexString(id));
    return true;
  }
}

function toMetadata(file: GridFSFile): BlobMetadata {
  const fields = (file.metadata ?? {}) as Partial<StoredBlobFields>;
  return {
    id: file._id.toHexString(),
    name: fields.name ?? file.filename,
    contentType: fields.contentType ?? 'application/octet-stream',
    size: file.length,
    sha256: fields.sha256 ?? '',
    createdBy: fields.createdBy ?? '',
    createdAt: file.uploadDate.toISOString(),
  };
}
