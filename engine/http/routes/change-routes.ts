import { Router } from 'express';
import { listChanges } from '../../records/index.js';
import type { Platform } from '../../tenancy/index.js';
import { queryString } from '../query-string.js';
import { requestContext } from '../request-context.js';

/** /api/v1/changes: the tenant's record changes in the order they committed, as the caller may see them. */
export function changeRoutes(platform: Platform): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const query = req.query as Record<string, unknown>;
    res.json(await listChanges(await requestContext(platform, req), queryString(query, 'since'), queryString(query, 'limit')));
  });
  return router;
}
