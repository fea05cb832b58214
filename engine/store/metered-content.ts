import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { BlobTooLargeError } from './blob-port.js';

/**
 * Passes content through while counting and hashing it; fails with BlobTooLargeError as soon as it
 * goes past `maxBytes`, so an oversized upload is cut off without being read to its end.
 */
export class MeteredContent extends Transform {
  size = 0;
  readonly #hash = createHash('sha256');

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return done(new BlobTooLargeError(this.maxBytes));
    this.#hash.update(chunk);
    done(null, chunk);
  }

  /** The hex SHA-256 of everything that passed; call once, after the stream finished. */
  sha256(): string {
    return this.#hash.digest('hex');
  }
}
