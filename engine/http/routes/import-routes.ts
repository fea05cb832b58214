import { Router, type Request } from 'express';
import { ValidationError } from '../../errors/index.js';
import { msg } from '../../i18n/message.js';
import { parseExportFormat, XLSX_TYPE } from '../../records/export/export-format.js';
import { cancelImport, deleteImport, DEFAULT_IMPORT_FILE_LIMIT, listProblems, ownImport, presentImport, startImport, uploadImport, writeErrorFile } from '../../records/import/index.js';
import { BlobTooLargeError } from '../../store/blob-port.js';
import type { Platform } from '../../tenancy/index.js';
import { queryString } from '../query-string.js';
import { requestContext } from '../request-context.js';
import { fileName, requestBody } from './attachment-routes.js';
import { parseLimit } from '../../records/index.js';

/**
 * /api/v1/imports: a CSV or XLSX file uploaded (the raw file as the body, its name in X-File-Name,
 * as for a record's files), its mapping checked in a dry run, then run as a job; progress,
 * problems and the rows that failed as a file to fix and import again. Each user sees only their own imports.
 */
export function importRoutes(platform: Platform, maxBytes = DEFAULT_IMPORT_FILE_LIMIT): Router {
  const router = Router();

  router.post('/', async (req, res) => {
    try {
      const ctx = await requestContext(platform, req);
      const object = queryString(req.query as Record<string, unknown>, 'object');
      if (!object) throw new ValidationError([{ path: '/object', message: msg`is required: name the object to import into` }]);
      const declared = Number(req.get('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes) throw new BlobTooLargeError(maxBytes, declared);
      const uploaded = await uploadImport(ctx, object, { name: fileName(req), contentType: req.get('content-type'), maxBytes }, requestBody(req));
      res.status(201).location(`${req.baseUrl}/${uploaded.id}`).json(uploaded);
    } catch (error) {
      // Read the rest of a refused upload so the client, still sending, receives the answer.
      req.resume();
      throw error;
    }
  });

  router.get('/:id', async (req, res) => {
    const ctx = await requestContext(platform, req);
    res.json(presentImport(ctx, await ownImport(ctx, req.params.id)));
  });

  router.delete('/:id', async (req, res) => {
    await deleteImport(await requestContext(platform, req), req.params.id);
    res.status(204).end();
  });

  for (const phase of ['check', 'run'] as const) {
    router.post(`/:id/${phase}`, async (req: Request<{ id: string }>, res) => {
      const ctx = await requestContext(platform, req);
      res.status(202).json(await startImport(ctx, req.params.id, phase, req.body));
    });
  }

  router.post('/:id/cancel', async (req, res) => {
    res.json(await cancelImport(await requestContext(platform, req), req.params.id));
  });

  router.get('/:id/problems', async (req, res) => {
    const ctx = await requestContext(platform, req);
    const query = req.query as Record<string, unknown>;
    const after = queryString(query, 'after');
    if (after !== undefined && !/^\d+$/.test(after)) throw new ValidationError([{ path: '/after', message: msg`must be a row number, got '${after}'` }]);
    res.json(await listProblems(ctx, req.params.id, after === undefined ? 0 : Number(after), parseLimit(queryString(query, 'limit'))));
  });

  router.get('/:id/error-file', async (req, res) => {
    const ctx = await requestContext(platform, req);
    const format = parseExportFormat(queryString(req.query as Record<string, unknown>, 'format'));
    const doc = await ownImport(ctx, req.params.id);
    const base = doc.fileName.replace(/\.(csv|xlsx|txt)$/i, '');
    res.type(format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8').attachment(`${base}-errors.${format}`);
    await writeErrorFile(ctx, doc, format, res);
    res.end();
  });

  return router;
}
