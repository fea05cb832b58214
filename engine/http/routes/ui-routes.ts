import { Router } from 'express';
import { listUserApps } from '../../setup/apps/user-apps.js';
import { createPersonalView, deletePersonalView, replacePersonalView } from '../../setup/list-views/personal-views.js';
import { listUserViews } from '../../setup/list-views/user-list-views.js';
import { listRecentRecords, noteRecentRecord } from '../../records/recent/recent-records.js';
import type { Platform } from '../../tenancy/index.js';
import { requestContext } from '../request-context.js';

/**
 * /api/v1/ui: what the web app's navigation and lists need of the metadata for the signed-in user,
 * in their language: their apps, the list views of an object (shared ones and their own), the
 * records they opened last. Any user may save, change and delete their own views here; no setup
 * right is needed.
 */
export function uiRoutes(platform: Platform): Router {
  const router = Router();
  const context = (req: import('express').Request) => requestContext(platform, req);

  router.get('/apps', async (req, res) => {
    const ctx = await context(req);
    res.vary('Accept-Language').set('Content-Language', ctx.language).json({ apps: listUserApps(ctx), version: ctx.snapshot.version });
  });
  router.get('/views/:object', async (req, res) => {
    const ctx = await context(req);
    res.vary('Accept-Language').set('Content-Language', ctx.language).json({ views: await listUserViews(ctx, req.params.object), version: ctx.snapshot.version });
  });
  router.post('/views/:object', async (req, res) => {
    const ctx = await context(req);
    const view = await createPersonalView(ctx, req.params.object, req.body);
    res.status(201).location(`${req.baseUrl}/views/${view.object}/${view.name}`).set('Content-Language', ctx.language).json({ view });
  });
  router.put('/views/:object/:name', async (req, res) => {
    const ctx = await context(req);
    res.set('Content-Language', ctx.language).json({ view: await replacePersonalView(ctx, req.params.object, req.params.name, req.body) });
  });
  router.delete('/views/:object/:name', async (req, res) => {
    await deletePersonalView(await context(req), req.params.object, req.params.name);
    res.status(204).end();
  });
  router.get('/recent', async (req, res) => {
    const ctx = await context(req);
    res.vary('Accept-Language').set('Content-Language', ctx.language).json({ recent: await listRecentRecords(ctx) });
  });
  router.post('/recent', async (req, res) => {
    await noteRecentRecord(await context(req), req.body);
    res.status(204).end();
  });
  return router;
}
