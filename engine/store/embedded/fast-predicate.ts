import type { Doc, Filter } from '../port.js';

export type Predicate = (doc: Doc) => boolean;
type Scalar = string | number | boolean | null;

/**
 * The common part of the query subset (top-level fields, scalar operands, the comparison, set,
 * regex and logical operators the records API emits) as a plain test, several times faster than
 * mingo's general evaluator. Anything outside that part returns undefined and mingo evaluates it;
 * the store contract suite holds both to MongoDB's semantics: null equals missing, comparisons
 * only within one type, arrays match by any element.
 *
 * The filter is checked once and then read as it stands for each document, rather than compiled
 * into a tree of closures: most filters test a handful of documents (a GET's access filter tests
 * one, a record's work items a few), where building the closures and the garbage they left cost
 * more than the tests. The two things worth preparing are kept beside the filter: a long `$in`
 * list as a set, a `$regex` compiled once.
 */
export function compileFastPredicate(filter: Filter): Predicate | undefined {
  if (!supportedFilter(filter)) return undefined;
  return (doc) => matchesFilter(filter, doc);
}

function supportedFilter(filter: Filter): boolean {
  for (const key in filter) {
    const condition = filter[key];
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(condition) || condition.length === 0) return false;
      for (const part of condition) if (part === null || typeof part !== 'object' || Array.isArray(part) || !supportedFilter(part as Filter)) return false;
    } else if (key.startsWith('$') || key.includes('.') || !supportedCondition(condition)) return false;
  }
  return true;
}

function supportedCondition(condition: unknown): boolean {
  if (isScalar(condition)) return true;
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) return false;
  const options = (condition as Record<string, unknown>).$options;
  let tests = 0;
  for (const operator in condition) {
    if (operator === '$options') continue;
    if (!supportedOperator(operator, (condition as Record<string, unknown>)[operator], options)) return false;
    // Compiled now: a pattern that is no regular expression fails the query even when nothing is tested.
    if (operator === '$regex') regexOf(condition as Record<string, unknown>);
    tests++;
  }
  return tests > 0;
}

function supportedOperator(operator: string, operand: unknown, options: unknown): boolean {
  switch (operator) {
    case '$eq':
    case '$ne':
      return isScalar(operand);
    case '$in':
    case '$nin':
      return Array.isArray(operand) && operand.every(isScalar);
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      return typeof operand === 'number' || typeof operand === 'string';
    case '$regex':
      return typeof operand === 'string' && (options === undefined || options === 'i' || options === '');
    default:
      return false;
  }
}

function isScalar(value: unknown): value is Scalar {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function matchesFilter(filter: Filter, doc: Doc): boolean {
  for (const key in filter) {
    const condition = filter[key];
    if (key === '$and') {
      for (const part of condition as Filter[]) if (!matchesFilter(part, doc)) return false;
    } else if (key === '$or') {
      let any = false;
      for (const part of condition as Filter[]) if ((any = matchesFilter(part, doc))) break;
      if (!any) return false;
    } else if (!matchesCondition(doc[key], condition)) return false;
  }
  return true;
}

function matchesCondition(value: unknown, condition: unknown): boolean {
  if (isScalar(condition)) return anyValue(value, EQUALS, condition);
  for (const operator in condition as Record<string, unknown>) {
    if (operator === '$options') continue;
    const operand = operator === '$regex' ? regexOf(condition as Record<string, unknown>) : (condition as Record<string, unknown>)[operator];
    const { test, negated } = OPERATORS[operator as Operator];
    if (anyValue(value, test, operand) === negated) return false;
  }
  return true;
}

type Test = (value: unknown, operand: never) => boolean;

/** A scalar test applied as MongoDB does to a field: to the value, or to any element of an array. */
function anyValue(value: unknown, test: Test, operand: unknown): boolean {
  if (!Array.isArray(value)) return test(value, operand as never);
  for (const item of value) if (test(item, operand as never)) return true;
  return false;
}

const EQUALS = (value: unknown, operand: Scalar) => (operand === null ? value === null || value === undefined : value === operand);

/** Null in the list also matches a missing field. */
const IN = (value: unknown, operand: Scalar[]) => (value === null || value === undefined ? operand.includes(null) : inList(operand, value));

const GREATER = (value: unknown, operand: number | string) => typeof value === typeof operand && (value as number | string) > operand;
const GREATER_OR_EQUAL = (value: unknown, operand: number | string) => typeof value === typeof operand && (value as number | string) >= operand;
const LESS = (value: unknown, operand: number | string) => typeof value === typeof operand && (value as number | string) < operand;
const LESS_OR_EQUAL = (value: unknown, operand: number | string) => typeof value === typeof operand && (value as number | string) <= operand;
const MATCHES = (value: unknown, pattern: RegExp) => typeof value === 'string' && pattern.test(value);

type Operator = '$eq' | '$ne' | '$in' | '$nin' | '$gt' | '$gte' | '$lt' | '$lte' | '$regex';

/** Each operator's test of one value, and whether the field matches when no value passes it ($ne, $nin). */
const OPERATORS: Record<Operator, { test: Test; negated: boolean }> = {
  $eq: { test: EQUALS, negated: false },
  $ne: { test: EQUALS, negated: true },
  $in: { test: IN, negated: false },
  $nin: { test: IN, negated: true },
  $gt: { test: GREATER, negated: false },
  $gte: { test: GREATER_OR_EQUAL, negated: false },
  $lt: { test: LESS, negated: false },
  $lte: { test: LESS_OR_EQUAL, negated: false },
  $regex: { test: MATCHES, negated: false },
};

/** Up to this many values, a list is searched as it stands; a longer one (record access sends hundreds of ids) as a set, made once per list. */
const SHORT_LIST = 8;
const listSets = new WeakMap<readonly unknown[], ReadonlySet<unknown>>();

function inList(list: readonly unknown[], value: unknown): boolean {
  if (list.length <= SHORT_LIST) return list.includes(value);
  let set = listSets.get(list);
  if (!set) listSets.set(list, (set = new Set(list)));
  return set.has(value);
}

const regexes = new WeakMap<Record<string, unknown>, RegExp>();

function regexOf(condition: Record<string, unknown>): RegExp {
  let pattern = regexes.get(condition);
  if (!pattern) regexes.set(condition, (pattern = new RegExp(condition.$regex as string, condition.$options === 'i' ? 'i' : '')));
  return pattern;
}
