import { TENANT_NAME } from '../../tenancy/index.js';
import { json, responseRef } from './common-components.js';
import type { OpenApiFragment, SchemaObject } from './openapi-types.js';

const TAG = 'Operator';
const BASE = '/api/operator/tenants';
const OPERATOR: Record<string, string[]>[] = [{ operatorToken: [] }];

const tenant: SchemaObject = {
  type: 'object',
  required: ['name', 'createdAt'],
  properties: { name: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' } },
};

const newTenant: SchemaObject = {
  type: 'object',
  required: ['name', 'adminEmail'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', pattern: TENANT_NAME.source, description: 'The tenant name clients send as X-Tenant.' },
    adminEmail: { type: 'string', description: "The e-mail of the tenant's first administrator." },
    adminPassword: { type: 'string', minLength: 12, description: 'Their password; without it one is generated and returned once.' },
  },
};

const createdTenant: SchemaObject = {
  type: 'object',
  required: ['name', 'admin'],
  properties: {
    name: { type: 'string' },
    admin: {
      type: 'object',
      required: ['id', 'email'],
      properties: { id: { type: 'string' }, email: { type: 'string' }, generatedPassword: { type: 'string', description: 'Only when no password was given: shown this once.' } },
    },
  },
};

/** What every operator route can answer before it runs: the API turned off, no token, a wrong one. */
const guarded = {
  '401': responseRef('Unauthorized', 'No operator token: send "Authorization: Bearer <OPERATOR_TOKEN>".'),
  '403': responseRef('Forbidden', 'The bearer token is not the operator token.'),
  '404': responseRef('NotFound', 'The operator API is turned off on this server (`operator_api_disabled`: OPERATOR_TOKEN is not set).'),
};

/** /api/operator: the platform operator's routes, outside every tenant (X-Tenant does not apply). */
export function operatorPaths(): OpenApiFragment {
  return {
    tags: [{ name: TAG, description: "The platform operator's routes, outside every tenant, with the OPERATOR_TOKEN of the server: create and list tenants." }],
    schemas: {},
    paths: {
      [BASE]: {
        get: {
          operationId: 'operator.tenants.list',
          summary: 'List the tenants',
          tags: [TAG],
          security: OPERATOR,
          responses: { '200': { description: 'Every tenant.', content: json({ type: 'object', required: ['tenants'], properties: { tenants: { type: 'array', items: tenant } } }) }, ...guarded },
        },
        post: {
          operationId: 'operator.tenants.create',
          summary: 'Create a tenant with its first administrator',
          tags: [TAG],
          security: OPERATOR,
          requestBody: { required: true, content: json(newTenant) },
          responses: {
            '201': { description: 'Created.', content: json(createdTenant) },
            '400': responseRef('BadRequest'),
            ...guarded,
            '409': responseRef('Conflict', 'A tenant of that name exists already (`already_exists`), or its store already holds users (`tenant_not_empty`).'),
          },
        },
      },
    },
  };
}
