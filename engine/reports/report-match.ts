import type { OperationContext } from '../context/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import { compileFilter } from '../metadata/query/filter-language.js';
import { resolvePath } from '../metadata/reports/report-field.js';
import type { ResolvedReport } from '../metadata/reports/resolve-report.js';
import { withinResolved, type Calendar } from '../metadata/reports/within-filter.js';
import { today } from '../metadata/reports/calendar.js';
import { alive } from '../metadata/record-shape/record-state.js';
import { fieldAccess, recordAccess, withAccess } from '../security/access/index.js';
import type { Filter } from '../store/port.js';
import { ValidationError } from '../errors/index.js';
import { msg } from '../i18n/message.js';

/** A condition on a field path, in the filter language: a dashboard filter (account.sector = 'retail'). */
export interface PathCondition {
  readonly path: string;
  readonly condition: unknown;
  /** Where the condition came from, for errors: /filters/region. */
  readonly at: string;
}

/** What a run adds to the report's own filter. */
export interface RunConditions {
  /** In the filter language, `within` allowed: the reader's own narrowing. */
  readonly filter?: unknown;
  readonly paths?: readonly PathCondition[];
  /** The day relative periods are measured from; today by default. */
  readonly today?: string;
}

export function calendarOf(report: ResolvedReport, conditions: RunConditions): Calendar {
  return { today: conditions.today ?? today(), fiscalStartMonth: report.fiscalStartMonth };
}

/**
 * The store filter of a run: the report's filter and the run's conditions, relative periods
 * resolved, the reader's record access merged in, records in the recycle bin left out. The
 * reader's own filter is checked with the fields hidden from them unknown, as in lists.
 */
export async function reportMatch(ctx: OperationContext, report: ResolvedReport, conditions: RunConditions, calendar: Calendar): Promise<Filter> {
  const object = report.object;
  const parts: Filter[] = [compileFilter(object, withinResolved(object, report.definition.filter ?? {}, calendar))];
  if (conditions.filter !== undefined) parts.push(compileFilter(object, withinResolved(object, conditions.filter, calendar), fieldAccess(ctx, object).hidden));
  for (const condition of conditions.paths ?? []) parts.push(await pathFilter(ctx, object, condition, calendar));
  const access = await recordAccess(ctx, object, 'read');
  return alive(withAccess(parts.length === 1 ? parts[0]! : { $and: parts }, access));
}

/**
 * A condition on a parent's field as a filter of the report's object: the parents matching it
 * (under the reader's access), then step by step back along the path, the records whose lookup
 * names one of them. A condition on the object's own field is that field's filter.
 */
async function pathFilter(ctx: OperationContext, object: CompiledObject, condition: PathCondition, calendar: Calendar): Promise<Filter> {
  const { resolved } = resolvePath(ctx.snapshot.objects, object, condition.path, (one) => fieldAccess(ctx, one).hidden);
  if (!resolved) throw new ValidationError([{ path: condition.at, message: msg`'${condition.path}' is not a field of ${object.name} you may read` }]);
  const steps = resolved.steps;
  const last = steps[steps.length - 1]!;
  const compile = (target: CompiledObject, name: string, value: unknown) => {
    try {
      return compileFilter(target, withinResolved(target, { [name]: value }, calendar));
    } catch (error) {
      if (error instanceof ValidationError) throw new ValidationError(error.details.map((detail) => ({ ...detail, path: condition.at + detail.path.replace(/^\/filter\/[^/]+/, '') })));
      throw error;
    }
  };
  let filter = compile(last.object, last.field.name, condition.condition);
  for (let i = steps.length - 1; i >= 1; i--) {
    const step = steps[i]!;
    const access = await recordAccess(ctx, step.object, 'read');
    const ids = await ctx.tenant.store.collection(step.object.collection).find(alive(withAccess(filter, access)), { projection: { _id: 1 } });
    filter = { [steps[i - 1]!.field.name]: { $in: ids.map((record) => record._id) } };
  }
  return filter;
}
