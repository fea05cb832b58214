import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BLOB_ID, type BlobInput, type BlobMetadata, type BlobStore } from '../blob-port.js';
import { MeteredContent } from '../metered-content.js';
import { newId } from '../new-id.js';
import type { Collection, Doc } from '../port.js';

/** The collection of blob metadata, named like GridFS's files collection of the bucket `blobs`. */
export const BLOB_FILES = 'blobs.files';

type BlobDoc = Doc & Omit<BlobMetadata, 'id'>;

/**
 * The embedded store's blobs: one file per blob in a directory beside the tenant's database, named
 * by its id (24 hex characters, so no name a user gives ever reaches the file system), and its
 * metadata in the store. An upload is written to a temporary file, fsynced, renamed into place and
 * the directory fsynced before its metadata commits: once put returns, a kill -9 (or a power cut)
 * loses neither. A crash before that leaves at most an unreferenced file in tmp/, cleared at start.
 */
export class BlobDirectory implements BlobStore {
  #ready: Promise<void> | undefined;
  /** Backups copying the files now, and the unlinks of deleted blobs waiting for them to end. */
  #holds = 0;
  #heldUnlinks: string[] = [];

  constructor(
    private readonly dir: string,
    private readonly files: () => Collection<BlobDoc>,
  ) {}

  async put(input: BlobInput, content: Readable): Promise<BlobMetadata> {
    await this.#prepare();
    const id = newId();
    const temp = join(this.dir, 'tmp', `${id}.${randomBytes(6).toString('hex')}`);
    const metered = new MeteredContent(input.maxBytes);
    try {
      await pipeline(content, metered, createWriteStream(temp, { flags: 'wx' }));
      await fsync(temp);
      await rename(temp, this.#path(id));
      await fsync(this.dir);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    const metadata: BlobMetadata = {
      id,
      name: input.name,
      contentType: input.contentType,
      size: metered.size,
      sha256: metered.sha256(),
      createdBy: input.createdBy,
      createdAt: new Date().toISOString(),
    };
    const { id: _id, ...rest } = metadata;
    await this.files().insertOne({ _id, ...rest });
    return metadata;
  }

  async get(id: string): Promise<{ metadata: BlobMetadata; content: Readable } | null> {
    const metadata = await this.metadata(id);
    if (!metadata) return null;
    return { metadata, content: createReadStream(this.#path(metadata.id)) };
  }

  async metadata(id: string): Promise<BlobMetadata | null> {
    if (!BLOB_ID.test(id)) return null;
    const doc = await this.files().findOne({ _id: id });
    if (!doc) return null;
    const { _id, ...rest } = doc;
    return { id: _id, name: rest.name, contentType: rest.contentType, size: rest.size, sha256: rest.sha256, createdBy: rest.createdBy, createdAt: rest.createdAt };
  }

  /** Metadata first: a crash between the two leaves an unreferenced file, never a dangling reference. */
  async delete(id: string): Promise<boolean> {
    if (!BLOB_ID.test(id)) return false;
    const removed = await this.files().deleteOne({ _id: id });
    if (removed === 0) return false;
    // A backup's snapshot taken before this delete still names the file: it goes once the copy is done.
    if (this.#holds > 0) this.#heldUnlinks.push(id);
    else await unlinkBlob(this.#path(id));
    return true;
  }

  /**
   * Keeps every file on disk until the function returned is called, deleted blobs' included: a
   * backup copies the files its database snapshot names, which a delete after the snapshot must
   * not take away first.
   */
  holdFiles(): () => Promise<void> {
    this.#holds++;
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      if (--this.#holds > 0) return;
      const ids = this.#heldUnlinks;
      this.#heldUnlinks = [];
      for (const id of ids) await unlinkBlob(this.#path(id));
    };
  }

  /** Where a blob's file lives (a backup copies it from there). */
  filePath(id: string): string {
    return this.#path(id);
  }

  #path(id: string): string {
    return join(this.dir, id);
  }

  /** Creates the directories once, and clears uploads a crash interrupted. */
  #prepare(): Promise<void> {
    this.#ready ??= (async () => {
      await rm(join(this.dir, 'tmp'), { recursive: true, force: true });
      await mkdir(join(this.dir, 'tmp'), { recursive: true });
    })();
    return this.#ready;
  }
}

async function unlinkBlob(path: string): Promise<void> {
  await unlink(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}

/** Flushes a file's or a directory's data to the disk (a directory's fsync makes a rename durable). */
async function fsync(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
