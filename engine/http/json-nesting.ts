import { ValidationError } from '../errors/index.js';
import { msg } from '../i18n/message.js';

/**
 * How deep arrays and objects may nest in JSON sent to the API (request bodies and JSON query
 * parameters such as `filter`). The deepest legitimate input, an approval process with its steps,
 * approvers and actions, nests about a dozen levels; a hundred leaves room for any JSON field value
 * while everything that later walks the input recursively (schema validation, error messages,
 * storage) stays far from the stack's limit.
 */
export const MAX_JSON_DEPTH = 100;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Refuses JSON text nested deeper than MAX_JSON_DEPTH, before it is parsed: one pass over the
 * bytes, no recursion, so a value nested a million deep costs no more than its length. Brackets
 * inside strings do not count. (UTF-8 continuation bytes are never ASCII, so bytes are enough.)
 * `path` is where the JSON came from, as in the error details: '' for the body, '/filter'.
 */
export function checkJsonNesting(text: Uint8Array | string, path: string): void {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (++depth > MAX_JSON_DEPTH) throw tooDeep(path);
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth--;
    }
  }
}

function tooDeep(path: string): ValidationError {
  const message =
    path === ''
      ? msg`The request body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep: flatten it to at most ${MAX_JSON_DEPTH} levels.`
      : msg`'${path.slice(1)}' nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep: flatten it to at most ${MAX_JSON_DEPTH} levels.`;
  return new ValidationError([{ path, message: msg`nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep; flatten the value (at most ${MAX_JSON_DEPTH} levels)` }], message);
}
