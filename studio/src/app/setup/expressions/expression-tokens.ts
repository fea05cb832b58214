/** What a piece of a JSONata source is, for highlighting (no maintained JSONata mode exists for CodeMirror 6). */
export type ExpressionTokenKind = 'string' | 'number' | 'keyword' | 'function' | 'variable' | 'name' | 'operator' | 'comment' | 'punctuation' | 'space' | 'invalid';

export interface ExpressionToken {
  readonly kind: ExpressionTokenKind;
  readonly from: number;
  readonly to: number;
}

/**
 * The highlighting tag of each token kind, as CodeMirror's StreamLanguage names them
 * (`variableName.function` is the tag variableName with the function modifier).
 */
export const TOKEN_TAGS: Readonly<Record<ExpressionTokenKind, string | null>> = {
  string: 'string',
  number: 'number',
  keyword: 'keyword',
  function: 'variableName.function',
  variable: 'variableName.special',
  name: 'propertyName',
  operator: 'operator',
  comment: 'comment',
  punctuation: 'punctuation',
  space: null,
  invalid: 'invalid',
};

const KEYWORDS = new Set(['and', 'or', 'in', 'true', 'false', 'null', 'function']);
const OPERATORS = ['..', ':=', '!=', '<=', '>=', '~>', '??', '?:', '+', '-', '*', '/', '%', '=', '<', '>', '&', '?', ':', '|', '.', '^', '#', '@'];
const PUNCTUATION = '()[]{},;';
const NAME_START = /[A-Za-z_\u00C0-\uFFFF]/;
const NAME_PART = /[A-Za-z0-9_\u00C0-\uFFFF]/;

/** Reads the one token that starts at `from`; a StreamLanguage reads the source token by token this way. */
export function readToken(source: string, from: number): ExpressionToken {
  const char = source.charAt(from);
  const token = (kind: ExpressionTokenKind, to: number): ExpressionToken => ({ kind, from, to });
  if (/\s/.test(char)) return token('space', scan(source, from, (c) => /\s/.test(c)));
  if (source.startsWith('/*', from)) {
    const end = source.indexOf('*/', from + 2);
    return token('comment', end < 0 ? source.length : end + 2);
  }
  if (char === '"' || char === "'") return token('string', stringEnd(source, from, char));
  // A backquoted name (`my field`) is a name, whatever its characters.
  if (char === '`') {
    const end = source.indexOf('`', from + 1);
    return token('name', end < 0 ? source.length : end + 1);
  }
  if (/[0-9]/.test(char)) {
    const match = /^[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/.exec(source.slice(from));
    return token('number', from + (match?.[0].length ?? 1));
  }
  if (char === '$') {
    const end = scan(source, from + 1, (c) => NAME_PART.test(c));
    // `$sum(` calls a function; `$total` reads a variable.
    return token(source.charAt(end) === '(' ? 'function' : 'variable', end);
  }
  if (NAME_START.test(char)) {
    const end = scan(source, from, (c) => NAME_PART.test(c));
    return token(KEYWORDS.has(source.slice(from, end)) ? 'keyword' : 'name', end);
  }
  const operator = OPERATORS.find((candidate) => source.startsWith(candidate, from));
  if (operator) return token('operator', from + operator.length);
  if (PUNCTUATION.includes(char)) return token('punctuation', from + 1);
  return token('invalid', from + 1);
}

/** Every token of the source, spaces included, so that the tokens cover it end to end. */
export function tokenizeExpression(source: string): ExpressionToken[] {
  const tokens: ExpressionToken[] = [];
  for (let at = 0; at < source.length; ) {
    const token = readToken(source, at);
    tokens.push(token);
    at = token.to;
  }
  return tokens;
}

function scan(source: string, from: number, accepts: (char: string) => boolean): number {
  let at = from;
  while (at < source.length && accepts(source.charAt(at))) at += 1;
  return at;
}

/** The end of a string literal, past its closing quote; an unclosed string runs to the end. */
function stringEnd(source: string, from: number, quote: string): number {
  for (let at = from + 1; at < source.length; at += 1) {
    if (source.charAt(at) === '\\') at += 1;
    else if (source.charAt(at) === quote) return at + 1;
  }
  return source.length;
}
