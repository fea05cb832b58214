import type { JsonSchema } from './field-type.js';

/** System fields every record carries besides its own; never writable from outside. */
export const SYSTEM_FIELD_SCHEMAS: Record<string, JsonSchema> = {
  _id: { type: 'string', description: 'The record id.' },
  _version: { type: 'integer', description: 'Grows by one on every change; send it back in If-Match.' },
  _owner: { type: 'string', description: 'The user who owns the record.' },
  _createdAt: { type: 'string', format: 'date-time' },
  _createdBy: { type: 'string' },
  _updatedAt: { type: 'string', format: 'date-time' },
  _updatedBy: { type: 'string' },
};
export const SYSTEM_FIELDS = Object.keys(SYSTEM_FIELD_SCHEMAS);
