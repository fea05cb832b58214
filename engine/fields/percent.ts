import type { PercentField } from '../schemas/generated/object.js';
import type { FieldType, ResolvedFieldCommon } from './field-type.js';
import { numericBehaviour, resolvePrecision, type ResolvedPrecision } from './numeric.js';

/** A percentage as people write it: 12.5 means 12.5 %, not 0.125. */
export interface ResolvedPercentField extends ResolvedFieldCommon, ResolvedPrecision {
  readonly type: 'percent';
}

export const percentField: FieldType<PercentField, ResolvedPercentField> = {
  type: 'percent',
  resolve: (definition, common) => ({ ...common, type: 'percent', ...resolvePrecision(definition, 2) }),
  ...numericBehaviour,
};
