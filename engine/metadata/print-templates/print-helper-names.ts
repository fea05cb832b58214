/**
 * The helpers a print template may call (engine/templates/ implements them, typed by this list):
 * checked when the template is saved, so an unknown helper is a 400 with its line, not a blank page.
 */
export const PRINT_HELPERS = [
  'date',
  'datetime',
  'number',
  'money',
  'percent',
  'capitalAmount',
  'field',
  'label',
  'sum',
  'count',
  'eq',
  'ne',
  'gt',
  'gte',
  'lt',
  'lte',
  'and',
  'or',
  'not',
] as const;

export type PrintHelperName = (typeof PRINT_HELPERS)[number];

/** The helpers that name a field of the record in scope by a string: {{field "status"}}. */
export const FIELD_NAMING_HELPERS: ReadonlySet<string> = new Set<PrintHelperName>(['field', 'label']);

/** The helpers that take a related list and a field of its records: {{sum related.lines "amount"}}. */
export const LIST_HELPERS: ReadonlySet<string> = new Set<PrintHelperName>(['sum']);
