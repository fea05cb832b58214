import type { LookupField } from '../schemas/generated/object.js';
import { EQUALITY, type FieldType, type ResolvedFieldCommon } from './field-type.js';
import { RECORD_ID_PATTERN } from './record-id.js';

export interface ResolvedLookupField extends ResolvedFieldCommon {
  readonly type: 'lookup';
  readonly target: string;
  /** A required lookup cannot be cleared, so it restricts by default. */
  readonly onDelete: 'clear' | 'restrict';
}

/** The id of a record of the target object; the record pipeline checks that it exists. */
export const lookupField: FieldType<LookupField, ResolvedLookupField> = {
  type: 'lookup',
  resolve: (definition, common) => ({
    ...common,
    type: 'lookup',
    target: definition.target,
    onDelete: definition.onDelete ?? (common.required ? 'restrict' : 'clear'),
  }),
  valueSchema: () => ({ type: 'string', pattern: RECORD_ID_PATTERN }),
  // A lookup value only means something for its own target, so nothing else converts to it.
  coerce: () => undefined,
  writable: true,
  operators: EQUALITY,
  sortable: true,
};
