import type { RequestHandler } from 'express';
import { EngineError } from '../errors/index.js';

const strict = new TextDecoder('utf-8', { fatal: true });
const PERCENT_ESCAPE = /%([0-9a-fA-F]{2})/g;

/**
 * JSON is UTF-8 (RFC 8259): a body declared UTF-8 whose bytes are not is refused, where decoding
 * it leniently would store U+FFFD in place of what the client meant. For express.json's `verify`,
 * which sees the raw bytes before they are decoded; other Unicode charsets are decoded as declared.
 */
export function checkUtf8Body(body: Uint8Array, charset: string | null): void {
  if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') return;
  if (!isUtf8(body)) throw invalidUtf8('The request body is not valid UTF-8: send JSON text encoded as UTF-8.', '');
}

/**
 * The query string's percent-escapes must decode to UTF-8 too: the query parser would otherwise put
 * U+FFFD in a filter or a name. (Path segments are decoded strictly by the router already: 400 invalid_path.)
 */
export function utf8QueryCheck(): RequestHandler {
  return (req, _res, next) => {
    const at = req.url.indexOf('?');
    if (at === -1) return next();
    const query = req.url.slice(at + 1);
    if (!query.includes('%')) return next();
    const bytes = Buffer.from(query.replace(PERCENT_ESCAPE, (_escape, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
    if (!isUtf8(bytes)) return next(invalidUtf8('The query string has percent-escapes that are not UTF-8: encode each character as the percent-escapes of its UTF-8 bytes.', '/query'));
    next();
  };
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function invalidUtf8(message: string, path: string): EngineError {
  return new EngineError('invalid_encoding', 400, message, { details: [{ path, message: 'is not valid UTF-8' }] });
}
