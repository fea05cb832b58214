import { Router, type Request } from 'express';
import { ValidationError } from '../../errors/index.js';
import { msg } from '../../i18n/message.js';
import { homeDashboard, runDashboard, type DashboardRunRequest } from '../../reports/index.js';
import type { Platform } from '../../tenancy/index.js';
import { queryString } from '../query-string.js';
import { jsonParameter } from '../report-run-input.js';
import { requestContext } from '../request-context.js';

/** /api/v1/dashboards: run a dashboard (every component for the reader; again to refresh), and the reader's home dashboard. */
export function dashboardRoutes(platform: Platform): Router {
  const router = Router();

  router.get('/home', async (req, res) => {
    const ctx = await requestContext(platform, req);
    res.json({ dashboard: homeDashboard(ctx, queryString(req.query as Record<string, unknown>, 'app')) });
  });

  router.get('/:name/run', async (req: Request<{ name: string }>, res) => {
    const query = req.query as Record<string, unknown>;
    const ctx = await requestContext(platform, req);
    res.json(await runDashboard(ctx, req.params.name, dashboardInput({ filters: jsonParameter(query, 'filters'), today: queryString(query, 'today') })));
  });

  router.post('/:name/run', async (req: Request<{ name: string }>, res) => {
    const ctx = await requestContext(platform, req);
    const input = (req.body ?? {}) as Record<string, unknown>;
    res.json(await runDashboard(ctx, req.params.name, dashboardInput({ filters: input.filters, today: input.today })));
  });

  return router;
}

function dashboardInput(input: { filters: unknown; today: unknown }): DashboardRunRequest {
  const { filters, today } = input;
  if (filters !== undefined && (filters === null || typeof filters !== 'object' || Array.isArray(filters))) {
    throw new ValidationError([{ path: '/filters', message: msg`must be an object of the dashboard's filter names and their conditions, like {"stage": "won"}` }]);
  }
  if (today !== undefined && (typeof today !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(today))) throw new ValidationError([{ path: '/today', message: msg`must be a day like 2026-03-31` }]);
  return { ...(filters ? { filters: filters as Record<string, unknown> } : {}), ...(typeof today === 'string' ? { today } : {}) };
}
