import type { PercentField } from '../metadata/schemas/generated/object.js';
import { toNumber } from './coerce.js';
import { COMPARABLE, type FieldType, type ResolvedFieldCommon } from './field-type.js';
import { numericSchema, resolvePrecision, roundToScale, type ResolvedPrecision } from './numeric.js';

/** A percentage as people write it: 12.5 means 12.5 %, not 0.125. */
export interface ResolvedPercentField extends ResolvedFieldCommon, ResolvedPrecision {
  readonly type: 'percent';
}

export const percentField: FieldType<PercentField, ResolvedPercentField> = {
  type: 'percent',
  resolve: (definition, common) => ({ ...common, type: 'percent', ...resolvePrecision(definition, 2) }),
  valueSchema: numericSchema,
  normalize: (value, field) => roundToScale(value as number, field.scale),
  coerce: toNumber,
  writable: true,
  operators: COMPARABLE,
  sortable: true,
};
