import type { ErrorRequestHandler, Response } from 'express';
import { isEngineError, type ErrorDetail } from '../errors/index.js';
import type { Language } from '../i18n/language.js';
import { msg, renderText, type Text } from '../i18n/message.js';
import { requestLanguage } from './request-context.js';
import { formatBytes, formatSizeOver } from '../store/blob-port.js';
import { log } from '../observability/index.js';

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
  /** The body's declared length, when the request sent one. */
  length?: number;
}

const FILE_ERRORS: Record<number, [code: string, message: Text]> = {
  412: ['precondition_failed', msg`The file is not the version If-Match or If-Unmodified-Since names: send the request without the header, or with the current ETag.`],
  416: ['range_not_satisfiable', msg`The Range asked for lies outside the file: ask for bytes within its size, or for the whole file.`],
};

/**
 * The one place errors become HTTP: an EngineError keeps its code, status and details; a body the
 * JSON parser refused is the client's 400 or 413, a path the router cannot decode a 400; anything
 * else is a 500 whose internals stay in the server's log, never in the response. Messages are
 * rendered here, in the request's language.
 */
export const errorMiddleware: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  const language = requestLanguage(req);
  const send = (status: number, code: string, message: Text, details: readonly ErrorDetail[] = []): void => {
    sendError(res, language, status, code, message, details);
  };
  if (isEngineError(error) && error.isPublic) {
    send(error.status, error.code, error.text, error.details);
    return;
  }
  // The router decodes each path parameter and fails on a malformed percent-escape (`/records/deal/%ZZ`).
  if (error instanceof URIError) {
    send(400, 'invalid_path', msg`The URL path has a malformed percent-escape: encode a % in a name or id as %25.`, [{ path: '', message: msg`has a malformed percent-escape` }]);
    return;
  }
  const parser = error as BodyParserError;
  if (parser?.type === 'entity.parse.failed') {
    send(400, 'invalid_json', msg`The request body is not valid JSON.`, [{ path: '', message: msg`is not valid JSON` }]);
    return;
  }
  if (parser?.type === 'entity.too.large') {
    const limit = formatBytes(parser.limit ?? 0);
    send(413, 'body_too_large', typeof parser.length === 'number' ? msg`The request body is ${formatSizeOver(parser.length)}, over the limit of ${limit}.` : msg`The request body is larger than the ${limit} allowed.`);
    return;
  }
  if (parser?.type === 'encoding.unsupported' || parser?.type === 'charset.unsupported') {
    send(415, 'unsupported_encoding', msg`Send the body as UTF-8 JSON.`);
    return;
  }
  // Express's static file sender (the API reference's assets) refuses If-Match and Range headers the
  // file cannot meet: its status, in the engine's shape.
  const sent = error as { status?: unknown; expose?: unknown };
  if (typeof sent?.status === 'number' && sent.expose === true && sent.status in FILE_ERRORS) {
    const [code, message] = FILE_ERRORS[sent.status]!;
    send(sent.status, code, message);
    return;
  }
  // The path without its query: a filter's values can be personal data.
  log.error({ err: error, requestId: (res.locals as { requestId?: string }).requestId, method: req.method, url: req.originalUrl?.split('?')[0] }, 'internal error');
  send(500, 'internal', msg`Something went wrong on the server; the error has been logged.`);
};

function sendError(res: Response, language: Language, status: number, code: string, message: Text, details: readonly ErrorDetail[]): void {
  res
    .status(status)
    .vary('Accept-Language')
    .set('Content-Language', language)
    // A handler may have set another type before it failed (a file being sent): every error is JSON.
    .set('Content-Type', 'application/json; charset=utf-8')
    .json({ error: { code, message: renderText(message, language), details: details.map(presentDetail) } });
  function presentDetail(detail: ErrorDetail): { path: string; message: string; position?: number } {
    const shown = { path: detail.path, message: renderText(detail.message, language) };
    return detail.position === undefined ? shown : { ...shown, position: detail.position };
  }
}
