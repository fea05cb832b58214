import type { CompiledObject } from '../../metadata/compiled-object.js';
import { ETAG_HEADER, json, parameterRef, responseRef, schemaRef } from './common-components.js';
import type { PathItem } from './openapi-types.js';
import { recordSchemaNames } from './record-components.js';

export const RECYCLE_BIN_BASE = '/api/v1/recycle-bin';

/** An object's recycle bin: what its deletes put there, to restore or to purge for good. */
export function recycleBinPaths(compiled: CompiledObject): Record<string, PathItem> {
  const name = compiled.name;
  const label = compiled.object.label.en;
  const plural = compiled.object.pluralLabel.en;
  const names = recordSchemaNames(name);
  const tags = [name];
  return {
    [`${RECYCLE_BIN_BASE}/${name}`]: {
      get: {
        operationId: `recycleBin.${name}.list`,
        summary: `Deleted ${plural}`,
        description:
          'The records deleted from this object, newest first; detail records deleted with their master are listed under the master, not here. ' +
          'Entries are purged for good after the configured days (RECYCLE_BIN_DAYS, 15 by default).',
        tags,
        parameters: [parameterRef('EntryLimit')],
        responses: {
          '200': { description: 'The entries.', content: json(schemaRef(names.recycleBin)) },
          '400': responseRef('BadRequest'),
          '404': responseRef('NotFound'),
        },
      },
    },
    [`${RECYCLE_BIN_BASE}/${name}/{id}/restore`]: {
      parameters: [parameterRef('RecordId')],
      post: {
        operationId: `recycleBin.${name}.restore`,
        summary: `Restore a deleted ${label} record`,
        description:
          'Brings the record back with the detail records its delete took along and its unique values, and points the lookups its delete ' +
          'cleared at it again where they are still empty. An optional lookup to a record deleted since is cleared. The version stays as it was.',
        tags,
        responses: {
          '200': { description: 'The record, live again.', headers: { ETag: ETAG_HEADER }, content: json(schemaRef(names.read)) },
          '404': responseRef('NotFound'),
          '409': responseRef('RestoreConflict'),
          '422': responseRef('ExpressionFailed'),
        },
      },
    },
    [`${RECYCLE_BIN_BASE}/${name}/{id}`]: {
      parameters: [parameterRef('RecordId')],
      delete: {
        operationId: `recycleBin.${name}.purge`,
        summary: `Purge a deleted ${label} record`,
        description: 'Deletes the record for good, with the detail records deleted with it and their history. A record deleted with its master is purged with the master.',
        tags,
        responses: {
          '204': { description: 'Purged.' },
          '404': responseRef('NotFound'),
        },
      },
    },
  };
}
