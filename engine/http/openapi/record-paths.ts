import type { CompiledObject } from '../../metadata/compiled-object.js';
import { expandableReferences } from '../../records/index.js';
import { ETAG_HEADER, json, parameterRef, responseRef, schemaRef } from './common-components.js';
import { fieldsDescription, filterDescription, sortDescription } from './filter-description.js';
import type { OpenApiFragment, Parameter, Reference } from './openapi-types.js';
import { recordComponents, recordInResponse, recordSchemaNames } from './record-components.js';
import { recycleBinPaths } from './recycle-bin-paths.js';

export const RECORDS_BASE = '/api/v1/records';

/** A string query parameter; filter, sort and fields hold JSON or comma-separated names. */
export function queryParameter(name: string, description: string, example?: string): Parameter {
  return { name, in: 'query', description, schema: { type: 'string' }, ...(example === undefined ? {} : { example }) };
}

/** `expand`: the object's lookups and the user fields every record has. */
function expandParameter(compiled: CompiledObject): Parameter {
  const references = expandableReferences(compiled);
  const names = references.map((field) => `\`${field.name}\` (${field.target})`).join(', ');
  return queryParameter(
    'expand',
    `Comma-separated lookup and master-detail fields (and owner, _createdBy, _updatedBy) whose records to embed under \`_expanded\`, one query per relation for the whole page: ${names}. ` +
      'The ids stay in their fields; an empty field, or one whose record is no longer live, is embedded as null.',
    references[0]!.name,
  );
}

/** What lists and related lists take: the filter language, sort, field selection, paging, expand. */
export function listParameters(compiled: CompiledObject): Array<Parameter | Reference> {
  const expand = expandParameter(compiled);
  return [
    queryParameter('filter', filterDescription(compiled)),
    queryParameter('sort', sortDescription(compiled)),
    queryParameter('fields', fieldsDescription(compiled)),
    expand,
    parameterRef('Limit'),
    parameterRef('Cursor'),
    parameterRef('Total'),
  ];
}

function historyDescription(compiled: CompiledObject): string {
  const tracked = compiled.object.fields.filter((field) => field.trackHistory).map((field) => `\`${field.name}\``);
  const which = tracked.length > 0 ? `Tracked fields of ${compiled.name}: ${tracked.join(', ')}.` : `${compiled.name} tracks no field yet, so its records have no history.`;
  return `Who created, changed (tracked fields only), deleted and restored the record, and when; kept while the record is in the recycle bin. ${which}`;
}

/**
 * An object's record API: list and create on the collection; get, update and delete on one record;
 * its history; and its recycle bin.
 */
