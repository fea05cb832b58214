import { json, responseRef, schemaRef } from './common-components.js';
import type { Operation } from './openapi-types.js';

/** POST /api/v1/meta/objects/{name}/fields/{field}/impact: the preview of a field change on stored values. */
export function fieldImpactOperation(tag: string): Operation {
  return {
    operationId: 'meta.fieldImpact',
    summary: 'Preview what a field definition change does to the stored values',
    description:
      'The body is the proposed definition, as for PUT .../fields/{field} (400 and 404 alike). Counts the records holding a value, ' +
      'how many convert to the new definition and how many would not, with up to 10 failing records and why (in the caller\'s ' +
      'language), using the conversion the change itself runs. Writes nothing. Needs the manage-metadata right.',
    tags: [tag],
    requestBody: { required: true, content: json(schemaRef('Field')) },
    responses: {
      '200': {
        description: 'The impact on the stored values.',
        content: json({
          type: 'object',
          required: ['records', 'convertible', 'failing', 'sample'],
          properties: {
            records: { type: 'integer', minimum: 0, description: 'Records holding a value of the field.' },
            convertible: { type: 'integer', minimum: 0 },
            failing: { type: 'integer', minimum: 0 },
            sample: {
              type: 'array',
              maxItems: 10,
              items: {
                type: 'object',
                required: ['_id', 'name', 'message'],
                properties: {
                  _id: { type: 'string' },
                  name: { description: 'The record\'s name, null when the object has none.' },
                  value: { description: 'The stored value; left out when the caller may not read the field.' },
                  message: { type: 'string', description: 'Why the value does not convert.' },
                },
              },
            },
          },
        }),
      },
      '400': responseRef('BadRequest'),
      '403': responseRef('Forbidden'),
      '404': responseRef('NotFound'),
      '409': responseRef('Conflict'),
    },
  };
}

/** POST /api/v1/meta/objects/{name}/fields/{field}/apply-default: the default given to the records without a value. */
export function applyDefaultOperation(tag: string): Operation {
  const answer = json({
    type: 'object',
    required: ['records', 'filled'],
    properties: {
      records: { type: 'integer', minimum: 0, description: 'Records that held no value of the field.' },
      filled: { type: 'integer', minimum: 0, description: 'Records given the default inside the request.' },
      backfill: {
        type: 'object',
        required: ['_id', 'total', 'percent'],
        description: 'The backfill giving it in the background; follow it at GET /api/v1/meta/backfills/{id}.',
        properties: { _id: { type: 'string' }, total: { type: 'integer', minimum: 0 }, percent: { type: 'integer', minimum: 0, maximum: 100 } },
      },
    },
  });
  return {
    operationId: 'meta.applyDefault',
    summary: "Give a field's default to the existing records that hold no value of it",
    description:
      'As if those records were created now: a plain default as it is, a default expression evaluated on each record with `$user` its owner. ' +
      'Records holding a value keep it. An object of more records than are recomputed inside a change gets a backfill (202): reads show ' +
      'the default at once, filters and sorts on the field answer 409 until it ends. 400 when the field has no default or it does not fit ' +
      'the field. Needs the manage-metadata right; audited as `metadata.field.applyDefault`.',
    tags: [tag],
    responses: {
      '200': { description: 'Given inside the request.', content: answer },
      '202': { description: 'Given by a backfill in the background.', content: answer },
      '400': responseRef('BadRequest'),
      '403': responseRef('Forbidden'),
      '404': responseRef('NotFound'),
    },
  };
}
