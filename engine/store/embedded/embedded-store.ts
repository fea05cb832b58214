import type { BlobStore } from '../blob-port.js';
import type { Collection, Collections, Doc, Filter, FindOptions, IndexSpec, QueryPlanSummary, Store, TenantFiles } from '../port.js';
import { snapshotTenant } from './tenant-snapshot.js';
import { planSummary } from './plan-summary.js';
import { withTieBreak } from './query-plan.js';
import { BLOB_FILES, BlobDirectory } from './blob-directory.js';
import { Mutex } from '../../concurrency/mutex.js';
import type { IndexBuildProgress } from './index-builds.js';
import { CacheWarmUp } from './cache-warm-up.js';
import { CommittedData } from './committed-data.js';
import { DocumentCache } from './document-cache.js';
import type { SqliteFile } from './sqlite-file.js';
import type { Overlay } from './collection-overlay.js';
import { GroupCommit } from './group-commit.js';
import { TransactionCollection } from './transaction-collection.js';
import { timedStoreOperation, timedStoreRead } from '../../observability/index.js';

/** How often a commit measures the WAL (a stat of its file): at 80 MB of WAL a second (small creates back to back), under 1 MB between two. */
const WAL_MEASURE_EVERY_MS = 10;

/**
 * The default store: one tenant's documents and indexes in one SQLite file, queried through the
 * planner (indexes in SQLite, exact predicates in JS for MongoDB's semantics) and a bounded cache
 * of parsed documents. Units of work run one at a time, so what a unit read stays true until it
 * commits; units that follow each other closely commit together (group-commit.ts); reads never
 * wait and see only committed data.
 */
export class EmbeddedStore implements Store {
  readonly kind = 'embedded' as const;
  private readonly writes = new Mutex();
  private readonly committed: CommittedData;
  private readonly groups: GroupCommit;
  private readonly warmUp: CacheWarmUp;
  readonly blobs: BlobStore;
  private readonly blobDirectory: BlobDirectory;

  /** When the WAL was last measured, and whether a restart of it is queued or running. */
  private walMeasuredAt = 0;
  private walRestarting = false;

  constructor(
    readonly tenant: string,
    private readonly file: SqliteFile,
    blobDir: string,
    cacheBytes: number,
  ) {
    this.committed = new CommittedData(file, new DocumentCache(cacheBytes));
    this.groups = new GroupCommit(this.writes, (overlay) => this.commit(overlay));
    this.blobs = this.blobDirectory = new BlobDirectory(blobDir, () => this.collection(BLOB_FILES));
    this.warmUp = new CacheWarmUp(file, this.committed);
  }

  private readonly facades = new Map<string, Collection>();

  /** Outside a unit of work: reads see committed data, each write is a unit of its own. */
  collection<T extends Doc = Doc>(name: string): Collection<T> {
    let facade = this.facades.get(name);
    if (!facade) this.facades.set(name, (facade = this.facade(name)));
    return facade as Collection<T>;
  }

