import { ExpressionEvaluationError } from './expression-errors.js';
import { msg } from '../i18n/message.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * jsonata's results are not plain JSON: sequences are arrays carrying a `sequence` marker (and
 * sometimes `keepSingleton`, `outerWrapper`), objects it builds have a null prototype, "no match"
 * is `undefined`, and a path may return the input's own objects. Everything past the formula layer
 * (ajv, the store, deep-equal in tests, JSON responses) expects plain values, so results are copied
 * into plain arrays and objects here, once.
 */
export function toPlainJson(value: unknown): JsonValue {
  if (value === undefined || value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // jsonata refuses to produce infinities; an input could still hold one, and JSON cannot.
      return Number.isFinite(value) ? value : null;
    case 'function':
      throw returnedFunction();
    case 'object':
      return plainObjectOrArray(value);
    default:
      // bigint and symbol never come out of JSON input or jsonata's functions.
      throw new ExpressionEvaluationError(msg`the expression returned a ${typeof value}, which is not a JSON value`);
  }
}

function plainObjectOrArray(value: object): JsonValue {
  if (Array.isArray(value)) {
    const items: unknown[] = value;
    // jsonata already turns a one-item sequence into its item and an empty one into nothing;
    // doing the same here keeps that rule whatever path the value took.
    if (isSequence(value) && !('keepSingleton' in value && value.keepSingleton)) {
      if (items.length === 0) return null;
      if (items.length === 1) return toPlainJson(items[0]);
    }
    return items.map(toPlainJson);
  }
  if (value instanceof Date) return value.toISOString();
  if ('_jsonata_lambda' in value || '_jsonata_function' in value) throw returnedFunction();
  // As JSON.stringify does, a key whose value is nothing is left out. fromEntries defines own
  // properties, so a key `__proto__` stays a key instead of replacing the copy's prototype.
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => [key, toPlainJson(item)]),
  );
}

function isSequence(value: unknown[]): boolean {
  return 'sequence' in value && value.sequence === true;
}

function returnedFunction(): ExpressionEvaluationError {
  return new ExpressionEvaluationError(
    msg`the expression returned a function rather than a value; did you leave out the parentheses, as in $now()?`,
  );
}
