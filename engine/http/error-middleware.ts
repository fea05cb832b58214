import type { ErrorRequestHandler } from 'express';
import { EngineError } from '../errors/index.js';

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

/**
 * The one place errors become HTTP: an EngineError keeps its code, status and details; a body the
 * JSON parser refused is the client's 400 or 413, a path the router cannot decode a 400; anything else is a 500 whose internals stay in
 * the server's log, never in the response.
 */
export const errorMiddleware: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
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
  console.error('internal error:', error);
  res.status(500).json({ error: { code: 'internal', message: 'Something went wrong on the server; the error has been logged.', details: [] } });
};
