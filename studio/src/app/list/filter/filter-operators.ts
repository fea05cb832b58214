import type { FieldDefinition } from '../../../shared/metadata/object-definition';

/** The operators of the API's filter language (docs/api.md, engine/fields/field-type.ts). */
export type FilterOperator = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'nin' | 'contains' | 'startsWith' | 'isNull';

const COMPARABLE: readonly FilterOperator[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'isNull'];
const TEXTUAL: readonly FilterOperator[] = [...COMPARABLE, 'contains', 'startsWith'];
const EQUALITY: readonly FilterOperator[] = ['eq', 'ne', 'in', 'nin', 'isNull'];
const BOOLEAN: readonly FilterOperator[] = ['eq', 'ne', 'isNull'];

/**
 * What the server accepts on each field type, so the builder never offers a condition the server
 * would refuse (tests/studio checks this table against the engine's own). Types the studio does not
 * know yet get nothing: they are left out of the builder rather than guessed.
 */
const BY_TYPE: Readonly<Record<string, readonly FilterOperator[]>> = {
  text: TEXTUAL,
  email: TEXTUAL,
  phone: TEXTUAL,
  url: TEXTUAL,
  picklist: TEXTUAL,
  autonumber: TEXTUAL,
  longtext: ['isNull', 'contains'],
  richtext: ['isNull', 'contains'],
  number: COMPARABLE,
  currency: COMPARABLE,
  percent: COMPARABLE,
  date: COMPARABLE,
  datetime: COMPARABLE,
  rollup: COMPARABLE,
  boolean: BOOLEAN,
  lookup: EQUALITY,
  masterdetail: EQUALITY,
  multipicklist: EQUALITY,
  json: ['isNull'],
};

/** A formula field is filtered like the type it returns. */
const FORMULA_RESULTS: Readonly<Record<string, readonly FilterOperator[]>> = {
  text: TEXTUAL,
  number: COMPARABLE,
  currency: COMPARABLE,
  percent: COMPARABLE,
  date: COMPARABLE,
  datetime: COMPARABLE,
  boolean: BOOLEAN,
};

export function operatorsOf(field: FieldDefinition): readonly FilterOperator[] {
  if (field.type === 'formula') return FORMULA_RESULTS[field.resultType ?? ''] ?? [];
  return BY_TYPE[field.type] ?? [];
}

/** The type whose values a field holds: a formula's result type, else its own. */
export function valueTypeOf(field: FieldDefinition): string {
  return field.type === 'formula' ? (field.resultType ?? 'text') : field.type;
}

/** Fields the builder offers: those with at least one operator, JSON aside (only "is empty" would be left). */
export function filterableFields(fields: readonly FieldDefinition[]): FieldDefinition[] {
  return fields.filter((field) => field.type !== 'json' && operatorsOf(field).length > 0);
}
