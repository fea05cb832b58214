import { ASSETS } from '../routes/docs-routes.js';
import { json, responseRef, schemaRef } from './common-components.js';
import type { OpenApiFragment, SchemaObject } from './openapi-types.js';

const TAG = 'Platform';
const PUBLIC: Record<string, string[]>[] = [];

const health: SchemaObject = {
  type: 'object',
  required: ['status', 'store', 'transactional'],
  properties: {
    status: { const: 'ok' },
    store: { type: 'string', enum: ['embedded', 'mongodb'], description: 'The storage adapter this server runs on.' },
    transactional: {
      type: 'boolean',
      description: 'Whether units of work are transactions (all or nothing): false only on a standalone MongoDB server allowed by MONGODB_ALLOW_STANDALONE.',
    },
  },
};

const ready: SchemaObject = {
  type: 'object',
  required: ['status', 'store'],
  properties: { status: { const: 'ready' }, store: { type: 'string', enum: ['embedded', 'mongodb'] } },
};

/** The reference page's files, by their media types. */
const FILE = Object.fromEntries(['text/css', 'text/javascript', 'image/png'].map((type) => [type, { schema: { type: 'string', format: 'binary' } as SchemaObject }]));

const text = (type: string, description: string) => ({ description, content: { [type]: { schema: { type: 'string' } as SchemaObject } } });

/** The routes around the API itself: the health check, this document and the browsable reference. */
export function platformPaths(): OpenApiFragment {
  return {
    tags: [{ name: TAG, description: 'The health and readiness checks for load balancers, the metrics for Prometheus, this document, and the browsable API reference built on it.' }],
    schemas: {},
    paths: {
      '/health': {
        get: {
          operationId: 'platform.health',
          summary: 'Is the server up',
          description:
            'Liveness, for orchestrators and monitors: answers without a tenant, a user or a store query, also while the engine starts or shuts down (see /ready). `transactional` says whether units of work are all or nothing.',
          tags: [TAG],
          security: PUBLIC,
          responses: { '200': { description: 'The server is up.', content: json(health) } },
        },
      },
      '/ready': {
        get: {
          operationId: 'platform.ready',
          summary: 'Can the server take requests',
          description:
            'Readiness, for load balancers: 200 once the store answers and the start-up (opening the store, its migrations, the default tenant) is done; 503 before, while shutting down, or when the store does not answer within 2 s. Every other route answers 503 with Retry-After while the engine starts or stops.',
          tags: [TAG],
          security: PUBLIC,
          responses: {
            '200': { description: 'Ready.', content: json(ready) },
            '503': responseRef('Unavailable', 'Not ready: `starting`, `stopping` or `store_unreachable`.'),
          },
        },
      },
      '/metrics': {
        get: {
          operationId: 'platform.metrics',
          summary: 'Prometheus metrics',
          description:
            "The process's figures in Prometheus' text format, every tenant together: requests by method, route template and status (count and latency), store operation latency, jobs due and failed, outbox depth, event-loop delay, memory and CPU. For METRICS_TOKEN or OPERATOR_TOKEN only, never a tenant's user; turned off (404) when neither is set.",
          tags: [TAG],
          security: [{ metricsToken: [] }, { operatorToken: [] }],
          responses: {
            '200': text('text/plain', 'The metrics (text format 0.0.4).'),
            '401': responseRef('Unauthorized', 'No bearer token.'),
            '403': responseRef('Forbidden', 'Neither the metrics token nor the operator token.'),
            '404': responseRef('NotFound', 'The metrics are turned off (`metrics_disabled`: neither METRICS_TOKEN nor OPERATOR_TOKEN is set).'),
          },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          operationId: 'platform.openapi',
          summary: 'This document',
          description: "Generated from the tenant's live metadata as the signed-in user may use the API: it changes with the next request after a metadata change.",
          tags: [TAG],
          responses: { '200': { description: 'The OpenAPI 3.1 document.', content: json({ type: 'object', required: ['openapi', 'info', 'paths'] }) } },
        },
      },
      '/api/docs': {
        get: {
          operationId: 'platform.docs',
          summary: 'The browsable API reference',
          description: 'Swagger UI over this document; every asset comes from this server.',
          tags: [TAG],
          security: PUBLIC,
          responses: { '200': text('text/html', 'The page.') },
        },
      },
      '/api/docs/initializer.js': {
        get: {
          operationId: 'platform.docs.initializer',
          summary: "The reference page's start-up script",
          tags: [TAG],
          security: PUBLIC,
          responses: { '200': text('text/javascript', 'The script.') },
        },
      },
      '/api/docs/docs.css': {
        get: {
          operationId: 'platform.docs.styles',
          summary: "The styles of the reference page's sign-in box",
          tags: [TAG],
          security: PUBLIC,
          responses: { '200': text('text/css', 'The styles.') },
        },
      },
      '/api/docs/assets/{asset}': {
        get: {
          operationId: 'platform.docs.asset',
          summary: "The reference page's styles, script and icons",
          tags: [TAG],
          security: PUBLIC,
          parameters: [{ name: 'asset', in: 'path', required: true, description: 'One of the files the page loads.', schema: { type: 'string', enum: [...ASSETS] } }],
          responses: {
            '200': { description: 'The file, cached for an hour.', content: FILE },
            '206': { description: 'The part of the file a Range header asked for.', content: FILE },
            '304': { description: 'Not modified since the If-None-Match or If-Modified-Since sent.' },
            '412': responseRef('PreconditionFailed', 'If-Match or If-Unmodified-Since names another version of the file (`precondition_failed`).'),
            '416': { description: 'The Range asked for lies outside the file (`range_not_satisfiable`).', content: json(schemaRef('Error')) },
            // Another name is no route of the reference: it goes on to the API, which knows no such route either.
            '401': responseRef('Unauthorized', 'Another name, without a session or token: it is taken for an API route.'),
            '404': responseRef('NotFound', 'Another name: there is no such file, nor API route.'),
          },
        },
      },
    },
  };
}
