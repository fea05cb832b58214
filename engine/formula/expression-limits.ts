import { InternalError } from '../errors/index.js';

/**
 * How long and how deep one evaluation may run. Admins write expressions and the engine runs
 * them inside requests, so a runaway (`$f := function($n){ $f($n + 1) }`) must end in an error
 * instead of holding the event loop.
 */
export interface ExpressionLimits {
  /** Milliseconds from the start of the evaluation; 100 unless the caller says otherwise. */
  readonly timeoutMs: number;
  /** Nesting of evaluation steps (each operator, path step, function call counts); 500 by default. */
  readonly maxDepth: number;
}

export const DEFAULT_LIMITS: ExpressionLimits = Object.freeze({ timeoutMs: 100, maxDepth: 500 });

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
 * evaluation started and *this* evaluation's depth with the limits. The start time and depth live
 * in the per-evaluation environment jsonata creates in `evaluate()`, so concurrent evaluations of
 * one parsed expression never see each other's clock (see evaluate-expression for why this is
 * used rather than `__evaluate_entry` hooks).
 */
export function jsonataOptions(limits: ExpressionLimits): { timeout: number; stack: number } {
  return { timeout: limits.timeoutMs, stack: limits.maxDepth };
}
