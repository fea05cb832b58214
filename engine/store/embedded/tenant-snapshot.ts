import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { TenantFiles } from '../port.js';
import { BLOB_FILES } from './blob-directory.js';

export const SNAPSHOT_DATABASE = 'store.sqlite';
const BLOBS = 'blobs';

/**
 * Writes one tenant's snapshot into `dir`: SQLite's online backup API run on the store's own
 * connection, so that commits made while it copies are carried into the copy, and the copy is the
 * database as it stood when the backup ended, consistent (a unit of work is in it whole or not at
 * all). The copy is turned into a self-contained file (no WAL), then the blob files it names are
 * copied beside it; the caller keeps deleted blobs' files on disk meanwhile.
 */
export async function snapshotTenant(db: Database.Database, dir: string, blobPath: (id: string) => string): Promise<TenantFiles> {
  await mkdir(join(dir, BLOBS), { recursive: true });
  const database = join(dir, SNAPSHOT_DATABASE);
  await db.backup(database);
  const copy = new Database(database);
  let ids: string[];
  try {
    copy.pragma('journal_mode = DELETE');
    ids = copy.prepare('SELECT id FROM docs WHERE coll = ?').pluck().all(BLOB_FILES) as string[];
  } finally {
    copy.close();
  }
  for (const id of ids) await copyFile(blobPath(id), join(dir, BLOBS, id));
  return { database: SNAPSHOT_DATABASE, databaseBytes: (await stat(database)).size, databaseSha256: await sha256(database), blobs: ids.length };
}

/**
 * Makes a tenant's directory of a snapshot: copied into a temporary directory first and renamed into
 * place, so that a restore cut short leaves no half tenant. Refused when the tenant has a directory.
 */
export async function restoreSnapshot(from: string, files: TenantFiles, tenantDir: string): Promise<void> {
  if (await exists(tenantDir)) throw new Error(`${tenantDir} exists already: a backup is restored only into a tenant without a store.`);
  const database = join(from, files.database);
  if ((await sha256(database)) !== files.databaseSha256) throw new Error(`${database} is not the file the backup wrote (its SHA-256 differs): the backup is damaged.`);
  const temporary = `${tenantDir}.restoring-${process.pid}`;
  await rm(temporary, { recursive: true, force: true });
  await mkdir(join(temporary, BLOBS), { recursive: true });
  try {
    await copyFile(database, join(temporary, SNAPSHOT_DATABASE));
    const blobs = (await exists(join(from, BLOBS))) ? await readdir(join(from, BLOBS)) : [];
    if (blobs.length !== files.blobs) throw new Error(`The backup names ${files.blobs} files but holds ${blobs.length} under ${join(from, BLOBS)}: it is incomplete.`);
    for (const id of blobs) await copyFile(join(from, BLOBS, id), join(temporary, BLOBS, id));
    await rename(temporary, tenantDir);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
