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

const tenantParameter = { name: 'tenant', in: 'path' as const, required: true, description: 'The tenant, as clients name it in X-Tenant.', schema: { type: 'string' as const, pattern: TENANT_NAME.source } };

const rotation: SchemaObject = {
  type: 'object',
  required: ['_id', 'to', 'from', 'status', 'done', 'total', 'percent', 'startedAt'],
  properties: {
    _id: { type: 'string' },
    to: { type: 'string', description: 'The new data key.' },
    from: { type: 'array', items: { type: 'string' }, description: 'The keys the values move off, removed at the end.' },
    status: { type: 'string', enum: ['running', 'done'] },
    done: { type: 'integer', description: 'Documents looked at.' },
    resealed: { type: 'integer', description: 'Documents re-encrypted.' },
    total: { type: 'integer', description: 'Documents that may hold encrypted values, when it started.' },
    percent: { type: 'integer', minimum: 0, maximum: 100 },
    pass: { type: 'integer', description: 'The pass through the documents; the last one finds nothing left under a former key.' },
    startedAt: { type: 'string', format: 'date-time' },
    finishedAt: { type: 'string', format: 'date-time' },
  },
};

const keysView: SchemaObject = {
  type: 'object',
  required: ['activeKey', 'keys', 'rotations'],
  properties: { activeKey: { type: 'string' }, keys: { type: 'array', items: { type: 'string' } }, rotations: { type: 'array', items: rotation } },
};

const backup: SchemaObject = {
  type: 'object',
  required: ['name', 'createdAt', 'formatVersion', 'platformVersion', 'scheduled', 'tenants'],
  properties: {
    name: { type: 'string', description: 'The folder of the backup in BACKUP_DIR.' },
    createdAt: { type: 'string', format: 'date-time' },
    formatVersion: { type: 'integer', description: 'The version of the backup format (docs/operations.md); a restore refuses a newer one.' },
    platformVersion: { type: 'string' },
    scheduled: { type: 'boolean', description: 'Made by the schedule (BACKUP_EVERY_HOURS), and pruned by its retention.' },
    tenants: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'snapshotAt', 'databaseBytes', 'files'],
        properties: {
          name: { type: 'string' },
          snapshotAt: { type: 'string', format: 'date-time', description: "The moment the tenant's snapshot stands for." },
          databaseBytes: { type: 'integer' },
          files: { type: 'integer', description: 'Attachment files copied with it.' },
        },
      },
    },
  },
};

const restored: SchemaObject = {
  type: 'object',
  required: ['backup', 'from', 'tenant', 'snapshotAt'],
  properties: { backup: { type: 'string' }, from: { type: 'string' }, tenant: { type: 'string' }, snapshotAt: { type: 'string', format: 'date-time' } },
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
    tags: [{ name: TAG, description: "The platform operator's routes, outside every tenant, with the OPERATOR_TOKEN of the server: create and list tenants, back them up and restore them." }],
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
      '/api/operator/backups': {
        get: {
          operationId: 'operator.backups.list',
          summary: 'List the backups in BACKUP_DIR',
          tags: [TAG],
          security: OPERATOR,
          responses: { '200': { description: 'Every complete backup, oldest first.', content: json({ type: 'object', required: ['backups'], properties: { backups: { type: 'array', items: backup } } }) }, ...guarded },
        },
        post: {
          operationId: 'operator.backups.create',
          summary: 'Back up tenants while the platform serves',
          description:
            "Each tenant's store as it stood at one moment (records, metadata with its history, jobs, audit log) and its attachment files, written to a new folder of BACKUP_DIR with backup.json (docs/operations.md). Answers once the backup is complete.",
          tags: [TAG],
          security: OPERATOR,
          requestBody: {
            required: false,
            content: json({ type: 'object', additionalProperties: false, properties: { tenants: { type: 'array', items: { type: 'string' }, minItems: 1, description: 'The tenants to back up; all of them when left out.' } } }),
          },
          responses: {
            '201': { description: 'The backup, complete.', content: json(backup) },
            '400': responseRef('BadRequest'),
            ...guarded,
            '501': { description: 'The platform runs on MongoDB, backed up with mongodump (`backup_unsupported`).', content: json({ $ref: '#/components/schemas/Error' }) },
          },
        },
      },
      '/api/operator/tenants/{tenant}/keys': {
        get: {
          operationId: 'operator.keys.get',
          summary: "A tenant's data keys and key rotations",
          description: 'The id of the active data key, the ids of every key the tenant holds (never a key), and its last rotations with their progress.',
          tags: [TAG],
          security: OPERATOR,
          parameters: [tenantParameter],
          responses: { '200': { description: 'The keys and rotations.', content: json(keysView) }, ...guarded, '404': responseRef('NotFound', 'No tenant of that name, or the operator API is turned off (`operator_api_disabled`).') },
        },
      },
      '/api/operator/tenants/{tenant}/keys/rotate': {
        post: {
          operationId: 'operator.keys.rotate',
          summary: "Rotate a tenant's data key",
          description:
            'Makes a new data key, active at once, and starts the job that re-encrypts every encrypted value and secret under it, in the background, with its progress in GET …/keys. The former key stays until a whole pass finds nothing under it, so every value reads throughout (docs/operations.md, Keys).',
          tags: [TAG],
          security: OPERATOR,
          parameters: [tenantParameter],
          responses: {
            '202': { description: 'The rotation, started.', content: json(rotation) },
            ...guarded,
            '404': responseRef('NotFound', 'No tenant of that name, or the operator API is turned off (`operator_api_disabled`).'),
            '409': responseRef('Conflict', 'A rotation is running already (`rotation_in_progress`).'),
          },
        },
      },
      '/api/operator/backups/{name}/restore': {
        post: {
          operationId: 'operator.backups.restore',
          summary: 'Restore a tenant of a backup under a new name',
          description:
            "Creates the tenant `as` from the tenant `tenant` of the backup, beside the others. Its e-mails and webhook calls still waiting are not sent (their delivery jobs cancelled, the messages kept in the outbox). A backup of a newer format than this platform's is refused (422).",
          tags: [TAG],
          security: OPERATOR,
          parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' }, description: 'The backup, as listed.' }],
          requestBody: {
            required: true,
            content: json({ type: 'object', required: ['tenant', 'as'], properties: { tenant: { type: 'string', description: 'The tenant in the backup.' }, as: { type: 'string', pattern: TENANT_NAME.source, description: 'The new tenant.' } } }),
          },
          responses: {
            '201': { description: 'Restored: the tenant answers to X-Tenant: <as>.', content: json(restored) },
            '400': responseRef('BadRequest'),
            ...guarded,
            '409': responseRef('Conflict', 'A tenant of that name exists already (`already_exists`).'),
            '422': { description: 'Not a backup, damaged, or of a newer format (`backup_unreadable`).', content: json({ $ref: '#/components/schemas/Error' }) },
            '501': { description: 'The platform runs on MongoDB (`backup_unsupported`).', content: json({ $ref: '#/components/schemas/Error' }) },
          },
        },
      },
    },
  };
}
