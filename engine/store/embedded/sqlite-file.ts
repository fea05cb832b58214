import Database from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensureDocsTable } from './docs-table.js';
import { IndexTable, type KeyRange } from './index-table.js';
import { keyColumns, type KeyRow } from './sort-keys.js';
import { StatementCache } from './statement-cache.js';
import { WAL_SIZE_LIMIT_BYTES, walCheckpoints } from './wal-checkpoints.js';

export type Durability = 'process' | 'power';

/** SQLite's default: a commit that takes the WAL past this many pages checkpoints it. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

/** One end of an `_id` range: ids compare as SQLite compares TEXT (bytewise), which is JS order for the engine's hex ids. */
export interface IdBound {
  value: string;
  inclusive: boolean;
}

/**
 * The durable layer of the embedded store: one SQLite file per tenant in WAL mode, holding the
 * documents (`docs`, one JSON text per document) and the index entries (`index_keys`,
 * `unique_keys`, see index-table.ts). A unit of work is one SQLite transaction, documents and index
 * entries together, committed before the engine acknowledges the write. With synchronous=NORMAL a
 * commit is in the WAL file (the OS page cache) when it returns, which is what survives kill -9;
 * `power` adds an fsync per commit so it survives a power cut too. docs/storage.md explains both.
 */
export class SqliteFile {
  readonly db: Database.Database;
  readonly indexes: IndexTable;
  private readonly statements: StatementCache;
  private readonly applyBatch: (batch: CommitBatch) => void;

