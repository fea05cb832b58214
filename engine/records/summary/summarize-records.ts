import { fieldAccess, recordAccess, withAccess } from '../../security/access/index.js';
import type { OperationContext } from '../../tenancy/index.js';
import { compileFilter } from '../filter-language.js';
import { recordObject } from '../record-object.js';
import { alive } from '../record-state.js';
import { parseGroupBy, parseMeasures, type Measure } from './summary-measures.js';

export interface SummaryRequest {
  /** The filter in the API's language, already parsed from JSON. */
  filter?: unknown;
  groupBy?: string;
  /** e.g. "count,sum:amount,max:close_date". */
  measures?: string;
}

/** The measures of one group, or of all the records. */
export interface SummaryFigures {
  count: number;
  sum?: Record<string, number>;
  avg?: Record<string, number | null>;
  min?: Record<string, unknown>;
  max?: Record<string, unknown>;
}

export interface SummaryResponse {
  groupBy: string | null;
  /** Largest groups first; at most MAX_GROUPS. */
  groups: Array<SummaryFigures & { key: unknown }>;
  /** More groups exist than were returned. */
  truncated: boolean;
  total: SummaryFigures;
}

const MAX_GROUPS = 1000;

/**
 * Counts and totals over the records the user may see, grouped by one field: the report and
 * dashboard figure. The access filter is the first stage of the store's pipeline, so a total never
 * includes a record the user could not list.
 */
export async function summarizeRecords(ctx: OperationContext, objectName: string, request: SummaryRequest): Promise<SummaryResponse> {
  const object = recordObject(ctx, objectName);
  const access = await recordAccess(ctx, object, 'read');
  const { hidden } = fieldAccess(ctx, object);
  const groupBy = parseGroupBy(object, request.groupBy, hidden);
  const measures = parseMeasures(object, request.measures, hidden);
  const clientFilter = request.filter === undefined ? {} : compileFilter(object, request.filter, hidden);
  const match = { $match: alive(withAccess(clientFilter, access)) };
  const records = ctx.tenant.store.collection(object.collection);
  const [grouped, totals] = await Promise.all([
    records.aggregate([match, groupStage(groupBy === null ? null : `$${groupBy}`, measures), { $sort: { count: -1, _id: 1 } }, { $limit: MAX_GROUPS + 1 }]),
    records.aggregate([match, groupStage(null, measures)]),
  ]);
  return {
    groupBy,
    groups: grouped.slice(0, MAX_GROUPS).map((row) => ({ key: row._id ?? null, ...figures(row, measures) })),
    truncated: grouped.length > MAX_GROUPS,
    total: totals[0] ? figures(totals[0], measures) : figures({ count: 0 }, measures),
  };
}

function groupStage(key: string | null, measures: readonly Measure[]): Record<string, unknown> {
  const group: Record<string, unknown> = { _id: key, count: { $sum: 1 } };
  for (const { aggregate, field } of measures) group[`${aggregate}__${field}`] = { [`$${aggregate}`]: `$${field}` };
  return { $group: group };
}

function figures(row: Record<string, unknown>, measures: readonly Measure[]): SummaryFigures {
  const result: SummaryFigures = { count: Number(row.count ?? 0) };
  for (const { aggregate, field } of measures) {
    const value = row[`${aggregate}__${field}`];
    const into = (result[aggregate] ??= {}) as Record<string, unknown>;
    // An empty set sums to 0; its average, minimum and maximum do not exist.
    into[field] = aggregate === 'sum' ? Number(value ?? 0) : (value ?? null);
  }
  return result;
}
