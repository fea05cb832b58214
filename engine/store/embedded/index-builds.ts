import { requestsInFlight } from '../../concurrency/requests-in-flight.js';
import type { Doc } from '../port.js';
import { indexKeys, uniqueKey, type StoredIndex } from './index-entries.js';
import type { IndexEntry, SqliteFile } from './sqlite-file.js';

/** How long one slice of a background build may hold the event loop (and the SQLite writer). */
const SLICE_MS = 20;
/** How many documents a build reads per statement. */
const BATCH = 250;

/** A background build as the store reports it. */
export interface IndexBuildProgress {
  collection: string;
  index: string;
  done: number;
  total: number;
}

interface Build {
  collection: string;
  index: StoredIndex;
  after: string;
  done: number;
  total: number;
  multikey: boolean;
}

/** The index entries of a batch of committed documents, and whether one of them came from an array. */
export function entriesOf(index: StoredIndex, rows: readonly { id: string; body: string }[], parse: (row: { id: string; body: string }) => Doc): { entries: IndexEntry[]; multikey: boolean } {
  const entries: IndexEntry[] = [];
  let multikey = false;
  for (const row of rows) {
    const doc = parse(row);
    const keys = indexKeys(index, doc);
    multikey ||= keys.multikey;
    for (const key of keys.keys) entries.push({ ix: index.ix, key, id: row.id, unique: false });
    const unique = index.spec.unique ? uniqueKey(index, doc) : undefined;
    if (unique) entries.push({ ix: index.ix, key: unique, id: row.id, unique: true });
  }
  return { entries, multikey };
}

/**
 * Builds of non-unique indexes over large collections, in slices of at most SLICE_MS between
 * which requests are served: an admin who saves a list view sorted by a new field at a million
 * records does not stop the tenant for the minute the build takes. Until it is built the planner
 * does not use the index, while every commit already keeps its entries up to date (commit writes
 * the entries of all the collection's indexes, built or not). The build walks the documents by
 * `_id` and adds each one's entries, ignoring those a commit has added already; a document a
 * commit changes or deletes after the build passed it has its entries changed by that commit, so
 * the index is exact once the walk ends. Nothing is lost on a crash: an index not marked built
 * is built again from the start when its collection is next used.
 */
export class IndexBuilds {
  private readonly running = new Map<number, Build>();
  private closed = false;

  constructor(
    private readonly file: SqliteFile,
    private readonly parse: (collection: string, row: { id: string; body: string }) => Doc,
    private readonly finished: (ix: number, multikey: boolean) => void,
  ) {}

  start(collection: string, index: StoredIndex, total: number): void {
    if (this.closed || this.running.has(index.ix)) return;
    this.running.set(index.ix, { collection, index, after: '', done: 0, total, multikey: false });
    this.next(index.ix);
  }

  progress(): IndexBuildProgress[] {
    return [...this.running.values()].map((build) => ({ collection: build.collection, index: build.index.spec.name, done: build.done, total: build.total }));
  }

  /** Resolves once no build runs (tests, and a shutdown that wants its indexes complete). */
  async settled(): Promise<void> {
    while (this.running.size > 0 && !this.closed) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  close(): void {
    this.closed = true;
    this.running.clear();
  }

  /** The next slice, once the requests that came during this one are answered. */
  private next(ix: number): void {
    void requestsInFlight.giveWay().then(() => this.slice(ix));
  }

  private slice(ix: number): void {
    const build = this.running.get(ix);
    if (!build || this.closed) return;
    // Dropped or changed meanwhile (a newer ensureIndexes, a dropped collection): nothing more to do.
    if (this.file.indexes.get(ix)?.built !== false) {
      this.running.delete(ix);
      return;
    }
    const started = performance.now();
    let complete = false;
    this.file.db.transaction(() => {
      while (performance.now() - started < SLICE_MS) {
        const rows = this.file.batchAfter(build.collection, build.after, BATCH);
        if (rows.length === 0) {
          if (build.multikey) this.file.indexes.markMultikey(ix);
          this.file.indexes.markBuilt(ix);
          complete = true;
          return;
        }
        const { entries, multikey } = entriesOf(build.index, rows, (row) => this.parse(build.collection, row));
        this.file.indexes.addEntries(entries);
        build.multikey ||= multikey;
        build.after = rows[rows.length - 1]!.id;
        build.done += rows.length;
      }
    })();
    if (!complete) {
      this.next(ix);
      return;
    }
    this.running.delete(ix);
    this.finished(ix, build.multikey);
  }
}
