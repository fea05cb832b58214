import type { Doc } from '../port.js';
import { isPlainObject } from '../plain-object.js';

/**
 * Groups documents as they stream by, one at a time: a summary over a million records then holds
 * its groups, not the records (holding them, even cut down to the grouped fields, left hundreds of
 * MiB of old-space garbage behind each run).
 */
export interface GroupFold {
  /** False when the document holds a value the plain loop does not handle: the caller then asks mingo. */
  add(doc: Doc): boolean;
  /** One row per group, in the order groups first appeared, as mingo gives them. */
  rows(): Doc[];
}

/** Groups documents in one pass; undefined when a value falls outside what it handles (the caller then asks mingo). */
export type CompiledGroup = (docs: Iterable<Doc>) => Doc[] | undefined;

/**
 * A `$group` of the shape summaries and reports send, run as a plain loop: mingo evaluates each
 * expression of each document through its generic operator machinery, about 30× the time of the
 * loop, and that was most of a summary over 100,000 records. The shape: `_id` null, one top-level
 * field, or an object of named parts, each a top-level field or the first characters of one (a
 * report's levels, a date-time's day); accumulators `$sum` of a number, of a field, or of `$cond` on `$isNumber` of a field
 * choosing between numbers, null and `$round` (to units) of the field times a number; `$min` and
 * `$max` of a field; `$addToSet` of a field. Anything else is not compiled (undefined), and a group key that is an array
 * or an object, or a `$min`/`$max` over values of different types, gives up at run time: mingo
 * answers those, so the answer is always mingo's (tests/contract/store.contract.spec.ts runs both).
 * Documents are folded in the order given, so sums add in mingo's order, to the same bits.
 */
export function compileGroup(spec: Record<string, unknown>): CompiledGroup | undefined {
  const start = compileGroupFold(spec);
  if (!start) return undefined;
  return (docs) => {
    const fold = start();
    for (const doc of docs) if (!fold.add(doc)) return undefined;
    return fold.rows();
  };
}

/** What compileGroup compiles, as a fold to feed one document at a time: each call of the result starts an empty one. */
export function compileGroupFold(spec: Record<string, unknown>): (() => GroupFold) | undefined {
  const key = spec._id === null ? null : compileKey(spec._id);
  if (key === undefined) return undefined;
  const accumulators: [string, Accumulator][] = [];
  for (const [name, expression] of Object.entries(spec)) {
    if (name === '_id') continue;
    const accumulator = compileAccumulator(expression);
    if (!accumulator) return undefined;
    accumulators.push([name, accumulator]);
  }
  return () => {
    const groups = new Map<unknown, { key: unknown; states: AccumulatorState[] }>();
    return {
      add(doc) {
        const identity = key === null ? null : key.identity(doc);
        if (identity === undefined) return false;
        let group = groups.get(identity);
        if (!group) groups.set(identity, (group = { key: key === null ? null : key.value(doc), states: accumulators.map(([, accumulator]) => accumulator.start()) }));
        for (let i = 0; i < accumulators.length; i++) if (!accumulators[i]![1].add(group.states[i]!, doc)) return false;
        return true;
      },
      rows() {
        const rows: Doc[] = [];
        for (const group of groups.values()) {
          const row: Record<string, unknown> = { _id: group.key };
          accumulators.forEach(([name, accumulator], i) => (row[name] = accumulator.result(group.states[i]!)));
          rows.push(row as Doc);
        }
        return rows;
      },
    };
  };
}

/**
 * A group key: what tells a document's group apart in a map (undefined: a value not handled here),
 * and the key as the group's row shows it, made once per group.
 */
interface GroupKey {
  identity(doc: Doc): unknown;
  value(doc: Doc): unknown;
}

/**
 * `'$field'`, or an object of named parts (a report's levels), each `'$field'` or
 * `{ $substrBytes: ['$field', 0, n] }` (a date-time's day).
 */
