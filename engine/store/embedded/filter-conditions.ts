import type { Filter } from '../port.js';

/** One end of a range condition ($gt, $gte, $lt, $lte) on a number or a string. */
export interface Bound {
  value: number | string;
  inclusive: boolean;
}

/** What a filter says about one field, in the form an index can answer. */
export type FieldCondition = { kind: 'equal'; values: (string | number | boolean | null)[] } | { kind: 'range'; low?: Bound; high?: Bound };

export interface FilterConditions {
  readonly fields: Map<string, FieldCondition>;
  /**
   * Whether the conditions say all the filter says: then an index that takes every one of them
   * answers the filter alone (a count is a count of index entries). Anything else ($or, $ne,
   * $regex, a second condition on one field ...) is still tested on each candidate.
   */
  readonly complete: boolean;
  /** The branches of each `$or` the filter requires (at its top level or in `$and`). */
  readonly alternatives: readonly (readonly Filter[])[];
}

type Scalar = string | number | boolean | null;

const isScalar = (value: unknown): value is Scalar => value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/**
 * The conditions of a filter that an index can serve: equalities ($eq, a bare value, $in of
 * scalars, null among them) and ranges on numbers or strings, from the filter's top level and
 * from `$and` inside it (the record-access filter is merged in that way).
 */
export function filterConditions(filter: Filter): FilterConditions {
  const fields = new Map<string, FieldCondition>();
  const alternatives: Filter[][] = [];
  let complete = true;
  const collect = (part: Filter): void => {
    for (const [key, condition] of Object.entries(part)) {
      if (key === '$and' && Array.isArray(condition)) {
        for (const inner of condition) {
          if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) collect(inner as Filter);
          else complete = false;
        }
        continue;
      }
      if (key === '$or' && Array.isArray(condition) && condition.length > 0 && condition.every(isPlainFilter)) alternatives.push(condition);
      if (key.startsWith('$')) {
        complete = false;
        continue;
      }
      const found = fieldCondition(condition);
      if (!found.condition || fields.has(key)) {
        complete = false;
        if (found.condition && fields.get(key)?.kind !== 'equal') fields.set(key, found.condition);
        continue;
      }
      fields.set(key, found.condition);
      complete &&= found.complete;
    }
  };
  collect(filter);
  return { fields, complete, alternatives };
}

function fieldCondition(condition: unknown): { condition?: FieldCondition; complete: boolean } {
  if (isScalar(condition)) return { condition: { kind: 'equal', values: [condition] }, complete: true };
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition) || condition instanceof Date) return { complete: false };
  const operators = Object.entries(condition as Record<string, unknown>);
  if (operators.length === 0 || !operators.every(([operator]) => operator.startsWith('$'))) return { complete: false };
  let equal: Scalar[] | undefined;
  let low: Bound | undefined;
  let high: Bound | undefined;
  let complete = true;
  for (const [operator, operand] of operators) {
    if (operator === '$eq' && isScalar(operand) && !equal) equal = [operand];
    else if (operator === '$in' && Array.isArray(operand) && operand.every(isScalar) && !equal) equal = [...new Set(operand)];
    else if ((operator === '$gt' || operator === '$gte') && rangeOperand(operand) && !low) low = { value: operand, inclusive: operator === '$gte' };
    else if ((operator === '$lt' || operator === '$lte') && rangeOperand(operand) && !high) high = { value: operand, inclusive: operator === '$lte' };
    else complete = false;
  }
  if (equal) return { condition: { kind: 'equal', values: equal }, complete: complete && !low && !high };
  if (low && high && typeof low.value !== typeof high.value) return { condition: { kind: 'range', low }, complete: false };
  if (low || high) return { condition: { kind: 'range', ...(low ? { low } : {}), ...(high ? { high } : {}) }, complete };
  return { complete: false };
}

function isPlainFilter(value: unknown): value is Filter {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function rangeOperand(value: unknown): value is number | string {
  return (typeof value === 'number' && !Number.isNaN(value)) || typeof value === 'string';
}
