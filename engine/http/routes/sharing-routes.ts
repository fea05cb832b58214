import { Router, type Request } from 'express';
import { parseIfMatch } from '../../records/index.js';
import { recordPermissions } from '../../records/record-permissions.js';
import { explainAccess } from '../../records/sharing/explain-access.js';
import { addShare, listShares, removeShare, takeOwnership, transferOwner } from '../../records/sharing/index.js';
import type { Platform } from '../../tenancy/index.js';
import { requestContext } from '../request-context.js';

type RecordParams = { object: string; id: string };

/**
 * /api/v1/records/:object/:id/shares, /owner and /take: manual sharing, ownership transfer of one
 * record and taking it out of its queue; /permissions: what the user may do to it, for a page to offer; /access: why a user
 * reads and edits it, or not.
 */
export function sharingRoutes(platform: Platform): Router {
  const router = Router();

  router.get('/:object/:id/permissions', async (req: Request<RecordParams>, res) => {
    res.set('Cache-Control', 'no-store').json(await recordPermissions(await requestContext(platform, req), req.params.object, req.params.id));
  });

  router.get('/:object/:id/access', async (req: Request<RecordParams>, res) => {
    const ctx = await requestContext(platform, req);
    const user = typeof req.query.user === 'string' && req.query.user !== '' ? req.query.user : ctx.principal.userId;
    res.set('Cache-Control', 'no-store').json(await explainAccess(ctx, req.params.object, req.params.id, user));
  });

  router.get('/:object/:id/shares', async (req: Request<RecordParams>, res) => {
    res.json({ shares: await listShares(await requestContext(platform, req), req.params.object, req.params.id) });
  });

  router.post('/:object/:id/shares', async (req: Request<RecordParams>, res) => {
    const share = await addShare(await requestContext(platform, req), req.params.object, req.params.id, req.body);
    res.status(201).json(share);
  });

  router.delete('/:object/:id/shares/:share', async (req: Request<RecordParams & { share: string }>, res) => {
    await removeShare(await requestContext(platform, req), req.params.object, req.params.id, req.params.share);
    res.status(204).end();
  });

  router.put('/:object/:id/owner', async (req: Request<RecordParams>, res) => {
    const ctx = await requestContext(platform, req);
    const record = await transferOwner(ctx, req.params.object, req.params.id, req.body, parseIfMatch(req.get('If-Match')));
    res.set('ETag', `"${record._version}"`).json(record);
  });

  router.post('/:object/:id/take', async (req: Request<RecordParams>, res) => {
    const record = await takeOwnership(await requestContext(platform, req), req.params.object, req.params.id, parseIfMatch(req.get('If-Match')));
    res.set('ETag', `"${record._version}"`).json(record);
  });

  return router;
}
