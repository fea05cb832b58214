import { Router } from 'express';
import { listJobs, retryJob } from '../../jobs/index.js';
import { listEmails, listWebhooks, retryDelivery } from '../../mail/index.js';
import { parseLimit } from '../../records/index.js';
import type { Platform } from '../../tenancy/index.js';
import { queryString } from '../query-string.js';
import { requestContext } from '../request-context.js';

/** /api/v1/jobs: the tenant's due-jobs (`?status=failed` shows what needs attention), and the retry of a failed one. */
export function jobRoutes(platform: Platform): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const status = queryString(query, 'status');
    const kind = queryString(query, 'kind');
    const before = queryString(query, 'before');
    res.json(
      await listJobs(await requestContext(platform, req), {
        limit: parseLimit(queryString(query, 'limit')),
        ...(status === undefined ? {} : { status }),
        ...(kind === undefined ? {} : { kind }),
        ...(before === undefined ? {} : { before }),
      }),
    );
  });
  router.post('/:id/retry', async (req, res) => {
    res.json(await retryJob(await requestContext(platform, req), req.params.id));
  });
  return router;
}

/** /api/v1/outbox: the e-mails and webhook calls the engine sent or holds, and the retry of a failed delivery. */
export function outboxRoutes(platform: Platform): Router {
  const router = Router();
  const page = (query: Record<string, unknown>) => {
    const before = queryString(query, 'before');
    const status = queryString(query, 'status');
    return { limit: parseLimit(queryString(query, 'limit')), ...(before === undefined ? {} : { before }), ...(status === undefined ? {} : { status }) };
  };
  router.get('/email', async (req, res) => {
    res.json(await listEmails(await requestContext(platform, req), page(req.query as Record<string, unknown>)));
  });
  router.get('/webhook', async (req, res) => {
    res.json(await listWebhooks(await requestContext(platform, req), page(req.query as Record<string, unknown>)));
  });
  router.post('/:kind/:id/retry', async (req, res) => {
    res.json({ delivery: await retryDelivery(await requestContext(platform, req), req.params.kind, req.params.id) });
  });
  return router;
}
