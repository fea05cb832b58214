import type { CurrencyField } from '../metadata/schemas/generated/object.js';
import type { FieldType, ResolvedFieldCommon } from './field-type.js';
import { numericBehaviour, resolvePrecision, type ResolvedPrecision } from './numeric.js';

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
  ...numericBehaviour,
};
