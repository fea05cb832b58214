import { MAX_QUERY_LENGTH, MAX_SEARCH_RESULTS, MIN_QUERY_LENGTH, RESULTS_PER_OBJECT } from '../../records/search/index.js';
import { json, responseRef, schemaRef } from './common-components.js';
import type { OpenApiFragment, SchemaObject } from './openapi-types.js';

const TAG = 'Search';

const SCHEMAS: Record<string, SchemaObject> = {
  SearchResult: {
    type: 'object',
    description: 'One record found.',
    required: ['object', 'objectLabel', 'id', 'name', 'rank'],
    properties: {
      object: { type: 'string', description: "The object's API name." },
      objectLabel: { type: 'string', description: "The object's label in the caller's language." },
      id: { type: 'string' },
      name: { type: 'string', description: "The record's name field; its id when the name is empty or hidden from the caller." },
      rank: {
        type: 'string',
        enum: ['exact', 'prefix', 'name', 'field'],
        description: 'Why it was found, best first: the name is the text, starts with it, holds it; another text field holds it.',
      },
      matched: {
        type: 'object',
        description: 'With rank `field`: the field that holds the text, its label, and its value around the match.',
        required: ['field', 'label', 'snippet'],
        properties: { field: { type: 'string' }, label: { type: 'string' }, snippet: { type: 'string' } },
      },
    },
  },
  SearchResults: {
    type: 'object',
    required: ['results'],
    properties: { results: { type: 'array', items: schemaRef('SearchResult'), maxItems: MAX_SEARCH_RESULTS } },
  },
};

/** /api/v1/search: global search over the records the caller may read. */
export function searchPaths(): OpenApiFragment {
  return {
    tags: [{ name: TAG, description: 'One search box over every object: names first, then the other text fields.' }],
    schemas: SCHEMAS,
    paths: {
      '/api/v1/search': {
        get: {
          operationId: 'search.records',
          summary: 'Search records of every object',
          description:
            'Looks for the text (case-insensitive, as a plain substring: `.` or `*` are characters like any other) in the name field and the text, long text, e-mail, phone and URL fields ' +
            'of every object the caller may read, in the records they may read, leaving out the fields hidden from them. ' +
            `Ranked: the name equal to the text, then starting with it, then holding it, then another field holding it; within each, the most recently modified first. ` +
            `At most ${RESULTS_PER_OBJECT} results of one object and \`limit\` in all.`,
          tags: [TAG],
          parameters: [
            {
              name: 'q',
              in: 'query',
              required: true,
              description: `The text, ${MIN_QUERY_LENGTH} to ${MAX_QUERY_LENGTH} characters after trimming (one Chinese character is enough).`,
              schema: { type: 'string', maxLength: MAX_QUERY_LENGTH },
              example: 'Acme',
            },
            {
              name: 'limit',
              in: 'query',
              description: `How many results in all, 1 to ${MAX_SEARCH_RESULTS}.`,
              schema: { type: 'integer', minimum: 1, maximum: MAX_SEARCH_RESULTS, default: MAX_SEARCH_RESULTS },
            },
          ],
          responses: {
            '200': { description: 'The results, best first.', content: json(schemaRef('SearchResults')) },
            '400': responseRef('BadRequest', 'The text is missing, too short or too long, or the limit is out of range.'),
          },
        },
      },
    },
  };
}
