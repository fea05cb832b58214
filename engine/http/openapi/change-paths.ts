import { DEFAULT_CHANGES_LIMIT, MAX_CHANGES_LIMIT } from '../../records/index.js';
import { json, responseRef, schemaRef } from './common-components.js';
import type { OpenApiFragment, SchemaObject } from './openapi-types.js';

const TAG = 'Changes';

const SCHEMAS: Record<string, SchemaObject> = {
  RecordChange: {
    type: 'object',
    description: 'One write of a record.',
    required: ['cursor', 'object', 'id', 'change', 'version', 'at'],
    properties: {
      cursor: { type: 'string', description: 'Its position in the feed: `since` from here gives the changes after it.' },
      object: { type: 'string' },
      id: { type: 'string' },
      change: { type: 'string', enum: ['created', 'updated', 'deleted', 'restored'], description: 'deleted: moved to the recycle bin; restored: brought back from it.' },
      version: { type: 'integer', description: "The record's version after the write: a GET of the record answers this one or a newer one." },
      at: { type: 'string', format: 'date-time' },
    },
  },
  RecordChanges: {
    type: 'object',
    required: ['changes', 'next', 'more'],
    properties: {
      changes: { type: 'array', items: schemaRef('RecordChange'), maxItems: MAX_CHANGES_LIMIT },
      next: { type: 'string', description: 'The `since` of the next call: past every change read for this page, those the caller may not see included.' },
      more: { type: 'boolean', description: 'False when the feed had nothing more: poll again later from `next`.' },
    },
  },
};

/** /api/v1/changes: the change feed, for systems that sync incrementally. */
export function changePaths(): OpenApiFragment {
  return {
    tags: [{ name: TAG, description: 'The record changes of the tenant, in the order they committed: incremental sync without missing or repeating one.' }],
    schemas: SCHEMAS,
    paths: {
      '/api/v1/changes': {
        get: {
          operationId: 'changes.list',
          summary: 'Record changes since a cursor',
          description:
            'Every create, update, delete (to the recycle bin) and restore of a record, in commit order, that the caller may see: of objects they may read, of records they may read now ' +
            "(a deleted one as it lies in the recycle bin; one purged from it no longer counts). Start with since=0, keep `next`, and call again from it: each change comes once, across restarts. " +
            'The change names the record and its version; read the record itself with GET /api/v1/records/{object}/{id}.',
          tags: [TAG],
          parameters: [
            {
              name: 'since',
              in: 'query',
              description: "A cursor from an earlier answer (`next`, or a change's `cursor`); 0 or none for the beginning; `now` for where the feed stands (no changes, and `next` to go on from).",
              schema: { type: 'string', pattern: '^(\\d{1,15}|now)$' },
            },
            { name: 'limit', in: 'query', description: `How many changes at most, 1 to ${MAX_CHANGES_LIMIT}.`, schema: { type: 'integer', minimum: 1, maximum: MAX_CHANGES_LIMIT, default: DEFAULT_CHANGES_LIMIT } },
          ],
          responses: {
            '200': { description: 'The changes after `since`, oldest first.', content: json(schemaRef('RecordChanges')) },
            '400': responseRef('BadRequest', 'The cursor or the limit is not one.'),
            '410': {
              description: 'The changes after the cursor are no longer kept (CHANGE_FEED_DAYS, `cursor_expired`): ask for since=now, read the records afresh, and go on from that cursor.',
              content: json(schemaRef('Error')),
            },
          },
        },
      },
    },
  };
}
