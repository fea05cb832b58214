import { RELATIVE_PERIODS } from '../../metadata/reports/relative-periods.js';
import { json, responseRef, schemaRef } from './common-components.js';
import type { OpenApiFragment, Operation, SchemaObject } from './openapi-types.js';

const TAG = 'Reports';
const DASHBOARDS = 'Dashboards';

const FIGURES: SchemaObject = {
  type: 'object',
  additionalProperties: { type: ['number', 'string', 'null'] },
  description: 'Each measure\'s figure by its key (`count`, `sum:amount`): sums exact to the field\'s scale, money in the corporate currency; an empty set sums to 0, its average, min and max are null.',
};

const LEVEL: SchemaObject = {
  type: 'object',
  required: ['key', 'label', 'type'],
  properties: {
    key: { type: 'string', description: 'The field path, with its bucket after a colon (close_date:month).' },
    label: { type: 'string', description: "The path's labels in the reader's language (Account › Sector)." },
    type: { type: 'string', description: 'The snapshot\'s type of the field at the end of the path (picklist, lookup, date ...).' },
    bucket: { enum: ['day', 'week', 'month', 'quarter', 'year', 'fiscalQuarter', 'fiscalYear', 'aging'] },
  },
};

const SCHEMAS: Record<string, SchemaObject> = {
  ReportFigures: FIGURES,
  ReportLevel: LEVEL,
  ReportMeasureInfo: {
    type: 'object',
    required: ['key', 'label', 'aggregate', 'type', 'scale'],
    properties: {
      key: { type: 'string' },
      label: { type: 'string' },
      aggregate: { enum: ['count', 'distinct', 'sum', 'avg', 'min', 'max'] },
      type: { type: 'string', description: 'number for counts; the measured field\'s type otherwise (currency, percent, date ...).' },
      scale: { type: 'integer', description: 'The decimals the figure is exact to.' },
      currency: { type: ['string', 'null'], description: 'Money: the ISO code of the currency of the figures (the corporate one); null when the tenant defines no currencies.' },
    },
  },
  ReportGroup: {
    type: 'object',
    required: ['key', 'label', 'values'],
    properties: {
      key: { description: 'The level\'s key: the field\'s value (a lookup\'s id, a picklist\'s value), a bucket (2026-03, 2026-W09, 2026-Q1, FY2027, FY2027-Q1; aging: 0 current, 1 the first range ...); null for no value.' },
      label: { type: 'string', description: 'How the key reads: a picklist\'s label, a parent\'s name, Yes/No, a bucket in words, (empty).' },
      values: schemaRef('ReportFigures'),
      groups: { type: 'array', items: schemaRef('ReportGroup'), description: 'The next level\'s groups, ordered as that level says.' },
    },
  },
  ReportResult: {
    type: 'object',
    required: ['report', 'groupings', 'columnGroupings', 'columns', 'measures', 'omitted', 'groups', 'columnGroups', 'cells', 'rows', 'total', 'truncated', 'today'],
    properties: {
      report: { type: 'object', properties: { name: { type: 'string' }, label: { type: 'string' }, type: { enum: ['tabular', 'summary', 'matrix'] }, object: { type: 'string' } } },
      groupings: { type: 'array', items: schemaRef('ReportLevel'), description: 'Summary: the levels; matrix: the row levels.' },
      columnGroupings: { type: 'array', items: schemaRef('ReportLevel'), description: 'Matrix: the column levels.' },
      columns: { type: 'array', items: schemaRef('ReportLevel'), description: 'Tabular: the columns.' },
      measures: { type: 'array', items: schemaRef('ReportMeasureInfo') },
      omitted: {
        type: 'array',
        items: { type: 'object', properties: { path: { type: 'string' }, name: { type: 'string' } } },
        description: 'Measures and columns of fields the reader may not read, left out (their path in the report and their key).',
      },
      groups: { type: 'array', items: schemaRef('ReportGroup'), description: 'Summary: the first level\'s groups with subtotals and their sub-groups. Matrix: the row groups with the row totals.' },
      columnGroups: { type: 'array', items: schemaRef('ReportGroup'), description: 'Matrix: the column groups with the column totals.' },
      cells: {
        type: 'array',
        description: 'Matrix: every row group (of any level) by every column group (of any level): their keys from the outermost level, and the figures.',
        items: { type: 'object', properties: { row: { type: 'array' }, column: { type: 'array' }, values: schemaRef('ReportFigures') } },
      },
      rows: {
        type: 'array',
        description: 'Tabular: the records in the report\'s order; `values` by column path, `labels` for picklists and lookups.',
        items: { type: 'object', properties: { _id: { type: 'string' }, values: { type: 'object' }, labels: { type: 'object', additionalProperties: { type: 'string' } } } },
      },
      total: { ...schemaRef('ReportFigures'), description: 'The grand total over every matching record.' },
      truncated: { type: 'boolean', description: 'More groups (10,000 combinations) or rows (the report\'s limit) exist than were returned.' },
      chart: { $ref: '#/components/schemas/ReportChart' },
      today: { type: 'string', format: 'date', description: 'The day relative periods and aging were measured from.' },
    },
  },
  ReportRun: {
    type: 'object',
    properties: {
      filter: { type: 'object', description: `More conditions in the filter language; a date field also takes \`within\`: ${RELATIVE_PERIODS.join(', ')}, last_N_days, next_N_days. Fields hidden from the reader are unknown.` },
      where: { type: 'object', description: 'Conditions by field path, parents\' fields too: {"account.sector": "retail", "close_date": {"within": "this_quarter"}}.' },
      today: { type: 'string', format: 'date', description: 'The day relative periods and aging count from; today (UTC) by default.' },
    },
  },
  ReportDrill: {
    allOf: [
      schemaRef('ReportRun'),
      {
        type: 'object',
        properties: {
          row: { type: 'array', description: 'The keys of the row groups, outermost first, as the run answered them (fewer for a subtotal; none for the grand total).' },
          column: { type: 'array', description: 'Matrix: the keys of the column groups.' },
          limit: { type: 'integer', minimum: 1, maximum: 200 },
          cursor: { type: 'string' },
          fields: { type: 'string', description: 'The fields to return, as the list\'s `fields`.' },
        },
      },
    ],
  },
  ReportDrillResult: {
    type: 'object',
    required: ['records', 'next', 'filter'],
    properties: {
      records: { type: 'array', items: { type: 'object' } },
      next: { type: ['string', 'null'] },
      total: { type: ['integer', 'null'] },
      filter: { type: 'object', description: 'The filter, in the list API\'s language, that selects the records behind the figure: GET /api/v1/records/{object}?filter= lists the same records.' },
    },
  },
  DashboardResult: {
    type: 'object',
    required: ['dashboard', 'filters', 'components', 'refreshedAt'],
    properties: {
      dashboard: { type: 'object', properties: { name: { type: 'string' }, label: { type: 'string' }, columns: { type: 'integer' } } },
      filters: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, label: { type: 'string' }, field: { type: 'string' }, type: { type: ['string', 'null'], description: 'The type of the field at the end of its path.' }, value: {} } } },
      components: {
        type: 'array',
        items: {
          type: 'object',
          required: ['key', 'title', 'x', 'y', 'w', 'h', 'chart', 'filteredBy'],
          properties: {
            key: { type: 'string' },
            title: { type: 'string' },
            x: { type: 'integer' },
            y: { type: 'integer' },
            w: { type: 'integer' },
            h: { type: 'integer' },
            chart: { $ref: '#/components/schemas/ReportChart' },
            filteredBy: { type: 'array', items: { type: 'string' }, description: 'The dashboard filters that applied (the report\'s object has their field).' },
            result: schemaRef('ReportResult'),
            previous: { ...schemaRef('ReportFigures'), description: 'Single numbers compared: the totals of the previous period.' },
            error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } }, description: 'Why the component could not run for this reader.' },
          },
        },
      },
      refreshedAt: { type: 'string', format: 'date-time' },
    },
  },
};