export function recordPaths(compiled: CompiledObject): OpenApiFragment {
  const name = compiled.name;
  const label = compiled.object.label.en;
  const plural = compiled.object.pluralLabel.en;
  const names = recordSchemaNames(name);
  const tags = [name];
  const headers = { ETag: ETAG_HEADER };
  const expand = expandParameter(compiled);
  const cannotRead = responseRef('Forbidden', `No permission set grants reading ${name} records.`);

  return {
    tags: [{ name, description: compiled.object.description ?? `Records of the ${label} object.` }],
    schemas: recordComponents(compiled),
    paths: {
      [`${RECORDS_BASE}/${name}`]: {
        get: {
          operationId: `records.${name}.list`,
          summary: `List ${plural}`,
          description: 'One page of records in a stable order; follow `next` for the following page.',
          tags,
          parameters: listParameters(compiled),
          responses: {
            '200': { description: 'A page of records.', content: json(schemaRef(names.list)) },
            '400': responseRef('BadRequest'),
            '403': cannotRead,
            '404': responseRef('NotFound'),
          },
        },
        post: {
          operationId: `records.${name}.create`,
          summary: `Create a ${label} record`,
          description:
            'Defaults and default expressions fill what is left out; auto-numbers, formulas, roll-ups and system fields are set by the platform; ' +
            'the validation rules are checked on the record as it would be stored.',
          tags,
          requestBody: { required: true, content: json(schemaRef(names.create)) },
          responses: {
            '201': {
              description: 'Created: the record as stored.',
              headers: { ...headers, Location: { description: 'The URL of the new record.', schema: { type: 'string' } } },
              content: json(schemaRef(names.read)),
            },
            '400': responseRef('BadRequest'),
            '403': responseRef('Forbidden', `No permission set grants creating ${name} records, or a field sent is one the user may not edit (each named at its path).`),
            '404': responseRef('NotFound'),
            '409': responseRef('Conflict'),
            '413': responseRef('PayloadTooLarge'),
            '422': responseRef('RuleViolated'),
          },
        },
      },
      [`${RECORDS_BASE}/${name}/{id}`]: {
        parameters: [parameterRef('RecordId')],
        get: {
          operationId: `records.${name}.get`,
          summary: `Get a ${label} record`,
          tags,
          parameters: [queryParameter('fields', fieldsDescription(compiled)), ...(expand ? [expand] : [])],
          responses: {
            '200': { description: 'The record.', headers, content: json(recordInResponse(compiled)) },
            '400': responseRef('BadRequest'),
            '403': cannotRead,
            '404': responseRef('NotFound'),
          },
        },
        patch: {
          operationId: `records.${name}.update`,
          summary: `Update a ${label} record`,
          description:
            'Only the sent fields change; null clears one. Formulas are recomputed and the validation rules checked on the record as it would be after the change. ' +
            'Send If-Match to refuse the change if someone else changed the record first.',
          tags,
          parameters: [parameterRef('IfMatch')],
          requestBody: { required: true, content: json(schemaRef(names.update)) },
          responses: {
            '200': { description: 'The record as stored now.', headers, content: json(schemaRef(names.read)) },
            '400': responseRef('BadRequest'),
            '403': responseRef(
              'Forbidden',
              `No permission set grants editing ${name} records, the user sees the record but it is neither theirs nor shared with them to edit, or a field sent is one they may not edit.`,
            ),
            '404': responseRef('NotFound'),
            '409': responseRef(
              'Conflict',
              'A unique value taken, or `record_locked`: an approval process locked the record (pending or approved; see GET …/approval `lock`) and the user is neither an administrator, nor allowed to modify all or edit locked records, nor an approver the process lets edit.',
            ),
            '412': responseRef('PreconditionFailed'),
            '413': responseRef('PayloadTooLarge'),
            '422': responseRef('RuleViolated'),
          },
        },
        delete: {
          operationId: `records.${name}.delete`,
          summary: `Delete a ${label} record`,
          description:
            'Moves the record to the recycle bin with its detail records (master-detail), clears the lookups pointing at them that clear on delete, ' +
            'and is refused while a lookup that restricts points at any of them.',
          tags,
          parameters: [parameterRef('IfMatch')],
          responses: {
            '204': { description: 'Deleted: in the recycle bin.' },
            '400': responseRef('BadRequest'),
            '403': responseRef(
              'Forbidden',
              `No permission set grants deleting ${name} records, or the user sees the record but is not its owner, in a role above the owner, nor allowed to modify all ${name} records.`,
            ),
            '404': responseRef('NotFound'),
            '409': responseRef('DeleteRestricted', 'A lookup that restricts points at the record (`delete_restricted`), or an approval process locked it (`record_locked`) and the user may not change locked records.'),
            '412': responseRef('PreconditionFailed'),
            '422': responseRef('ExpressionFailed'),
          },
        },
      },
      [`${RECORDS_BASE}/${name}/{id}/history`]: {
        parameters: [parameterRef('RecordId')],
        get: {
          operationId: `records.${name}.history`,
          summary: `The history of a ${label} record`,
          description: historyDescription(compiled),
          tags,
          parameters: [parameterRef('EntryLimit')],
          responses: {
            '200': { description: 'The entries, newest first.', content: json(schemaRef('RecordHistory')) },
            '400': responseRef('BadRequest'),
            '403': cannotRead,
            '404': responseRef('NotFound'),
          },
        },
      },
      ...recycleBinPaths(compiled),
    },
  };
}
