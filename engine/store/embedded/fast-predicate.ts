import type { Doc, Filter } from '../port.js';

export type Predicate = (doc: Doc) => boolean;
type Scalar = string | number | boolean | null;

/**
 * Compiles the common part of the query subset (top-level fields, scalar operands, the comparison,
 * set, regex and logical operators the records API emits) into a plain closure, which tests a
 * document several times faster than mingo's general evaluator. Anything outside that part
 * returns undefined and mingo evaluates it; the store contract suite holds both to MongoDB's
 * semantics: null equals missing, comparisons only within one type, arrays match by any element.
 */
export function compileFastPredicate(filter: Filter): Predicate | undefined {
  const clauses: Predicate[] = [];
  for (const [key, condition] of Object.entries(filter)) {
    const clause = key === '$and' || key === '$or' ? logical(key, condition) : key.startsWith('$') || key.includes('.') ? undefined : field(key, condition);
    if (!clause) return undefined;
    clauses.push(clause);
  }
  if (clauses.length === 1) return clauses[0];
  return (doc) => clauses.every((clause) => clause(doc));
}

function logical(key: '$and' | '$or', condition: unknown): Predicate | undefined {
  if (!Array.isArray(condition) || condition.length === 0) return undefined;
  const parts: Predicate[] = [];
  for (const part of condition) {
    if (part === null || typeof part !== 'object' || Array.isArray(part)) return undefined;
    const compiled = compileFastPredicate(part as Filter);
    if (!compiled) return undefined;
    parts.push(compiled);
  }
  return key === '$and' ? (doc) => parts.every((part) => part(doc)) : (doc) => parts.some((part) => part(doc));
}

function isScalar(value: unknown): value is Scalar {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function field(name: string, condition: unknown): Predicate | undefined {
  if (isScalar(condition)) return matchesValue(name, equals(condition));
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) return undefined;
  const entries = Object.entries(condition as Record<string, unknown>);
  const options = (condition as Record<string, unknown>).$options;
  const tests: Predicate[] = [];
  for (const [operator, operand] of entries) {
    if (operator === '$options') continue;
    const test = operatorTest(name, operator, operand, options);
    if (!test) return undefined;
    tests.push(test);
  }
  if (tests.length === 0) return undefined;
  return tests.length === 1 ? tests[0] : (doc) => tests.every((test) => test(doc));
}

function operatorTest(name: string, operator: string, operand: unknown, options: unknown): Predicate | undefined {
  switch (operator) {
    case '$eq':
      return isScalar(operand) ? matchesValue(name, equals(operand)) : undefined;
    case '$ne':
      return isScalar(operand) ? negate(matchesValue(name, equals(operand))) : undefined;
    case '$in':
    case '$nin': {
      if (!Array.isArray(operand) || !operand.every(isScalar)) return undefined;
      // A set answers in one step however long the list (record access sends hundreds of ids);
      // null stays a test of its own, since it also matches a missing field.
      const values = new Set<Scalar>(operand.filter((value) => value !== null));
      const orMissing = operand.includes(null);
      const any = matchesValue(name, (value) => values.has(value as Scalar) || (orMissing && (value === null || value === undefined)));
      return operator === '$in' ? any : negate(any);
    }
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      return typeof operand === 'number' || typeof operand === 'string' ? matchesValue(name, compare(operator, operand)) : undefined;
    case '$regex': {
      if (typeof operand !== 'string' || (options !== undefined && options !== 'i' && options !== '')) return undefined;
      const pattern = new RegExp(operand, options === 'i' ? 'i' : '');
      return matchesValue(name, (value) => typeof value === 'string' && pattern.test(value));
    }
    default:
      return undefined;
  }
}

/** A scalar test applied as MongoDB does to a field: to the value, or to any element of an array. */
function matchesValue(name: string, test: (value: unknown) => boolean): Predicate {
  return (doc) => {
    const value = doc[name];
    if (Array.isArray(value)) return value.some(test);
    return test(value);
  };
}

function equals(operand: Scalar): (value: unknown) => boolean {
  return operand === null ? (value) => value === null || value === undefined : (value) => value === operand;
}

function compare(operator: '$gt' | '$gte' | '$lt' | '$lte', operand: number | string): (value: unknown) => boolean {
  const type = typeof operand;
  switch (operator) {
    case '$gt':
      return (value) => typeof value === type && (value as number | string) > operand;
    case '$gte':
      return (value) => typeof value === type && (value as number | string) >= operand;
    case '$lt':
      return (value) => typeof value === type && (value as number | string) < operand;
    case '$lte':
      return (value) => typeof value === type && (value as number | string) <= operand;
  }
}

function negate(predicate: Predicate): Predicate {
  return (doc) => !predicate(doc);
}
