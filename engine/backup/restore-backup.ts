import { readdir } from 'node:fs/promises';
import { GENERATED_MASTER_KEY_FILE } from '../crypto/index.js';
import { ConflictError, NotFoundError } from '../errors/index.js';
import { msg } from '../i18n/message.js';
import { EMAIL_DELIVER, WEBHOOK_DELIVER } from '../mail/index.js';
import { JOBS_COLLECTION } from '../jobs/index.js';
import type { StoreProvider } from '../store/port.js';
import { checkTenantName, DEFAULT_TENANT, type Platform } from '../tenancy/index.js';
import { TenantRegistry } from '../tenancy/tenant-registry.js';
import { readManifest, tenantFolder, type BackupManifest } from './backup-format.js';
import { BackupUnsupportedError } from './create-backup.js';

export interface RestoredTenant {
  backup: string;
  /** The tenant as the backup names it. */
  from: string;
  /** The tenant it became. */
  tenant: string;
  snapshotAt: string;
}

/**
 * Restores one tenant of a backup into the running platform under a name no tenant has, beside the
 * others (a restore drill, or getting back what a user deleted). The copy's e-mails and webhook
 * calls still waiting to go out are held back (their delivery jobs cancelled, the messages left
 * in the outbox, where an admin can send them again): the original tenant sent them, or will.
 */
export async function restoreTenant(platform: Platform, backupPath: string, from: string, as: string): Promise<RestoredTenant> {
  const provider = platform.provider;
  if (!provider.restoreTenant) throw new BackupUnsupportedError();
  const manifest = await readManifest(backupPath);
  const entry = tenantOf(manifest, from);
  checkTenantName(as, '/as');
  if ((await platform.listTenants()).some((tenant) => tenant._id === as)) {
    throw new ConflictError('already_exists', msg`There is already a tenant named '${as}': restore under a new name.`, [{ path: '/as', message: msg`is taken by another tenant` }]);
  }
  await provider.restoreTenant(as, tenantFolder(backupPath, from), entry.files);
  // Before the registry names it, so that no job scheduler runs a delivery first.
  const store = await provider.open(as);
  await store.collection(JOBS_COLLECTION).updateMany(
    { status: 'due', kind: { $in: [EMAIL_DELIVER, WEBHOOK_DELIVER] } },
    { $set: { status: 'cancelled', doneAt: new Date().toISOString() }, $unset: { dueKey: '' } },
  );
  await platform.registerTenant(as);
  return { backup: manifest.name, from, tenant: as, snapshotAt: entry.snapshotAt };
}

/**
 * Restores a whole backup into an empty data directory, offline (`npx crm restore --data-dir`):
 * every tenant under its own name, jobs as they were, as after losing the machine.
 */
export async function restoreDataDirectory(provider: StoreProvider, backupPath: string, dataDir: string): Promise<BackupManifest> {
  if (!provider.restoreTenant) throw new BackupUnsupportedError();
  const manifest = await readManifest(backupPath);
  const present = (await readdir(dataDir))
    // The lock, and the master key an operator put there before restoring (its data keys need it), are not data.
    .filter((name) => !name.startsWith('engine.lock') && name !== GENERATED_MASTER_KEY_FILE);
  if (present.length > 0) throw new ConflictError('data_directory_not_empty', msg`${dataDir} is not empty (it holds ${present.join(', ')}): restore into an empty data directory, or restore a tenant under a new name into the running platform.`);
  for (const entry of manifest.tenants) await provider.restoreTenant(entry.name, tenantFolder(backupPath, entry.name), entry.files);
  const registry = await TenantRegistry.open(provider, DEFAULT_TENANT);
  for (const entry of manifest.tenants) await registry.add(entry.name);
  return manifest;
}

function tenantOf(manifest: BackupManifest, name: string) {
  const entry = manifest.tenants.find((tenant) => tenant.name === name);
  if (!entry) {
    throw new NotFoundError(msg`The backup ${manifest.name} holds no tenant '${name}'; it holds ${manifest.tenants.map((tenant) => tenant.name).join(', ')}.`);
  }
  return entry;
}
