import { Router } from 'express';
import { NotFoundError } from '../../errors/index.js';
import { createTenant } from '../../tenancy/create-tenant.js';
import type { Platform } from '../../tenancy/index.js';
import { operatorAuthentication } from '../operator-authentication.js';
import { msg } from '../../i18n/message.js';
import { backupRoutes } from './backup-routes.js';
import { keysView, startKeyRotation } from '../../setup/key-rotation/index.js';

/**
 * /api/operator: the platform operator's routes, outside every tenant (no X-Tenant, no user):
 * create a tenant with its first administrator, list the tenants; back up, list backups, restore;
 * rotate a tenant's data key.
 */
export function operatorRoutes(platform: Platform, operatorToken: string | undefined, backupDir: string): Router {
  const router = Router();
  router.use(operatorAuthentication(operatorToken));
  router.use('/backups', backupRoutes(platform, backupDir));

  router.get('/tenants', async (_req, res) => {
    const tenants = await platform.listTenants();
    res.json({ tenants: tenants.map((entry) => ({ name: entry._id, createdAt: entry.createdAt })) });
  });

  router.post('/tenants', async (req, res) => {
    res.status(201).json(await createTenant(platform, req.body));
  });

  // A tenant's data keys: which one is active, and rotations with their progress.
  router.get('/tenants/:tenant/keys', async (req, res) => {
    res.json(await keysView(await platform.tenant(req.params.tenant)));
  });

  // A new data key, and the job that re-encrypts every sealed value under it (docs/operations.md, Keys).
  router.post('/tenants/:tenant/keys/rotate', async (req, res) => {
    res.status(202).json(await startKeyRotation(await platform.tenant(req.params.tenant)));
  });

  router.use(() => {
    throw new NotFoundError(msg`There is no such operator route: there are /api/operator/tenants and /api/operator/backups.`);
  });
  return router;
}
