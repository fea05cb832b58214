import type { NumberField } from '../schemas/generated/object.js';
import type { FieldType, ResolvedFieldCommon } from './field-type.js';
import { numericBehaviour, resolvePrecision, type ResolvedPrecision } from './numeric.js';

export interface ResolvedNumberField extends ResolvedFieldCommon, ResolvedPrecision {
  readonly type: 'number';
}

export const numberField: FieldType<NumberField, ResolvedNumberField> = {
  type: 'number',
  resolve: (definition, common) => ({ ...common, type: 'number', ...resolvePrecision(definition, 0) }),
  ...numericBehaviour,
};
