import { ExpressionTooLargeError } from './expression-errors.js';
import { SIZE_LIMITS } from './expression-limits.js';

interface Measure {
  readonly size: number;
  readonly depth: number;
  /** Items of an array when it was measured: jsonata fills sequences by pushing, so a longer one is measured again. */
  readonly length: number;
}

const SCALAR: Measure = { size: 8, depth: 0, length: 0 };

/**
 * Measures the values one evaluation produces, step by step. A list or object is measured once
 * (remembered by identity for this evaluation), so a value built from shared parts, such as
 * `[$x, $x]` doubled in a loop, is measured in time proportional to what the step built while its
 * size counts every shared part as often as JSON would write it: the size bounds what writing,
 * comparing or cloning the value later costs. `produced` adds up what the steps built, so that
 * many values below the single-value limits cannot fill the memory together either.
 */
export class ValueMeter {
  private measured: WeakMap<object, Measure> | undefined;
  private produced = 0;
  /** The start of each range whose end is being evaluated, innermost last. */
  readonly rangeStarts: unknown[] = [];

  /** Checks the result of one evaluation step. */
  check(value: unknown): void {
    this.measure(value, 0);
    if (this.produced > SIZE_LIMITS.maxProduced) {
      throw new ExpressionTooLargeError(
        `the expression built more than ${SIZE_LIMITS.maxProduced / 1_000_000} MB of values and was stopped; work on fewer or smaller values`,
      );
    }
  }

  /** The size of a value as JSON would roughly write it, shared parts counted each time they appear. */
  sizeOf(value: unknown): number {
    return this.measure(value, 0).size;
  }

  private measure(value: unknown, depth: number): Measure {
    if (typeof value === 'string') {
      if (value.length > SIZE_LIMITS.maxTextLength) throw textTooLong(value.length);
      this.produced += value.length + 2;
      return value.length < 6 ? SCALAR : { size: value.length + 2, depth: 0, length: 0 };
    }
    if (typeof value !== 'object' || value === null) return SCALAR;
    this.measured ??= new WeakMap();
    const known = this.measured.get(value);
    if (known && (!Array.isArray(value) || known.length === value.length)) return known;
    if (depth >= SIZE_LIMITS.maxValueDepth) {
      throw new ExpressionTooLargeError(`a value of the expression is nested more than ${SIZE_LIMITS.maxValueDepth} levels deep; build flatter lists and objects`);
    }
    const measure = Array.isArray(value) ? this.measureList(value, depth) : this.measureObject(value, depth);
    if (measure.size > SIZE_LIMITS.maxValueSize) {
      throw new ExpressionTooLargeError(
        `a value of the expression grew past ${SIZE_LIMITS.maxValueSize / 1_000_000} MB; work on fewer or smaller values`,
      );
    }
    this.measured.set(value, measure);
    return measure;
  }

  private measureList(list: readonly unknown[], depth: number): Measure {
    if (list.length > SIZE_LIMITS.maxItems) throw tooManyItems(list.length);
    let size = 2 + list.length;
    let deepest = 0;
    for (const item of list) {
      const measure = this.measure(item, depth + 1);
      size += measure.size;
      deepest = Math.max(deepest, measure.depth);
    }
    // Only what this list adds: its items counted themselves when they were measured.
    this.produced += 2 + list.length;
    return { size, depth: deepest + 1, length: list.length };
  }

  private measureObject(object: object, depth: number): Measure {
    // jsonata's function values are objects too; they hold the parsed expression, not data.
    if ('_jsonata_lambda' in object || '_jsonata_function' in object) return SCALAR;
    let own = 2;
    let size = 0;
    let deepest = 0;
    for (const [key, item] of Object.entries(object)) {
      const measure = this.measure(item, depth + 1);
      own += key.length + 4;
      size += measure.size;
      deepest = Math.max(deepest, measure.depth);
    }
    this.produced += own;
    return { size: size + own, depth: deepest + 1, length: 0 };
  }
}

export function textTooLong(length: number): ExpressionTooLargeError {
  return new ExpressionTooLargeError(
    `a text of the expression would have ${length} characters, more than the ${SIZE_LIMITS.maxTextLength} allowed`,
  );
}

function tooManyItems(items: number): ExpressionTooLargeError {
  return new ExpressionTooLargeError(`a list of the expression would have ${items} items, more than the ${SIZE_LIMITS.maxItems} allowed`);
}

/** jsonata's per-evaluation environment, shared by every frame of one `evaluate()` as `base`. */
interface Environment {
  readonly base?: { [METER]?: ValueMeter };
}

const METER = Symbol('value meter');

/** The meter of the evaluation `environment` belongs to, kept on jsonata's per-evaluation environment. */
export function meterOf(environment: unknown): ValueMeter {
  const base = (environment as Environment).base ?? {};
  return (base[METER] ??= new ValueMeter());
}

/** Marks on the operands of a range (`[from..to]`), so that the step after `to` checks the size before jsonata builds it. */
const RANGE_FROM = Symbol('range start');
const RANGE_TO = Symbol('range end');

interface Marked {
  [RANGE_FROM]?: true;
  [RANGE_TO]?: true;
}

/**
 * Marks the operands of every range in a parsed expression. jsonata evaluates `from` and then
 * `to` as steps of their own before it fills the range, so the hook after `to` sees both values
 * while the range is not built yet.
 */
export function markRanges(ast: unknown): void {
  const seen = new Set<object>();
  const pending: unknown[] = [ast];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== 'object' || node === null || node instanceof RegExp || seen.has(node)) continue;
    seen.add(node);
    const range = node as { type?: unknown; value?: unknown; lhs?: Marked; rhs?: Marked };
    if (range.type === 'binary' && range.value === '..' && range.lhs && range.rhs) {
      range.lhs[RANGE_FROM] = true;
      range.rhs[RANGE_TO] = true;
    }
    pending.push(...Object.values(node));
  }
}

/**
 * jsonata's hook after every evaluation step. Numbers and booleans cost a type check (and a
 * look at the range marks); texts, lists and objects are measured.
 */
export function afterStep(node: unknown, _input: unknown, environment: unknown, result: unknown): void {
  const marked = node as Marked;
  if (marked[RANGE_FROM]) meterOf(environment).rangeStarts.push(result);
  else if (marked[RANGE_TO]) checkRange(meterOf(environment).rangeStarts.pop(), result);
  if (typeof result === 'string' || (typeof result === 'object' && result !== null)) meterOf(environment).check(result);
}

function checkRange(from: unknown, to: unknown): void {
  if (typeof from === 'number' && typeof to === 'number' && to - from + 1 > SIZE_LIMITS.maxItems) throw tooManyItems(to - from + 1);
}
