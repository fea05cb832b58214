import { Router } from 'express';
import {
  createRecord,
  deleteRecord,
  getRecord,
  listRecords,
  listRelated,
  parseFilterParameter,
  parseFlag,
  parseIfMatch,
  parseLimit,
  updateRecord,
  type ListRequest,
  type RecordView,
} from '../../records/index.js';
import { explainList } from '../../records/explain-list.js';
import { listHistory } from '../../records/history/list-history.js';
import type { Platform } from '../../tenancy/index.js';
import { queryJson, queryString } from '../query-string.js';
import { requestContext } from '../request-context.js';

/** /api/v1/records: each handler parses the request and calls one record operation. */
export function recordRoutes(platform: Platform): Router {
  const router = Router();
  const withEtag = (res: import('express').Response, record: RecordView) => res.set('ETag', `"${record._version}"`);

  const listRequest = (query: Record<string, unknown>): ListRequest => ({
    filter: parseFilterParameter(queryJson(query, 'filter')),
    sort: queryString(query, 'sort'),
    fields: queryString(query, 'fields'),
    limit: parseLimit(queryString(query, 'limit')),
    cursor: queryString(query, 'cursor'),
    total: parseFlag('total', queryString(query, 'total')),
    expand: queryString(query, 'expand'),
  });

  router.get('/:object', async (req, res) => {
    const ctx = await requestContext(platform, req);
    res.json(await listRecords(ctx, req.params.object, listRequest(req.query as Record<string, unknown>)));
  });

  // Before '/:object/:id': 'plan' is no record id (ids are 24 hex digits).
  router.get('/:object/plan', async (req, res) => {
    const ctx = await requestContext(platform, req);
    const { filter, sort, limit } = listRequest(req.query as Record<string, unknown>);
    res.json(await explainList(ctx, req.params.object, { filter, sort, limit }));
  });

  router.get('/:object/:id/related/:child', async (req, res) => {
    const ctx = await requestContext(platform, req);
    const query = req.query as Record<string, unknown>;
    const field = queryString(query, 'field');
    const request = { ...listRequest(query), ...(field ? { field } : {}) };
    res.json(await listRelated(ctx, req.params.object, req.params.id, req.params.child, request));
  });

  router.get('/:object/:id/history', async (req, res) => {
    const ctx = await requestContext(platform, req);
    const limit = parseLimit(queryString(req.query as Record<string, unknown>, 'limit'));
    res.json({ entries: await listHistory(ctx, req.params.object, req.params.id, limit) });
  });

  router.post('/:object', async (req, res) => {
    const record = await createRecord(await requestContext(platform, req), req.params.object, req.body);
    withEtag(res, record).status(201).location(`${req.baseUrl}/${req.params.object}/${record._id}`).json(record);
  });

  router.get('/:object/:id', async (req, res) => {
    const ctx = await requestContext(platform, req);
    const query = req.query as Record<string, unknown>;
    const record = await getRecord(ctx, req.params.object, req.params.id, queryString(query, 'fields'), queryString(query, 'expand'));
    // The ETag is the version edits are checked against (If-Match); roll-ups and formulas through
    // parents change a record without a new version, so no browser may keep it and revalidate by it
    // (a 304 would show an invoice's balance from before its payment).
    withEtag(res, record).set('Cache-Control', 'no-store').json(record);
  });

  router.patch('/:object/:id', async (req, res) => {
    const ctx = await requestContext(platform, req);
    const record = await updateRecord(ctx, req.params.object, req.params.id, req.body, parseIfMatch(req.get('If-Match')));
    withEtag(res, record).json(record);
  });

  router.delete('/:object/:id', async (req, res) => {
    const ctx = await requestContext(platform, req);
    await deleteRecord(ctx, req.params.object, req.params.id, parseIfMatch(req.get('If-Match')));
    res.status(204).end();
  });

  return router;
}
