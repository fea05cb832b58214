import { Router } from 'express';
import { parseLimit } from '../../records/index.js';
import { MAX_SEARCH_RESULTS, parseSearchText, searchRecords } from '../../records/search/index.js';
import type { Platform } from '../../tenancy/index.js';
import { queryString } from '../query-string.js';
import { requestContext } from '../request-context.js';

/** /api/v1/search: the records of every object the caller may read, found by name and text fields. */
export function searchRoutes(platform: Platform): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const text = parseSearchText(queryString(query, 'q'));
    const limit = parseLimit(queryString(query, 'limit'), MAX_SEARCH_RESULTS, MAX_SEARCH_RESULTS);
    res.json({ results: await searchRecords(await requestContext(platform, req), text, limit) });
  });
  return router;
}
