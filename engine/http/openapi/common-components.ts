import { RECORD_ID_PATTERN } from '../../fields/record-id.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../../records/index.js';
import type { Components, MediaType, Parameter, Reference, Response, SchemaObject } from './openapi-types.js';

export function schemaRef(name: string): SchemaObject {
  return { $ref: `#/components/schemas/${name}` };
}

export function responseRef(name: keyof typeof ERROR_RESPONSES): Reference {
  return { $ref: `#/components/responses/${name}` };
}

export function parameterRef(name: keyof typeof PARAMETERS): Reference {
  return { $ref: `#/components/parameters/${name}` };
}

export function json(schema: SchemaObject, example?: unknown): Record<string, MediaType> {
  return { 'application/json': { schema, ...(example === undefined ? {} : { example }) } };
}

/** The one error shape of the API (see http/error-middleware.ts), whatever the status. */
const ERROR_SCHEMAS: Record<string, SchemaObject> = {
  ErrorDetail: {
    type: 'object',
    description: 'One problem with one part of the input.',
    required: ['path', 'message'],
    properties: {
      path: {
        type: 'string',
        description: 'JSON Pointer into the request body or query (e.g. /amount, /filter/amount/gte); empty for the input as a whole.',
      },
      message: { type: 'string', description: 'What is wrong, and how to fix it.' },
    },
  },
  Error: {
    type: 'object',
    description: 'Every error response has this shape.',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message', 'details'],
        properties: {
          code: {
            type: 'string',
            description: 'A stable machine code.',
            examples: ['validation_failed', 'invalid_json', 'not_found', 'duplicate_value', 'version_conflict', 'already_exists', 'object_has_records', 'incompatible_values'],
          },
          message: { type: 'string', description: 'A readable summary that says how to fix the problem.' },
          details: { type: 'array', items: schemaRef('ErrorDetail') },
        },
      },
    },
  },
};

function errorResponse(description: string, example: { code: string; message: string; details?: Array<{ path: string; message: string }> }): Response {
  return { description, content: json(schemaRef('Error'), { error: { details: [], ...example } }) };
}

const ERROR_RESPONSES = {
  BadRequest: errorResponse('The input is not valid: every problem is listed with its path.', {
    code: 'validation_failed',
    message: "'title' is required (and 1 more problem).",
    details: [
      { path: '/title', message: 'is required' },
      { path: '/amount', message: 'must be a number' },
    ],
  }),
  NotFound: errorResponse('No such object, field or record.', { code: 'not_found', message: "There is no object named 'purchase_request'." }),
  Conflict: errorResponse('The request clashes with what is stored: a duplicate value, a name taken, records or metadata in the way.', {
    code: 'duplicate_value',
    message: 'number must be unique: another purchase_request record already has "PR-0001"; the value must be unique',
    details: [{ path: '/number', message: 'another purchase_request record already has "PR-0001"; the value must be unique' }],
  }),
  PreconditionFailed: errorResponse('If-Match named a version that is no longer current: reload the record and apply the change again.', {
    code: 'version_conflict',
    message: 'The record was changed by someone else: you sent version 1, the current version is 2. Reload it and apply your change again.',
  }),
  PayloadTooLarge: errorResponse('The request body is larger than the server accepts.', {
    code: 'body_too_large',
    message: 'The request body is larger than the 1048576 bytes allowed.',
  }),
} satisfies Record<string, Response>;

const PARAMETERS = {
  RecordId: {
    name: 'id',
    in: 'path',
    required: true,
    description: 'The record id.',
    schema: { type: 'string', pattern: RECORD_ID_PATTERN },
  },
  IfMatch: {
    name: 'If-Match',
    in: 'header',
    description: 'The version the change is based on, as the ETag the API sent ("3") or bare (3). A stale version gets 412; without the header the change applies to whatever is current.',
    schema: { type: 'string' },
    example: '"1"',
  },
  Limit: {
    name: 'limit',
    in: 'query',
    description: `Records per page, 1 to ${MAX_LIMIT}.`,
    schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
  },
  Cursor: {
    name: 'cursor',
    in: 'query',
    description: 'The `next` of the previous page; send the same filter and sort with it.',
    schema: { type: 'string' },
  },
  Total: {
    name: 'total',
    in: 'query',
    description: 'Also count every matching record (a second pass over the matches); `total` is null otherwise.',
    schema: { type: 'boolean', default: false },
  },
} satisfies Record<string, Parameter>;

/** The record version a record response carries, for If-Match on the next change. */
export const ETAG_HEADER = { description: 'The record version, quoted; send it back in If-Match.', schema: { type: 'string' } };

export function commonComponents(): Components {
  return { schemas: { ...ERROR_SCHEMAS }, parameters: { ...PARAMETERS }, responses: { ...ERROR_RESPONSES } };
}
