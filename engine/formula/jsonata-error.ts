import { msg, type Message, type Text } from '../i18n/message.js';

/**
 * jsonata throws plain objects, not Error instances: `{ code, position, token, value, message }`.
 * S codes come from the parser, T and D codes from evaluation.
 */
export interface JsonataError {
  readonly code: string;
  readonly message: string;
  readonly position?: number;
  readonly token?: unknown;
  readonly value?: unknown;
}

export function isJsonataError(error: unknown): error is JsonataError {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && /^[A-Z]\d{4}$/.test(code) && typeof message === 'string';
}

/**
 * A parser error in admin words: `syntax error at position 12: expected ")"`. The common codes
 * get a rewording; the rest keep jsonata's own sentence (in English), which is already readable.
 */
export function describeSyntaxError(error: JsonataError): Message {
  const problem = syntaxProblem(error);
  return typeof error.position === 'number' ? msg`syntax error at position ${error.position}: ${problem}` : msg`syntax error: ${problem}`;
}

/** What went wrong while evaluating, located when jsonata says where. */
export function describeEvaluationError(error: JsonataError): Message {
  const problem = lowerFirst(error.message);
  return typeof error.position === 'number' ? msg`the expression failed at position ${error.position}: ${problem}` : msg`the expression failed: ${problem}`;
}

function syntaxProblem(error: JsonataError): Text {
  const token = typeof error.token === 'string' ? error.token : undefined;
  const expected = typeof error.value === 'string' ? error.value : undefined;
  const found = token === undefined || token === '(end)' ? msg`the end of the expression` : `"${token}"`;
  switch (error.code) {
    case 'S0101':
      return msg`a text in quotes is not closed`;
    case 'S0105':
      return msg`a name in backquotes (\`) is not closed`;
    case 'S0106':
      return msg`a comment is not closed with */`;
    case 'S0201':
    case 'S0211':
      return msg`unexpected ${found}`;
    case 'S0202':
      return msg`expected "${expected}" but found ${found}`;
    case 'S0203':
      return msg`expected "${expected}" before the end of the expression`;
    case 'S0204':
      return msg`unknown operator ${found}`;
    case 'S0207':
      return msg`the expression ends too early`;
    default:
      return lowerFirst(error.message);
  }
}

/** jsonata's sentences start with a capital; ours continue a sentence ("syntax error at ...: "). */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
