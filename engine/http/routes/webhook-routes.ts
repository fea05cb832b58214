import { Router } from 'express';
import { parseLimit } from '../../records/index.js';
import type { Platform } from '../../tenancy/index.js';
import { listDeliveries, replayDelivery } from '../../webhooks/index.js';
import { queryString } from '../query-string.js';
import { requestContext } from '../request-context.js';

/** /api/v1/webhooks/:name/deliveries: the delivery log of a webhook of the webhook kind, and the replay of a delivery. */
export function webhookRoutes(platform: Platform): Router {
  const router = Router();
  router.get('/:name/deliveries', async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const before = queryString(query, 'before');
    const status = queryString(query, 'status');
    const page = { limit: parseLimit(queryString(query, 'limit')), ...(before === undefined ? {} : { before }), ...(status === undefined ? {} : { status }) };
    res.json(await listDeliveries(await requestContext(platform, req), req.params.name, page));
  });
  router.post('/:name/deliveries/:id/replay', async (req, res) => {
    res.json({ delivery: await replayDelivery(await requestContext(platform, req), req.params.name, req.params.id) });
  });
  return router;
}
