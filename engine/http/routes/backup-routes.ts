import { Router, type Request } from 'express';
import { join } from 'node:path';
import { createBackup, listBackups, restoreTenant, type BackupManifest } from '../../backup/index.js';
import { NotFoundError, ValidationError } from '../../errors/index.js';
import { msg } from '../../i18n/message.js';
import type { Platform } from '../../tenancy/index.js';

/** A backup's name as createBackup gives it: nothing else ever reaches the file system. */
const BACKUP_NAME = /^(backup|scheduled)-\d{8}T\d{6}Z-[0-9a-f]{6}$/;

/** What the operator sees of a backup: the manifest, without the files' checksums. */
export function backupSummary(manifest: BackupManifest) {
  return {
    name: manifest.name,
    createdAt: manifest.createdAt,
    formatVersion: manifest.formatVersion,
    platformVersion: manifest.platformVersion,
    scheduled: manifest.scheduled,
    tenants: manifest.tenants.map((tenant) => ({ name: tenant.name, snapshotAt: tenant.snapshotAt, databaseBytes: tenant.files.databaseBytes, files: tenant.files.blobs })),
  };
}

/**
 * /api/operator/backups, behind the operator token: back up tenants while the platform serves,
 * list the backups in BACKUP_DIR, restore a tenant of one under a new name.
 */
export function backupRoutes(platform: Platform, backupDir: string): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    res.json({ backups: (await listBackups(backupDir)).map(backupSummary) });
  });

  router.post('/', async (req, res) => {
    const tenants = tenantList(req);
    const manifest = await createBackup(platform, backupDir, tenants ? { tenants } : {});
    res.status(201).json(backupSummary(manifest));
  });

  router.post('/:name/restore', async (req, res) => {
    const name = req.params.name as string;
    if (!BACKUP_NAME.test(name) || !(await listBackups(backupDir)).some((backup) => backup.name === name)) {
      throw new NotFoundError(msg`There is no backup named '${name}' in the backup directory; GET /api/operator/backups lists them.`);
    }
    const body = (req.body ?? {}) as { tenant?: unknown; as?: unknown };
    const problems = [
      ...(typeof body.tenant === 'string' ? [] : [{ path: '/tenant', message: msg`must name the tenant to restore from the backup` }]),
      ...(typeof body.as === 'string' ? [] : [{ path: '/as', message: msg`must name the new tenant to restore it as` }]),
    ];
    if (problems.length > 0) throw new ValidationError(problems);
    res.status(201).json(await restoreTenant(platform, join(backupDir, name), body.tenant as string, body.as as string));
  });
  return router;
}

/** `{ "tenants": [...] }` when the body names some; undefined for all of them. */
function tenantList(req: Request): string[] | undefined {
  const tenants = (req.body as { tenants?: unknown } | undefined)?.tenants;
  if (tenants === undefined) return undefined;
  if (!Array.isArray(tenants) || tenants.length === 0 || !tenants.every((tenant) => typeof tenant === 'string')) {
    throw new ValidationError([{ path: '/tenants', message: msg`must be a list of tenant names, or left out for all of them` }]);
  }
  return tenants as string[];
}
