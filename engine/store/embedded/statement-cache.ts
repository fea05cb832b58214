import type Database from 'better-sqlite3';

/**
 * Prepared statements, each prepared once per SQL text. A statement still iterating (one of the
 * index walks a merged page reads side by side, both over the same index) cannot run again until
 * it ends: such a call gets a statement of its own.
 */
export class StatementCache {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  get(sql: string): Database.Statement {
    const cached = this.statements.get(sql);
    if (cached?.busy) return this.db.prepare(sql);
    if (cached) return cached;
    const statement = this.db.prepare(sql);
    this.statements.set(sql, statement);
    return statement;
  }
}
