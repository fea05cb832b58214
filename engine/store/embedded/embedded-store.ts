import type { BlobStore } from '../blob-port.js';
import type { Collection, Collections, Doc, IndexSpec, Store } from '../port.js';
import { BLOB_FILES, BlobDirectory } from './blob-directory.js';
import { MemoryCollection } from './memory-collection.js';
import { Mutex } from '../../concurrency/mutex.js';
import type { SqliteFile, StoredChange } from './sqlite-file.js';
import type { Overlay } from './collection-overlay.js';
import { TransactionCollection } from './transaction-collection.js';

/**
 * The default store: one tenant's data in memory for queries (mingo gives MongoDB's semantics)
 * and in one SQLite file for durability. Units of work run one at a time, so what a unit read
 * stays true until it commits; reads never wait and see only committed data.
 */
export class EmbeddedStore implements Store {
  readonly kind = 'embedded' as const;
  private readonly memory = new Map<string, MemoryCollection>();
  private readonly writes = new Mutex();
  readonly blobs: BlobStore;

  constructor(
    readonly tenant: string,
    private readonly file: SqliteFile,
    blobDir: string,
  ) {
    this.blobs = new BlobDirectory(blobDir, () => this.collection(BLOB_FILES));
  }

  private committed(name: string): MemoryCollection {
    let collection = this.memory.get(name);
    if (!collection) {
      collection = new MemoryCollection(name, this.file.loadCollection(name), this.file.loadIndexes(name));
      this.memory.set(name, collection);
    }
    return collection;
  }

  private readonly facades = new Map<string, Collection>();

  /** Outside a unit of work: reads see committed data, each write is a unit of its own. */
  collection<T extends Doc = Doc>(name: string): Collection<T> {
    let facade = this.facades.get(name);
    if (!facade) this.facades.set(name, (facade = this.facade(name)));
    return facade as Collection<T>;
  }

  private facade<T extends Doc>(name: string): Collection<T> {
    const read = () => new TransactionCollection<T>(name, this.committed(name), new Map());
    const write = <R>(op: (c: Collection<T>) => Promise<R>) => this.unitOfWork((tx) => op(tx.collection<T>(name)));
    return {
      name,
      find: (filter, options) => read().find(filter, options),
      findOne: (filter, options) => read().findOne(filter, options),
      count: (filter) => read().count(filter),
      aggregate: (pipeline) => read().aggregate(pipeline),
      insertOne: (doc) => write((c) => c.insertOne(doc)),
      insertMany: (docs) => write((c) => c.insertMany(docs)),
      findOneAndUpdate: (filter, update, options) => write((c) => c.findOneAndUpdate(filter, update, options)),
      updateOne: (filter, update) => write((c) => c.updateOne(filter, update)),
      updateMany: (filter, update) => write((c) => c.updateMany(filter, update)),
      replaceOne: (filter, doc) => write((c) => c.replaceOne(filter, doc)),
      deleteOne: (filter) => write((c) => c.deleteOne(filter)),
      deleteMany: (filter) => write((c) => c.deleteMany(filter)),
    };
  }

  unitOfWork<R>(work: (tx: Collections) => Promise<R>): Promise<R> {
    return this.writes.run(async () => {
      const overlay: Overlay = new Map();
      const tx: Collections = {
        collection: <T extends Doc>(name: string) => new TransactionCollection<T>(name, this.committed(name), overlay),
      };
      const result = await work(tx);
      this.commit(overlay);
      return result;
    });
  }

  /** Durable first, visible second: SQLite commits, then memory takes the same changes. */
  private commit(overlay: Overlay): void {
    const changes: StoredChange[] = [];
    for (const [collection, written] of overlay) {
      for (const [id, doc] of written.docs) changes.push({ collection, id, doc });
    }
    this.file.commit(changes);
    for (const [collection, written] of overlay) {
      const memory = this.committed(collection);
      for (const [id, doc] of written.docs) memory.apply(id, doc);
    }
  }

  async ensureIndexes(collection: string, indexes: IndexSpec[]): Promise<void> {
    await this.writes.run(async () => {
      this.committed(collection).setIndexes(indexes);
      this.file.saveIndexes(collection, indexes);
    });
  }

  async listIndexes(collection: string): Promise<IndexSpec[]> {
    return this.committed(collection).indexes;
  }

  async dropCollection(collection: string): Promise<void> {
    await this.writes.run(async () => {
      this.file.dropCollection(collection);
      this.memory.delete(collection);
    });
  }

  async listCollections(): Promise<string[]> {
    const names = new Set(this.file.listCollections());
    for (const [name, collection] of this.memory) if (collection.docs.size > 0) names.add(name);
    return [...names].sort();
  }

  async close(): Promise<void> {
    await this.writes.run(async () => this.file.close());
  }
}
