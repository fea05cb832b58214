import { BACKFILL_STATUSES } from '../../setup/backfills/index.js';
import { json, parameterRef, responseRef, schemaRef } from './common-components.js';
import { NEXT } from './job-paths.js';
import type { OpenApiFragment, SchemaObject } from './openapi-types.js';

const TAG = 'Metadata';
const BACKFILLS = '/api/v1/meta/backfills';
const ID: SchemaObject = { type: 'string', pattern: '^[0-9a-f]{24}$' };
const DATE_TIME: SchemaObject = { type: 'string', format: 'date-time' };
const forbidden = responseRef('Forbidden', 'Only users who may manage metadata (administrators) can follow the backfills; others only the running ones of an object they may read (`?object=…&status=running`).');

const SCHEMAS: Record<string, SchemaObject> = {
  Backfill: {
    type: 'object',
    description:
      'The recomputation, in the background, of the values a metadata change derives for the existing records of an object (a new or changed formula, roll-up, converted amount or rich text, or stored values converted to a new field type) when the object holds more records than are recomputed inside the change. Until it is `done`, filters, sorts, counts and summaries on its `fields` answer 409 `backfill_in_progress`, and reads compute those values on the fly for the records it has not reached.',
    required: ['_id', 'object', 'fields', 'version', 'cursor', 'done', 'total', 'percent', 'status', 'startedAt'],
    properties: {
      _id: ID,
      object: { type: 'string' },
      fields: { type: 'array', items: { type: 'string' }, description: 'The stored paths not complete until the backfill ends.' },
      rollups: { type: 'array', items: { type: 'string' } },
      conversions: {
        type: 'array',
        description: "Fields whose stored values convert to a new definition (a type change checked by the change itself); `from` and `to` are the field's definitions before and after.",
        items: { type: 'object', required: ['field', 'from', 'to'], properties: { field: { type: 'string' }, from: { type: 'object' }, to: { type: 'object' } } },
      },
      derived: { type: 'boolean', description: 'Whether formulas, converted amounts and plain texts are recomputed.' },
      version: { type: 'integer', description: 'The metadata version whose change recorded it.' },
      cursor: { type: ['string', 'null'], description: 'The `_id` of the last record done (records are done in `_id` order); null before the first batch.' },
      done: { type: 'integer', minimum: 0 },
      total: { type: 'integer', minimum: 0, description: 'The records the object held when the change committed.' },
      percent: { type: 'integer', minimum: 0, maximum: 100 },
      status: { type: 'string', enum: [...BACKFILL_STATUSES], description: '`superseded`: a newer change of the object restarted it from the first record.' },
      startedAt: DATE_TIME,
      finishedAt: DATE_TIME,
      skipped: { type: 'integer', minimum: 0, description: 'Records passed over because an expression failed on them twice; their value stays as stored.' },
      lastError: { type: 'string', description: 'Why the last record was passed over, or the last batch failed (the job retries it with back-off).' },
      supersededBy: ID,
    },
  },
  BackfillPage: {
    type: 'object',
    required: ['backfills', 'next'],
    properties: { backfills: { type: 'array', items: schemaRef('Backfill'), description: 'Newest first.' }, next: NEXT },
  },
};

/** /api/v1/meta/backfills: the progress of what metadata changes recompute in the background. */
export function backfillPaths(): OpenApiFragment {
  return {
    tags: [],
    schemas: SCHEMAS,
    paths: {
      [BACKFILLS]: {
        get: {
          operationId: 'meta.backfills.list',
          summary: 'List the backfills of metadata changes',
          description: 'Newest first; `?status=running` shows what is still being recomputed.',
          tags: [TAG],
          parameters: [
            { name: 'status', in: 'query', description: 'Only backfills in this status.', schema: { type: 'string', enum: [...BACKFILL_STATUSES] } },
            { name: 'object', in: 'query', description: 'Only backfills of this object.', schema: { type: 'string' } },
            parameterRef('EntryLimit'),
            parameterRef('Before'),
          ],
          responses: { '200': { description: 'One page, newest first.', content: json(schemaRef('BackfillPage')) }, '400': responseRef('BadRequest'), '403': forbidden },
        },
      },
      [`${BACKFILLS}/{id}`]: {
        get: {
          operationId: 'meta.backfills.get',
          summary: 'Read the progress of one backfill',
          tags: [TAG],
          parameters: [{ name: 'id', in: 'path', required: true, description: 'The id the list gives.', schema: ID }],
          responses: { '200': { description: 'The backfill, with its progress.', content: json(schemaRef('Backfill')) }, '403': forbidden, '404': responseRef('NotFound') },
        },
      },
    },
  };
}
