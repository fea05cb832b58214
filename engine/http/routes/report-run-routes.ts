import { Router, type Request } from 'express';
import { ValidationError } from '../../errors/index.js';
import { msg } from '../../i18n/message.js';
import { drillReport, previewReport, reportCsv, reportXlsx, runReport } from '../../reports/index.js';
import type { Platform } from '../../tenancy/index.js';
import { queryString } from '../query-string.js';
import { drillInput, runConditions } from '../report-run-input.js';
import { requestContext } from '../request-context.js';

type Input = Record<string, unknown>;

/** /api/v1/reports/:name: run a report (GET with the query, POST with a body), drill into a figure, export it as CSV or XLSX. */
export function reportRunRoutes(platform: Platform): Router {
  const router = Router();

  router.post('/preview', async (req, res) => {
    const ctx = await requestContext(platform, req);
    const input = body(req.body);
    const { definition, ...conditions } = input;
    res.json(await previewReport(ctx, definition, runConditions(conditions, false)));
  });

  router.get('/:name/run', async (req: Request<{ name: string }>, res) => {
    const ctx = await requestContext(platform, req);
    res.json(await runReport(ctx, req.params.name, runConditions(req.query as Input, true)));
  });

  router.post('/:name/run', async (req: Request<{ name: string }>, res) => {
    const ctx = await requestContext(platform, req);
    res.json(await runReport(ctx, req.params.name, runConditions(body(req.body), false)));
  });

  router.post('/:name/drill', async (req: Request<{ name: string }>, res) => {
    const ctx = await requestContext(platform, req);
    res.json(await drillReport(ctx, req.params.name, drillInput(body(req.body))));
  });

  router.get('/:name/export', async (req: Request<{ name: string }>, res) => {
    const query = req.query as Input;
    const format = queryString(query, 'format') ?? 'csv';
    if (format !== 'csv' && format !== 'xlsx') throw new ValidationError([{ path: '/format', message: msg`must be csv or xlsx, got '${format}'` }]);
    const ctx = await requestContext(platform, req);
    const result = await runReport(ctx, req.params.name, runConditions(query, true));
    if (format === 'csv') res.type('text/csv; charset=utf-8').attachment(`${req.params.name}.csv`).send(reportCsv(result, ctx.language));
    else res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment(`${req.params.name}.xlsx`).send(await reportXlsx(result, ctx.language));
  });

  return router;
}

function body(input: unknown): Input {
  if (input === undefined) return {};
  if (input === null || typeof input !== 'object' || Array.isArray(input)) throw new ValidationError([{ path: '', message: msg`must be a JSON object` }]);
  return input as Input;
}
