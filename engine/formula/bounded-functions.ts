import jsonata from 'jsonata';
import { ExpressionEvaluationError, ExpressionTooLargeError } from './expression-errors.js';
import { EVAL_REFUSED, SIZE_LIMITS } from './expression-limits.js';
import { meterOf, textTooLong } from './value-meter.js';
import { msg } from '../i18n/message.js';
import { canonicalJson } from '../store/json-document.js';

/** A built-in as jsonata binds it: the implementation and its parsed signature. */
interface FunctionDefinition {
  readonly _jsonata_function: true;
  readonly implementation: (this: Focus, ...args: never[]) => unknown;
  readonly signature?: unknown;
}

/** What jsonata passes as `this` to a built-in: the per-evaluation environment among others. */
interface Focus {
  readonly environment: unknown;
  createSequence(): unknown[];
}

type Comparator = (a: unknown, b: unknown) => Promise<unknown>;

/**
 * Built-ins whose single call can take far longer or build far more than their arguments
 * suggest, replaced by versions that check first. jsonata checks its time limit only between
 * steps, and these run as one step: `$pad("", 2e7)` builds 20 MB, `$sort` merges with a copy per
 * comparison (4 GB for 100,000 numbers), `$distinct` compares every pair, `$eval` runs text that no
 * check saw when the expression was saved. Each replacement keeps
 * the original's signature, so argument checks and messages stay jsonata's own.
 */
const REPLACEMENTS: Record<string, (original: FunctionDefinition) => FunctionDefinition['implementation']> = {
  pad: (original) =>
    function (this: Focus, ...args: never[]) {
      const [, width, padding] = args as unknown[];
      // jsonata repeats the whole padding text once per missing character before it cuts it to width.
      const built = typeof width === 'number' ? Math.abs(Math.trunc(width)) * Math.max(1, typeof padding === 'string' ? padding.length : 1) : 0;
      if (built > SIZE_LIMITS.maxTextLength) throw textTooLong(built);
      return original.implementation.apply(this, args);
    },
  join: (original) =>
    function (this: Focus, ...args: never[]) {
      const [texts, separator] = args as unknown[];
      if (Array.isArray(texts)) {
        const length = texts.reduce((sum: number, text) => sum + (typeof text === 'string' ? text.length : 0), 0) +
          Math.max(0, texts.length - 1) * (typeof separator === 'string' ? separator.length : 0);
        if (length > SIZE_LIMITS.maxTextLength) throw textTooLong(length);
      }
      return original.implementation.apply(this, args);
    },
  string: (original) =>
    function (this: Focus, ...args: never[]) {
      const [value] = args as unknown[];
      // JSON writes a value about as long as its measured size (escapes aside), so this is checked before writing it.
      if (typeof value === 'object' && value !== null) {
        const size = meterOf(this.environment).sizeOf(value);
        if (size > SIZE_LIMITS.maxTextLength) throw textTooLong(size);
      }
      return original.implementation.apply(this, args);
    },
  replace: (original) =>
    async function (this: Focus, ...args: never[]) {
      const [text, pattern, replacement] = args as unknown[];
      if (typeof text === 'string' && typeof replacement === 'string') {
        await checkReplacement(text, pattern, replacement);
      }
      return original.implementation.apply(this, args);
    },
  sort: (original) =>
    async function (this: Focus, ...args: never[]) {
      const [list, comparator] = args as unknown[] as [unknown[] | undefined, Comparator | undefined];
      if (list === undefined || list.length <= 1) return list;
      if (comparator !== undefined) return mergeSort(list, comparator);
      // jsonata refuses a list that mixes numbers and texts (D3070) before it sorts anything.
      if (!list.every((item) => typeof item === 'number') && !list.every((item) => typeof item === 'string')) {
        return original.implementation.apply(this, args);
      }
      return [...list].sort((a, b) => ((a as number) > (b as number) ? 1 : (a as number) < (b as number) ? -1 : 0));
    },
  distinct: (original) =>
    function (this: Focus, ...args: never[]) {
      const [list] = args as unknown[];
      if (!Array.isArray(list) || list.length <= 1) return original.implementation.apply(this, args);
      // jsonata compares every pair. A set finds equal texts, numbers and booleans by value in linear
      // time (1 and "1" stay apart, as in jsonata); lists and objects go by a canonical text.
      const values = new Set<unknown>();
      const shapes = new Set<string>();
      const result: unknown[] = 'sequence' in list && list.sequence === true ? this.createSequence() : [];
      for (const item of list) {
        const seen = typeof item === 'object' && item !== null ? addNew(shapes, canonicalJson(item)) : addNew(values, item);
        if (seen) result.push(item);
      }
      return result;
    },
  // Pictures are parsed and applied part by part: a long one is seconds of work in one step.
  formatNumber: (original) => withPicture(original, 1),
  formatInteger: (original) => withPicture(original, 1),
  parseInteger: (original) => withPicture(original, 1),
  fromMillis: (original) => withPicture(original, 1),
  toMillis: (original) => withPicture(original, 1),
  // Refused when an expression is saved (syntax-limits); refused here too, should one get past.
  eval: () =>
    function () {
      throw new ExpressionEvaluationError(EVAL_REFUSED, { code: 'expression_eval_refused' });
    },
};

