import Database from 'better-sqlite3';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The lock's own database in the data directory: no tenant's data, only the lock SQLite holds on it. */
export const LOCK_FILE = 'engine.lock';
/** Who holds the lock, written once it is taken: for the refusal's message only, never trusted as the lock itself. */
const HOLDER_FILE = 'engine.lock.holder.json';

interface Holder {
  pid: number;
  host: string;
  since: string;
}

/** A second process on a data directory another one holds: the start is refused. */
export class DataDirectoryInUseError extends Error {
  constructor(dataDir: string, holder: Holder | undefined) {
    super(
      `The data directory ${dataDir} is in use by another process of the platform` +
        (holder ? ` (pid ${holder.pid} on ${holder.host}, since ${holder.since})` : '') +
        '. The embedded store serves one process: stop the other one, or give this one its own DATA_DIR; ' +
        'to run several instances, use MongoDB (MONGODB_URI; see docs/deployment.md).',
    );
    this.name = 'DataDirectoryInUseError';
  }
}

/**
 * One process per data directory, held by the operating system: SQLite's exclusive locking mode on a
 * database of its own keeps a write lock (a POSIX advisory lock on the file) for as long as the
 * connection stays open. A second process, or a second provider in this one, finds the file locked
 * and is refused at once. The kernel drops the lock with the process, so after a kill -9 (or a
 * power cut) nothing stale is left to block the restart, unlike a file holding a pid.
 */
export class DataDirectoryLock {
  private constructor(private readonly db: Database.Database) {}

  static acquire(dataDir: string): DataDirectoryLock {
    mkdirSync(dataDir, { recursive: true });
    let db: Database.Database | undefined;
    try {
      db = new Database(join(dataDir, LOCK_FILE), { timeout: 0 });
      db.pragma('locking_mode = EXCLUSIVE');
      // The first write takes the exclusive lock, and exclusive locking mode keeps it until close.
      db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS lock (taken TEXT); DELETE FROM lock; INSERT INTO lock VALUES (datetime()); COMMIT;');
    } catch (error) {
      db?.close();
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY') throw new DataDirectoryInUseError(dataDir, holderOf(dataDir));
      throw error;
    }
    const holder: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
    writeFileSync(join(dataDir, HOLDER_FILE), `${JSON.stringify(holder)}\n`);
    return new DataDirectoryLock(db);
  }

  release(): void {
    if (this.db.open) this.db.close();
  }
}

function holderOf(dataDir: string): Holder | undefined {
  try {
    return JSON.parse(readFileSync(join(dataDir, HOLDER_FILE), 'utf8')) as Holder;
  } catch {
    return undefined;
  }
}
