import type { MultiPicklistField } from '../schemas/generated/object.js';
import { EQUALITY, type FieldType, type ResolvedFieldCommon } from './field-type.js';
import { activeValues, resolveDependency, resolvePicklistValues, type PicklistDependency, type ResolvedPicklistValue } from './picklist-values.js';

export interface ResolvedMultiPicklistField extends ResolvedFieldCommon {
  readonly type: 'multipicklist';
  readonly values: readonly ResolvedPicklistValue[];
  readonly dependency?: PicklistDependency;
  readonly maxSelected?: number;
}

/** Stored as an array of values; eq and in match records holding any of the given values. */
export const multiPicklistField: FieldType<MultiPicklistField, ResolvedMultiPicklistField> = {
  type: 'multipicklist',
  resolve: (definition, common) => ({
    ...common,
    type: 'multipicklist',
    values: resolvePicklistValues(definition.values),
    ...(definition.controllingField ? { dependency: resolveDependency(definition)! } : {}),
    ...(definition.maxSelected === undefined ? {} : { maxSelected: definition.maxSelected }),
  }),
  valueSchema: (field) => ({
    type: 'array',
    items: { type: 'string', enum: activeValues(field.values) },
    uniqueItems: true,
    ...(field.maxSelected === undefined ? {} : { maxItems: field.maxSelected }),
  }),
  readSchema: (field) => ({ type: 'array', items: { type: 'string', enum: field.values.map((entry) => entry.value) } }),
  coerce: (value) => {
    if (Array.isArray(value)) return value;
    if (typeof value === 'string') return value.split(';').map((part) => part.trim()).filter(Boolean);
    return undefined;
  },
  writable: true,
  operators: EQUALITY,
  sortable: false,
};
