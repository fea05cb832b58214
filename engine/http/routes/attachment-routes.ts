import { Router, type Request, type Response } from 'express';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ValidationError } from '../../errors/index.js';
import { msg } from '../../i18n/message.js';
import {
  attachFile,
  contentDisposition,
  deleteAttachment,
  isPreviewable,
  listAttachments,
  openAttachment,
  DEFAULT_FILE_SIZE_LIMIT,
} from '../../records/attachments/index.js';
import { BlobTooLargeError } from '../../store/blob-port.js';
import type { Platform } from '../../tenancy/index.js';
import { requestContext } from '../request-context.js';

/** The header naming an uploaded file (percent-encoded UTF-8): its presence makes a request an upload. */
export const FILE_NAME_HEADER = 'x-file-name';

/** An upload's body is the file itself: the JSON parser leaves it to the upload route. */
export function isFileUpload(req: Request): boolean {
  return req.headers[FILE_NAME_HEADER] !== undefined;
}

/**
 * A downloaded file is a document of its own: nothing in it may run or load anything (an HTML or
 * SVG file opened directly gets a sandbox without scripts). A PDF shown inline needs the browser's
 * own viewer, which the sandbox would block; PDFs cannot script this origin.
 */
const FILE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
const INLINE_PDF_POLICY = "default-src 'none'; object-src 'self'; style-src 'unsafe-inline'";

/**
 * /api/v1/records/:object/:id/files: a record's attachments. The upload's body is the raw file
 * (Content-Type its type, X-File-Name its name), streamed to the blob store without buffering and
 * without a multipart parser; access follows the record (read to list and download, edit to change).
 */
export function attachmentRoutes(platform: Platform, maxBytes = DEFAULT_FILE_SIZE_LIMIT): Router {
  const router = Router();

  router.get('/:object/:id/files', async (req, res) => {
    const ctx = await requestContext(platform, req);
    res.json({ files: await listAttachments(ctx, req.params.object, req.params.id), maxBytes });
  });

  router.post('/:object/:id/files', async (req, res) => {
    try {
      const ctx = await requestContext(platform, req);
      const name = fileName(req);
      const declared = Number(req.get('content-length'));
      // Refused before a byte is read when the client says up front that it is too large.
      if (Number.isFinite(declared) && declared > maxBytes) throw new BlobTooLargeError(maxBytes, declared);
      const upload = { name, contentType: req.get('content-type'), maxBytes };
      const attachment = await attachFile(ctx, req.params.object, req.params.id, upload, requestBody(req));
      res.status(201).location(`${req.baseUrl}/${req.params.object}/${req.params.id}/files/${attachment.id}`).json(attachment);
    } catch (error) {
      // Read the rest of a refused upload so the client, still sending, receives the answer.
      req.resume();
      throw error;
    }
  });

  router.get('/:object/:id/files/:fileId', async (req, res) => {
    const ctx = await requestContext(platform, req);
    const { attachment, content } = await openAttachment(ctx, req.params.object, req.params.id, req.params.fileId);
    const inline = req.query.disposition === 'inline' && isPreviewable(attachment.contentType, attachment.name);
    res.set({
      'Content-Type': attachment.contentType,
      'Content-Length': String(attachment.size),
      'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', attachment.name),
      'Content-Security-Policy': inline && attachment.contentType === 'application/pdf' ? INLINE_PDF_POLICY : FILE_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-cache',
    });
    await send(res, content);
  });

  router.delete('/:object/:id/files/:fileId', async (req, res) => {
    const ctx = await requestContext(platform, req);
    await deleteAttachment(ctx, req.params.object, req.params.id, req.params.fileId);
    res.status(204).end();
  });

  return router;
}

export function fileName(req: Request): string {
  const header = req.get(FILE_NAME_HEADER) ?? '';
  try {
    const name = decodeURIComponent(header);
    if (name.trim() !== '') return name;
  } catch {
    // malformed percent-encoding: refused below like an empty name
  }
  throw new ValidationError([{ path: '', message: msg`needs the file's name in the X-File-Name header, percent-encoded as UTF-8` }]);
}

/**
 * The request's body as the blob store reads it. A refused upload ends this copy, not the request
 * itself, so the answer can still be sent; a client that goes away mid-upload fails the upload.
 */
export function requestBody(req: Request): PassThrough {
  const body = new PassThrough();
  req.on('close', () => {
    if (!req.complete) body.destroy(new Error('the client closed the connection before the file was complete'));
  });
  req.pipe(body);
  return body;
}

/** Streams the content; a failure past the headers can only cut the response short. */
async function send(res: Response, content: NodeJS.ReadableStream): Promise<void> {
  try {
    await pipeline(content, res);
  } catch (error) {
    if (!res.headersSent) throw error;
    res.destroy();
  }
}
