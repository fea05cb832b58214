import type { Readable } from 'node:stream';
import { EngineError } from '../errors/index.js';
import { msg } from '../i18n/message.js';

/** What is known of a stored blob: given at upload (name, type, who) and measured while storing it. */
export interface BlobMetadata {
  readonly id: string;
  /** The file name as the uploader gave it; never used to build a path. */
  readonly name: string;
  readonly contentType: string;
  /** Bytes stored. */
  readonly size: number;
  /** Hex SHA-256 of the content, computed while it streamed in. */
  readonly sha256: string;
  readonly createdBy: string;
  /** ISO 8601 instant the upload completed. */
  readonly createdAt: string;
}

export interface BlobInput {
  readonly name: string;
  readonly contentType: string;
  readonly createdBy: string;
  /** Content past this many bytes is refused with BlobTooLargeError and nothing is kept. */
  readonly maxBytes: number;
}

/**
 * Files of one tenant, beside its collections. A blob is immutable: put stores it whole or not at
 * all (a put that returned survives a crash), get streams it back, delete removes it. Ids are the
 * store's own; any other string (a path, `../x`) is simply unknown.
 */
export interface BlobStore {
  put(input: BlobInput, content: Readable): Promise<BlobMetadata>;
  /** The blob's metadata and a stream of its content, or null when there is no such blob. */
  get(id: string): Promise<{ metadata: BlobMetadata; content: Readable } | null>;
  metadata(id: string): Promise<BlobMetadata | null>;
  /** True when a blob was removed. */
  delete(id: string): Promise<boolean>;
}

/**
 * 413: the upload went past the size limit; nothing of it was kept. With the file's size when the
 * request declared it (a streamed upload is cut off at the limit, its size never known).
 */
export class BlobTooLargeError extends EngineError {
  constructor(
    readonly maxBytes: number,
    readonly size?: number,
  ) {
    super(
      'file_too_large',
      413,
      size === undefined
        ? msg`The file is larger than the ${formatBytes(maxBytes)} allowed.`
        : msg`The file is ${formatSizeOver(size)}, over the limit of ${formatBytes(maxBytes)} per file.`,
    );
  }
}

/** Sizes as people read them: 25 MB, 512 KB, 300 bytes (1 MB = 1024 × 1024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

/**
 * A size refused for being over a limit: one decimal, rounded up, so that a file one byte over
 * 25 MB reads 25.1 MB and never "25 MB", the limit itself.
 */
export function formatSizeOver(bytes: number): string {
  const [unit, name] = bytes >= 1024 * 1024 ? [1024 * 1024, 'MB'] : bytes >= 1024 ? [1024, 'KB'] : [1, 'bytes'];
  if (unit === 1) return `${bytes} ${name}`;
  return `${(Math.ceil((bytes / unit) * 10) / 10).toFixed(1)} ${name}`;
}

/** Ids both adapters hand out (newId): 24 lowercase hex characters, safe as a file name. */
export const BLOB_ID = /^[0-9a-f]{24}$/;
