import type { CompiledObject } from '../../metadata/compiled-object.js';
import { MAX_EXPORT_ROWS } from '../../records/export/export-records.js';
import { json, responseRef, schemaRef } from './common-components.js';
import { fieldsDescription, filterDescription, sortDescription } from './filter-description.js';
import type { PathItem, Reference, SchemaObject } from './openapi-types.js';
import { queryParameter, RECORDS_BASE } from './record-paths.js';

const byField = (values: SchemaObject, what: string): SchemaObject => ({ type: 'object', additionalProperties: values, description: `${what}, by field.` });

/** The figures of a summary have the same shape on every object (records/summary/summarize-records.ts). */
export const REPORT_SCHEMAS: Record<string, SchemaObject> = {
  SummaryFigures: {
    type: 'object',
    description: 'The count, and each measure asked for under its aggregate, by field: `{"count": 2, "sum": {"amount": 350}}`.',
    required: ['count'],
    properties: {
      count: { type: 'integer', minimum: 0 },
      sum: byField({ type: 'number' }, 'Sums, 0 over no value'),
      avg: byField({ type: ['number', 'null'] }, 'Averages, null over no value'),
      min: byField({}, 'Smallest values (numbers or dates), null over no value'),
      max: byField({}, 'Largest values (numbers or dates), null over no value'),
    },
  },
  SummaryGroup: {
    allOf: [
      schemaRef('SummaryFigures'),
      {
        type: 'object',
        required: ['key'],
        properties: {
          key: {
            description:
              'The value of the groupBy level the group shares (a date period as text: 2026-03-01, 2026-W09, 2026-03, 2026-Q1, 2026); with several levels, the list of their values in order. ' +
              'null for the records without a value, and for the single group without groupBy.',
          },
        },
      },
    ],
  },
  ListPlan: {
    type: 'object',
    required: ['plan', 'advice'],
    properties: {
      plan: {
        type: 'object',
        required: ['access', 'indexes', 'sortedByIndex', 'building'],
        properties: {
          access: {
            enum: ['ids', 'index', 'union', 'scan'],
            description: '`ids`: reads by id; `index`: ranges of one index; `union`: one index per branch of an `$or` (the record-access filter); `scan`: every record is a candidate.',
          },
          indexes: { type: 'array', items: { type: 'string' }, description: 'The indexes read, by name (`_id_` for the primary key).' },
          sortedByIndex: { type: 'boolean', description: 'The order comes from walking an index, so the page stops after its limit; false: the matching records are sorted after they are read.' },
          building: { type: 'array', items: { type: 'string' }, description: 'Indexes of the object still being built, which no list uses yet.' },
        },
      },
      advice: { type: 'array', items: { type: 'string' }, description: "What an administrator can do about the list, in the request's language; empty when it reads about a page." },
    },
  },
  RecordSummary: {
    type: 'object',
    required: ['groupBy', 'groups', 'truncated', 'total'],
    properties: {
      groupBy: { type: ['string', 'null'], description: 'The levels grouped by, as in the request (`stage,close_date:month`); null without groupBy.' },
      groups: { type: 'array', items: schemaRef('SummaryGroup'), description: 'In the order asked for, largest group first by default (ties by key); at most 1000.' },
      truncated: { type: 'boolean', description: 'More groups exist than were returned.' },
      total: { ...schemaRef('SummaryFigures'), description: 'The figures over every matching record.' },
    },
  },
};

const forbidden = (name: string): Reference => responseRef('Forbidden', `No permission set grants reading ${name} records.`);

const HIDDEN = 'Fields the user may not read are unknown here, as everywhere (400 "is not a field").';

/**
 * Reports over the records a user may list: the CSV export and the grouped summary. Both need the
 * read permission only, and both count only the records the user may see.
 */
