import type { LongTextField } from '../schemas/generated/object.js';
import { toText } from './coerce.js';
import type { FieldType, ResolvedFieldCommon } from './field-type.js';

export interface ResolvedLongTextField extends ResolvedFieldCommon {
  readonly type: 'longtext';
  readonly maxLength: number;
}

export const longTextField: FieldType<LongTextField, ResolvedLongTextField> = {
  type: 'longtext',
  resolve: (definition, common) => ({ ...common, type: 'longtext', maxLength: definition.maxLength ?? 32768 }),
  valueSchema: (field) => ({ type: 'string', maxLength: field.maxLength }),
  coerce: toText,
  writable: true,
  // Long texts are searched, not compared or sorted: an index on them would be useless.
  operators: ['isNull', 'contains'],
  sortable: false,
};
