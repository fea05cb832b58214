import type { DateTimeField } from '../schemas/generated/object.js';
import { COMPARABLE, type FieldType, type ResolvedFieldCommon } from './field-type.js';

export interface ResolvedDateTimeField extends ResolvedFieldCommon {
  readonly type: 'datetime';
}

/** Date-times are stored in UTC as ISO strings with milliseconds, so text order is time order. */
export const dateTimeField: FieldType<DateTimeField, ResolvedDateTimeField> = {
  type: 'datetime',
  resolve: (_definition, common) => ({ ...common, type: 'datetime' }),
  valueSchema: () => ({ type: 'string', format: 'date-time' }),
  normalize: (value) => new Date(value as string).toISOString(),
  coerce: (value) => {
    if (typeof value !== 'string') return undefined;
    const parsed = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
    return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
  },
  writable: true,
  operators: COMPARABLE,
  sortable: true,
};
