import { Router, type Request } from 'express';
import { listRecordButtons, reassignRecord, runButtonRule } from '../../automation/index.js';
import { parseIfMatch } from '../../records/index.js';
import type { Platform } from '../../tenancy/index.js';
import { requestContext } from '../request-context.js';

type RecordParams = { object: string; id: string };

/** /api/v1/records/:object/:id/buttons: the automation rules a record page offers as buttons, and pressing one; /assign: the assignment rules run again. */
export function automationRoutes(platform: Platform): Router {
  const router = Router();

  router.get('/:object/:id/buttons', async (req: Request<RecordParams>, res) => {
    res.set('Cache-Control', 'no-store').json({ buttons: await listRecordButtons(await requestContext(platform, req), req.params.object, req.params.id) });
  });

  router.post('/:object/:id/buttons/:rule', async (req: Request<RecordParams & { rule: string }>, res) => {
    const ctx = await requestContext(platform, req);
    const result = await runButtonRule(ctx, req.params.object, req.params.id, req.params.rule, parseIfMatch(req.get('If-Match')));
    res.set('ETag', `"${result.record._version}"`).json(result);
  });

  router.post('/:object/:id/assign', async (req: Request<RecordParams>, res) => {
    const record = await reassignRecord(await requestContext(platform, req), req.params.object, req.params.id, parseIfMatch(req.get('If-Match')));
    res.set('ETag', `"${record._version}"`).json(record);
  });

  return router;
}
