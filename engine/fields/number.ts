import type { NumberField } from '../metadata/schemas/generated/object.js';
import { toNumber } from './coerce.js';
import { COMPARABLE, type FieldType, type ResolvedFieldCommon } from './field-type.js';
import { numericSchema, resolvePrecision, roundToScale, type ResolvedPrecision } from './numeric.js';

export interface ResolvedNumberField extends ResolvedFieldCommon, ResolvedPrecision {
  readonly type: 'number';
}

export const numberField: FieldType<NumberField, ResolvedNumberField> = {
  type: 'number',
  resolve: (definition, common) => ({ ...common, type: 'number', ...resolvePrecision(definition, 0) }),
  valueSchema: numericSchema,
  normalize: (value, field) => roundToScale(value as number, field.scale),
  coerce: toNumber,
  writable: true,
  operators: COMPARABLE,
  sortable: true,
};
