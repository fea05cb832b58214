import type { EmailField } from '../schemas/generated/object.js';
import { toStringValue } from './coerce.js';
import { TEXTUAL, type FieldType, type ResolvedFieldCommon } from './field-type.js';

export interface ResolvedEmailField extends ResolvedFieldCommon {
  readonly type: 'email';
}

export const emailField: FieldType<EmailField, ResolvedEmailField> = {
  type: 'email',
  resolve: (_definition, common) => ({ ...common, type: 'email' }),
  valueSchema: () => ({ type: 'string', format: 'email', maxLength: 254 }),
  // Addresses are compared case-insensitively by everyone who uses them: store them in lower case.
  normalize: (value) => (value as string).trim().toLowerCase(),
  coerce: toStringValue,
  writable: true,
  operators: TEXTUAL,
  sortable: true,
};
