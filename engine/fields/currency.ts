import type { CurrencyField } from '../metadata/schemas/generated/object.js';
import { toNumber } from './coerce.js';
import { COMPARABLE, type FieldType, type ResolvedFieldCommon } from './field-type.js';
import { numericSchema, resolvePrecision, roundToScale, type ResolvedPrecision } from './numeric.js';

export interface ResolvedCurrencyField extends ResolvedFieldCommon, ResolvedPrecision {
  readonly type: 'currency';
  /** ISO 4217 code; undefined means the tenant's corporate currency. */
  readonly currency?: string;
}

export const currencyField: FieldType<CurrencyField, ResolvedCurrencyField> = {
  type: 'currency',
  resolve: (definition, common) => ({
    ...common,
    type: 'currency',
    ...resolvePrecision(definition, 2),
    ...(definition.currency ? { currency: definition.currency } : {}),
  }),
  valueSchema: numericSchema,
  normalize: (value, field) => roundToScale(value as number, field.scale),
  coerce: toNumber,
  writable: true,
  operators: COMPARABLE,
  sortable: true,
};
