import type { FormulaField } from '../schemas/generated/object.js';
import { COMPARABLE, TEXTUAL, type FieldType, type FilterOperator, type JsonSchema, type ResolvedFieldCommon } from './field-type.js';

export type FormulaResultType = FormulaField['resultType'];

export interface ResolvedFormulaField extends ResolvedFieldCommon {
  readonly type: 'formula';
  readonly expression: string;
  readonly resultType: FormulaResultType;
  readonly scale: number;
}

const RESULT_SCHEMAS: Record<FormulaResultType, JsonSchema> = {
  text: { type: 'string' },
  number: { type: 'number' },
  currency: { type: 'number' },
  percent: { type: 'number' },
  date: { type: 'string', format: 'date' },
  datetime: { type: 'string', format: 'date-time' },
  boolean: { type: 'boolean' },
};

const RESULT_OPERATORS: Record<FormulaResultType, readonly FilterOperator[]> = {
  text: TEXTUAL,
  number: COMPARABLE,
  currency: COMPARABLE,
  percent: COMPARABLE,
  date: COMPARABLE,
  datetime: COMPARABLE,
  boolean: ['eq', 'ne', 'isNull'],
};

/**
 * A value computed from a JSONata expression on every save and stored, so lists filter and sort
 * by it like any field. Never written by clients, never required.
 */
export const formulaField: FieldType<FormulaField, ResolvedFormulaField> = {
  type: 'formula',
  resolve: (definition, common) => ({
    ...common,
    required: false,
    unique: false,
    type: 'formula',
    expression: definition.expression,
    resultType: definition.resultType,
    scale: definition.scale ?? 2,
  }),
  valueSchema: (field) => RESULT_SCHEMAS[field.resultType],
  coerce: () => undefined,
  writable: false,
  // The operators of the result type; a formula field is filtered like the type it returns.
  operators: [...new Set(Object.values(RESULT_OPERATORS).flat())],
  sortable: true,
};

export function formulaOperators(field: ResolvedFormulaField): readonly FilterOperator[] {
  return RESULT_OPERATORS[field.resultType];
}
