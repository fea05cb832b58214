import type { CompiledObject } from '../../metadata/compiled-object.js';
import { ETAG_HEADER, json, parameterRef, responseRef, schemaRef } from './common-components.js';
import type { Parameter, PathItem, SchemaObject } from './openapi-types.js';
import { recordSchemaNames } from './record-components.js';
import { RECORDS_BASE } from './record-paths.js';

/** The shapes of a record's buttons and of what pressing one answers, the same on every object. */
export const AUTOMATION_SCHEMAS: Record<string, SchemaObject> = {
  RecordButton: {
    type: 'object',
    description: 'An automation rule with `on: button` whose condition the record matches.',
    required: ['rule', 'label', 'description'],
    properties: {
      rule: { type: 'string', description: 'The rule\'s API name, for POST …/buttons/{rule}.' },
      label: { type: ['object', 'null'], description: 'The rule\'s label by language (`en`, `zh-CN`, `zh-TW`).' },
      description: { type: ['string', 'null'] },
    },
  },
  RecordButtonList: { type: 'object', required: ['buttons'], properties: { buttons: { type: 'array', items: schemaRef('RecordButton') } } },
  ConvertedRecord: {
    type: 'object',
    description: 'A record a conversion created.',
    required: ['as', 'object', '_id'],
    properties: { as: { type: 'string', description: 'The name the conversion gives it, e.g. account.' }, object: { type: 'string' }, _id: { type: 'string' } },
  },
};

const RULE_PARAMETER: Parameter = { name: 'rule', in: 'path', required: true, description: 'The API name of an automation rule with `on: button` on this object.', schema: { type: 'string' } };

/** A record's buttons (automation rules run by a user from the record page), pressing one, and assigning it again by the assignment rules. */
export function automationPaths(compiled: CompiledObject): Record<string, PathItem> {
  const name = compiled.name;
  const label = compiled.object.label.en;
  const tags = [name];
  const one = `${RECORDS_BASE}/${name}/{id}`;
  const notFound = responseRef('NotFound', `No such ${label} record, or one the user may not see.`);
  return {
    [`${one}/buttons`]: {
      parameters: [parameterRef('RecordId')],
      get: {
        operationId: `records.${name}.buttons.list`,
        summary: `The buttons a ${label} record offers`,
        description: 'The active automation rules of the object with `on: button` whose condition the record matches now, in the rules\' order (a lead not yet converted offers Convert).',
        tags,
        responses: {
          '200': { description: 'The buttons.', content: json(schemaRef('RecordButtonList')) },
          '403': responseRef('Forbidden', `No permission set grants reading ${name} records.`),
          '404': notFound,
        },
      },
    },
    [`${one}/assign`]: {
      parameters: [parameterRef('RecordId')],
      post: {
        operationId: `records.${name}.assign`,
        summary: `Assign a ${label} record again by the assignment rules`,
        description:
          'Runs the object\'s active assignment rules on the record as it stands, as on a create: the first entry it matches gives its owner (a user, a queue, or the next member of a group in turn), written as a transfer (version up, manual shares end, audited). For anyone who may edit the record.',
        tags,
        parameters: [parameterRef('IfMatch')],
        responses: {
          '200': { description: 'The record as stored now, with the owner the rules gave.', headers: { ETag: ETAG_HEADER }, content: json(schemaRef(recordSchemaNames(name).read)) },
          '403': responseRef('Forbidden', 'The caller may see the record but not edit it.'),
          '404': notFound,
          '409': responseRef('Conflict', '`no_assignment`: no entry of the rules matches the record; `record_locked`: an approval process locked it.'),
          '412': responseRef('PreconditionFailed'),
        },
      },
    },
    [`${one}/buttons/{rule}`]: {
      parameters: [parameterRef('RecordId'), RULE_PARAMETER],
      post: {
        operationId: `records.${name}.buttons.run`,
        summary: `Press a button of a ${label} record`,
        description:
          'Runs the rule\'s actions once on the record, as the caller and with their permissions, in one unit of work: its field changes go through the write path of an update, ' +
          'a conversion creates its records through the write path of a create and links them. All or nothing: a record any of them refuses undoes everything, ' +
          'the details under the path of the refused record (`/contact/email`). Send If-Match to refuse it if someone changed the record first.',
        tags,
        parameters: [parameterRef('IfMatch')],
        responses: {
          '200': {
            description: 'The record as stored now, and the records a conversion created.',
            headers: { ETag: ETAG_HEADER },
            content: json({ type: 'object', required: ['record', 'created'], properties: { record: schemaRef(recordSchemaNames(name).read), created: { type: 'array', items: schemaRef('ConvertedRecord') } } }),
          },
          '400': responseRef('BadRequest', 'A value the rule gives, or a value of a record it creates, is refused: each detail with its path (under the created record\'s name).'),
          '403': responseRef('Forbidden', 'The caller may read the record but not edit it, or may not create the records the conversion creates (or set their fields).'),
          '404': responseRef('NotFound', `No such ${label} record the user may see, or no active button rule of that name on ${name}.`),
          '409': responseRef('Conflict', '`rule_not_applicable`: the record no longer matches the rule\'s condition (converted meanwhile); `record_locked`: an approval process locked it.'),
          '412': responseRef('PreconditionFailed'),
          '422': responseRef('RuleViolated'),
        },
      },
    },
  };
}
