import type { BooleanField } from '../schemas/generated/object.js';
import type { FieldType, ResolvedFieldCommon } from './field-type.js';

export interface ResolvedBooleanField extends ResolvedFieldCommon {
  readonly type: 'boolean';
}

const WORDS: Record<string, boolean> = { true: true, false: false, yes: true, no: false, '1': true, '0': false };

export const booleanField: FieldType<BooleanField, ResolvedBooleanField> = {
  type: 'boolean',
  resolve: (_definition, common) => ({ ...common, type: 'boolean' }),
  valueSchema: () => ({ type: 'boolean' }),
  coerce: (value) => {
    if (typeof value === 'boolean') return value;
    if (value === 0 || value === 1) return value === 1;
    return typeof value === 'string' ? WORDS[value.trim().toLowerCase()] : undefined;
  },
  writable: true,
  operators: ['eq', 'ne', 'isNull'],
  sortable: true,
};
