import { fieldAccess, recordAccess, withAccess } from '../../security/access/index.js';
import type { OperationContext } from '../../tenancy/index.js';
import { averageOfUnits, fromUnits } from '../../fields/numeric.js';
import { fieldScale } from '../field-scale.js';
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
  const scales = new Map(measures.map(({ field }) => [field, fieldScale(ctx.snapshot, object, field) ?? 0]));
  const clientFilter = request.filter === undefined ? {} : compileFilter(object, request.filter, hidden);
  const match = { $match: alive(withAccess(clientFilter, access)) };
  const records = ctx.tenant.store.collection(object.collection);
  const [grouped, totals] = await Promise.all([
    records.aggregate([match, groupStage(groupBy === null ? null : `$${groupBy}`, measures, scales), { $sort: { count: -1, _id: 1 } }, { $limit: MAX_GROUPS + 1 }]),
    records.aggregate([match, groupStage(null, measures, scales)]),
  ]);
  return {
    groupBy,
    groups: grouped.slice(0, MAX_GROUPS).map((row) => ({ key: row._id ?? null, ...figures(row, measures, scales) })),
    truncated: grouped.length > MAX_GROUPS,
    total: totals[0] ? figures(totals[0], measures, scales) : figures({ count: 0 }, measures, scales),
  };
}

/**
 * The store's $group: sums and averages add each value as whole units of its field's scale
 * (1234.57 at scale 2 is 123457), which are exact integers in binary floating point, where adding
 * the values themselves drifts (0.1 + 0.2); an average is that sum over the count of values.
 */
function groupStage(key: string | null, measures: readonly Measure[], scales: ReadonlyMap<string, number>): Record<string, unknown> {
  const group: Record<string, unknown> = { _id: key, count: { $sum: 1 } };
  for (const { aggregate, field } of measures) {
    const isNumber = { $isNumber: `$${field}` };
    if (aggregate === 'sum' || aggregate === 'avg') {
      group[`${aggregate}__${field}`] = { $sum: { $cond: [isNumber, { $round: [{ $multiply: [`$${field}`, 10 ** scales.get(field)!] }, 0] }, null] } };
      if (aggregate === 'avg') group[`n__${field}`] = { $sum: { $cond: [isNumber, 1, 0] } };
    } else {
      group[`${aggregate}__${field}`] = { [`$${aggregate}`]: `$${field}` };
    }
  }
  return { $group: group };
}

function figures(row: Record<string, unknown>, measures: readonly Measure[], scales: ReadonlyMap<string, number>): SummaryFigures {
  const result: SummaryFigures = { count: Number(row.count ?? 0) };
  for (const { aggregate, field } of measures) {
    const value = row[`${aggregate}__${field}`];
    const into = (result[aggregate] ??= {}) as Record<string, unknown>;
    const scale = scales.get(field)!;
    // An empty set sums to 0; its average, minimum and maximum do not exist.
    if (aggregate === 'sum') into[field] = fromUnits(Number(value ?? 0), scale);
    else if (aggregate === 'avg') {
      const count = Number(row[`n__${field}`] ?? 0);
      into[field] = count === 0 ? null : averageOfUnits(Number(value ?? 0), count, scale);
    } else into[field] = value ?? null;
  }
  return result;
}