const NAME = { name: 'name', in: 'path' as const, required: true, description: 'The API name of the report (or dashboard).', schema: { type: 'string' } };
const query = (name: string, description: string) => ({ name, in: 'query' as const, required: false, description, schema: { type: 'string' } });
const RUN_QUERY = [
  query('filter', 'JSON: more conditions in the filter language (`within` for relative periods).'),
  query('where', 'JSON: conditions by field path, parents\' fields too ({"account.sector": "retail"}).'),
  query('today', 'The day relative periods and aging count from (2026-03-31); today (UTC) by default.'),
];
const ACCESS =
  'Runs under the reader\'s record access (only records they may see count) and field security: a report that groups or filters by a field they may not read is refused (403 naming it); ' +
  'a measure or column of such a field is left out and named in `omitted`. Answers with the snapshot\'s field types.';
const errors = (what: string) => ({
  '400': responseRef('BadRequest'),
  '403': responseRef('Forbidden', `The reader may not read the report's object, or ${what} reads a field hidden from them.`),
  '404': responseRef('NotFound', 'No such report, or not one shown to the reader.'),
});

function run(method: 'get' | 'post'): Operation {
  return {
    operationId: method === 'get' ? 'reports.run' : 'reports.runWithBody',
    summary: 'Run a report',
    description:
      'Tabular reports answer their rows and the totals of their measures; summary reports the groups of each level with subtotals and the grand total; matrix reports the row groups, the column groups and every cell. ' +
      `Groups of parents' fields are the parents' values (read under the reader's access; a parent they may not see groups as empty). ${ACCESS}`,
    tags: [TAG],
    parameters: method === 'get' ? [NAME, ...RUN_QUERY] : [NAME],
    ...(method === 'post' ? { requestBody: { required: false, content: json(schemaRef('ReportRun')) } } : {}),
    responses: { '200': { description: 'The result.', content: json(schemaRef('ReportResult')) }, ...errors('the report') },
  };
}

