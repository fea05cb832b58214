import { Router, type Request, type Response } from 'express';
import { ValidationError } from '../../errors/index.js';
import { msg } from '../../i18n/message.js';
import { contentDisposition, safeFileName } from '../../records/attachments/index.js';
import { previewPrint, printRecord, type PdfRenderer, type PrintedRecord } from '../../templates/index.js';
import type { Platform } from '../../tenancy/index.js';
import { queryString } from '../query-string.js';
import { requestContext } from '../request-context.js';

/**
 * A printed record is a document of its own: it runs nothing and loads nothing but its own styles
 * and data: images; the record page may frame it for the preview.
 */
export const PRINT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

const FORMATS = ['html', 'pdf'] as const;
type PrintFormat = (typeof FORMATS)[number];

function printFormat(req: Request): PrintFormat {
  const format = queryString(req.query as Record<string, unknown>, 'format') ?? 'html';
  const known = FORMATS.find((candidate) => candidate === format);
  if (!known) throw new ValidationError([{ path: '/format', message: msg`must be one of ${FORMATS.join(', ')}, got '${format}'` }]);
  return known;
}

/**
 * /api/v1/records/:object/:id/print/:template: a record printed through a print template, as HTML
 * or (?format=pdf) as PDF, under the reader's record access and field security; POST
 * .../print with a template in the body previews one not saved yet (admins).
 */
export function printRoutes(platform: Platform, pdf: PdfRenderer): Router {
  const router = Router();

  const send = async (req: Request, res: Response, printed: PrintedRecord, format: PrintFormat) => {
    if (format === 'pdf') {
      const file = await pdf.render(printed);
      const download = queryString(req.query as Record<string, unknown>, 'download') === 'true';
      res.set({ 'Content-Type': 'application/pdf', 'Content-Disposition': contentDisposition(download ? 'attachment' : 'inline', `${safeFileName(printed.title.replace(/[\\/]/g, '-'))}.pdf`) }).send(file);
      return;
    }
    res.set('Cache-Control', 'no-store');
    // The web app's API client asks for JSON: it gets the document as a value, to show in a sandboxed frame.
    if (req.accepts(['text/html', 'application/json']) === 'application/json') {
      res.json({ title: printed.title, html: printed.html });
      return;
    }
    res.set({ 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PRINT_POLICY }).send(printed.html);
  };

  router.get('/:object/:id/print/:template', async (req, res) => {
    const format = printFormat(req);
    const ctx = await requestContext(platform, req);
    await send(req, res, await printRecord(ctx, req.params.object, req.params.id, req.params.template), format);
  });

  router.post('/:object/:id/print', async (req, res) => {
    const format = printFormat(req);
    const ctx = await requestContext(platform, req);
    await send(req, res, await previewPrint(ctx, req.params.object, req.params.id, req.body), format);
  });

  return router;
}
