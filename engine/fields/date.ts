import type { DateField } from '../schemas/generated/object.js';
import { COMPARABLE, type FieldType, type ResolvedFieldCommon } from './field-type.js';

export interface ResolvedDateField extends ResolvedFieldCommon {
  readonly type: 'date';
}

/** Dates are stored as YYYY-MM-DD strings: they sort and compare correctly as text in both stores. */
export const dateField: FieldType<DateField, ResolvedDateField> = {
  type: 'date',
  resolve: (_definition, common) => ({ ...common, type: 'date' }),
  valueSchema: () => ({ type: 'string', format: 'date' }),
  coerce: (value) => {
    if (typeof value !== 'string') return undefined;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
    const parsed = new Date(value);
    return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString().slice(0, 10);
  },
  writable: true,
  operators: COMPARABLE,
  sortable: true,
};