  constructor(
    readonly path: string,
    durability: Durability,
    /** SQLite's own cache of file pages (its default is 2 MiB). */
    pageCacheBytes = 2 * 1024 * 1024,
    /** What the WAL file is cut back to when it starts over, and past which the store starts it over (EmbeddedStore). */
    readonly walLimitBytes = WAL_SIZE_LIMIT_BYTES,
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.statements = new StatementCache(this.db);
    this.db.pragma('journal_mode = WAL');
    // A negative size is in KiB: a bound in memory whatever the page size.
    this.db.pragma(`cache_size = ${-Math.max(64, Math.round(pageCacheBytes / 1024))}`);
    this.db.pragma(`synchronous = ${durability === 'power' ? 'FULL' : 'NORMAL'}`);
    this.db.pragma(`journal_size_limit = ${walLimitBytes}`);
    // A value rewritten or deleted leaves no copy of its former bytes in the file's freed space: an
    // encrypted field's value written in clear before it was encrypted is gone once the WAL is
    // checkpointed (dropFreedCopies), not just unreachable.
    this.db.pragma('secure_delete = ON');
    // Checkpoints run on a worker thread (wal-checkpoints.ts), not inside a commit on the event loop.
    if (walCheckpoints.register({ path, checkpointInline: () => this.db.open && this.db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`) })) {
      this.db.pragma('wal_autocheckpoint = 0');
    }
    ensureDocsTable(this.db);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS doc_counts (coll TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS cached_ids (seq INTEGER PRIMARY KEY, coll TEXT NOT NULL, id TEXT NOT NULL);`);
    this.indexes = new IndexTable(this.db);
    this.applyBatch = this.db.transaction((batch: CommitBatch) => {
      this.indexes.removeEntries(batch.removed);
      const upsert = this.statement('INSERT OR REPLACE INTO docs (coll, id, body) VALUES (?, ?, ?)');
      const remove = this.statement('DELETE FROM docs WHERE coll = ? AND id = ?');
      for (const change of batch.docs) {
        if (change.body === null) remove.run(change.collection, change.id);
        else upsert.run(change.collection, change.id, change.body);
      }
      this.indexes.addEntries(batch.added);
      for (const ix of batch.multikey) this.indexes.markMultikey(ix);
      // A collection not counted yet has no row: it is counted whole the first time it is asked.
      const count = this.statement('UPDATE doc_counts SET n = n + ? WHERE coll = ?');
      for (const [collection, delta] of batch.counts) if (delta !== 0) count.run(delta, collection);
    });
  }

  /** How large the WAL file is: what the writes since the last restart of the WAL (or its high-water mark) take. */
  walBytes(): number {
    return statSync(`${this.path}-wal`, { throwIfNoEntry: false })?.size ?? 0;
  }

  /** Copies the whole WAL into the database (see WalCheckpoints.restart); the caller holds its writes until it resolves. */
  restartWal(): Promise<boolean> {
    return walCheckpoints.restart(this.path);
  }

  /** Empties the WAL file (after restartWal copied it into the database), so that no former page stays in it. */
  truncateWal(): void {
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (result?.busy !== 0) throw new Error(`The WAL of ${this.path} could not be emptied: a reader held it`);
  }

  /** A prepared statement, prepared once per text. */
  statement(sql: string): Database.Statement {
    return this.statements.get(sql);
  }

  body(collection: string, id: string): string | undefined {
    const row = this.statement('SELECT body FROM docs WHERE coll = ? AND id = ?').get(collection, id) as { body: string } | undefined;
    return row?.body;
  }

  /** Replaces the list of the ids the document cache held (cache-warm-up.ts), in the order given. */
  saveCachedIds(entries: Iterable<{ collection: string; id: string }>): void {
    this.db.transaction(() => {
      this.statement('DELETE FROM cached_ids').run();
      const insert = this.statement('INSERT INTO cached_ids (coll, id) VALUES (?, ?)');
      for (const { collection, id } of entries) insert.run(collection, id);
    })();
  }

  /** Up to `limit` saved cache ids after position `afterSeq`, in the order they were saved. */
  cachedIds(afterSeq: number, limit: number): { seq: number; coll: string; id: string }[] {
    return this.statement('SELECT seq, coll, id FROM cached_ids WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit) as { seq: number; coll: string; id: string }[];
  }

  /**
   * The documents of a collection in `_id` order (or its reverse), within optional bounds, as a
   * lazy iterator over the rows: a scan never holds the collection in memory.
   */
  scan(collection: string, direction: 1 | -1, low?: IdBound, high?: IdBound): IterableIterator<{ id: string; body: string }> {
    const where = ['coll = ?'];
    const params: string[] = [collection];
    if (low) {
      where.push(low.inclusive ? 'id >= ?' : 'id > ?');
      params.push(low.value);
    }
    if (high) {
      where.push(high.inclusive ? 'id <= ?' : 'id < ?');
      params.push(high.value);
    }
    const sql = `SELECT id, body FROM docs WHERE ${where.join(' AND ')} ORDER BY id ${direction === 1 ? 'ASC' : 'DESC'}`;
    return this.statement(sql).iterate(...params) as IterableIterator<{ id: string; body: string }>;
  }

  /**
   * The ids of a collection's documents with the values of some keys (see sort-keys.ts), read by
   * SQLite from the JSON text: what sorting a page needs, without parsing every document in JS.
   */
  scanKeys(collection: string, paths: readonly (string | null)[], low?: IdBound, high?: IdBound): IterableIterator<KeyRow> {
    const { columns, params } = keyColumns(paths, 'body');
    const where = ['coll = ?'];
    const bounds: string[] = [collection];
    if (low) {
      where.push(low.inclusive ? 'id >= ?' : 'id > ?');
      bounds.push(low.value);
    }
    if (high) {
      where.push(high.inclusive ? 'id <= ?' : 'id < ?');
      bounds.push(high.value);
    }
    return this.statement(`SELECT id${columns} FROM docs WHERE ${where.join(' AND ')}`).iterate(...params, ...bounds) as IterableIterator<KeyRow>;
  }

  /** The same for the documents of one index range: the entries joined to their documents in SQLite. */
  rangeKeys(collection: string, paths: readonly (string | null)[], ix: number, range: KeyRange): IterableIterator<KeyRow> {
    const { columns, params } = keyColumns(paths, 'd.body');
    const where = ['k.ix = ?'];
    const bounds: (number | Buffer)[] = [ix];
    if (range.low) {
      where.push('k.key >= ?');
      bounds.push(range.low);
    }
    if (range.high) {
      where.push('k.key < ?');
      bounds.push(range.high);
    }
    const sql = `SELECT k.id AS id${columns} FROM index_keys k JOIN docs d ON d.coll = ? AND d.id = k.id WHERE ${where.join(' AND ')}`;
    return this.statement(sql).iterate(...params, collection, ...bounds) as IterableIterator<KeyRow>;
  }

  /** Up to `limit` documents after `afterId`, in `_id` order: a scan in batches that writes may run between. */
  batchAfter(collection: string, afterId: string, limit: number): { id: string; body: string }[] {
    return this.statement('SELECT id, body FROM docs WHERE coll = ? AND id > ? ORDER BY id LIMIT ?').all(collection, afterId, limit) as { id: string; body: string }[];
  }

  /** The largest `_id` of a collection in SQLite's order, or undefined when it has none. */
  highestId(collection: string): string | undefined {
    const row = this.statement('SELECT MAX(id) AS id FROM docs WHERE coll = ?').get(collection) as { id: string | null };
    return row.id ?? undefined;
  }

  /**
   * How many documents a collection holds, kept in `doc_counts` by every commit: a count walks the
   * collection's whole stretch of the key index (3 s at a million records while the bodies lived
   * in that B-tree, before docs-table.ts).
   */
  countDocuments(collection: string): number {
    const kept = this.statement('SELECT n FROM doc_counts WHERE coll = ?').get(collection) as { n: number } | undefined;
    if (kept) return kept.n;
    const { n } = this.statement('SELECT COUNT(*) AS n FROM docs WHERE coll = ?').get(collection) as { n: number };
    this.statement('INSERT INTO doc_counts (coll, n) VALUES (?, ?)').run(collection, n);
    return n;
  }

  /** Writes every change in one transaction: all of them are durable when this returns, or none. */
  commit(batch: CommitBatch): void {
    if (batch.docs.length > 0 || batch.added.length > 0 || batch.removed.length > 0) this.applyBatch(batch);
  }

  dropCollection(collection: string): void {
    this.db.transaction(() => {
      this.statement('DELETE FROM docs WHERE coll = ?').run(collection);
      this.statement('DELETE FROM doc_counts WHERE coll = ?').run(collection);
      this.indexes.dropAll(collection);
    })();
  }

  /** One index seek per collection, instead of a DISTINCT that would read every document. */
  listCollections(): string[] {
    const next = this.statement('SELECT coll FROM docs WHERE coll > ? ORDER BY coll LIMIT 1');
    const names: string[] = [];
    for (let row = next.get('') as { coll: string } | undefined; row; row = next.get(row.coll) as { coll: string } | undefined) names.push(row.coll);
    return names;
  }

  /** The checkpoint worker lets go of the file first: the last connection to close checkpoints it and removes the WAL. */
  async close(): Promise<void> {
    await walCheckpoints.release(this.path);
    this.db.close();
  }
}

/** One index entry: its index's number, its key, and the document it points at. */
export interface IndexEntry {
  ix: number;
  key: Buffer;
  id: string;
  unique: boolean;
}

/** What one unit of work changes in the file: documents written (body) or deleted (null), and their index entries. */
export interface CommitBatch {
  docs: { collection: string; id: string; body: string | null }[];
  removed: IndexEntry[];
  added: IndexEntry[];
  /** Indexes that now hold an entry from an array. */
  multikey: number[];
  /** How many documents each collection gains (or loses, negative). */
  counts: Map<string, number>;
}