function compileKey(expression: unknown): GroupKey | undefined {
  const field = fieldOf(expression);
  if (field !== undefined) {
    const value = (doc: Doc) => primitive(doc[field] ?? null);
    return { identity: value, value };
  }
  if (!isPlainObject(expression) || Object.keys(expression).length === 0) return undefined;
  const parts: [string, (doc: Doc) => unknown][] = [];
  for (const [name, part] of Object.entries(expression)) {
    if (name.startsWith('$')) return undefined;
    const read = compilePart(part);
    if (!read) return undefined;
    parts.push([name, read]);
  }
  return {
    // Parts are primitives: their types, lengths and texts in a row tell keys apart (1 from '1', null from missing).
    identity: (doc) => {
      let identity = '';
      for (const [, read] of parts) {
        const value = read(doc);
        if (value === undefined) return undefined;
        const text = value === MISSING ? '' : String(value);
        identity += value === MISSING ? '|u' : `|${typeof value}${text.length}:${text}`;
      }
      return identity;
    },
    value: (doc) => Object.fromEntries(parts.map(([name, read]) => {
      const value = read(doc);
      return [name, value === MISSING ? undefined : value];
    })),
  };
}

function compilePart(part: unknown): ((doc: Doc) => unknown) | undefined {
  const field = fieldOf(part);
  // A missing part stays undefined in mingo's key (null when the field holds null): two groups.
  if (field !== undefined) return (doc) => (doc[field] === undefined ? MISSING : primitive(doc[field]));
  if (!isPlainObject(part) || Object.keys(part).length !== 1 || !Array.isArray(part.$substrBytes)) return undefined;
  const [source, start, length] = part.$substrBytes as [unknown, unknown, unknown];
  const from = fieldOf(source);
  if (from === undefined || start !== 0 || typeof length !== 'number' || !Number.isInteger(length) || length < 0) return undefined;
  return (doc) => {
    const value = doc[from];
    // mingo: null or missing is the empty text; ASCII text (ISO dates) cut as bytes are cut as characters.
    if (value === null || value === undefined) return '';
    return typeof value === 'string' && /^[\x00-\x7f]*$/.test(value) ? value.slice(0, length) : undefined;
  };
}

const MISSING = Symbol('missing');

/** A value that can be a key part here: null, text, a number, a boolean; undefined for anything else. */
function primitive(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? undefined : value;
}

type AccumulatorState = { value: unknown; count: number };

interface Accumulator {
  start(): AccumulatorState;
  /** False when the value is one the plain loop does not handle. */
  add(state: AccumulatorState, doc: Doc): boolean;
  result(state: AccumulatorState): unknown;
}

function compileAccumulator(expression: unknown): Accumulator | undefined {
  if (!isPlainObject(expression) || Object.keys(expression).length !== 1) return undefined;
  const [[operator, argument]] = Object.entries(expression) as [[string, unknown]];
  if (operator === '$sum') {
    // mingo: a number is that number per document; else the numbers among the values, added in order.
    if (isNumber(argument)) return { start: () => ({ value: 0, count: 0 }), add: (state) => (state.count++, true), result: (state) => state.count * argument };
    const term = compileTerm(argument);
    if (!term) return undefined;
    return {
      start: () => ({ value: 0, count: 0 }),
      add: (state, doc) => {
        const value = term(doc);
        if (isNumber(value)) state.value = (state.value as number) + value;
        return true;
      },
      result: (state) => state.value,
    };
  }
  if (operator === '$addToSet') {
    const field = fieldOf(argument);
    if (field === undefined) return undefined;
    // mingo adds a missing value as null; values that are lists or objects are left to mingo.
    return {
      start: () => ({ value: new Map<unknown, unknown>(), count: 0 }),
      add: (state, doc) => {
        const value = doc[field] ?? null;
        if (value !== null && typeof value === 'object') return false;
        const seen = state.value as Map<unknown, unknown>;
        const identity = `${typeof value}:${String(value)}`;
        if (!seen.has(identity)) seen.set(identity, value);
        return true;
      },
      result: (state) => [...(state.value as Map<unknown, unknown>).values()],
    };
  }
  if (operator === '$min' || operator === '$max') {
    const field = fieldOf(argument);
    if (field === undefined) return undefined;
    const better = operator === '$min' ? (a: number | string, b: number | string) => a < b : (a: number | string, b: number | string) => a > b;
    return {
      start: () => ({ value: null, count: 0 }),
      add: (state, doc) => {
        const value = doc[field];
        if (value === null || value === undefined) return true;
        if (typeof value !== 'number' && typeof value !== 'string') return false;
        if (Number.isNaN(value)) return false;
        if (state.value === null) state.value = value;
        else if (typeof state.value !== typeof value) return false;
        else if (better(value, state.value as number | string)) state.value = value;
        return true;
      },
      result: (state) => state.value,
    };
  }
  return undefined;
}

