import { msg, type Text } from '../i18n/message.js';
import { EngineError, type ErrorDetail } from './engine-error.js';

/** 400: the input does not match the schema; every problem is listed with its path. */
export class ValidationError extends EngineError {
  constructor(details: ErrorDetail[], message: Text = summarize(details)) {
    super('validation_failed', 400, message, { details });
  }
}

function summarize(details: ErrorDetail[]): Text {
  const first = details[0];
  if (!first) return msg`The input is not valid.`;
  const more = moreProblems(details.length);
  if (!first.path) return msg`The input ${first.message}${more}.`;
  return msg`'${first.path.slice(1).replace(/\//g, '.')}' ${first.message}${more}.`;
}

/** What a summary of several problems adds after the first: " (and one more problem)", " (and 3 more problems)"; nothing for one. */
export function moreProblems(count: number): Text {
  return count <= 1 ? '' : count === 2 ? msg` (and one more problem)` : msg` (and ${count - 1} more problems)`;
}

export class NotFoundError extends EngineError {
  constructor(message: Text) {
    super('not_found', 404, message);
  }
}

/** 409: the request is well formed but clashes with what is stored (a duplicate, records in the way). */
export class ConflictError extends EngineError {
  constructor(code: string, message: Text, details: ErrorDetail[] = []) {
    super(code, 409, message, { details });
  }
}

/** 412: If-Match named a version that is no longer current. */
export class StaleVersionError extends EngineError {
  constructor(expected: number, actual: number) {
    super(
      'version_conflict',
      412,
      msg`The record was changed by someone else: you sent version ${expected}, the current version is ${actual}. Reload it and apply your change again.`,
    );
  }
}

/** 422: the input is well formed but breaks a business rule. */
export class RuleViolationError extends EngineError {
  constructor(details: ErrorDetail[], message: Text = msg`The record breaks one or more validation rules.`) {
    super('rule_violated', 422, message, { details });
  }
}

export class ForbiddenError extends EngineError {
  constructor(message: Text, details: ErrorDetail[] = []) {
    super('forbidden', 403, message, { details });
  }
}

/** An invariant the engine relies on was broken: a bug, never a client's fault. */
export class InternalError extends EngineError {
  constructor(message: string, cause?: unknown) {
    super('internal', 500, message, { isPublic: false, cause });
  }
}
