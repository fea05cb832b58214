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
