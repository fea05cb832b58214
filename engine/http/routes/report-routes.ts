import { Router, type Request } from 'express';
import { parseFilterParameter } from '../../records/index.js';
import { parseLookupCells } from '../../records/export/export-columns.js';
import { parseLabelsFlag } from '../../records/export/readable-columns.js';
import { exportRecords } from '../../records/export/export-records.js';
import { exportWorkbook } from '../../records/export/export-workbook.js';
import { parseExportFormat, XLSX_TYPE } from '../../records/export/export-format.js';
import { summarizeRecords } from '../../records/summary/summarize-records.js';
import type { Platform } from '../../tenancy/index.js';
import { queryJson, queryString } from '../query-string.js';
import { requestContext } from '../request-context.js';

/** /api/v1/records/:object/export (CSV) and /summary (counts and totals by group). */
export function reportRoutes(platform: Platform): Router {
  const router = Router();

  router.get('/:object/summary', async (req: Request<{ object: string }>, res) => {
    const query = req.query as Record<string, unknown>;
    const ctx = await requestContext(platform, req);
    const groupBy = queryString(query, 'groupBy');
    const measures = queryString(query, 'measures');
    const order = queryString(query, 'order');
    const filter = parseFilterParameter(queryJson(query, 'filter'));
    res.json(
      await summarizeRecords(ctx, req.params.object, { ...(groupBy ? { groupBy } : {}), ...(measures ? { measures } : {}), ...(order ? { order } : {}), ...(filter === undefined ? {} : { filter }) }),
    );
  });

  router.get('/:object/export', async (req: Request<{ object: string }>, res) => {
    const query = req.query as Record<string, unknown>;
    const ctx = await requestContext(platform, req);
    const sort = queryString(query, 'sort');
    const fields = queryString(query, 'fields');
    const expand = queryString(query, 'expand');
    const lookups = parseLookupCells(queryString(query, 'lookups'));
    const filter = parseFilterParameter(queryJson(query, 'filter'));
    const labels = parseLabelsFlag(queryString(query, 'labels'));
    const request = { ...(sort ? { sort } : {}), ...(fields ? { fields } : {}), ...(expand ? { expand } : {}), lookups, labels, ...(filter === undefined ? {} : { filter }) };
    if (parseExportFormat(queryString(query, 'format')) === 'xlsx') {
      // The headers go once the first page was read: errors before it are ordinary JSON errors.
      await exportWorkbook(ctx, req.params.object, request, res, () => res.type(XLSX_TYPE).attachment(`${req.params.object}.xlsx`));
      res.end();
      return;
    }
    const chunks = exportRecords(ctx, req.params.object, request);
    // The first chunk comes after the first page was read: errors before it are ordinary JSON errors.
    const first = await chunks.next();
    res.type('text/csv; charset=utf-8').attachment(`${req.params.object}.csv`);
    if (!first.done) res.write(first.value);
    for await (const chunk of chunks) res.write(chunk);
    res.end();
  });

  return router;
}
