import type { RollupField } from '../schemas/generated/object.js';
import { COMPARABLE, type FieldType, type ResolvedFieldCommon } from './field-type.js';

export type RollupFunction = RollupField['function'];

export interface ResolvedRollupField extends ResolvedFieldCommon {
  readonly type: 'rollup';
  readonly child: string;
  /** The child's master-detail field pointing here; resolve fills it in when only one does. */
  readonly relationship: string;
  readonly function: RollupFunction;
  readonly field?: string;
  /** The children that count, in the records API's filter language. */
  readonly filter?: Record<string, unknown>;
}

/**
 * A summary of a master's detail records (count, sum, min, max of a field, optionally filtered),
 * kept correct in the unit of work of every change to a detail. Stored, so lists filter and sort
 * by it; never written by clients.
 */
export const rollupField: FieldType<RollupField, ResolvedRollupField> = {
  type: 'rollup',
  resolve: (definition, common) => ({
    ...common,
    required: false,
    unique: false,
    type: 'rollup',
    child: definition.child,
    relationship: definition.relationship ?? '',
    function: definition.function,
    ...(definition.field === undefined ? {} : { field: definition.field }),
    ...(definition.filter === undefined ? {} : { filter: definition.filter }),
  }),
  // Dates can be summarized by min and max too, so the value is a number or a date string.
  valueSchema: () => ({ type: ['number', 'string'] }),
  coerce: () => undefined,
  writable: false,
  operators: COMPARABLE,
  sortable: true,
};