function dashboardRun(method: 'get' | 'post'): Operation {
  return {
    operationId: method === 'get' ? 'dashboards.run' : 'dashboards.runWithBody',
    summary: 'Run a dashboard',
    description:
      'Every component\'s report for the reader (their access and field security), with the dashboard\'s filters applied to the components whose report\'s object has the field; ' +
      'a component the reader may not run carries its error instead. Running it again refreshes it. Single numbers with a compare field also carry the previous period\'s totals.',
    tags: [DASHBOARDS],
    parameters:
      method === 'get'
        ? [NAME, query('filters', 'JSON: each dashboard filter\'s condition by its name ({"close": {"within": "this_quarter"}}); null clears a default.'), query('today', 'The day relative periods count from.')]
        : [NAME],
    ...(method === 'post'
      ? { requestBody: { required: false, content: json({ type: 'object', properties: { filters: { type: 'object' }, today: { type: 'string', format: 'date' } } }) } }
      : {}),
    responses: {
      '200': { description: 'The components with their results.', content: json(schemaRef('DashboardResult')) },
      '400': responseRef('BadRequest'),
      '404': responseRef('NotFound', 'No such dashboard, or not one shown to the reader.'),
    },
  };
}

/** /api/v1/reports/{name}/... and /api/v1/dashboards/...: running reports and dashboards. Their definitions are at /api/v1/meta/reports and /api/v1/meta/dashboards. */
export function reportRunPaths(): OpenApiFragment {
  return {
    tags: [
      { name: TAG, description: 'Reports run for the reader: tabular, summary and matrix, with drill-down and export.' },
      { name: DASHBOARDS, description: 'Dashboards: components of reports drawn as charts, run for the reader.' },
    ],
    schemas: SCHEMAS,
    paths: {
      '/api/v1/reports/preview': {
        post: {
          operationId: 'reports.preview',
          summary: 'Run a report before it is saved',
          description:
            'The report builder\'s live preview: `definition` is a whole report definition, checked as a save checks it (400 with paths under /definition), then run like a saved report with the caller\'s access. ' +
            'For administrators who may manage metadata.',
          tags: [TAG],
          requestBody: {
            required: true,
            content: json({ allOf: [schemaRef('ReportRun'), { type: 'object', required: ['definition'], properties: { definition: { $ref: '#/components/schemas/ReportDefinition' } } }] }),
          },
          responses: {
            '200': { description: 'The result.', content: json(schemaRef('ReportResult')) },
            '400': responseRef('BadRequest'),
            '403': responseRef('Forbidden', 'The caller may not manage metadata, or may not read the report\'s object.'),
          },
        },
      },
      '/api/v1/reports/{name}/run': { get: run('get'), post: run('post') },
      '/api/v1/reports/{name}/drill': {
        post: {
          operationId: 'reports.drill',
          summary: 'The records behind a figure',
          description:
            'The records of one group or cell (or of the grand total) as the list API answers them (the reader\'s access and field security, cursor paging), with `filter`: the same selection in the list API\'s language. ' +
            'A group of a parent\'s field is the ids of the parents with that value; a bucket is its range of days.',
          tags: [TAG],
          parameters: [NAME],
          requestBody: { required: false, content: json(schemaRef('ReportDrill')) },
          responses: { '200': { description: 'A page of records.', content: json(schemaRef('ReportDrillResult')) }, ...errors('the report') },
        },
      },
      '/api/v1/reports/{name}/export': {
        get: {
          operationId: 'reports.export',
          summary: 'Export a report as CSV or XLSX',
          description:
            'The result as one table: tabular reports their rows and totals; summary reports a row per group with its parents\' labels, subtotal rows and the grand total; matrix reports the row groups by each column group\'s measures. ' +
            'CSV in UTF-8 with a byte-order mark, formula-like text defused; XLSX with figures as numbers formatted to their scale. ' +
            ACCESS,
          tags: [TAG],
          parameters: [NAME, { ...query('format', 'csv (default) or xlsx.'), schema: { type: 'string', enum: ['csv', 'xlsx'] } }, ...RUN_QUERY],
          responses: {
            '200': {
              description: 'The file.',
              content: {
                'text/csv': { schema: { type: 'string' } },
                'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
              },
            },
            ...errors('the report'),
          },
        },
      },
      '/api/v1/dashboards/home': {
        get: {
          operationId: 'dashboards.home',
          summary: 'The reader\'s home dashboard',
          description: 'The dashboard made the home page of the reader\'s role, else of the app named, among those shown to them; null when none is.',
          tags: [DASHBOARDS],
          parameters: [query('app', 'The app the reader is in.')],
          responses: {
            '200': { description: 'Its name, or null.', content: json({ type: 'object', required: ['dashboard'], properties: { dashboard: { type: ['string', 'null'] } } }) },
            '400': responseRef('BadRequest'),
          },
        },
      },
      '/api/v1/dashboards/{name}/run': { get: dashboardRun('get'), post: dashboardRun('post') },
    },
  };
}