/** A value a `$sum` adds: a field, a number, null, or `$cond` on `$isNumber` of a field between such terms and the field's units. */
function compileTerm(expression: unknown): ((doc: Doc) => unknown) | undefined {
  if (isNumber(expression) || expression === null) return () => expression;
  const field = fieldOf(expression);
  if (field !== undefined) return (doc) => doc[field];
  if (!isPlainObject(expression) || Object.keys(expression).length !== 1) return undefined;
  const cond = expression.$cond;
  if (!Array.isArray(cond) || cond.length !== 3) return undefined;
  const [test, then, otherwise] = cond as [unknown, unknown, unknown];
  const tested = isPlainObject(test) && Object.keys(test).length === 1 ? fieldOf(test.$isNumber) : undefined;
  if (tested === undefined) return undefined;
  const whenNumber = compileTerm(then) ?? unitsOf(then, tested);
  const whenNot = compileTerm(otherwise);
  if (!whenNumber || !whenNot) return undefined;
  return (doc) => (isNumber(doc[tested]) ? whenNumber(doc) : whenNot(doc));
}

/** `{ $round: [{ $multiply: ['$field', factor] }, 0] }` of the field `$isNumber` tested: a number here. */
function unitsOf(expression: unknown, tested: string): ((doc: Doc) => unknown) | undefined {
  if (!isPlainObject(expression) || Object.keys(expression).length !== 1 || !Array.isArray(expression.$round)) return undefined;
  const [product, places] = expression.$round as [unknown, unknown];
  if (places !== 0 || !isPlainObject(product) || Object.keys(product).length !== 1 || !Array.isArray(product.$multiply)) return undefined;
  const [first, factor] = product.$multiply as [unknown, unknown];
  if (fieldOf(first) !== tested || !isNumber(factor) || (product.$multiply as unknown[]).length !== 2) return undefined;
  return (doc) => roundHalfToEven((doc[tested] as number) * factor);
}

/**
 * mingo's `$round` to no decimals (its `truncate` with `roundOff`), step for step, so that the
 * plain loop and mingo give the same units: half to even, judged on the first decimal of the
 * fraction as `toFixed(1)` prints it.
 */
function roundHalfToEven(num: number): number {
  if (Number.isNaN(num) || Math.abs(num) === Infinity) return num;
  const sign = Math.abs(num) === num ? 1 : -1;
  const magnitude = Math.abs(num);
  let result = Math.trunc(magnitude);
  const decimals = parseFloat((magnitude - result).toFixed(1));
  const firstDigit = Math.trunc(10 * decimals);
  if (((result & 1) === 1 && firstDigit >= 5) || firstDigit > 5) result++;
  return result * sign;
}

/** The top-level field of `'$field'`; undefined for anything else (a path, a variable, an expression). */
function fieldOf(expression: unknown): string | undefined {
  if (typeof expression !== 'string' || !expression.startsWith('$') || expression.startsWith('$$')) return undefined;
  const field = expression.slice(1);
  return field === '' || field.includes('.') ? undefined : field;
}

/** mingo's isNumber: a number that is not NaN. */
function isNumber(value: unknown): value is number {
  return typeof value === 'number' && !Number.isNaN(value);
}
