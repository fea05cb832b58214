import { Router } from 'express';
import { NotFoundError } from '../../errors/index.js';
import { createTenant } from '../../tenancy/create-tenant.js';
import type { Platform } from '../../tenancy/index.js';
import { operatorAuthentication } from '../operator-authentication.js';
import { msg } from '../../i18n/message.js';
import { backupRoutes } from './backup-routes.js';

/**
 * /api/operator: the platform operator's routes, outside every tenant (no X-Tenant, no user):
 * create a tenant with its first administrator, list the tenants; back up, list backups, restore.
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

  router.use(() => {
    throw new NotFoundError(msg`There is no such operator route: there are /api/operator/tenants and /api/operator/backups.`);
  });
  return router;
}