function withPicture(original: FunctionDefinition, index: number): FunctionDefinition['implementation'] {
  return function (this: Focus, ...args: never[]) {
    checkPicture((args as unknown[])[index]);
    return original.implementation.apply(this, args);
  };
}

function checkPicture(picture: unknown): void {
  if (typeof picture === 'string' && picture.length > SIZE_LIMITS.maxPictureLength) {
    throw new ExpressionTooLargeError(
      msg`a picture of ${picture.length} characters is longer than the ${SIZE_LIMITS.maxPictureLength} a formatting picture may have`,
    );
  }
}

/**
 * `$now(picture)` formats the evaluation's own timestamp. jsonata binds `now` per parsed
 * expression, so this one formats jsonata's per-evaluation timestamp with `$fromMillis` instead.
 */
function boundedNow(fromMillis: FunctionDefinition): FunctionDefinition['implementation'] {
  return function (this: Focus, ...args: never[]) {
    const [picture, timezone] = args as unknown[];
    checkPicture(picture);
    const started = (this.environment as { base?: { timestamp?: Date } }).base?.timestamp ?? new Date();
    return fromMillis.implementation.apply(this, [started.getTime(), picture, timezone] as never[]);
  };
}

/** The originals, read once from jsonata's own bindings: evaluating `$pad` returns its definition. */
let replacements: Promise<Map<string, FunctionDefinition>> | undefined;

export function boundedFunctions(): Promise<Map<string, FunctionDefinition>> {
  replacements ??= (async () => {
    const bound = new Map<string, FunctionDefinition>();
    const original = async (name: string) => (await jsonata(`$${name}`).evaluate({})) as FunctionDefinition;
    for (const [name, replace] of Object.entries(REPLACEMENTS)) {
      const definition = await original(name);
      bound.set(name, { _jsonata_function: true, implementation: replace(definition), signature: definition.signature });
    }
    const now = await original('now');
    bound.set('now', { _jsonata_function: true, implementation: boundedNow(await original('fromMillis')), signature: now.signature });
    return bound;
  })();
  return replacements;
}

/**
 * The longest text a replacement could give: each match adds the replacement, and each `$n` in
 * it repeats at most the matched text. Matches are counted only when the rough bound (every
 * character a match) is too high.
 */
async function checkReplacement(text: string, pattern: unknown, replacement: string): Promise<void> {
  const references = (replacement.match(/\$/g) ?? []).length;
  const rough = text.length + (text.length + 1) * replacement.length + references * text.length;
  if (rough <= SIZE_LIMITS.maxTextLength) return;
  let matches = 0;
  let matched = 0;
  if (typeof pattern === 'string' && pattern !== '') {
    for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + pattern.length)) matches++;
    matched = matches * pattern.length;
  } else if (typeof pattern === 'function') {
    type Match = { match: string; next: () => Match | undefined } | undefined;
    for (let match = (await pattern(text)) as Match; match; match = match.next()) {
      matches++;
      matched += match.match.length;
    }
  }
  const longest = text.length + matches * replacement.length + references * matched;
  if (longest > SIZE_LIMITS.maxTextLength) throw textTooLong(longest);
}

/** A stable merge sort: O(n log n) calls of the admin's comparator, each an evaluation step that checks the time. */
async function mergeSort(list: readonly unknown[], swap: Comparator): Promise<unknown[]> {
  let from = [...list];
  let to = new Array<unknown>(from.length);
  for (let width = 1; width < from.length; width *= 2) {
    for (let start = 0; start < from.length; start += 2 * width) {
      const middle = Math.min(start + width, from.length);
      const end = Math.min(start + 2 * width, from.length);
      let left = start;
      let right = middle;
      for (let index = start; index < end; index++) {
        // As jsonata's $sort: a true answer means the left item goes after the right one.
        if (left < middle && (right >= end || !(await swap(from[left], from[right])))) to[index] = from[left++];
        else to[index] = from[right++];
      }
    }
    [from, to] = [to, from];
  }
  return from;
}

/** Adds `key` to `set`; true when it was not there yet. */
function addNew<T>(set: Set<T>, key: T): boolean {
  if (set.has(key)) return false;
  set.add(key);
  return true;
}
