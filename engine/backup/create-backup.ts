import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EngineError } from '../errors/index.js';
import { msg } from '../i18n/message.js';
import { PLATFORM_VERSION } from '../packs/index.js';
import type { Platform } from '../tenancy/index.js';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, MANIFEST_FILE, tenantFolder, type BackedUpTenant, type BackupManifest } from './backup-format.js';

export interface BackupOptions {
  /** The tenants to back up; all of them when left out. */
  tenants?: readonly string[];
  /** Made by the schedule: named `scheduled-…` and pruned by the retention. */
  scheduled?: boolean;
}

/** The store cannot be backed up by the engine (MongoDB): its own tools do it. */
export class BackupUnsupportedError extends EngineError {
  constructor() {
    super('backup_unsupported', 501, msg`This platform runs on MongoDB, whose backups are made with mongodump and mongorestore (docs/operations.md), not by the engine.`);
  }
}

/**
 * Backs up tenants while the platform goes on serving, into a new folder under `backupDir`: each
 * tenant's store as it stood at one moment (its records, metadata with their history, jobs, audit
 * log) with its files, and backup.json. The folder gets its name only once complete, so a backup
 * cut short is never taken for one (it stays as `<name>.partial`).
 */
export async function createBackup(platform: Platform, backupDir: string, options: BackupOptions = {}): Promise<BackupManifest> {
  const provider = platform.provider;
  if (!provider.backupTenant) throw new BackupUnsupportedError();
  const names = options.tenants ?? (await platform.listTenants()).map((entry) => entry._id);
  // Every name checked first: an unknown tenant fails the backup before anything is written.
  for (const name of names) await platform.tenant(name);
  const createdAt = new Date();
  const name = `${options.scheduled ? 'scheduled' : 'backup'}-${createdAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(3).toString('hex')}`;
  const partial = join(backupDir, `${name}.partial`);
  await mkdir(partial, { recursive: true });
  try {
    const tenants: BackedUpTenant[] = [];
    for (const tenant of names) {
      const files = await provider.backupTenant(tenant, tenantFolder(partial, tenant));
      tenants.push({ name: tenant, snapshotAt: new Date().toISOString(), files });
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      name,
      createdAt: createdAt.toISOString(),
      platformVersion: PLATFORM_VERSION,
      store: 'embedded',
      scheduled: options.scheduled ?? false,
      tenants,
    };
    await writeFile(join(partial, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(partial, join(backupDir, name));
    return manifest;
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}
