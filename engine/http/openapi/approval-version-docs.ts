import { json, responseRef, schemaRef } from './common-components.js';
import type { Operation, SchemaObject } from './openapi-types.js';

/** GET /api/v1/meta/approval-processes/{name}/versions: where the versions and their running counts are documented. */
export const VERSIONS_PATH = '/api/v1/meta/approval-processes/{name}/versions';

export const APPROVAL_PROCESS_VERSIONS: SchemaObject = {
  type: 'object',
  required: ['process', 'versions', 'currentStored', 'running'],
  properties: {
    process: { type: 'string' },
    versions: {
      type: 'array',
      description: 'Every version that ever ran, newest first. A version is stored when the first record is submitted under a definition.',
      items: {
        type: 'object',
        required: ['version', 'createdAt', 'current', 'running'],
        properties: {
          version: { type: 'integer', minimum: 1 },
          createdAt: { type: 'string', format: 'date-time', description: 'When the first record was submitted under it.' },
          current: { type: 'boolean', description: 'Whether it is the definition saved now.' },
          running: { type: 'integer', minimum: 0, description: 'Records waiting in it now (not those in the recycle bin); they finish on this version.' },
        },
      },
    },
    currentStored: { type: 'boolean', description: 'False while the saved definition has not run yet: it gets its number at the next submission.' },
    running: { type: 'integer', minimum: 0, description: 'Records in approval under any version.' },
  },
};

export function listVersionsOperation(tag: string): Operation {
  return {
    operationId: 'meta.listApprovalProcessVersions',
    summary: 'The versions of a process with the records running on each',
    description: 'A record runs to its end on the version it was submitted under; this lists those versions and how many records wait in each, for administrators.',
    tags: [tag],
    responses: {
      '200': { description: 'The versions, newest first.', content: json(schemaRef('ApprovalProcessVersions')) },
      '403': responseRef('Forbidden', 'Only users who may manage metadata can read it.'),
      '404': responseRef('NotFound'),
    },
  };
}
