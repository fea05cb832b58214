import { json, responseRef } from './common-components.js';
import type { OpenApiFragment, Operation, Response, SchemaObject, SecurityScheme } from './openapi-types.js';

const BASE = '/api/v1/auth';
const TAG = 'Authentication';

/** Either an API token or a session cookie (with its CSRF header on state-changing calls). */
export const SECURITY_SCHEMES: Record<string, SecurityScheme> = {
  apiToken: { type: 'http', scheme: 'bearer', description: 'An API token from POST /api/v1/auth/tokens, as "Authorization: Bearer crmt_…".' },
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'crm_session',
    description: 'The HttpOnly session cookie set by POST /api/v1/auth/login; POST, PUT, PATCH and DELETE also need the x-csrf-token header it returned.',
  },
  operatorToken: {
    type: 'http',
    scheme: 'bearer',
    description: "The platform operator's OPERATOR_TOKEN, for /api/operator and /metrics only: it opens no tenant's data.",
  },
  metricsToken: {
    type: 'http',
    scheme: 'bearer',
    description: "The server's METRICS_TOKEN, for /metrics only: what Prometheus sends to scrape the process's figures.",
  },
};
export const DOCUMENT_SECURITY: Record<string, string[]>[] = [{ apiToken: [] }, { session: [] }];

