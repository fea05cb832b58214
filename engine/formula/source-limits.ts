import { SIZE_LIMITS } from './expression-limits.js';
import { msg, type Text } from '../i18n/message.js';

/** A problem of the source as text, found before jsonata parses it. */
export interface SourceProblem {
  readonly message: Text;
  readonly position: number;
}

const OPENING = new Set(['(', '[', '{']);
const CLOSING = new Set([')', ']', '}']);
/** Characters of jsonata's operators, each counted: `:=` counts twice, which keeps the count simple and safe. */
const OPERATOR = new Set(['.', '+', '-', '*', '/', '%', '=', '<', '>', '!', '&', '?', ':', '~', '|', '^', '#', '@', ',', ';']);
const WORD_OPERATOR = /^(?:and|or|in)$/;

/**
 * jsonata's parser and evaluator recurse once per nested bracket and once per chained operator
 * (`-----1`, `a.a.a`, `x ? 1 : x ? 2 : ...`), so 5,000 nested parentheses overflow the call stack
 * inside the parser. The source is therefore measured as text first, skipping quoted texts,
 * backquoted names and comments: its length, how deep its brackets nest and how many operators
 * it chains. Within these bounds the parser stays a few thousand frames below the stack's end,
 * and the evaluation's own depth limit stays the only one a real expression meets.
 */
export function sourceProblem(source: string): SourceProblem | undefined {
  if (source.length > SIZE_LIMITS.maxSourceLength) {
    return {
      message: msg`the expression is ${source.length} characters long, more than the ${SIZE_LIMITS.maxSourceLength} allowed (from position ${SIZE_LIMITS.maxSourceLength}); split it into several formula fields`,
      position: SIZE_LIMITS.maxSourceLength,
    };
  }
  let depth = 0;
  let operators = 0;
  let index = 0;
  while (index < source.length) {
    const char = source.charAt(index);
    if (char === '"' || char === "'" || char === '`') {
      index = closingQuote(source, index, char);
    } else if (char === '/' && source.charAt(index + 1) === '*') {
      const end = source.indexOf('*/', index + 2);
      index = end < 0 ? source.length : end + 2;
    } else if (OPENING.has(char)) {
      depth++;
      if (depth > SIZE_LIMITS.maxNesting) {
        return { message: msg`brackets are nested more than ${SIZE_LIMITS.maxNesting} levels deep at position ${index + 1}; take parts out into variables ($x := ...) or other formula fields`, position: index + 1 };
      }
      index++;
    } else if (CLOSING.has(char)) {
      depth = Math.max(0, depth - 1);
      index++;
    } else if (OPERATOR.has(char)) {
      operators++;
      index++;
    } else if (/[A-Za-z_]/.test(char)) {
      const start = index;
      while (index < source.length && /[\w$]/.test(source.charAt(index))) index++;
      if (WORD_OPERATOR.test(source.slice(start, index))) operators++;
    } else {
      index++;
    }
    if (operators > SIZE_LIMITS.maxOperators) {
      return { message: msg`the expression chains more than ${SIZE_LIMITS.maxOperators} operators (the last at position ${index}); split it into several formula fields or variables`, position: index };
    }
  }
  return undefined;
}

/** The index after the quote closing the one at `start`; a backslash escapes inside quoted texts. */
function closingQuote(source: string, start: number, quote: string): number {
  let index = start + 1;
  while (index < source.length) {
    const char = source.charAt(index);
    if (char === '\\' && quote !== '`') index += 2;
    else if (char === quote) return index + 1;
    else index++;
  }
  return source.length;
}
