import { EngineError } from '../errors/index.js';
import { msg, type Text } from '../i18n/message.js';

/**
 * An expression failed on this record: a type error (`"a" + 1`), `$error()`, a limit. 422,
 * because the request is well formed but the record cannot be processed with the metadata as it
 * stands; the message is public because it speaks of the admin's expression, not of the engine.
 */
export class ExpressionEvaluationError extends EngineError {
  /** jsonata's code (`T2001`), when jsonata raised the error. */
  readonly jsonataCode: string | undefined;
  /** Where in the source, as jsonata counts: the offset just after the offending token. */
  readonly position: number | undefined;

  constructor(
    message: Text,
    options: { jsonataCode?: string; position?: number; code?: string; cause?: unknown } = {},
  ) {
    super(options.code ?? 'expression_failed', 422, message, { cause: options.cause });
    this.jsonataCode = options.jsonataCode;
    this.position = options.position;
  }
}

/** The expression ran past its time limit and was stopped, so that one runaway blocks nothing else. */
export class ExpressionTimeoutError extends ExpressionEvaluationError {
  constructor(readonly timeoutMs: number) {
    super(msg`the expression took longer than ${timeoutMs} ms and was stopped`, {
      code: 'expression_timeout',
      jsonataCode: 'D1012',
    });
  }
}

/** The expression nested deeper than its limit: almost always a function that never stops calling itself. */
export class ExpressionTooDeepError extends ExpressionEvaluationError {
  constructor(readonly maxDepth: number) {
    super(
      msg`the expression nested deeper than ${maxDepth} levels and was stopped; check that every function calling itself has a condition that ends the calls`,
      { code: 'expression_too_deep', jsonataCode: 'D1011' },
    );
  }
}

/** A formula's value does not fit the formula field's declared result type. */
export class FormulaResultError extends EngineError {
  constructor(message: Text) {
    super('formula_result_invalid', 422, message);
  }
}

/** A value of the expression grew past a size limit, or a step would have built one that does. */
export class ExpressionTooLargeError extends ExpressionEvaluationError {
  constructor(message: Text) {
    super(message, { code: 'expression_too_large' });
  }
}
