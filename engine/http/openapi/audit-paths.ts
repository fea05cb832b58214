import { json, parameterRef, responseRef, schemaRef } from './common-components.js';
import { NEXT } from './job-paths.js';
import type { OpenApiFragment, Parameter, SchemaObject } from './openapi-types.js';

const TAG = 'Audit log';
export const AUDIT_PATH = '/api/v1/audit';

const SCHEMAS: Record<string, SchemaObject> = {
  AuditEntry: {
    type: 'object',
    description: 'One change to a record or to the metadata, written in the same unit of work as the change.',
    required: ['_id', 'at', 'actor', 'action'],
    properties: {
      _id: { type: 'string' },
      at: { type: 'string', format: 'date-time' },
      actor: { type: 'string', description: 'The user (or `system`) whose request made the change.' },
      action: { type: 'string', examples: ['record.create', 'record.update', 'record.delete', 'metadata.create'] },
      object: { type: 'string', description: 'The object of a record change, or the kind and name of a definition.' },
      record: { type: 'string' },
      changes: {
        type: 'object',
        description: 'Field → old and new value, for record changes.',
        additionalProperties: { type: 'object', properties: { old: {}, new: {} } },
      },
      version: { type: 'integer', description: "The tenant's metadata version after a metadata change." },
    },
  },
  AuditPage: {
    type: 'object',
    required: ['entries', 'next'],
    properties: { entries: { type: 'array', items: schemaRef('AuditEntry'), description: 'Newest first.' }, next: NEXT },
  },
};

const text = (name: string, description: string, format?: string): Parameter => ({
  name,
  in: 'query',
  description,
  schema: { type: 'string', ...(format === undefined ? {} : { format }) },
});

/** /api/v1/audit: the tenant's audit log, read only. */
export function auditPaths(): OpenApiFragment {
  return {
    tags: [{ name: TAG, description: 'Who changed what and when, for holders of the audit right; nothing in the API changes or removes an entry.' }],
    schemas: SCHEMAS,
    paths: {
      [AUDIT_PATH]: {
        get: {
          operationId: 'audit.list',
          summary: 'Read the audit log',
          description:
            'Entries newest first, narrowed by the criteria given; follow `next` with `before` for older ones. Read like the records they are about: entries of records the caller may see, ' +
            'without the values of fields hidden from them; metadata changes for those who may manage metadata. A page may hold fewer entries than `limit` (even none) with a `next` when many in between are not theirs to see.',
          tags: [TAG],
          parameters: [
            text('action', 'Only this action, e.g. `record.update`.'),
            text('actor', 'Only changes by this user id.'),
            text('object', 'Only changes to this object (or definition).'),
            text('record', 'Only changes to this record id.'),
            text('from', 'Only entries at or after this date-time.', 'date-time'),
            text('to', 'Only entries at or before this date-time.', 'date-time'),
            parameterRef('EntryLimit'),
            parameterRef('Before'),
          ],
          responses: {
            '200': { description: 'One page of entries.', content: json(schemaRef('AuditPage')) },
            '400': responseRef('BadRequest'),
            '403': responseRef('Forbidden', 'Only users who may view the audit log (administrators) can read it.'),
          },
        },
      },
    },
  };
}
