import type jsonata from 'jsonata';
import { boundedFunctions } from './bounded-functions.js';
import type { CompiledExpression } from './compile-expression.js';
import { ExpressionEvaluationError, ExpressionTimeoutError, ExpressionTooDeepError, ExpressionTooLargeError } from './expression-errors.js';
import { resolveLimits, SIZE_LIMITS, type ExpressionLimits } from './expression-limits.js';
import { describeEvaluationError, isJsonataError } from './jsonata-error.js';
import { toPlainJson, type JsonValue } from './plain-json.js';
import { afterStep, markRanges } from './value-meter.js';
import { spendCpu } from './cpu-budget.js';
import { msg } from '../i18n/message.js';

/**
 * jsonata calls the function bound under this symbol after every evaluation step with the
 * step's result. `assign` takes a string name in jsonata's types, but binds any key.
 */
const EVALUATE_EXIT = Symbol.for('jsonata.__evaluate_exit') as unknown as string;

/** An evaluation longer than this lets the event loop answer other requests before the caller goes on. */
const YIELD_AFTER_MS = 10;

const guarded = new WeakSet<jsonata.Expression>();

/**
 * Evaluates a compiled expression against a record and returns plain JSON: `null` for "no
 * match", plain arrays and objects, never jsonata's sequences or null-prototype objects.
 *
 * `input` is the record; where the expression reads parent fields (`references.parents`), the
 * caller puts the parent record under the lookup's name (`{ account: { industry: 'x' } }`).
 * `bindings` are the variables the scope declared (`user`, `today`; a leading `$` is allowed).
 *
 * The depth limit is jsonata 2.2's own guardrail (`stack`); the time limit is a budget of
 * processor time, charged by the step hook in the evaluation's root environment (cpu-budget.ts),
 * with jsonata's clock (`timeout`) as a backstop ten times as long. jsonata compares the start time
 * and depth of *this* `evaluate()` call, kept in the environment it creates per call, so concurrent
 * evaluations of one parsed expression share no timing state. `__evaluate_entry` / `__evaluate_exit` hooks (bound under
 * `Symbol.for('jsonata.__evaluate_entry')`) would do the same check, but `assign` binds them in the
 * environment every evaluation of the expression shares, so their per-evaluation state would
 * have to travel through the bindings, and jsonata awaits a hook at every step. Measured here on
 * `amount * probability / 100`: 3 µs unguarded, 5 µs with the guardrails, 9 µs with hooks, about
 * 100 µs when parsing afresh per evaluation.
 *
 * Both kinds of check run between steps only, so no single step may run long or build much:
 * a hook after every step measures its result and checks a range's size before it is built, regular
 * expressions run on a linear-time engine with a bound on the work per search, the built-ins that
 * build large values from small arguments check them first (bounded-functions; value-meter for
 * the hook). The hook costs about half again the time of a small formula (measured on the
 * business-logic bench's eight expressions; see docs/performance.md). jsonata keeps one `$now()` timestamp per parsed
 * expression, reset by every `evaluate()`, so two overlapping evaluations may both see the later
 * one's start time.
 */
export async function evaluateExpression(
  compiled: CompiledExpression,
  input: Record<string, unknown>,
  bindings: Record<string, unknown> = {},
  limits: Partial<ExpressionLimits> = {},
): Promise<JsonValue> {
  const resolved = resolveLimits(limits);
  const expression = await guard(compiled.parsedFor(resolved), resolved);
  const started = performance.now();
  let result: unknown;
  try {
    result = await evaluateTwiceOnTimeout(expression, input, variables(bindings));
  } catch (error) {
    throw translate(error, resolved);
  } finally {
    // jsonata's steps are microtasks, which hold the event loop until the evaluation ends; a long
    // one lets waiting requests (other tenants' among them) through before the next starts.
    if (performance.now() - started > YIELD_AFTER_MS) await new Promise((resolve) => setImmediate(resolve));
  }
  return toPlainJson(result);
}

/**
 * A timeout is tried once more before it stops the expression. The processor time of the process
 * also counts its garbage collector's threads (busy in a large unit of work, a pack's thousands of
 * demo records), and jsonata's wall-clock backstop counts a whole stop of the process: a pause
 * happens once, while a runaway expression runs long again (it costs two limits instead of one).
 */
async function evaluateTwiceOnTimeout(expression: jsonata.Expression, input: Record<string, unknown>, bindings: Record<string, unknown>): Promise<unknown> {
  try {
    return await expression.evaluate(input, bindings);
  } catch (error) {
    if (!(error instanceof ExpressionTimeoutError) && !(isJsonataError(error) && error.code === 'D1012')) throw error;
    return await expression.evaluate(input, bindings);
  }
}

/**
 * Binds the size-checked built-ins and the step hook (sizes, then processor time) into a parsed
 * expression, once: a parsed expression belongs to one set of limits (`parsedFor`).
 */
async function guard(expression: jsonata.Expression, limits: ExpressionLimits): Promise<jsonata.Expression> {
  if (guarded.has(expression)) return expression;
  for (const [name, definition] of await boundedFunctions()) expression.assign(name, definition);
  const afterEachStep = (node: unknown, input: unknown, environment: unknown, result: unknown) => {
    afterStep(node, input, environment, result);
    spendCpu(environment, limits.timeoutMs);
  };
  expression.assign(EVALUATE_EXIT, afterEachStep as unknown as string);
  markRanges(expression.ast());
  guarded.add(expression);
  return expression;
}

/** jsonata binds variables by their name without `$`. */
function variables(bindings: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(bindings).map(([name, value]) => [name.replace(/^\$/, ''), value]));
}

/** jsonata's errors become typed engine errors; anything else (a bug in a bound function) goes on as it is. */
function translate(error: unknown, limits: ExpressionLimits): unknown {
  if (isJsonataError(error)) {
    if (error.code === 'D1012') return new ExpressionTimeoutError(limits.timeoutMs);
    if (error.code === 'D1011') return new ExpressionTooDeepError(limits.maxDepth);
    // A range past jsonata's own 1e7 (D2014), should the meter's check of ranges be passed by.
    if (error.code === 'D2014') {
      return new ExpressionTooLargeError(msg`a list of the expression would have more than the ${SIZE_LIMITS.maxItems} items allowed`);
    }
    return new ExpressionEvaluationError(describeEvaluationError(error), {
      jsonataCode: error.code,
      ...(error.position === undefined ? {} : { position: error.position }),
      cause: error,
    });
  }
  // A recursion deep inside one built-in (deep-equal on a deeply nested input) can still exhaust
  // the JavaScript stack between two depth checks.
  if (error instanceof RangeError && /call stack/i.test(error.message)) return new ExpressionTooDeepError(limits.maxDepth);
  // V8's own ceilings on one string or array, reached by a step between two checks of the meter.
  if (error instanceof RangeError && /invalid (string|array) length/i.test(error.message)) {
    return new ExpressionTooLargeError(msg`a value of the expression grew past what a text may hold (${SIZE_LIMITS.maxTextLength} characters) or a list may hold (${SIZE_LIMITS.maxItems} items)`);
  }
  return error;
}
