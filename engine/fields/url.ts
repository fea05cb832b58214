import type { UrlField } from '../schemas/generated/object.js';
import { toStringValue } from './coerce.js';
import { TEXTUAL, type FieldType, type ResolvedFieldCommon } from './field-type.js';

export interface ResolvedUrlField extends ResolvedFieldCommon {
  readonly type: 'url';
}

/** Only web addresses: a javascript: or data: URL in a CRM field is an attack, not a link. */
export const URL_PATTERN = '^https?://';

export const urlField: FieldType<UrlField, ResolvedUrlField> = {
  type: 'url',
  resolve: (_definition, common) => ({ ...common, type: 'url' }),
  valueSchema: () => ({ type: 'string', format: 'uri', pattern: URL_PATTERN, maxLength: 2048 }),
  coerce: toStringValue,
  writable: true,
  operators: TEXTUAL,
  sortable: true,
};
