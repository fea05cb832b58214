export { EngineError, isEngineError, type ErrorDetail, type EngineErrorOptions } from './engine-error.js';
export {
  ValidationError,
  NotFoundError,
  ConflictError,
  StaleVersionError,
  RuleViolationError,
  ForbiddenError,
  InternalError,
  moreProblems,
} from './kinds.js';
export { assertNever } from './assert-never.js';
