import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readManifest, type BackupManifest } from './backup-format.js';

/** The complete backups in `backupDir`, oldest first; folders that are not backups (or unfinished ones) are passed over. */
export async function listBackups(backupDir: string): Promise<BackupManifest[]> {
  const entries = await readdir(backupDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const manifests: BackupManifest[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.endsWith('.partial')) continue;
    try {
      manifests.push(await readManifest(join(backupDir, entry.name)));
    } catch {
      // Not a backup, or of a newer format: listed by nothing, touched by nothing.
    }
  }
  return manifests.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name));
}
