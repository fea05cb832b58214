import type { ErrorDetail } from '../../errors/index.js';
import type { Labels } from '../../fields/index.js';
import type { DashboardDefinition } from '../../schemas/generated/dashboard.js';
import { resolveLabels } from '../labels.js';
import { msg } from '../../i18n/message.js';
import type { ResolvedReport } from '../reports/resolve-report.js';
import { resolvePath } from '../reports/report-field.js';
import type { CompiledObject } from '../compiled-object.js';

/** A dashboard as the engine runs it: its reports, apps and roles checked. */
export interface ResolvedDashboard {
  readonly definition: DashboardDefinition;
  readonly name: string;
  readonly label: Labels;
  readonly columns: number;
  readonly permissionSets: readonly string[];
  readonly homeApps: readonly string[];
  readonly homeRoles: readonly string[];
}

/** What a dashboard may name, from the snapshot being compiled. */
export interface DashboardScope {
  readonly objects: ReadonlyMap<string, CompiledObject>;
  readonly reports: ReadonlyMap<string, ResolvedReport>;
  readonly apps: ReadonlySet<string>;
  readonly roles: ReadonlySet<string>;
}

/**
 * Checks a dashboard (already valid against its schema): components name existing reports, have
 * keys of their own, fit the grid and draw a measure their report has; each filter's field is a
 * path of at least one component's object; the apps and roles it is the home page of exist.
 */
export function resolveDashboard(definition: DashboardDefinition, scope: DashboardScope): { dashboard?: ResolvedDashboard; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const columns = definition.columns ?? 12;
  const keys = new Set<string>();
  const objects = new Set<CompiledObject>();
  definition.components.forEach((component, i) => {
    const at = `/components/${i}`;
    if (keys.has(component.key)) problems.push({ path: `${at}/key`, message: msg`'${component.key}' names another component of the dashboard` });
    keys.add(component.key);
    if (component.x + component.w > columns) problems.push({ path: `${at}/w`, message: msg`reaches past the grid's ${columns} columns (x ${component.x} + w ${component.w})` });
    const report = scope.reports.get(component.report);
    if (!report) return void problems.push({ path: `${at}/report`, message: msg`there is no report named '${component.report}'` });
    objects.add(report.object);
    const measure = component.chart?.measure;
    if (measure !== undefined && !report.measures.some((one) => one.key === measure)) {
      problems.push({ path: `${at}/chart/measure`, message: msg`'${measure}' is not one of report ${report.name}'s measures: ${report.measures.map((one) => one.key).join(', ')}` });
    }
  });
  (definition.filters ?? []).forEach((filter, i) => {
    const found = [...objects].some((object) => resolvePath(scope.objects, object, filter.field).resolved);
    if (!found) problems.push({ path: `/filters/${i}/field`, message: msg`'${filter.field}' is a field of none of the components' objects` });
  });
  const homeApps = definition.homeFor?.apps ?? [];
  const homeRoles = definition.homeFor?.roles ?? [];
  homeApps.forEach((app, i) => {
    if (!scope.apps.has(app)) problems.push({ path: `/homeFor/apps/${i}`, message: msg`there is no app named '${app}'` });
  });
  homeRoles.forEach((role, i) => {
    if (!scope.roles.has(role)) problems.push({ path: `/homeFor/roles/${i}`, message: msg`there is no role named '${role}'` });
  });
  if (problems.length > 0) return { problems };
  return {
    problems,
    dashboard: {
      definition,
      name: definition.name,
      label: resolveLabels(definition.label, definition.name),
      columns,
      permissionSets: definition.permissionSets ?? [],
      homeApps,
      homeRoles,
    },
  };
}
