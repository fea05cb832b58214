export { compileExpression, isCompiled, CompiledExpression, type CompileResult } from './compile-expression.js';
export type { ExpressionProblem, ExpressionReferences } from './check-uses.js';
export { expressionScope, SYSTEM_FIELD_NAMES, type ExpressionScope, type ParentScope } from './expression-scope.js';
export { evaluateExpression } from './evaluate-expression.js';
export { DEFAULT_LIMITS, SIZE_LIMITS, type ExpressionLimits } from './expression-limits.js';
export {
  ExpressionEvaluationError,
  ExpressionTimeoutError,
  ExpressionTooDeepError,
  ExpressionTooLargeError,
  FormulaResultError,
} from './expression-errors.js';
export type { JsonValue } from './plain-json.js';
export { toResultType, type FormulaResultType, type FormulaValue, type ResultOptions } from './result-types.js';
export { BUILTIN_FUNCTIONS } from './builtin-functions.js';
