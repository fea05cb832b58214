import schema from '../../../schemas/report.schema.json' with { type: 'json' };
import type { ReportDefinition } from '../../../schemas/generated/report.js';
import { msg } from '../../../i18n/message.js';
import { defineKind, keptIn } from '../define-kind.js';

/** Reports over one object's records: tabular, summary or matrix, run under each reader's access. */
export const reportKind = defineKind<'report', ReportDefinition>({
  kind: 'report',
  schema,
  noun: msg`report`,
  plural: 'reports',
  inPacks: true,
  ...keptIn((snapshot) => snapshot.reports),
  ofObject: { property: 'object', list: (snapshot, object) => [...snapshot.reports.values()].filter((report) => report.object.name === object).map((report) => report.definition) },
  api: {
    docs: {
      one: 'Report',
      many: 'Reports',
      listed:
        'The reports; of one object if asked. Users who may not manage metadata get the reports shown to one of their permission sets (or to everyone) on objects they may read. ' +
        'Run one at /api/v1/reports/{name}/run.',
      byObject: 'Only the reports of this object.',
      create:
        'Checked against the snapshot: every field path exists (parents through lookups: account.sector), a grouping is of a groupable type and a bucket is on a date, ' +
        'a measure\'s field fits it (sum and avg need a number, currency or percent; min and max a number or a date), orders and the chart name measures of the report, ' +
        'the filter compiles in the filter language (relative periods with `within`); 400 with the path of each problem (/groupings/0/field, /measures/1/field, /filter/amount/gte). ' +
        '409 `already_exists` when the name is taken.',
      replace: 'The body is the whole new report; a different name renames it (409 when another report has that name).',
      deleteRefused: 'A dashboard still shows the report: 409 naming it.',
    },
  },
});
