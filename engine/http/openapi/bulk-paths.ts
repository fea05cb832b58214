import type { CompiledObject } from '../../metadata/compiled-object.js';
import { MAX_BULK_RECORDS } from '../../records/bulk/index.js';
import { json, responseRef, schemaRef } from './common-components.js';
import type { PathItem, SchemaObject } from './openapi-types.js';
import { queryParameter } from './record-paths.js';
import { recordSchemaNames } from './record-components.js';

export const BULK_BASE = '/api/v1/bulk';

/** The answer of every bulk write, whatever the object: one result per record, in order. */
export const BULK_SCHEMAS: Record<string, SchemaObject> = {
  BulkResult: {
    type: 'object',
    required: ['row', 'status'],
    properties: {
      row: { type: 'integer', minimum: 1, description: "The record's place in the request: its position in the array, or its line in NDJSON, from 1." },
      status: { enum: ['created', 'updated', 'failed'] },
      id: { type: 'string', description: 'The id of the record created or updated; absent in a dry run and for a failed record.' },
      error: {
        type: 'object',
        description: 'Why the record failed: what the API answers for it as a single create or update (its code, message and details with field paths), in the reader\'s language.',
        required: ['code', 'message', 'details'],
        properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'array', items: schemaRef('ErrorDetail') } },
      },
    },
  },
  BulkResponse: {
    type: 'object',
    required: ['dryRun', 'created', 'updated', 'failed', 'results'],
    properties: {
      dryRun: { type: 'boolean' },
      created: { type: 'integer', minimum: 0 },
      updated: { type: 'integer', minimum: 0 },
      failed: { type: 'integer', minimum: 0 },
      results: { type: 'array', items: schemaRef('BulkResult') },
    },
  },
};

/** POST /api/v1/bulk/{object}: many records in one request. */
export function bulkPaths(compiled: CompiledObject): Record<string, PathItem> {
  const name = compiled.name;
  const plural = compiled.object.pluralLabel.en;
  const externalIds = compiled.object.fields.filter((field) => field.externalId).map((field) => field.name);
  const record = schemaRef(recordSchemaNames(name).create);
  return {
    [`${BULK_BASE}/${name}`]: {
      post: {
        operationId: `bulk.${name}.write`,
        summary: `Insert, update or upsert many ${plural}`,
        description:
          `Up to ${MAX_BULK_RECORDS} records in one request: a JSON array, or NDJSON (\`application/x-ndjson\`, one record a line), at most 32 MB. ` +
          'Each record goes through the same write path as a single create or update (defaults, validation, formulas, validation rules, references, roll-ups, automation, field history, audit), as the requesting user, ' +
          'in batches of one unit of work each. A record that fails fails alone: its result holds the error a single write would have answered, with field paths, and the other records are written. ' +
          'The whole request counts as one against the per-user rate limit. ' +
          `\`mode=insert\` (the default without \`externalId\`) creates every record; \`update\` changes the record each one names by \`_id\` (or by \`externalId\`); \`upsert\` (the default with \`externalId\`) changes the record whose external id matches and creates the others. ` +
          (externalIds.length > 0 ? `External-id fields of ${name}: ${externalIds.map((field) => `\`${field}\``).join(', ')}.` : `${name} has no external-id field yet (flag a unique text or number field \`externalId\`).`),
        tags: [name],
        parameters: [
          queryParameter('mode', '`insert`, `update` or `upsert`.', 'upsert'),
          queryParameter('externalId', 'The external-id field that matches records: required for an upsert.'),
          queryParameter('dryRun', '`true`: check every record through the whole write path and write none.', 'true'),
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { type: 'array', maxItems: MAX_BULK_RECORDS, items: record } },
            'application/x-ndjson': { schema: { type: 'string', description: 'One JSON record a line; blank lines are skipped.' } },
          },
        },
        responses: {
          '200': { description: 'A result per record, in order.', content: json(schemaRef('BulkResponse')) },
          '400': responseRef('BadRequest', 'The body is not an array of records (or a line is not JSON), holds too many, or `mode` or `externalId` is not valid; nothing was written.'),
          '403': responseRef('Forbidden', `No permission set grants what the mode needs on ${name} records: create (insert), edit (update), or both (upsert).`),
          '404': responseRef('NotFound'),
          '413': responseRef('PayloadTooLarge'),
        },
      },
    },
  };
}