export function reportPaths(compiled: CompiledObject): Record<string, PathItem> {
  const name = compiled.name;
  const plural = compiled.object.pluralLabel.en;
  const tags = [name];
  const filter = queryParameter('filter', filterDescription(compiled));
  return {
    [`${RECORDS_BASE}/${name}/export`]: {
      get: {
        operationId: `records.${name}.export`,
        summary: `Export ${plural} as CSV or XLSX`,
        description:
          'The records the user may list, matching the filter, as CSV (RFC 4180, UTF-8 with a byte-order mark for spreadsheet programs), streamed page after page. ' +
          'The first column is `_id`; without `fields`, every field the user may read follows, then `_owner`, `_createdAt`, `_createdBy`, `_updatedAt`, `_updatedBy`, ' +
          'then, for each relation in `expand`, every field of the parent the user may read as `<relation>.<field>` (empty when the parent is not visible). ' +
          `Lists are joined with \`;\`, objects written as JSON, and every text starting with \`=\`, \`+\`, \`-\`, \`@\`, their full-width forms, a tab or a line break is prefixed with \`'\` so that a spreadsheet does not run it, whatever the field type. ` +
          `At most ${MAX_EXPORT_ROWS} rows: narrow the filter for more. Every export is audited (\`record.export\`, with its row count). ` +
          `Errors in the parameters are found before the first byte and answered as JSON. ${HIDDEN}`,
        tags,
        parameters: [
          filter,
          queryParameter('sort', sortDescription(compiled)),
          queryParameter('fields', `Columns after \`_id\`; a parent's field as \`<relation>.<field>\` (e.g. \`account.name\`), which expands that relation. ${fieldsDescription(compiled)}`),
          queryParameter('expand', 'Lookup or master-detail fields (and `owner`, `_createdBy`, `_updatedBy`) whose parents\' readable fields become columns `<relation>.<field>` when `fields` is not given.'),
          queryParameter(
            'lookups',
            "`id` (the default) or `name`: with `name`, each lookup or master-detail column of the record's own holds its parent's name (the parent's `name`-like field, else its first text field) " +
              'where the user may read the parent object and record, and the id otherwise. The header stays the field\'s name.',
            'name',
          ),
          queryParameter(
            'labels',
            "`false` (the default) or `true`: with `true`, each header is the field's label in the reader's language (a parent's field as `Account › Industry`, `_id` as `ID`) " +
              "and each picklist cell its value's label, as the web app's list shows them; the import reads either back.",
            'true',
          ),
          queryParameter('format', '`csv` (the default) or `xlsx`: a workbook with typed cells (numbers and amounts as numbers, dates as dates, booleans as booleans; a parent named by its name as text).', 'xlsx'),
        ],
        responses: {
          '200': {
            description: 'The CSV file.',
            headers: { 'Content-Disposition': { description: `An attachment named \`${name}.csv\`.`, schema: { type: 'string' } } },
            content: {
              'text/csv': { schema: { type: 'string' }, example: '\uFEFF_id,name\r\n6650f1c2a1b2c3d4e5f60718,"Alpha, Inc."\r\n' },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } },
            },
          },
          '400': responseRef('BadRequest'),
          '403': forbidden(name),
          '404': responseRef('NotFound'),
        },
      },
    },
    [`${RECORDS_BASE}/${name}/summary`]: {
      get: {
        operationId: `records.${name}.summary`,
        summary: `Count and total ${plural} by group`,
        description:
          'Counts, sums, averages, minimums and maximums over the records the user may see, matching the filter, grouped by one field: the figures of reports and dashboards. ' +
          `A total never includes a record the user could not list. ${HIDDEN}`,
        tags,
        parameters: [
          queryParameter(
            'groupBy',
            'Up to 3 comma-separated levels whose values make the groups: a text, picklist, boolean, lookup, master-detail, e-mail, phone, URL or date field, a formula whose resultType is not `number`, ' +
              '`_owner`, `_createdBy`, `_updatedBy`; a date, date-time (or such a formula, `_createdAt`, `_updatedAt`) by period as `<field>:day|week|month|quarter|year` ' +
              '(UTC; ISO weeks like 2026-W09; a date alone groups by day, a date-time needs its period). Without it, one group holds every matching record.',
            'stage,close_date:month',
          ),
          queryParameter(
            'measures',
            'Comma-separated, at most 10 besides `count` (always given): `sum:<field>` and `avg:<field>` of a number, currency, percent, roll-up or numeric formula; ' +
              '`min:<field>` and `max:<field>` of those and of dates and date-times. A currency amount\'s `<field>__corporate` twin may be named too.',
            'count,sum:amount',
          ),
          queryParameter(
            'order',
            'How the groups are ordered: `key`, `count` or a measure given in `measures` (`sum:amount`, `avg:amount`, `max:close_date`), ascending, or descending with a leading `-`; ' +
              'ties by key. Default `-count` (largest group first).',
            '-sum:amount',
          ),
          filter,
        ],
        responses: {
          '200': { description: 'The groups and the total.', content: json(schemaRef('RecordSummary')) },
          '400': responseRef('BadRequest'),
          '403': forbidden(name),
          '404': responseRef('NotFound'),
        },
      },
    },
    [`${RECORDS_BASE}/${name}/plan`]: {
      get: {
        operationId: `records.${name}.plan`,
        summary: `How a list of ${plural} is answered`,
        description:
          'For administrators (manage metadata) looking into a slow list view: the store\'s plan for the list with this filter, sort and limit, as the administrator asking would get it ' +
          '(with their record access): which indexes it reads, whether the page stops after its limit because the order comes from an index, the indexes still being built, ' +
          'and advice in the request\'s language (which field to mark `indexed`). Nothing is read but the plan. docs/storage.md explains the planner.',
        tags,
        parameters: [filter, queryParameter('sort', sortDescription(compiled)), queryParameter('limit', 'The page size the list asks for, 1 to 200 (50).', '50')],
        responses: {
          '200': { description: 'The plan and the advice.', content: json(schemaRef('ListPlan')) },
          '400': responseRef('BadRequest'),
          '403': responseRef('Forbidden', 'Only administrators who may manage metadata can read plans.'),
          '404': responseRef('NotFound'),
        },
      },
    },
  };
}
