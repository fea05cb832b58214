import { Router } from 'express';
import type { Platform } from '../../tenancy/index.js';
import { openApiDocument } from '../openapi/index.js';
import { requestContext } from '../request-context.js';

/** GET /api/v1/openapi.json: the document of the snapshot this request runs on, so it follows every metadata change. */
export function openApiRoutes(platform: Platform): Router {
  const router = Router();
  router.get('/openapi.json', async (req, res) => {
    const { snapshot } = await requestContext(platform, req);
    // Serialized once per metadata version too: the document grows with every object.
    const body = snapshot.memo('openapi.json', () => JSON.stringify(openApiDocument(snapshot)));
    res.type('application/json').set('Cache-Control', 'no-cache').send(body);
  });
  return router;
}
