import type { OperationContext } from '../context/index.js';
import { EngineError, NotFoundError } from '../errors/index.js';
import { localize } from '../i18n/language.js';
import { msg, renderText } from '../i18n/message.js';
import type { ResolvedDashboard } from '../metadata/dashboards/resolve-dashboard.js';
import { resolvePath } from '../metadata/reports/report-field.js';
import type { ReportChart } from '../schemas/generated/common.js';
import type { DashboardComponent } from '../schemas/generated/dashboard.js';
import { userAccess } from '../security/access/index.js';
import type { Figures } from './figures.js';
import type { PathCondition } from './report-match.js';
import type { ReportResult } from './report-result.js';
import { runReport } from './run-report.js';

export interface DashboardRunRequest {
  /** The value chosen for each dashboard filter by its name, in the filter language (`within` too); null: none, though it has a default. */
  readonly filters?: Readonly<Record<string, unknown>>;
  readonly today?: string;
}

export interface ComponentResult {
  readonly key: string;
  readonly title: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly chart: ReportChart;
  /** The dashboard filters that applied to it (its report's object has their field). */
  readonly filteredBy: readonly string[];
  readonly result?: ReportResult;
  /** Single numbers with a comparison: the totals of the previous period. */
  readonly previous?: Figures;
  /** The component could not run for this reader (a report they may not run): what went wrong. */
  readonly error?: { code: string; message: string };
}

export interface DashboardResult {
  readonly dashboard: { name: string; label: string; columns: number };
  /** Each filter with the type of its field (from the first component whose object has it), so a client can offer fitting values. */
  readonly filters: readonly { name: string; label: string; field: string; type: string | null; value: unknown }[];
  readonly components: readonly ComponentResult[];
  readonly refreshedAt: string;
}

/** The dashboard if it is shown to the reader (404 otherwise, as for definitions they may not see). */
export function readableDashboard(ctx: OperationContext, name: string): ResolvedDashboard {
  const dashboard = ctx.snapshot.dashboards.get(name);
  if (dashboard && shownTo(ctx, dashboard.permissionSets)) return dashboard;
  throw new NotFoundError(msg`There is no dashboard named '${name}'.`);
}

function shownTo(ctx: OperationContext, sets: readonly string[]): boolean {
  return userAccess(ctx.snapshot, ctx.principal).system.manageMetadata || sets.length === 0 || ctx.principal.permissionSets.some((set) => sets.includes(set));
}

/**
 * Runs every component of a dashboard for the reader, each report under their access, with the
 * dashboard's filters on the components whose object has the field. A component the reader may
 * not run answers its error in its place; the others stand. Running it again is the refresh.
 */
export async function runDashboard(ctx: OperationContext, name: string, request: DashboardRunRequest = {}): Promise<DashboardResult> {
  const dashboard = readableDashboard(ctx, name);
  const language = ctx.language;
  const filters = (dashboard.definition.filters ?? []).map((filter) => {
    const chosen = request.filters && Object.prototype.hasOwnProperty.call(request.filters, filter.name) ? request.filters[filter.name] : filter.default;
    const typed = dashboard.definition.components
      .map((component) => ctx.snapshot.reports.get(component.report))
      .map((report) => (report ? resolvePath(ctx.snapshot.objects, report.object, filter.field).resolved : undefined))
      .find(Boolean);
    // Without a label of its own, a filter is named as its field's path reads (Account › Sector).
    const label = localize(filter.label, language) ?? (typed ? localize(typed.label, language) : filter.name);
    return { name: filter.name, label, field: filter.field, type: typed?.field.type ?? null, value: chosen ?? null };
  });
  const components = await Promise.all(
    dashboard.definition.components.map(async (component): Promise<ComponentResult> => {
      const report = ctx.snapshot.reports.get(component.report);
      const chart: ReportChart = component.chart ?? report?.chart ?? { type: 'table' };
      const applied = report ? filters.filter((filter) => filter.value !== null && resolvePath(ctx.snapshot.objects, report.object, filter.field).resolved) : [];
      const paths: PathCondition[] = applied.map((filter) => ({ path: filter.field, condition: filter.value, at: `/filters/${filter.name}` }));
      const base = { ...place(component), title: localize(component.title, language) ?? (report ? localize(report.label, language) : component.report), chart, filteredBy: applied.map((filter) => filter.name) };
      try {
        const compare = chart.type === 'number' && chart.compareField ? chart.compareField : undefined;
        const period = chart.comparePeriod ?? 'month';
        // The period so far against the same days of the one before (month to date against last month to date):
        // on the 7th, a whole last month would make any month under way look like a fall.
        const within = (when: string): PathCondition[] => (compare ? [{ path: compare, condition: { within: `${when}_${period}_to_date` }, at: '/chart/compareField' }] : []);
        const result = await runReport(ctx, component.report, { paths: [...paths, ...within('this')], ...(request.today ? { today: request.today } : {}) });
        if (!compare) return { ...base, result };
        const previous = await runReport(ctx, component.report, { paths: [...paths, ...within('last')], ...(request.today ? { today: request.today } : {}) });
        return { ...base, result, previous: previous.total };
      } catch (error) {
        if (!(error instanceof EngineError) || error.status >= 500) throw error;
        return { ...base, error: { code: error.code, message: renderText(error.text, language) } };
      }
    }),
  );
  return {
    dashboard: { name: dashboard.name, label: localize(dashboard.label, language), columns: dashboard.columns },
    filters,
    components,
    refreshedAt: new Date().toISOString(),
  };
}

function place(component: DashboardComponent): Pick<ComponentResult, 'key' | 'x' | 'y' | 'w' | 'h'> {
  return { key: component.key, x: component.x, y: component.y, w: component.w, h: component.h };
}

/**
 * The dashboard that is the reader's home page: one made the home of their role first, else of
 * the app they are in; only dashboards shown to them. Null when none is.
 */
export function homeDashboard(ctx: OperationContext, app: string | undefined): string | null {
  const shown = [...ctx.snapshot.dashboards.values()].filter((dashboard) => shownTo(ctx, dashboard.permissionSets)).sort((a, b) => a.name.localeCompare(b.name));
  const role = ctx.principal.role;
  const byRole = role ? shown.find((dashboard) => dashboard.homeRoles.includes(role)) : undefined;
  const byApp = app ? shown.find((dashboard) => dashboard.homeApps.includes(app)) : undefined;
  return (byRole ?? byApp)?.name ?? null;
}
