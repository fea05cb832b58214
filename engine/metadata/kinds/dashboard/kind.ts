import schema from '../../../schemas/dashboard.schema.json' with { type: 'json' };
import type { DashboardDefinition } from '../../../schemas/generated/dashboard.js';
import { msg } from '../../../i18n/message.js';
import { defineKind, keptIn } from '../define-kind.js';

/** Dashboards: grids of reports drawn as charts or tables, with filters for all of them. */
export const dashboardKind = defineKind<'dashboard', DashboardDefinition>({
  kind: 'dashboard',
  schema,
  noun: msg`dashboard`,
  plural: 'dashboards',
  inPacks: true,
  ...keptIn((snapshot) => snapshot.dashboards),
  api: {
    docs: {
      one: 'Dashboard',
      many: 'Dashboards',
      listed:
        'The dashboards. Users who may not manage metadata get the dashboards shown to one of their permission sets (or to everyone). Run one at /api/v1/dashboards/{name}/run.',
      create:
        'Each component names an existing report, has a key of its own, fits the grid (x + w within columns) and draws one of its report\'s measures; each filter\'s field is a path of ' +
        'one of the components\' objects; the apps and roles it is the home page of exist; 400 with the path of each problem. 409 `already_exists` when the name is taken.',
      replace: 'The body is the whole new dashboard; a different name renames it (409 when another dashboard has that name).',
    },
  },
});
