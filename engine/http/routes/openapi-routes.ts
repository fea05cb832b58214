import { Router } from 'express';
import type { Platform } from '../../tenancy/index.js';
import { rightsKey } from '../../security/access/index.js';
import { openApiDocument, userOpenApiDocument } from '../openapi/index.js';
import { requestContext } from '../request-context.js';

/**
 * GET /api/v1/openapi.json: the document of the snapshot this request runs on, so it follows
 * every metadata change, as the caller's permissions let them use the API.
 */
export function openApiRoutes(platform: Platform): Router {
  const router = Router();
  router.get('/openapi.json', async (req, res) => {
    const { snapshot, principal } = await requestContext(platform, req);
    const document = userOpenApiDocument(snapshot, principal);
    // Serialized once per metadata version and document too: the document grows with every object.
    const body = snapshot.memo(`openapi.json:${document === openApiDocument(snapshot) ? '*' : rightsKey(principal)}`, () => JSON.stringify(document));
    res.type('application/json').set('Cache-Control', 'no-cache').send(body);
  });
  return router;
}
