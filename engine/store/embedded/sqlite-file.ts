import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { stringifyDocument } from '../json-document.js';
import type { Doc, IndexSpec } from '../port.js';

export type Durability = 'process' | 'power';

/**
 * The durable layer of the embedded store: one SQLite file per tenant in WAL mode. A unit of work
 * is one SQLite transaction, committed before the engine acknowledges the write. With
 * synchronous=NORMAL a commit is in the WAL file (the OS page cache) when it returns, which is
 * what survives kill -9; `power` adds an fsync per commit so it survives a power cut too.
 * docs/storage.md explains the choice.
 */
export class SqliteFile {
  private readonly db: Database.Database;
  private readonly selectCollection: Database.Statement<[string], { id: string; body: string }>;
  private readonly upsert: Database.Statement<[string, string, string]>;
  private readonly remove: Database.Statement<[string, string]>;
  private readonly applyBatch: (changes: StoredChange[]) => void;

  constructor(path: string, durability: Durability) {
    mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${durability === 'power' ? 'FULL' : 'NORMAL'}`);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS docs (coll TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL,
        PRIMARY KEY (coll, id)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS indexes (coll TEXT NOT NULL, name TEXT NOT NULL, spec TEXT NOT NULL,
        PRIMARY KEY (coll, name)) WITHOUT ROWID;`);
    this.selectCollection = this.db.prepare('SELECT id, body FROM docs WHERE coll = ?');
    this.upsert = this.db.prepare('INSERT OR REPLACE INTO docs (coll, id, body) VALUES (?, ?, ?)');
    this.remove = this.db.prepare('DELETE FROM docs WHERE coll = ? AND id = ?');
    this.applyBatch = this.db.transaction((changes: StoredChange[]) => {
      for (const change of changes) {
        if (change.doc) this.upsert.run(change.collection, change.id, stringifyDocument(change.doc));
        else this.remove.run(change.collection, change.id);
      }
    });
  }

  loadCollection(collection: string): Doc[] {
    return this.selectCollection.all(collection).map((row) => JSON.parse(row.body) as Doc);
  }

  /** Writes every change in one transaction: all of them are durable when this returns, or none. */
  commit(changes: StoredChange[]): void {
    if (changes.length > 0) this.applyBatch(changes);
  }

  loadIndexes(collection: string): IndexSpec[] {
    const rows = this.db.prepare('SELECT spec FROM indexes WHERE coll = ? ORDER BY name').all(collection) as { spec: string }[];
    return rows.map((row) => JSON.parse(row.spec) as IndexSpec);
  }

  saveIndexes(collection: string, specs: IndexSpec[]): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM indexes WHERE coll = ?').run(collection);
      const insert = this.db.prepare('INSERT INTO indexes (coll, name, spec) VALUES (?, ?, ?)');
      for (const spec of specs) insert.run(collection, spec.name, JSON.stringify(spec));
    })();
  }

  dropCollection(collection: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM docs WHERE coll = ?').run(collection);
      this.db.prepare('DELETE FROM indexes WHERE coll = ?').run(collection);
    })();
  }

  listCollections(): string[] {
    const rows = this.db.prepare('SELECT DISTINCT coll FROM docs').all() as { coll: string }[];
    return rows.map((row) => row.coll);
  }

  close(): void {
    this.db.close();
  }
}

/** One document written (doc) or deleted (null) by a unit of work. */
export interface StoredChange {
  collection: string;
  id: string;
  doc: Doc | null;
}
