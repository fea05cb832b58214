import type Database from 'better-sqlite3';
import { log } from '../../observability/index.js';

/**
 * The documents table: an ordinary rowid table, its `(coll, id)` key an index beside it. Files
 * written before 2026-12-06 kept it WITHOUT ROWID, where every row lives in the key's B-tree and
 * that tree's interior pages hold whole rows: with documents of a kilobyte, three or four fit a
 * page, the tree was deep and wide, and a read by id took 24 µs and a write 23 µs against 9 and 6
 * µs here, in a file twice the size (measured on 300,000 documents; docs/storage.md).
 */
const DOCS_TABLE = 'CREATE TABLE IF NOT EXISTS docs (coll TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (coll, id))';

/** Creates the documents table, or moves an older file's documents into its present form (once, in one transaction). */
export function ensureDocsTable(db: Database.Database): void {
  const existing = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'docs'").pluck().get() as string | undefined;
  if (existing === undefined || !/WITHOUT\s+ROWID/i.test(existing)) {
    db.exec(DOCS_TABLE);
    return;
  }
  const started = Date.now();
  db.transaction(() => {
    db.exec(`ALTER TABLE docs RENAME TO docs_without_rowid;
      ${DOCS_TABLE};
      INSERT INTO docs (coll, id, body) SELECT coll, id, body FROM docs_without_rowid ORDER BY coll, id;
      DROP TABLE docs_without_rowid;`);
  })();
  log.info(`store: ${db.name} moved its documents into a rowid table in ${Date.now() - started} ms (once)`);
}
