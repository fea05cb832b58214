import type { CurrencyField } from '../schemas/generated/object.js';
import type { FieldType, ResolvedFieldCommon } from './field-type.js';
import { numericBehaviour, resolvePrecision, type ResolvedPrecision } from './numeric.js';

export interface ResolvedCurrencyField extends ResolvedFieldCommon, ResolvedPrecision {
  readonly type: 'currency';
  /** ISO 4217 code; undefined means the tenant's corporate currency. */
  readonly currency?: string;
  /** A field of the record holding the ISO code of its amounts, for records in several currencies. */
  readonly currencyField?: string;
  /** A date field whose date picks the dated exchange rate; else the record's creation day. */
  readonly rateDate?: string;
}

/** Where a currency field's amount converted to the corporate currency is stored and read. */
export function corporateAmountField(name: string): string {
  return `${name}__corporate`;
}

export const currencyField: FieldType<CurrencyField, ResolvedCurrencyField> = {
  type: 'currency',
  resolve: (definition, common) => ({
    ...common,
    type: 'currency',
    ...resolvePrecision(definition, 2),
    ...(definition.currency ? { currency: definition.currency } : {}),
    ...(definition.currencyField ? { currencyField: definition.currencyField } : {}),
    ...(definition.rateDate ? { rateDate: definition.rateDate } : {}),
  }),
  ...numericBehaviour,
};
