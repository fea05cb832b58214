import { ForbiddenError, NotFoundError, type ErrorDetail } from '../errors/index.js';
import type { OperationContext } from '../context/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import type { ResolvedPath } from '../metadata/reports/report-field.js';
import type { ResolvedMeasure } from '../metadata/reports/report-parts.js';
import type { ResolvedReport } from '../metadata/reports/resolve-report.js';
import { checkObjectRight, fieldAccess, userAccess } from '../security/access/index.js';
import { msg } from '../i18n/message.js';

/** What the reader may not see of a report: left out of what it answers, named so the reader knows. */
export interface Omitted {
  /** The report's property: /measures/1, /columns/2. */
  readonly path: string;
  /** The measure's key or the column's path. */
  readonly name: string;
}

/** A report as one reader may run it: the measures and columns of fields they may read. */
export interface ReadableReport {
  readonly report: ResolvedReport;
  readonly measures: readonly ResolvedMeasure[];
  readonly columns: readonly ResolvedPath[];
  readonly omitted: readonly Omitted[];
}

/**
 * The report if the reader may run it (404 when there is none or it is not shown to them, as for
 * other definitions; 403 without read access to its object). Field security: a grouping or a
 * filter on a field the reader may not read refuses the whole report (403 naming it), because
 * leaving it out would answer a different question; a measure or a column on such a field is left
 * out and named in `omitted`, the rest of the report stands. A measure through a lookup needs
 * read access to the child object too.
 */
export function readableReport(ctx: OperationContext, name: string): ReadableReport {
  const report = ctx.snapshot.reports.get(name);
  const access = userAccess(ctx.snapshot, ctx.principal);
  const shown = report && (access.system.manageMetadata || report.permissionSets.length === 0 || ctx.principal.permissionSets.some((set) => report.permissionSets.includes(set)));
  if (!report || !shown) throw new NotFoundError(msg`There is no report named '${name}'.`);
  return readableOf(ctx, report);
}

/** A resolved report (saved, or a draft being built) as the reader may run it. */
export function readableOf(ctx: OperationContext, report: ResolvedReport): ReadableReport {
  const access = userAccess(ctx.snapshot, ctx.principal);
  checkObjectRight(ctx, report.object, 'read');
  const hidden = (object: CompiledObject, field: string) => fieldAccess(ctx, object).hidden.has(field) || !access.object(object.name).read;
  const pathHidden = (path: ResolvedPath) => path.steps.some((step) => hidden(step.object, step.field.name));
  const refused: ErrorDetail[] = [];
  const levels = [...report.groupings.map((level, i) => [level, `/groupings/${i}/field`] as const), ...report.columnGroupings.map((level, i) => [level, `/columnGroupings/${i}/field`] as const)];
  for (const [level, path] of levels) {
    if (pathHidden(level.path)) refused.push({ path, message: msg`groups by '${level.path.path}', which you may not read` });
  }
  for (const name of filterFields(report.definition.filter)) {
    if (hidden(report.object, name)) refused.push({ path: `/filter/${name}`, message: msg`filters by '${name}', which you may not read` });
  }
  if (refused.length > 0) throw new ForbiddenError(msg`Report '${report.name}' reads fields you may not read; ask an administrator for access or for a report without them.`, refused);
  const omitted: Omitted[] = [];
  const measures = report.measures.filter((measure, i) => {
    const measured = measure.through?.object ?? report.object;
    const blocked = (measure.through && hidden(measure.through.object, measure.through.lookup)) || (measure.field && hidden(measured, measure.field.name));
    if (blocked) omitted.push({ path: `/measures/${i}`, name: measure.key });
    return !blocked;
  });
  const columns = report.columns.filter((column, i) => {
    if (pathHidden(column)) omitted.push({ path: `/columns/${i}`, name: column.path });
    return !pathHidden(column);
  });
  return { report, measures, columns, omitted };
}

/** The field names a filter in the API's language reads, at any depth of and/or. */
function filterFields(filter: unknown): string[] {
  if (filter === null || typeof filter !== 'object' || Array.isArray(filter)) return [];
  return Object.entries(filter).flatMap(([key, value]) => (key === 'and' || key === 'or') && Array.isArray(value) ? value.flatMap(filterFields) : [key]);
}
