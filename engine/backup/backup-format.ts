import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EngineError } from '../errors/index.js';
import { msg, type Text } from '../i18n/message.js';
import type { TenantFiles } from '../store/port.js';

/** Names the format in every manifest, so that a stray folder is never taken for a backup. */
export const BACKUP_FORMAT = 'lowcode-crm-backup';
/**
 * The version of the layout below; docs/operations.md describes each. A restore refuses a backup
 * of a newer version (written by a newer platform, which may hold what this one cannot read).
 */
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'backup.json';

/** One tenant in a backup: its store's files under tenants/<name>/. */
export interface BackedUpTenant {
  name: string;
  /** When this tenant's snapshot was complete: its state at that moment is what the backup holds. */
  snapshotAt: string;
  files: TenantFiles;
}

/** backup.json, the manifest at the root of a backup's folder. */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** The backup's folder name. */
  name: string;
  createdAt: string;
  /** The platform version that wrote it. */
  platformVersion: string;
  store: 'embedded';
  /** Made by the schedule (BACKUP_EVERY_HOURS): only those are pruned by the retention. */
  scheduled: boolean;
  tenants: BackedUpTenant[];
}

/** Where a tenant's files lie inside a backup's folder. */
export function tenantFolder(backupPath: string, tenant: string): string {
  return join(backupPath, 'tenants', tenant);
}

/** A backup that is not one, is damaged, or is of a newer format than this platform reads. */
export class BackupFormatError extends EngineError {
  constructor(message: Text) {
    super('backup_unreadable', 422, message);
  }
}

/** Reads and checks a backup's manifest: the format's name, and a version this platform reads. */
export async function readManifest(backupPath: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(join(backupPath, MANIFEST_FILE), 'utf8');
  } catch {
    throw new BackupFormatError(msg`${backupPath} is not a backup: it has no ${MANIFEST_FILE}.`);
  }
  let manifest: Partial<BackupManifest>;
  try {
    manifest = JSON.parse(text) as Partial<BackupManifest>;
  } catch {
    throw new BackupFormatError(msg`The ${MANIFEST_FILE} of ${backupPath} is not valid JSON: the backup is damaged.`);
  }
  if (manifest.format !== BACKUP_FORMAT || typeof manifest.formatVersion !== 'number' || !Array.isArray(manifest.tenants)) {
    throw new BackupFormatError(msg`${backupPath} is not a backup of this platform (its ${MANIFEST_FILE} does not say format '${BACKUP_FORMAT}').`);
  }
  if (manifest.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupFormatError(
      msg`${backupPath} is a backup of format version ${manifest.formatVersion}, written by platform ${String(manifest.platformVersion)}; this platform reads versions up to ${BACKUP_FORMAT_VERSION}. Restore it with a platform at least as new as the one that wrote it.`,
    );
  }
  return manifest as BackupManifest;
}