const user: SchemaObject = { type: 'object', description: 'The signed-in user\'s record (see the user object).', additionalProperties: true };
const SYSTEM_RIGHT_NAMES = ['manageMetadata', 'manageUsers', 'viewAllData', 'modifyAllData', 'viewAuditLog', 'editLockedRecords'];
const SYSTEM_RIGHTS: SchemaObject = {
  type: 'object',
  description: "The user's system rights, as the engine checks them (the union of their permission sets): the web app offers only what they allow.",
  required: SYSTEM_RIGHT_NAMES,
  properties: Object.fromEntries(SYSTEM_RIGHT_NAMES.map((right) => [right, { type: 'boolean' }])),
};
const token: SchemaObject = {
  type: 'object',
  required: ['id', 'name', 'createdAt'],
  properties: { id: { type: 'string' }, name: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' }, lastUsedAt: { type: 'string', format: 'date-time' } },
};

const session: SchemaObject = {
  type: 'object',
  required: ['createdAt', 'expiresAt'],
  properties: { id: { type: 'string', description: 'Absent on sessions opened before sessions had ids.' }, createdAt: { type: 'string', format: 'date-time' }, expiresAt: { type: 'string', format: 'date-time' } },
};
const userId = { name: 'id', in: 'path' as const, required: true, description: 'The user\'s record id.', schema: { type: 'string' as const } };
/** What every route on another user's credentials may answer besides its success. */
const managed = { '403': responseRef('Forbidden'), '404': responseRef('NotFound') };

function operation(id: string, summary: string, responses: Operation['responses'], extra: Partial<Operation> = {}): Operation {
  return { operationId: `auth.${id}`, summary, tags: [TAG], responses: { ...responses, '401': responseRef('Unauthorized') }, ...extra };
}

const noContent: Response = { description: 'Done.' };
const ok = (schema: SchemaObject, description: string): Response => ({ description, content: json(schema) });
const body = (schema: SchemaObject): Operation['requestBody'] => ({ required: true, content: json(schema) });

/** /api/v1/auth: sign-in, sign-out, the current user, passwords and API tokens. */
export function authPaths(): OpenApiFragment {
  return {
    tags: [{ name: TAG, description: 'Sessions for browsers, API tokens for scripts. Every other route needs one of them.' }],
    schemas: {},
    paths: {
      [`${BASE}/login`]: {
        post: {
          operationId: 'auth.login',
          summary: 'Sign in with e-mail and password',
          description: 'Sets the HttpOnly, SameSite=Lax session cookie and returns the CSRF token to send as x-csrf-token. After five wrong passwords from one address for one account, that address waits (30 s, doubling with each further failure, up to 15 minutes: 429 with Retry-After); nothing locks the account itself, and an unknown e-mail answers the same.',
          tags: [TAG],
          security: [],
          requestBody: body({ type: 'object', required: ['email', 'password'], properties: { email: { type: 'string' }, password: { type: 'string' } } }),
          responses: {
            '200': ok({ type: 'object', required: ['user', 'rights', 'csrfToken', 'expiresAt'], properties: { user, rights: SYSTEM_RIGHTS, csrfToken: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' } } }, 'Signed in.'),
            '401': responseRef('Unauthorized'),
            '429': ok({ $ref: '#/components/schemas/Error' }, 'This address must wait before trying this account again, or has failed too many sign-ins this minute.'),
          },
        },
      },
      [`${BASE}/logout`]: { post: operation('logout', 'End the session', { '204': noContent }) },
      [`${BASE}/me`]: {
        get: operation('me', 'The signed-in user', {
          '200': ok(
            {
              type: 'object',
              required: ['user', 'rights'],
              properties: {
                user,
                rights: SYSTEM_RIGHTS,
                csrfToken: { type: 'string', description: 'With a session cookie only: its CSRF token, for a page that was reloaded.' },
              },
            },
            'The user and their system rights.',
          ),
        }),
      },
      [`${BASE}/password-policy`]: {
        get: operation(
          'passwordPolicy',
          'The rules a new password must meet',
          {
            '200': ok(
              { type: 'object', required: ['minLength', 'maxLength'], properties: { minLength: { type: 'integer' }, maxLength: { type: 'integer' } } },
              'Length is the only rule: no composition rules (NIST 800-63B).',
            ),
          },
        ),
      },
      [`${BASE}/password`]: {
        post: operation('changePassword', 'Change your password', { '204': noContent, '400': responseRef('BadRequest'), '403': responseRef('Forbidden') }, {
          requestBody: body({ type: 'object', required: ['current', 'password'], properties: { current: { type: 'string' }, password: { type: 'string', minLength: 12 } } }),
        }),
      },
      [`${BASE}/users/{id}/password`]: {
        post: operation('setPassword', 'Set a user\'s password (administrators)', { '204': noContent, '400': responseRef('BadRequest'), '403': responseRef('Forbidden'), '404': responseRef('NotFound') }, {
          parameters: [{ name: 'id', in: 'path', required: true, description: 'The user\'s record id.', schema: { type: 'string' } }],
          requestBody: body({ type: 'object', required: ['password'], properties: { password: { type: 'string', minLength: 12 } } }),
        }),
      },
      [`${BASE}/users/{id}/tokens`]: {
        get: operation('listUserTokens', 'A user\'s API tokens (administrators; never their secrets)', { '200': ok({ type: 'object', required: ['tokens'], properties: { tokens: { type: 'array', items: token } } }, 'The tokens.'), ...managed }, { parameters: [userId] }),
        delete: operation('revokeUserTokens', 'Revoke every API token of a user (administrators)', { '204': noContent, ...managed }, { parameters: [userId] }),
      },
      [`${BASE}/users/{id}/tokens/{token}`]: {
        delete: operation('revokeUserToken', 'Revoke one API token of a user (administrators)', { '204': noContent, ...managed }, {
          parameters: [userId, { name: 'token', in: 'path', required: true, description: 'The token\'s id (not its secret).', schema: { type: 'string' } }],
        }),
      },
      [`${BASE}/users/{id}/sessions`]: {
        get: operation('listUserSessions', 'A user\'s open sessions (administrators; never their secrets)', { '200': ok({ type: 'object', required: ['sessions'], properties: { sessions: { type: 'array', items: session } } }, 'The sessions.'), ...managed }, { parameters: [userId] }),
        delete: operation('endUserSessions', 'End every session of a user (administrators)', { '204': noContent, ...managed }, { parameters: [userId] }),
      },
      [`${BASE}/users/{id}/sessions/{session}`]: {
        delete: operation('endUserSession', 'End one session of a user (administrators)', { '204': noContent, ...managed }, {
          parameters: [userId, { name: 'session', in: 'path', required: true, description: 'The session\'s id, from the list of sessions.', schema: { type: 'string' } }],
        }),
      },
      [`${BASE}/tokens`]: {
        get: operation('listTokens', 'Your API tokens (never their secrets)', { '200': ok({ type: 'object', required: ['tokens'], properties: { tokens: { type: 'array', items: token } } }, 'The tokens.') }),
        post: operation('createToken', 'Create an API token', {
          '201': ok({ allOf: [token, { type: 'object', required: ['token'], properties: { token: { type: 'string', description: 'The secret, shown this once.' } } }] }, 'Created.'),
          '400': responseRef('BadRequest'),
        }, { requestBody: body({ type: 'object', required: ['name'], properties: { name: { type: 'string', maxLength: 100 } } }) }),
      },
      [`${BASE}/tokens/{id}`]: {
        delete: operation('revokeToken', 'Revoke one of your API tokens', { '204': noContent, '404': responseRef('NotFound') }, {
          parameters: [{ name: 'id', in: 'path', required: true, description: 'The token\'s id (not its secret).', schema: { type: 'string' } }],
        }),
      },
    },
  };
}
