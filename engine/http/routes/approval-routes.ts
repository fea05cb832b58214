import { Router, type Request } from 'express';
import { applyApprovalEvent } from '../../approvals/approval-events.js';
import { getApproval } from '../../approvals/approval-view.js';
import { approvalInbox } from '../../approvals/inbox.js';
import { parseLimit } from '../../records/index.js';
import type { Platform } from '../../tenancy/index.js';
import { queryString } from '../query-string.js';
import { requestContext } from '../request-context.js';

type RecordParams = { object: string; id: string };

/** /api/v1/records/:object/:id/approval (state, history, events). */
export function recordApprovalRoutes(platform: Platform): Router {
  const router = Router();
  router.get('/:object/:id/approval', async (req: Request<RecordParams>, res) => {
    res.json(await getApproval(await requestContext(platform, req), req.params.object, req.params.id));
  });
  router.post('/:object/:id/approval/:action', async (req: Request<RecordParams & { action: string }>, res) => {
    const ctx = await requestContext(platform, req);
    await applyApprovalEvent(ctx, req.params.object, req.params.id, req.params.action, req.body);
    res.json(await getApproval(ctx, req.params.object, req.params.id));
  });
  return router;
}

/** /api/v1/approvals/inbox: the caller's pending approvals across objects. */
export function inboxRoutes(platform: Platform): Router {
  const router = Router();
  router.get('/inbox', async (req, res) => {
    const query = req.query as Record<string, unknown>;
    res.json(await approvalInbox(await requestContext(platform, req), queryString(query, 'sort') ?? 'assignedAt', parseLimit(queryString(query, 'limit'))));
  });
  return router;
}
