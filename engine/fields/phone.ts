import type { PhoneField } from '../metadata/schemas/generated/object.js';
import { toText } from './coerce.js';
import { TEXTUAL, type FieldType, type ResolvedFieldCommon } from './field-type.js';

export interface ResolvedPhoneField extends ResolvedFieldCommon {
  readonly type: 'phone';
}

/** Loose on purpose: numbers are written in many national styles, but only digits and separators. */
export const PHONE_PATTERN = '^\\+?[0-9][0-9 ()./-]{1,38}[0-9]$';

export const phoneField: FieldType<PhoneField, ResolvedPhoneField> = {
  type: 'phone',
  resolve: (_definition, common) => ({ ...common, type: 'phone' }),
  valueSchema: () => ({ type: 'string', pattern: PHONE_PATTERN, maxLength: 40 }),
  coerce: toText,
  writable: true,
  operators: TEXTUAL,
  sortable: true,
};
