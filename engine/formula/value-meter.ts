import { ExpressionTooLargeError } from './expression-errors.js';
import { SIZE_LIMITS } from './expression-limits.js';
import { msg } from '../i18n/message.js';

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
 * comparing or cloning the value later costs. `produced` adds up what each step built, so that
 * many values below the single-value limits cannot fill the memory together either.
 */
export class ValueMeter {
  private readonly measured = new WeakMap<object, Measure>();
  private produced = 0;

  /** Checks the result of one evaluation step. */
  check(value: unknown): void {
    this.measure(value, 0);
    if (this.produced > SIZE_LIMITS.maxProduced) {
      throw new ExpressionTooLargeError(
        msg`the expression built more than ${SIZE_LIMITS.maxProduced / 1_000_000} MB of values and was stopped; work on fewer or smaller values`,
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
      return { size: value.length + 2, depth: 0, length: 0 };
    }
    if (typeof value !== 'object' || value === null) return SCALAR;
    const known = this.measured.get(value);
    if (known && (!Array.isArray(value) || known.length === value.length)) return known;
    if (depth >= SIZE_LIMITS.maxValueDepth) {
      throw new ExpressionTooLargeError(msg`a value of the expression is nested more than ${SIZE_LIMITS.maxValueDepth} levels deep; build flatter lists and objects`);
    }
    const measure = Array.isArray(value) ? this.measureList(value, depth) : this.measureObject(value, depth);
    if (measure.size > SIZE_LIMITS.maxValueSize) {
      throw new ExpressionTooLargeError(
        msg`a value of the expression grew past ${SIZE_LIMITS.maxValueSize / 1_000_000} MB; work on fewer or smaller values`,
      );
    }
    this.measured.set(value, measure);
    return measure;
  }

  private measureList(list: readonly unknown[], depth: number): Measure {
    if (list.length > SIZE_LIMITS.maxItems) {
      throw new ExpressionTooLargeError(msg`a list of the expression has ${list.length} items, more than the ${SIZE_LIMITS.maxItems} allowed`);
    }
    let size = 2 + list.length;
    let deepest = 0;
    for (const item of list) {
      const measure = this.measure(item, depth + 1);
      size += measure.size;
      deepest = Math.max(deepest, measure.depth);
    }
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
    // Only what this object adds: its items counted themselves when they were measured.
    this.produced += own;
    size += own;
    return { size, depth: deepest + 1, length: 0 };
  }
}

export function textTooLong(length: number): ExpressionTooLargeError {
  return new ExpressionTooLargeError(
    msg`a text of the expression would have ${length} characters, more than the ${SIZE_LIMITS.maxTextLength} allowed`,
  );
}

/** One meter per evaluation, found from jsonata's per-evaluation environment (`environment.base`). */
const meters = new WeakMap<object, ValueMeter>();

export function meterOf(environment: unknown): ValueMeter {
  const base = (environment as { base?: object } | undefined)?.base ?? {};
  let meter = meters.get(base);
  if (!meter) {
    meter = new ValueMeter();
    meters.set(base, meter);
  }
  return meter;
}
