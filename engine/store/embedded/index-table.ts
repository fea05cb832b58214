import type Database from 'better-sqlite3';
import type { IndexSpec } from '../port.js';
import type { IndexEntry } from './sqlite-file.js';
import { StatementCache } from './statement-cache.js';

/** A key range of one index: from `low` (inclusive, none = the start) to `high` (exclusive, none = the end). */
export interface KeyRange {
  low?: Buffer;
  high?: Buffer;
  /** The range holds one whole key, `low`: a query named every field of the index (point-lists.ts). */
  point?: boolean;
}

export interface IndexRow {
  ix: number;
  spec: IndexSpec;
  multikey: boolean;
  built: boolean;
}

/**
 * The index tables of the embedded store. `store_indexes` names each index of each collection by a
 * number; `index_keys` holds (index, key, id) for every document, ordered, so that ranges, sorts
 * and counts are B-tree walks; `unique_keys` holds (index, key) → id for unique indexes, and its
 * primary key is the constraint that makes a duplicate impossible to commit. Keys are built in JS
 * (key-encoding.ts). Entries change in the same SQLite transaction as their documents.
 */
export class IndexTable {
  private readonly statements: StatementCache;

  constructor(private readonly db: Database.Database) {
    this.statements = new StatementCache(db);
    db.exec(`
      CREATE TABLE IF NOT EXISTS store_indexes (ix INTEGER PRIMARY KEY, coll TEXT NOT NULL, name TEXT NOT NULL,
        spec TEXT NOT NULL, multikey INTEGER NOT NULL DEFAULT 0, built INTEGER NOT NULL DEFAULT 0, UNIQUE (coll, name));
      CREATE TABLE IF NOT EXISTS index_keys (ix INTEGER NOT NULL, key BLOB NOT NULL, id TEXT NOT NULL,
        PRIMARY KEY (ix, key, id)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS unique_keys (ix INTEGER NOT NULL, key BLOB NOT NULL, id TEXT NOT NULL,
        PRIMARY KEY (ix, key)) WITHOUT ROWID;`);
    // A file written before indexes lived in SQLite names its indexes in `indexes`: they are taken
    // over unbuilt, and each is built from the documents the first time its collection is used.
    const legacy = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'indexes'").get();
    if (legacy) {
      db.transaction(() => {
        db.exec('INSERT OR IGNORE INTO store_indexes (coll, name, spec) SELECT coll, name, spec FROM indexes; DROP TABLE indexes;');
      })();
    }
  }

  private statement(sql: string): Database.Statement {
    return this.statements.get(sql);
  }

  list(collection: string): IndexRow[] {
    const rows = this.statement('SELECT ix, spec, multikey, built FROM store_indexes WHERE coll = ? ORDER BY name').all(collection) as {
      ix: number;
      spec: string;
      multikey: number;
      built: number;
    }[];
    return rows.map((row) => ({ ix: row.ix, spec: JSON.parse(row.spec) as IndexSpec, multikey: row.multikey === 1, built: row.built === 1 }));
  }

  get(ix: number): IndexRow | undefined {
    const row = this.statement('SELECT ix, spec, multikey, built FROM store_indexes WHERE ix = ?').get(ix) as { ix: number; spec: string; multikey: number; built: number } | undefined;
    return row && { ix: row.ix, spec: JSON.parse(row.spec) as IndexSpec, multikey: row.multikey === 1, built: row.built === 1 };
  }

  /** Registers an index (empty, unbuilt) and returns its number. */
  create(collection: string, spec: IndexSpec): number {
    const result = this.statement('INSERT INTO store_indexes (coll, name, spec) VALUES (?, ?, ?)').run(collection, spec.name, JSON.stringify(spec));
    return Number(result.lastInsertRowid);
  }

  drop(ix: number): void {
    this.statement('DELETE FROM index_keys WHERE ix = ?').run(ix);
    this.statement('DELETE FROM unique_keys WHERE ix = ?').run(ix);
    this.statement('DELETE FROM store_indexes WHERE ix = ?').run(ix);
  }

  dropAll(collection: string): void {
    for (const row of this.list(collection)) this.drop(row.ix);
  }

  /** Starts a build over: no entries, not built. */
  clear(ix: number): void {
    this.statement('DELETE FROM index_keys WHERE ix = ?').run(ix);
    this.statement('DELETE FROM unique_keys WHERE ix = ?').run(ix);
    this.statement('UPDATE store_indexes SET built = 0, multikey = 0 WHERE ix = ?').run(ix);
  }

  markBuilt(ix: number): void {
    this.statement('UPDATE store_indexes SET built = 1 WHERE ix = ?').run(ix);
  }

