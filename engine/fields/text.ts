import type { TextField } from '../schemas/generated/object.js';
import { toText } from './coerce.js';
import { TEXTUAL, type FieldType, type ResolvedFieldCommon } from './field-type.js';

export interface ResolvedTextField extends ResolvedFieldCommon {
  readonly type: 'text';
  readonly maxLength: number;
}

export const textField: FieldType<TextField, ResolvedTextField> = {
  type: 'text',
  resolve: (definition, common) => ({ ...common, type: 'text', maxLength: definition.maxLength ?? 255 }),
  valueSchema: (field) => ({ type: 'string', maxLength: field.maxLength }),
  coerce: toText,
  writable: true,
  operators: TEXTUAL,
  sortable: true,
};
