import type { MasterDetailField } from '../schemas/generated/object.js';
import { EQUALITY, type FieldType, type ResolvedFieldCommon } from './field-type.js';
import { RECORD_ID_PATTERN } from './record-id.js';

export interface ResolvedMasterDetailField extends ResolvedFieldCommon {
  readonly type: 'masterdetail';
  readonly target: string;
}

/** Like a lookup, but a detail never exists without its master: always required. */
export const masterDetailField: FieldType<MasterDetailField, ResolvedMasterDetailField> = {
  type: 'masterdetail',
  resolve: (definition, common) => ({ ...common, required: true, type: 'masterdetail', target: definition.target }),
  valueSchema: () => ({ type: 'string', pattern: RECORD_ID_PATTERN }),
  coerce: () => undefined,
  writable: true,
  operators: EQUALITY,
  sortable: true,
};
