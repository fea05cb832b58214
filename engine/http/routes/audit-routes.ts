import { Router } from 'express';
import { parseLimit } from '../../records/index.js';
import { queryAudit } from '../../security/query-audit.js';
import type { Platform } from '../../tenancy/index.js';
import { queryString } from '../query-string.js';
import { requestContext } from '../request-context.js';

/** /api/v1/audit: the tenant's audit log, read only; nothing in the API can change or remove an entry. */
export function auditRoutes(platform: Platform): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const text = (name: string) => queryString(query, name);
    const criteria = {
      ...optional('action', text('action')),
      ...optional('actor', text('actor')),
      ...optional('object', text('object')),
      ...optional('record', text('record')),
      ...optional('from', text('from')),
      ...optional('to', text('to')),
      ...optional('before', text('before')),
    };
    res.json(await queryAudit(await requestContext(platform, req), { ...criteria, limit: parseLimit(text('limit')) }));
  });
  return router;
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
