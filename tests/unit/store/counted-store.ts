import { join } from 'node:path';
import { EmbeddedStore } from '../../../engine/store/embedded/embedded-store.js';
import { SqliteFile } from '../../../engine/store/embedded/sqlite-file.js';

/** An embedded store over a file whose document reads are counted: what tells a cache hit from a read. */
export function countedStore(dir: string, cacheBytes: number): { store: EmbeddedStore; reads: () => number } {
  const file = new SqliteFile(join(dir, 'store.sqlite'), 'process');
  let reads = 0;
  const body = file.body.bind(file);
  file.body = (collection, id) => {
    reads++;
    return body(collection, id);
  };
  return { store: new EmbeddedStore('t', file, join(dir, 'blobs'), cacheBytes), reads: () => reads };
}
