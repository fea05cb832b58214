import type { ValidateFunction } from 'ajv';
import { ValidationError, type ErrorDetail } from '../errors/index.js';
import { fieldTypeOf } from '../fields/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import { readableErrors } from '../metadata/readable-errors.js';
import { msg } from '../i18n/message.js';

/**
 * Runs one of the object's compiled validators, then each field type's own check of what a schema
 * cannot say; every problem becomes a detail with its path.
 */
export function validateValues(
  object: CompiledObject,
  validate: ValidateFunction,
  values: Record<string, unknown>,
  extraProblems: ErrorDetail[] = [],
): void {
  const problems = validate(values)
    ? [...extraProblems]
    : [...readableErrors(validate.errors ?? [], { unknownProperty: msg`is not a field of ${object.name}` }), ...extraProblems];
  problems.push(...typeChecks(object, values));
  if (problems.length > 0) throw new ValidationError(problems);
}

function typeChecks(object: CompiledObject, values: Record<string, unknown>): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  for (const [name, value] of Object.entries(values)) {
    const field = value === null || value === undefined ? undefined : object.field(name);
    const message = field ? fieldTypeOf(field).check?.(value, field) : undefined;
    if (message) problems.push({ path: `/${name}`, message });
  }
  return problems;
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

/** A change to a record: values to set (valid, in their stored form) and fields to clear. */
export interface RecordChange {
  readonly values: Record<string, unknown>;
  readonly cleared: readonly string[];
}

/**
 * Checks a change to a record as every writer's change is checked (a client's, an approval
 * action's, an automation rule's): null or absent clears a field, a required field cannot be
 * cleared, every value passes its field's rules (400, every problem at once with its path).
 */
export function validateChange(object: CompiledObject, changes: Record<string, unknown>): RecordChange {
  const values: Record<string, unknown> = {};
  const cleared: string[] = [];
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === undefined) cleared.push(name);
    else values[name] = value;
  }
  const problems: ErrorDetail[] = cleared.flatMap((name) => {
    const field = object.field(name);
    if (!field) return [{ path: `/${name}`, message: msg`is not a field of ${object.name}` }];
    return field.required ? [{ path: `/${name}`, message: msg`is required and cannot be cleared` }] : [];
  });
  validateValues(object, object.validatePatch, values, problems);
  return { values: normalizeValues(object, values), cleared };
}
