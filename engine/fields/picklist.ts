import type { PicklistField } from '../schemas/generated/object.js';
import { toStringValue } from './coerce.js';
import { TEXTUAL, type FieldType, type ResolvedFieldCommon } from './field-type.js';
import { activeValues, resolveDependency, resolvePicklistValues, type PicklistDependency, type ResolvedPicklistValue } from './picklist-values.js';

export interface ResolvedPicklistField extends ResolvedFieldCommon {
  readonly type: 'picklist';
  readonly values: readonly ResolvedPicklistValue[];
  readonly dependency?: PicklistDependency;
}

export const picklistField: FieldType<PicklistField, ResolvedPicklistField> = {
  type: 'picklist',
  resolve: (definition, common) => ({ ...common, type: 'picklist', values: resolvePicklistValues(definition.values),
    ...(definition.controllingField ? { dependency: resolveDependency(definition)! } : {}) }),
  valueSchema: (field) => ({ type: 'string', enum: activeValues(field.values) }),
  readSchema: (field) => ({ type: 'string', enum: field.values.map((entry) => entry.value) }),
  coerce: toStringValue,
  writable: true,
  operators: TEXTUAL,
  sortable: true,
};
