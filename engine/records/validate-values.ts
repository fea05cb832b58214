import type { ValidateFunction } from 'ajv';
import { ValidationError, type ErrorDetail } from '../errors/index.js';
import { fieldTypeOf } from '../fields/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import { readableErrors } from '../metadata/readable-errors.js';
import { msg } from '../i18n/message.js';

/** Runs one of the object's compiled validators; every problem becomes a detail with its path. */
export function validateValues(
  object: CompiledObject,
  validate: ValidateFunction,
  values: Record<string, unknown>,
  extraProblems: ErrorDetail[] = [],
): void {
  const problems = validate(values)
    ? [...extraProblems]
    : [...readableErrors(validate.errors ?? [], { unknownProperty: msg`is not a field of ${object.name}` }), ...extraProblems];
  if (problems.length > 0) throw new ValidationError(problems);
}

/** Puts valid values into their stored form, field type by field type. */
export function normalizeValues(object: CompiledObject, values: Record<string, unknown>): Record<string, unknown> {
  const normalized: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const field = object.field(name);
    const type = field ? fieldTypeOf(field) : undefined;
    normalized[name] = field && type?.normalize ? type.normalize(value, field) : value;
  }
  return normalized;
}
