import { COMPARABLE, EQUALITY, type FilterOperator, type JsonSchema } from '../../fields/index.js';
import { RECORD_ID_PATTERN } from '../../fields/record-id.js';

/** How clients may filter and sort by the system fields every record carries. */
export interface SystemFieldRule {
  readonly operators: readonly FilterOperator[];
  readonly schema: JsonSchema;
}

const dateTime: SystemFieldRule = { operators: COMPARABLE, schema: { type: 'string', format: 'date-time' } };
const user: SystemFieldRule = { operators: EQUALITY, schema: { type: 'string', minLength: 1 } };

/**
 * Looked up by names that come from clients (filter keys, sort, fields), so the table has no
 * prototype: `constructor` or `__proto__` must find nothing here, not Object's own members.
 */
export const SYSTEM_FIELD_RULES: Readonly<Record<string, SystemFieldRule>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, SystemFieldRule>, {
    _id: { operators: ['eq', 'ne', 'in', 'nin', 'gt', 'gte', 'lt', 'lte'], schema: { type: 'string', pattern: RECORD_ID_PATTERN } },
    _version: { operators: COMPARABLE, schema: { type: 'integer', minimum: 1 } },
    _owner: user,
    _createdBy: user,
    _updatedBy: user,
    _createdAt: dateTime,
    _updatedAt: dateTime,
  }),
);
