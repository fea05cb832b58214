import jsonata from 'jsonata';
import { ExpressionTooLargeError } from './expression-errors.js';
import { SIZE_LIMITS } from './expression-limits.js';
import { sourceProblem } from './source-limits.js';
import { meterOf, textTooLong } from './value-meter.js';
import { msg } from '../i18n/message.js';

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
 * comparison (4 GB for 100,000 numbers), `$distinct` compares every pair. Each replacement keeps
 * the original's signature, so argument checks and messages stay jsonata's own.
 */
const REPLACEMENTS: Record<string, (original: FunctionDefinition) => FunctionDefinition['implementation']> = {
  pad: (original) =>
    function (this: Focus, ...args: never[]) {
      const [, width] = args as unknown[];
      if (typeof width === 'number' && Math.abs(Math.trunc(width)) > SIZE_LIMITS.maxTextLength) throw textTooLong(Math.abs(Math.trunc(width)));
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
      // jsonata compares every pair; keys of a canonical form find the same values in linear time.
      const seen = new Set<string>();
      const result: unknown[] = 'sequence' in list && list.sequence === true ? this.createSequence() : [];
      for (const item of list) {
        const key = canonical(item);
        if (seen.has(key)) continue;
        seen.add(key);
        result.push(item);
      }
      return result;
    },
  eval: (original) =>
    function (this: Focus, ...args: never[]) {
      const [source] = args as unknown[];
      const problem = typeof source === 'string' ? sourceProblem(source) : undefined;
      if (problem) throw new ExpressionTooLargeError(msg`$eval cannot run this text: ${problem.message}`);
      return original.implementation.apply(this, args);
    },
};

/** The originals, read once from jsonata's own bindings: evaluating `$pad` returns its definition. */
let replacements: Promise<Map<string, FunctionDefinition>> | undefined;

export function boundedFunctions(): Promise<Map<string, FunctionDefinition>> {
  replacements ??= (async () => {
    const bound = new Map<string, FunctionDefinition>();
    for (const [name, replace] of Object.entries(REPLACEMENTS)) {
      const original = (await jsonata(`$${name}`).evaluate({})) as FunctionDefinition;
      bound.set(name, { _jsonata_function: true, implementation: replace(original), signature: original.signature });
    }
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

/** A text equal for values jsonata deems equal: object keys in any order, lists in theirs. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return typeof value === 'string' ? JSON.stringify(value) : `${typeof value}:${String(value)}`;
}
