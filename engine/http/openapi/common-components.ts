import { RECORD_ID_PATTERN } from '../../fields/record-id.js';
import type { HistoryAction } from '../../records/history/field-history.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../../records/index.js';
import { DEFAULT_TENANT } from '../../tenancy/index.js';
import type { Components, MediaType, Parameter, Reference, Response, SchemaObject } from './openapi-types.js';

export function schemaRef(name: string): SchemaObject {
  return { $ref: `#/components/schemas/${name}` };
}

/** A shared response; `description` says, where it helps, what this operation answers it for. */
export function responseRef(name: keyof typeof ERROR_RESPONSES, description?: string): Reference {
  return { $ref: `#/components/responses/${name}`, ...(description === undefined ? {} : { description }) };
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
      position: {
        type: 'integer',
        minimum: 0,
        description: "For an expression's problem: the offset just after the offending token (as jsonata counts), to underline it.",
      },
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
            examples: [
              'validation_failed',
              'invalid_json',
              'invalid_path',
              'not_found',
              'duplicate_value',
              'version_conflict',
              'already_exists',
              'object_has_records',
              'incompatible_values',
              'metadata_in_use',
              'delete_restricted',
              'restore_with_master',
              'parent_deleted',
              'rule_violated',
              'expression_failed',
              'expression_timeout',
              'expression_too_deep',
              'expression_too_large',
            ],
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
  Unavailable: errorResponse('The engine is starting or shutting down, or its store does not answer: try again after the Retry-After seconds, or on another instance.', {
    code: 'starting',
    message: 'The engine is starting; try again in a moment.',
  }),
  BadRequest: errorResponse('The input is not valid: every problem is listed with its path.', {
    code: 'validation_failed',
    message: "'title' is required (and 1 more problem).",
    details: [
      { path: '/title', message: 'is required' },
      { path: '/amount', message: 'must be a number' },
    ],
  }),
  Unauthorized: errorResponse('No valid session or API token came with the request: sign in, or send "Authorization: Bearer <token>".', {
    code: 'unauthenticated',
    message: 'Sign in first: send a session cookie from POST /api/v1/auth/login, or an API token as "Authorization: Bearer <token>".',
  }),
  Forbidden: errorResponse(
    'The signed-in user may not do this: none of their permission sets grants it (metadata and users need setup rights), they see the record but may not change it, ' +
      'or a session sent no x-csrf-token header to change data.',
    {
      code: 'forbidden',
      message: 'Only administrators can change metadata.',
    },
  ),
  NotFound: errorResponse('No such object, field or record; a record the user may not see answers so too, exactly as a missing one.', { code: 'not_found', message: "There is no object named 'purchase_request'." }),
  Conflict: errorResponse('The request clashes with what is stored: a duplicate value, a name taken, records or metadata in the way.', {
    code: 'duplicate_value',
    message: 'number must be unique: another purchase_request record already has "PR-0001"; the value must be unique',
    details: [{ path: '/number', message: 'another purchase_request record already has "PR-0001"; the value must be unique' }],
  }),
  PreconditionFailed: errorResponse('If-Match named a version that is no longer current: reload the record and apply the change again.', {
    code: 'version_conflict',
    message: 'The record was changed by someone else: you sent version 1, the current version is 2. Reload it and apply your change again.',
  }),
  DeleteRestricted: errorResponse(
    'A lookup with onDelete `restrict` points at the record, or at a detail record that would go with it: change or delete the records named first.',
    {
      code: 'delete_restricted',
      message: "This Supplier record cannot be deleted: 1 Purchase request record still points at it through 'supplier'. Change or delete it first.",
      details: [{ path: '/related/purchase_request/6650f1c2a1b2c3d4e5f60718/supplier', message: 'points at 6650f1c2a1b2c3d4e5f60717' }],
    },
  ),
  RestoreConflict: errorResponse(
    'The record cannot come back as it was: it went with its master (`restore_with_master`: restore the master), its master or a required lookup has been deleted since (`parent_deleted`), or a new record took one of its unique values meanwhile (`duplicate_value`).',
    {
      code: 'parent_deleted',
      message: "This Purchase request record points through 'supplier' at supplier 6650f1c2a1b2c3d4e5f60717, which has been deleted since; restore that record first.",
      details: [{ path: '/supplier', message: 'supplier 6650f1c2a1b2c3d4e5f60717 is not live' }],
    },
  ),
  RuleViolated: errorResponse(
    [
      'The input is valid but the record is not: it breaks validation rules (`rule_violated`, each broken rule with its message in the',
      "request's language, at the path of the rule's field or '' for the whole record), or an expression of the object failed on it",
      '(`expression_failed`, `expression_timeout` after 100 ms, `expression_too_deep`, `expression_too_large` past a size limit, `formula_result_invalid`). Nothing is written.',
    ].join(' '),
    {
      code: 'rule_violated',
      message: 'A discount over 20% needs approval',
      details: [{ path: '/discount', message: 'A discount over 20% needs approval' }],
    },
  ),
  ExpressionFailed: errorResponse(
    'An expression failed (`expression_failed`, `expression_timeout` after 100 ms, `expression_too_deep`, `expression_too_large` past a size limit, `formula_result_invalid`); on a delete or a restore, a formula of a record pointing at this one, recomputed in the same unit of work. Nothing is written.',
    { code: 'expression_timeout', message: 'the expression took longer than 100 ms and was stopped' },
  ),
  PayloadTooLarge: errorResponse('The request body is larger than the server accepts.', {
    code: 'body_too_large',
    message: 'The request body is 1.3 MB, over the limit of 1 MB.',
  }),
  UnsupportedMediaType: errorResponse('The JSON body is not in UTF-8 (a charset or Content-Encoding the server does not read).', {
    code: 'unsupported_encoding',
    message: 'Send the body as UTF-8 JSON.',
  }),
  TooManyRequests: {
    description: 'Too many requests from this user (or sign-in failures from this address) in a minute; Retry-After says when to try again.',
    headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer', minimum: 0 } } },
    content: json(schemaRef('Error'), { error: { code: 'rate_limited', message: 'Too many requests from your user: at most 3000 a minute. Try again in 12 seconds.', details: [] } }),
  },
  HeadersTooLarge: { description: "The request's headers together are over 16 KB (a cookie or a header that grew too large); answered by the HTTP server itself, without a body." },
  InternalError: errorResponse('A bug: the details are in the server\'s log, never in the response.', {
    code: 'internal',
    message: 'Something went wrong on the server; the error has been logged.',
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
    description: 'The `next` of the previous page; send the same filter and sort with it (a cursor of another object, sort or filter is refused with 400 at /cursor).',
    schema: { type: 'string' },
  },
  EntryLimit: {
    name: 'limit',
    in: 'query',
    description: `How many entries, newest first, 1 to ${MAX_LIMIT}.`,
    schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
  },
  Before: {
    name: 'before',
    in: 'query',
    description: 'The `next` of the previous page: the id of its last entry.',
    schema: { type: 'string', pattern: '^[0-9a-f]{24}$' },
  },
  Tenant: {
    name: 'X-Tenant',
    in: 'header',
    description:
      `The tenant the request works in; the \`${DEFAULT_TENANT}\` tenant without the header. A lower-case letter, then lower-case letters, digits, - and _, at most 40 characters: ` +
      'another value (an empty one too) is a 400 at /headers/x-tenant, an unknown tenant a 404 `unknown_tenant`. It applies to every operation of this document.',
    schema: { type: 'string', minLength: 1, maxLength: 40 },
    example: 'acme',
  },
  Total: {
    name: 'total',
    in: 'query',
    description: 'Also count every matching record (a second pass over the matches); `total` is null otherwise.',
    schema: { type: 'boolean', default: false },
  },
} satisfies Record<string, Parameter>;

/** Keyed by the history's own union, so a new kind of entry cannot go undocumented. */
const HISTORY_ACTIONS: Record<HistoryAction, string> = {
  created: 'the record was created',
  updated: 'a tracked field changed (one entry per field)',
  deleted: 'the record went to the recycle bin',
  restored: 'the record came back from the recycle bin',
};

/** The history of a record has the same shape for every object: field values of any type. */
const HISTORY_SCHEMAS: Record<string, SchemaObject> = {
  RecordHistoryEntry: {
    type: 'object',
    description: 'One event in the life of a record.',
    required: ['_id', 'record', 'action', 'by', 'at', 'version'],
    properties: {
      _id: { type: 'string' },
      record: { type: 'string', description: 'The record id.' },
      action: {
        type: 'string',
        enum: Object.keys(HISTORY_ACTIONS),
        description: Object.entries(HISTORY_ACTIONS).map(([action, meaning]) => `\`${action}\`: ${meaning}`).join('; ') + '.',
      },
      field: { type: 'string', description: 'The tracked field that changed; only on `updated`.' },
      old: { description: 'The value before the change, null when it had none; only on `updated`.' },
      new: { description: 'The value after the change, null when it was cleared; only on `updated`.' },
      by: { type: 'string', description: 'The user who made the change.' },
      at: { type: 'string', format: 'date-time' },
      version: { type: 'integer', description: "The record's version after the change." },
    },
  },
  RecordHistory: {
    type: 'object',
    required: ['entries'],
    properties: { entries: { type: 'array', items: schemaRef('RecordHistoryEntry'), description: 'Newest first.' } },
  },
};

/** The record version a record response carries, for If-Match on the next change. */
export const ETAG_HEADER = { description: 'The record version, quoted; send it back in If-Match.', schema: { type: 'string' } };

export function commonComponents(): Components {
  return { schemas: { ...ERROR_SCHEMAS, ...HISTORY_SCHEMAS }, parameters: { ...PARAMETERS }, responses: { ...ERROR_RESPONSES } };
}
