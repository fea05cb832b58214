import type { JsonField } from '../metadata/schemas/generated/object.js';
import type { FieldType, ResolvedFieldCommon } from './field-type.js';

export interface ResolvedJsonField extends ResolvedFieldCommon {
  readonly type: 'json';
}

/** Any JSON object or array, for integrations; opaque to filters except for presence. */
export const jsonField: FieldType<JsonField, ResolvedJsonField> = {
  type: 'json',
  resolve: (_definition, common) => ({ ...common, type: 'json' }),
  valueSchema: () => ({ type: ['object', 'array'] }),
  coerce: (value) => (value !== null && typeof value === 'object' ? value : undefined),
  writable: true,
  operators: ['isNull'],
  sortable: false,
};
