import { InternalError } from '../errors/index.js';
import { LinearRegExp } from './linear-regexp.js';

/**
 * How long and how deep one evaluation may run. Admins write expressions and the engine runs
 * them inside requests, so a runaway (`$f := function($n){ $f($n + 1) }`) must end in an error
 * instead of holding the event loop.
 */
export interface ExpressionLimits {
  /** Milliseconds of processor time the evaluation may spend (cpu-budget.ts); 100 unless the caller says otherwise. */
  readonly timeoutMs: number;
  /** Nesting of evaluation steps (each operator, path step, function call counts); 500 by default. */
  readonly maxDepth: number;
}

export const DEFAULT_LIMITS: ExpressionLimits = Object.freeze({ timeoutMs: 100, maxDepth: 500 });

/**
 * jsonata's own time limit, on the clock, is this many times the processor-time budget: a backstop
 * for a process so starved that even its budget cannot be spent, not the limit that usually stops.
 */
export const WALL_CLOCK_SLACK = 10;

/**
 * How big the values of one evaluation may grow. The time limit is checked between evaluation
 * steps, so a single step that builds a huge value (`$pad("", 1e8)`, `[1..1e7]`, a text doubled
 * thirty times) would run to its end first and could exhaust the process's memory; every step's
 * result is therefore measured, and the functions that build large values from small arguments
 * check their arguments before they run. The numbers sit far above what a formula on one record
 * needs, and low enough that the costliest single step over a value at the limit (`$substring`
 * splits a text into code points, `$string` writes JSON) stays within a few tens of milliseconds.
 */
export const SIZE_LIMITS = Object.freeze({
  /** Characters of one text value: the longest a long-text field may hold (131,072) and some. */
  maxTextLength: 200_000,
  /** Characters of a formatting picture ($formatNumber, $fromMillis, $now ...). */
  maxPictureLength: 200,
  /** Items of one list (sequences, ranges, arrays). */
  maxItems: 100_000,
  /** Size of one value in bytes as JSON would roughly write it, shared parts counted each time. */
  maxValueSize: 10_000_000,
  /** Levels of lists and objects nested in one value. */
  maxValueDepth: 200,
  /** Bytes of all the values the steps of one evaluation produce together. */
  maxProduced: 50_000_000,
  /** Characters of an expression's source, as the object schema allows for a formula. */
  maxSourceLength: 5_000,
  /** Brackets nested in an expression's source: (), [], {}. */
  maxNesting: 64,
  /** Operators in an expression's source, each a level the parser may descend. */
  maxOperators: 1_000,
  /** Levels of the parsed expression: well below the evaluation's depth limit, which each level uses at least once. */
  maxSyntaxDepth: 200,
  /** Instructions of one compiled regular expression. */
  maxRegexProgram: 500,
  /** Characters read times instructions of the pattern, for the searches of one step: about 20 ms on an idle machine. */
  maxRegexWork: 1_000_000,
});

export type SizeLimits = typeof SIZE_LIMITS;

/**
 * `$eval` runs text built at run time: no check on the saved expression could see its nesting,
 * its regular expressions or its ranges, nor which fields it reads. It is refused outright.
 */
export const EVAL_REFUSED =
  '$eval is not available in expressions: it runs text built from the data, which cannot be checked when the expression is saved; write the expression itself';

/** Fills what the caller left out; a limit of zero or less would switch jsonata's check off, so it is refused. */
export function resolveLimits(limits: Partial<ExpressionLimits> = {}): ExpressionLimits {
  const timeoutMs = limits.timeoutMs ?? DEFAULT_LIMITS.timeoutMs;
  const maxDepth = limits.maxDepth ?? DEFAULT_LIMITS.maxDepth;
  if (!(timeoutMs > 0) || !(maxDepth > 0)) {
    throw new InternalError(`expression limits must be positive, got timeoutMs ${timeoutMs} and maxDepth ${maxDepth}`);
  }
  return { timeoutMs, maxDepth };
}

export function limitsKey(limits: ExpressionLimits): string {
  return `${limits.timeoutMs}/${limits.maxDepth}`;
}

/**
 * jsonata 2.2's own guardrails: before every evaluation step it compares the time since *this*
 * evaluation started (against the backstop, `WALL_CLOCK_SLACK` times the budget) and *this*
 * evaluation's depth with the limits. The start time and depth live
 * in the per-evaluation environment jsonata creates in `evaluate()`, so concurrent evaluations of
 * one parsed expression never see each other's clock. Regular expressions run on a linear-time
 * engine. jsonata's `sequence` option would cap lists too, but it gives every list it builds a
 * closure of its own for `push`, which doubled the time of a small formula; the value meter
 * checks ranges and lists instead.
 */
export function jsonataOptions(limits: ExpressionLimits): { timeout: number; stack: number; RegexEngine: RegExpConstructor } {
  return {
    // The processor-time budget (cpu-budget.ts) stops runaways; jsonata's clock is the backstop.
    timeout: limits.timeoutMs * WALL_CLOCK_SLACK,
    stack: limits.maxDepth,
    // jsonata types the option as the RegExp constructor, but only constructs it and calls `exec`.
    RegexEngine: LinearRegExp as unknown as RegExpConstructor,
  };
}
