import type { ErrorRequestHandler } from 'express';
import { EngineError } from '../errors/index.js';

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

const FILE_ERRORS: Record<number, [code: string, message: string]> = {
  412: ['precondition_failed', 'The file is not the version If-Match or If-Unmodified-Since names: send the request without the header, or with the current ETag.'],
  416: ['range_not_satisfiable', 'The Range asked for lies outside the file: ask for bytes within its size, or for the whole file.'],
};

/**
 * The one place errors become HTTP: an EngineError keeps its code, status and details; a body the
 * JSON parser refused is the client's 400 or 413, a path the router cannot decode a 400; anything else is a 500 whose internals stay in
 * the server's log, never in the response.
 */
export const errorMiddleware: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  // A handler may have set another type before it failed (a file being sent): every error is JSON.
  res.type('json');
  if (error instanceof EngineError && error.isPublic) {
    res.status(error.status).json({ error: { code: error.code, message: error.message, details: error.details } });
    return;
  }
  // The router decodes each path parameter and fails on a malformed percent-escape (`/records/deal/%ZZ`).
  if (error instanceof URIError) {
    res.status(400).json({ error: { code: 'invalid_path', message: 'The URL path has a malformed percent-escape: encode a % in a name or id as %25.', details: [{ path: '', message: 'has a malformed percent-escape' }] } });
    return;
  }
  const parser = error as BodyParserError;
  if (parser?.type === 'entity.parse.failed') {
    res.status(400).json({ error: { code: 'invalid_json', message: 'The request body is not valid JSON.', details: [{ path: '', message: 'is not valid JSON' }] } });
    return;
  }
  if (parser?.type === 'entity.too.large') {
    res.status(413).json({ error: { code: 'body_too_large', message: `The request body is larger than the ${parser.limit ?? ''} bytes allowed.`, details: [] } });
    return;
  }
  if (parser?.type === 'encoding.unsupported' || parser?.type === 'charset.unsupported') {
    res.status(415).json({ error: { code: 'unsupported_encoding', message: 'Send the body as UTF-8 JSON.', details: [] } });
    return;
  }
  // Express's static file sender (the API reference's assets) refuses If-Match and Range headers the
  // file cannot meet: its status, in the engine's shape.
  const sent = error as { status?: unknown; expose?: unknown };
  if (typeof sent?.status === 'number' && sent.expose === true && sent.status in FILE_ERRORS) {
    const [code, message] = FILE_ERRORS[sent.status]!;
    res.status(sent.status).json({ error: { code, message, details: [] } });
    return;
  }
  console.error('internal error:', error);
  res.status(500).json({ error: { code: 'internal', message: 'Something went wrong on the server; the error has been logged.', details: [] } });
};
