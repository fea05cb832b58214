import jsonata from 'jsonata';
import { checkUses, type ExpressionProblem, type ExpressionReferences } from './check-uses.js';
import { DEFAULT_LIMITS, jsonataOptions, limitsKey, type ExpressionLimits } from './expression-limits.js';
import type { ExpressionScope } from './expression-scope.js';
import { collectUses, type AstNode } from './expression-uses.js';
import { describeSyntaxError, isJsonataError, lowerFirst } from './jsonata-error.js';
import { sourceProblem } from './source-limits.js';
import { syntaxProblems } from './syntax-limits.js';
import { msg } from '../i18n/message.js';

/**
 * Beyond the default limits, a few other limit sets are kept parsed; past that, an evaluation with
 * yet other limits parses for itself, so odd callers cannot grow a snapshot's memory.
 */
const MAX_KEPT_LIMIT_SETS = 4;

/**
 * An expression checked against its object and parsed once, ready to evaluate any number of
 * times, concurrently. Immutable but for the memo of its parsed forms, one per set of limits,
 * because jsonata fixes its guardrails when it parses.
 */
export class CompiledExpression {
  private readonly parsed = new Map<string, jsonata.Expression>();

  constructor(
    readonly source: string,
    readonly references: ExpressionReferences,
    parsedWithDefaults: jsonata.Expression,
  ) {
    this.parsed.set(limitsKey(DEFAULT_LIMITS), parsedWithDefaults);
  }

  /** The parsed expression whose guardrails are these limits. For evaluate-expression only. */
  parsedFor(limits: ExpressionLimits): jsonata.Expression {
    const key = limitsKey(limits);
    const kept = this.parsed.get(key);
    if (kept) return kept;
    // The source parsed once already, so parsing again cannot fail.
    const expression = jsonata(this.source, jsonataOptions(limits));
    if (this.parsed.size <= MAX_KEPT_LIMIT_SETS) this.parsed.set(key, expression);
    return expression;
  }
}

const TOO_DEEP = msg`the expression nests too deeply to be read; take parts out into variables ($x := ...) or other formula fields`;

export type CompileResult = CompiledExpression | { problems: ExpressionProblem[] };

/**
 * Parses `source` and checks every field and variable it reads against `scope`. Problems are
 * returned, not thrown, because metadata compilation collects the problems of every expression
 * of a definition before it answers; `at` is the JSON Pointer of the expression in its definition
 * (`/fields/3/expression`) and becomes the `path` of each problem.
 */
export function compileExpression(source: string, scope: ExpressionScope, at = ''): CompileResult {
  if (source.trim() === '') return { problems: [{ path: at, message: msg`the expression is empty` }] };
  // Measured as text first: jsonata's parser recurses once per nested bracket or chained operator.
  const tooBig = sourceProblem(source);
  if (tooBig) return { problems: [{ path: at, ...tooBig }] };
  let parsed: jsonata.Expression;
  try {
    parsed = jsonata(source, jsonataOptions(DEFAULT_LIMITS));
  } catch (error) {
    if (isJsonataError(error)) {
      const position = error.position === undefined ? {} : { position: error.position };
      return { problems: [{ path: at, message: describeSyntaxError(error), ...position }] };
    }
    // jsonata hands a regex literal to `new RegExp` while parsing, which throws its own SyntaxError.
    if (error instanceof SyntaxError) return { problems: [{ path: at, message: msg`syntax error: ${lowerFirst(error.message)}` }] };
    // The text measure bounds the recursion; should a construct it does not count still recurse
    // too deep, that is a refusal of the expression, not a failure of the server.
    if (error instanceof RangeError) return { problems: [{ path: at, message: TOO_DEEP }] };
    throw error;
  }
  const limits = syntaxProblems(parsed.ast());
  if (limits.length > 0) return { problems: limits.map((problem) => ({ path: at, ...problem })) };
  // jsonata types its AST with `any` values; AstNode is the narrow view the walk relies on.
  const uses = collectUses(parsed.ast() as unknown as AstNode);
  const { problems, references } = checkUses(uses, scope, at);
  return problems.length > 0 ? { problems } : new CompiledExpression(source, references, parsed);
}

export function isCompiled(result: CompileResult): result is CompiledExpression {
  return result instanceof CompiledExpression;
}