  private facade<T extends Doc>(name: string): Collection<T> {
    // Reads outside a unit see committed data only: one collection over an overlay nothing writes to serves them all.
    const read = new TransactionCollection<T>(name, this.committed, new Map());
    const write = <R>(op: (c: Collection<T>) => Promise<R>) => this.unitOfWork((tx) => op(tx.collection<T>(name)));
    return {
      name,
      find: (filter, options) => timedStoreRead(this.kind, 'find', () => read.findNow(filter, options)),
      findOne: (filter, options) => timedStoreRead(this.kind, 'findOne', () => read.findOneNow(filter, options)),
      count: (filter) => timedStoreOperation(this.kind, 'count', () => read.count(filter)),
      aggregate: (pipeline) => timedStoreOperation(this.kind, 'aggregate', () => read.aggregate(pipeline)),
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

  /** Resolves once the unit's writes are durable, committed with those of the units around it. */
  unitOfWork<R>(work: (tx: Collections) => Promise<R>): Promise<R> {
    return timedStoreOperation(this.kind, 'unitOfWork', () => this.runUnit(work));
  }

  private async runUnit<R>(work: (tx: Collections) => Promise<R>): Promise<R> {
    let durable: Promise<void> | undefined;
    const result = await this.writes.run(async () => {
      const overlay = this.groups.start();
      const tx: Collections = {
        collection: <T extends Doc>(name: string) => new TransactionCollection<T>(name, this.committed, overlay),
      };
      const result = await work(tx);
      durable = this.groups.finished(overlay);
      return result;
    });
    await durable;
    return result;
  }

  /** Durable first, visible second: SQLite commits documents and index entries together, then the cache follows. */
  private commit(overlay: Overlay): void {
    this.committed.commit(
      new Map([...overlay].map(([collection, written]) => [collection, written.docs])),
      new Map([...overlay].map(([collection, written]) => [collection, written.before])),
    );
    this.boundWal();
  }

  /**
   * Keeps the WAL near the file's `walLimitBytes` under writes that never pause: measured at most every
   * WAL_MEASURE_EVERY_MS, and once past the limit the writes wait (in the lock's queue, the event
   * loop free, reads going on) while the checkpoint worker copies what is left of it, so that the
   * next commit starts it over. The worker's own checkpoints have copied most of it by then.
   */
  private boundWal(): void {
    const now = Date.now();
    if (this.walRestarting || now - this.walMeasuredAt < WAL_MEASURE_EVERY_MS) return;
    this.walMeasuredAt = now;
    // Its file is cut back to the limit when it starts over: past it, the WAL has grown since.
    if (this.file.walBytes() <= this.file.walLimitBytes) return;
    this.walRestarting = true;
    void this.writes.run(async () => {
      try {
        await this.file.restartWal();
      } finally {
        this.walRestarting = false;
      }
    });
  }

  changeCount(collection: string): number {
    return this.committed.changeCount(collection);
  }

  async ensureIndexes(collection: string, indexes: IndexSpec[]): Promise<void> {
    await this.writes.run(async () => {
      this.groups.commitNow();
      this.committed.ensureIndexes(collection, indexes);
    });
  }

  async listIndexes(collection: string): Promise<IndexSpec[]> {
    return this.committed.indexes(collection).map((index) => index.spec);
  }

  async dropCollection(collection: string): Promise<void> {
    await this.writes.run(async () => {
      this.groups.commitNow();
      this.committed.dropCollection(collection);
    });
  }

  async listCollections(): Promise<string[]> {
    return this.file.listCollections();
  }

  async explain(collection: string, filter: Filter, options: Pick<FindOptions, 'sort' | 'limit'> = {}): Promise<QueryPlanSummary> {
    const sort = withTieBreak(options.sort && Object.keys(options.sort).length > 0 ? options.sort : undefined);
    const plan = this.committed.plan(collection, filter, sort, options.limit !== undefined && options.limit > 0);
    const building = this.committed.builds.progress().filter((build) => build.collection === collection).map((build) => build.index);
    return planSummary(plan, building);
  }

  /** The indexes being built in the background, with their progress (see index-builds.ts). */
  indexBuilds(): IndexBuildProgress[] {
    return this.committed.builds.progress();
  }

  /** Resolves once no index is being built in the background. */
  indexesBuilt(): Promise<void> {
    return this.committed.builds.settled();
  }

  /** Resolves once the cache's warm-up after opening has ended (cache-warm-up.ts). */
  cacheWarmed(): Promise<void> {
    return this.warmUp.settled();
  }

  async dropFreedCopies(): Promise<void> {
    await this.writes.run(async () => {
      this.groups.commitNow();
      await this.file.restartWal();
      this.file.truncateWal();
    });
  }

  /** See StoreProvider.backupTenant: SQLite's online backup, then the blob files its copy names. */
  async backup(dir: string): Promise<TenantFiles> {
    const release = this.blobDirectory.holdFiles();
    try {
      return await snapshotTenant(this.file.db, dir, (id) => this.blobDirectory.filePath(id));
    } finally {
      await release();
    }
  }

  async close(): Promise<void> {
    this.committed.builds.close();
    this.warmUp.close();
    await this.writes.run(async () => {
      this.groups.commitNow();
      this.warmUp.save(() => this.committed.cachedIds());
      await this.file.close();
    });
  }
}
