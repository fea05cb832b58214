import { SYSTEM_PRINCIPAL, type OperationContext } from '../../../engine/context/index.js';
import type { ErrorDetail } from '../../../engine/errors/index.js';
import { msg } from '../../../engine/i18n/message.js';
import { addDays } from '../../../engine/metadata/reports/calendar.js';
import { resolvePath } from '../../../engine/metadata/reports/report-field.js';
import type { Snapshot } from '../../../engine/metadata/snapshot.js';
import { runReport } from '../../../engine/reports/index.js';

/** How a KPI is measured, as its record says: the report, which of its measures, and the date field that places a record in a period. */
export interface KpiMeasurement {
  readonly report: string;
  readonly measure: string;
  readonly date_field: string;
}

/** A target's period, first and last day (YYYY-MM-DD, UTC days as date fields hold them). */
export interface Period {
  readonly start: string;
  readonly end: string;
}

/**
 * How the KPI record is measured, or what is wrong with it in the tenant's metadata, each problem
 * at its field: a report that does not exist, a measure the report does not have, a date field
 * that is no date or date-time of the report's object (or of a parent by path).
 */
export function kpiMeasurement(snapshot: Snapshot, kpi: Readonly<Record<string, unknown>>): { measurement?: KpiMeasurement; problems: ErrorDetail[] } {
  const report = typeof kpi.report === 'string' ? snapshot.reports.get(kpi.report) : undefined;
  if (!report) return { problems: [{ path: '/report', message: msg`names no report: give the API name of an existing report (mgmt_won_business)` }] };
  const problems: ErrorDetail[] = [];
  const keys = report.measures.map((measure) => measure.key);
  const measure = typeof kpi.measure === 'string' && keys.includes(kpi.measure) ? kpi.measure : undefined;
  if (!measure) problems.push({ path: '/measure', message: msg`must be one of the measures of report '${report.name}': ${keys.join(', ')}` });
  const dateField = typeof kpi.date_field === 'string' ? kpi.date_field : '';
  const { resolved } = resolvePath(snapshot.objects, report.object, dateField);
  if (!resolved || (resolved.field.type !== 'date' && resolved.field.type !== 'datetime')) {
    problems.push({ path: '/date_field', message: msg`must be a date or date-time field of ${report.object.name}, the object of report '${report.name}'` });
  }
  return problems.length > 0 || !measure ? { problems } : { measurement: { report: report.name, measure, date_field: dateField }, problems };
}

/**
 * The KPI's figure for a period: its report run with the records its date field places in the
 * period (the report's own filter kept), and the grand total of its measure. The report runs with
 * the engine's rights, not the reader's: a target is a company figure, the same whoever presses
 * Refresh or when the morning's schedule measures it, and a KPI manager needs no access to every
 * department's records to keep the targets. Null when the measure has no figure (an average of none).
 */
export async function measureKpi(ctx: OperationContext, kpi: KpiMeasurement, period: Period): Promise<number | null> {
  const engine: OperationContext = { ...ctx, principal: SYSTEM_PRINCIPAL };
  const report = engine.snapshot.reports.get(kpi.report);
  const field = report ? resolvePath(engine.snapshot.objects, report.object, kpi.date_field).resolved?.field : undefined;
  // A date-time belongs to the UTC day it falls on, as the platform's dates do.
  const condition = field?.type === 'datetime'
    ? { gte: `${period.start}T00:00:00.000Z`, lt: `${addDays(period.end, 1)}T00:00:00.000Z` }
    : { gte: period.start, lte: period.end };
  const result = await runReport(engine, kpi.report, { paths: [{ path: kpi.date_field, condition, at: '/date_field' }] });
  const figure = result.total[kpi.measure];
  return typeof figure === 'number' ? figure : null;
}
