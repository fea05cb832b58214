import { fieldAccess, recordAccess, withAccess } from '../../security/access/index.js';
import type { OperationContext } from '../../context/index.js';
import { averageOfUnits, fromUnits } from '../../fields/numeric.js';
import { fieldScale } from '../field-scale.js';
import { compileFilter } from '../../metadata/query/filter-language.js';
import { filterPaths, refuseWhileBackfilling, runningBackfill } from '../backfills/backfill-reads.js';
import { recordObject } from '../record-object.js';
import { alive } from '../../metadata/record-shape/record-state.js';
import { levelKey, levelName, parseGroupBy, type GroupLevel } from './summary-groups.js';
import { parseMeasures, type Measure } from './summary-measures.js';
import { orderStages, parseOrder } from './summary-order.js';

export interface SummaryRequest {
  /** The filter in the API's language, already parsed from JSON. */
  filter?: unknown;
  /** Up to three levels, dates by period: "stage,close_date:month". */
  groupBy?: string;
  /** e.g. "count,sum:amount,max:close_date". */
  measures?: string;
  /** "key", "count" or a measure, "-" first for descending: "-sum:amount". Default "-count". */
  order?: string;
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
  /** The levels grouped by, as `groupBy` names them; null without groupBy. */
  groupBy: string | null;
  /**
   * In the order asked for (largest first by default); at most MAX_GROUPS. The key is the level's
   * value with one level, the list of the levels' values with several.
   */
  groups: Array<SummaryFigures & { key: unknown }>;
  /** More groups exist than were returned. */
  truncated: boolean;
  total: SummaryFigures;
}

const MAX_GROUPS = 1000;

/**
 * Counts and totals over the records the user may see, grouped by up to three levels: the report and
 * dashboard figure. The access filter is the first stage of the store's pipeline, so a total never
 * includes a record the user could not list.
 */
export async function summarizeRecords(ctx: OperationContext, objectName: string, request: SummaryRequest): Promise<SummaryResponse> {
  const object = recordObject(ctx, objectName);
  const access = await recordAccess(ctx, object, 'read');
  const { hidden } = fieldAccess(ctx, object);
  const levels = parseGroupBy(object, request.groupBy, hidden);
  const measures = parseMeasures(object, request.measures, hidden);
  const order = parseOrder(request.order, measures);
  const scales = new Map(measures.map(({ field }) => [field, fieldScale(ctx.snapshot, object, field) ?? 0]));
  const clientFilter = request.filter === undefined ? {} : compileFilter(object, request.filter, hidden);
  // Sums and groups over a value a backfill has not stored everywhere yet would be wrong: 409 with its progress.
  const paths = [...filterPaths(clientFilter), ...levels.map((level) => level.field), ...measures.map(({ field }) => field)];
  refuseWhileBackfilling(await runningBackfill(ctx.tenant.store, object.name), paths);
  const match = { $match: alive(withAccess(clientFilter, access)) };
  const records = ctx.tenant.store.collection(object.collection);
  // One pass over the matches feeds both the groups and the total: a $facet, not two aggregations.
  const [both] = await records.aggregate<{ groups: Record<string, unknown>[]; total: Record<string, unknown>[] }>([
    match,
    {
      $facet: {
        groups: [groupStage(groupKey(levels), measures, scales), ...orderStages(order, levels.length), { $limit: MAX_GROUPS + 1 }],
        total: [groupStage(null, measures, scales)],
      },
    },
  ]);
  const grouped = both?.groups ?? [];
  const totals = both?.total ?? [];
  return {
    groupBy: levels.length === 0 ? null : levels.map(levelName).join(','),
    groups: grouped.slice(0, MAX_GROUPS).map((row) => ({ key: keyOf(row._id, levels), ...figures(row, measures, scales) })),
    truncated: grouped.length > MAX_GROUPS,
    total: totals[0] ? figures(totals[0], measures, scales) : figures({ count: 0 }, measures, scales),
  };
}

/** One level's key expression, or an object of them (`l0`, `l1` ...) for several. */
function groupKey(levels: readonly GroupLevel[]): unknown {
  if (levels.length === 0) return null;
  if (levels.length === 1) return levelKey(levels[0]!);
  return Object.fromEntries(levels.map((level, i) => [`l${i}`, levelKey(level)]));
}

function keyOf(id: unknown, levels: readonly GroupLevel[]): unknown {
  if (levels.length <= 1) return id ?? null;
  const parts = (id ?? {}) as Record<string, unknown>;
  return levels.map((_, i) => parts[`l${i}`] ?? null);
}

/**
 * The store's $group: sums and averages add each value as whole units of its field's scale
 * (1234.57 at scale 2 is 123457), which are exact integers in binary floating point, where adding
 * the values themselves drifts (0.1 + 0.2); an average is that sum over the count of values.
 */
function groupStage(key: unknown, measures: readonly Measure[], scales: ReadonlyMap<string, number>): Record<string, unknown> {
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