  markMultikey(ix: number): void {
    this.statement('UPDATE store_indexes SET multikey = 1 WHERE ix = ?').run(ix);
  }

  removeEntries(entries: readonly IndexEntry[]): void {
    const key = this.statement('DELETE FROM index_keys WHERE ix = ? AND key = ? AND id = ?');
    const unique = this.statement('DELETE FROM unique_keys WHERE ix = ? AND key = ? AND id = ?');
    for (const entry of entries) (entry.unique ? unique : key).run(entry.ix, entry.key, entry.id);
  }

  /** Adds entries; a unique key another document holds fails with SQLITE_CONSTRAINT_PRIMARYKEY. */
  addEntries(entries: readonly IndexEntry[]): void {
    const key = this.statement('INSERT OR IGNORE INTO index_keys (ix, key, id) VALUES (?, ?, ?)');
    const unique = this.statement('INSERT INTO unique_keys (ix, key, id) VALUES (?, ?, ?)');
    for (const entry of entries) (entry.unique ? unique : key).run(entry.ix, entry.key, entry.id);
  }

  ownerOf(ix: number, key: Buffer): string | undefined {
    const row = this.statement('SELECT id FROM unique_keys WHERE ix = ? AND key = ?').get(ix, key) as { id: string } | undefined;
    return row?.id;
  }

  /**
   * The ids in a key range, in key order (or its reverse), ties in `_id` order (`tie`): SQLite
   * walks the primary key and sorts only within runs of one key, so a LIMIT stops early.
   */
  ids(ix: number, range: KeyRange, direction: 1 | -1, tie: 1 | -1): IterableIterator<string> {
    // Every query an index serves walks here: the text is one of sixteen, looked up rather than built.
    const variant = (range.low ? 1 : 0) | (range.high ? 2 : 0) | (direction === 1 ? 0 : 4) | (tie === 1 ? 0 : 8);
    const sql = (ID_WALKS[variant] ??= idWalk(range, direction, tie));
    // Plucked: each row is its id, no object per row (a busy statement's stand-in is a fresh one, so the mode is set each time).
    const statement = this.statement(sql).pluck(true);
    if (range.low && range.high) return statement.iterate(ix, range.low, range.high) as IterableIterator<string>;
    if (range.low || range.high) return statement.iterate(ix, range.low ?? range.high) as IterableIterator<string>;
    return statement.iterate(ix) as IterableIterator<string>;
  }

  /** Up to `limit` ids under one whole key, ascending. */
  pointIds(ix: number, key: Buffer, limit: number): string[] {
    return this.statement('SELECT id FROM index_keys WHERE ix = ? AND key = ? ORDER BY id LIMIT ?').pluck(true).all(ix, key, limit) as string[];
  }

  /** How many entries the ranges hold, each document once (a multikey document may have several). */
  count(ix: number, ranges: readonly KeyRange[], distinct: boolean): number {
    const clauses = ranges.map((range) => rangeClause(ix, range));
    const where = clauses.map((clause) => `(${clause.where})`).join(' OR ');
    const sql = `SELECT COUNT(${distinct ? 'DISTINCT id' : '*'}) AS n FROM index_keys WHERE ${where}`;
    return (this.statement(sql).get(...clauses.flatMap((clause) => clause.params)) as { n: number }).n;
  }

  /** How many entries a range holds, counting no further than `cap`: a cheap size estimate for the planner. */
  countUpTo(ix: number, range: KeyRange, cap: number): number {
    const { where, params } = rangeClause(ix, range);
    const sql = `SELECT COUNT(*) AS n FROM (SELECT 1 FROM index_keys WHERE ${where} LIMIT ?)`;
    return (this.statement(sql).get(...params, cap) as { n: number }).n;
  }
}

/** The SQL of an index walk by its variant (which bounds, which directions), made on first use. */
const ID_WALKS: (string | undefined)[] = [];

function idWalk(range: KeyRange, direction: 1 | -1, tie: 1 | -1): string {
  const { where } = rangeClause(0, range);
  return `SELECT id FROM index_keys WHERE ${where} ORDER BY key ${direction === 1 ? 'ASC' : 'DESC'}, id ${tie === 1 ? 'ASC' : 'DESC'}`;
}

function rangeClause(ix: number, range: KeyRange): { where: string; params: (number | Buffer)[] } {
  const where = ['ix = ?'];
  const params: (number | Buffer)[] = [ix];
  if (range.low) {
    where.push('key >= ?');
    params.push(range.low);
  }
  if (range.high) {
    where.push('key < ?');
    params.push(range.high);
  }
  return { where: where.join(' AND '), params };
}
