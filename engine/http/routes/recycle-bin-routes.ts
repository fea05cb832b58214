import { Router } from 'express';
import { parseLimit } from '../../records/index.js';
import { listRecycleBin, purgeRecord, restoreRecord } from '../../records/recycle-bin/index.js';
import type { Platform } from '../../tenancy/index.js';
import { queryString } from '../query-string.js';
import { requestContext } from '../request-context.js';

/** /api/v1/recycle-bin: deleted records, to restore or purge for good. */
export function recycleBinRoutes(platform: Platform): Router {
  const router = Router();
  router.get('/:object', async (req, res) => {
    const ctx = await requestContext(platform, req);
    const limit = parseLimit(queryString(req.query as Record<string, unknown>, 'limit'));
    res.json({ entries: await listRecycleBin(ctx, req.params.object, limit) });
  });
  router.post('/:object/:id/restore', async (req, res) => {
    const record = await restoreRecord(await requestContext(platform, req), req.params.object, req.params.id);
    res.set('ETag', `"${record._version}"`).json(record);
  });
  router.delete('/:object/:id', async (req, res) => {
    await purgeRecord(await requestContext(platform, req), req.params.object, req.params.id);
    res.status(204).end();
  });
  return router;
}
