import type { FilterOperator } from './filter-operators';

/**
 * What a builder row offers: the filter language's operators, with `isNull` split in two
 * ("is empty" / "is not empty") because that is how people think of it.
 */
export type RowOperator = Exclude<FilterOperator, 'isNull'> | 'isEmpty' | 'isNotEmpty';

export interface FilterRow {
  readonly field: string;
  readonly operator: RowOperator;
  /** A value of the field; a list for `in` / `nin`; unused for the empty checks. */
  readonly value: unknown;
}

export type FilterJoin = 'and' | 'or';

export interface FilterModel {
  readonly join: FilterJoin;
  readonly rows: readonly FilterRow[];
}

export type FilterJson = Readonly<Record<string, unknown>>;

const LIST_OPERATORS: ReadonlySet<RowOperator> = new Set(['in', 'nin']);
const PLAIN_OPERATORS: ReadonlySet<string> = new Set(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'contains', 'startsWith']);

export function rowOperatorsOf(operators: readonly FilterOperator[]): RowOperator[] {
  return operators.flatMap((operator): RowOperator[] => (operator === 'isNull' ? ['isEmpty', 'isNotEmpty'] : [operator]));
}

export function takesList(operator: RowOperator): boolean {
  return LIST_OPERATORS.has(operator);
}

export function takesValue(operator: RowOperator): boolean {
  return operator !== 'isEmpty' && operator !== 'isNotEmpty';
}

/** A row is complete when it names a field and has a value where its operator needs one. */
export function isComplete(row: FilterRow): boolean {
  if (!row.field) return false;
  if (!takesValue(row.operator)) return true;
  if (takesList(row.operator)) return Array.isArray(row.value) && row.value.length > 0;
  return row.value !== undefined && row.value !== null && row.value !== '';
}

function condition(row: FilterRow): FilterJson {
  switch (row.operator) {
    case 'isEmpty':
      return { [row.field]: { isNull: true } };
    case 'isNotEmpty':
      return { [row.field]: { isNull: false } };
    case 'eq':
    case 'ne':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
    case 'in':
    case 'nin':
    case 'contains':
    case 'startsWith':
      return { [row.field]: { [row.operator]: row.value } };
    default:
      return assertNever(row.operator);
  }
}

/** The builder's rows as the filter language; incomplete rows are left out; no rows, no filter. */
export function modelToFilter(model: FilterModel): FilterJson | undefined {
  const conditions = model.rows.filter(isComplete).map(condition);
  if (conditions.length === 0) return undefined;
  if (conditions.length === 1) return conditions[0];
  return { [model.join]: conditions };
}

/**
 * A filter (from the address, a saved view) back as builder rows, or undefined when it says more
 * than rows joined by one and/or can (nested groups, two operators on one field in an `or`).
 */
export function filterToModel(filter: unknown): FilterModel | undefined {
  if (!isPlainObject(filter)) return undefined;
  const keys = Object.keys(filter);
  if (keys.length === 0) return { join: 'and', rows: [] };
  if (keys.length === 1 && (keys[0] === 'and' || keys[0] === 'or')) {
    const join = keys[0];
    const items = filter[join];
    if (!Array.isArray(items)) return undefined;
    const rows: FilterRow[] = [];
    for (const item of items) {
      const parsed = fieldConditions(item);
      if (!parsed) return undefined;
      // In an `or`, one item with two conditions means "both": rows joined by `or` cannot say that.
      if (join === 'or' && parsed.length > 1) return undefined;
      rows.push(...parsed);
    }
    return { join, rows };
  }
  const rows = fieldConditions(filter);
  return rows ? { join: 'and', rows } : undefined;
}

function fieldConditions(node: unknown): FilterRow[] | undefined {
  if (!isPlainObject(node)) return undefined;
  const rows: FilterRow[] = [];
  for (const [field, value] of Object.entries(node)) {
    if (field === 'and' || field === 'or') return undefined;
    if (!isPlainObject(value)) {
      rows.push(value === null ? { field, operator: 'isEmpty', value: undefined } : { field, operator: 'eq', value });
      continue;
    }
    for (const [operator, operand] of Object.entries(value)) {
      if (operator === 'isNull') rows.push({ field, operator: operand === false ? 'isNotEmpty' : 'isEmpty', value: undefined });
      else if (PLAIN_OPERATORS.has(operator)) rows.push({ field, operator: operator as RowOperator, value: operand });
      else return undefined;
    }
  }
  return rows;
}

/** The `filter` parameter of the address, parsed; anything that is not a JSON object is no filter. */
export function parseFilterParam(text: string | null): FilterJson | undefined {
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isPlainObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function assertNever(value: never): never {
  throw new Error(`Unexpected operator ${String(value)}`);
}
