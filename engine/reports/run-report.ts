import type { OperationContext } from '../context/index.js';
import { localize } from '../i18n/language.js';
import type { ResolvedGrouping } from '../metadata/reports/report-parts.js';
import type { Calendar } from '../metadata/reports/within-filter.js';
import { alive } from '../metadata/record-shape/record-state.js';
import { recordAccess, userAccess, withAccess } from '../security/access/index.js';
import type { Filter } from '../store/port.js';
import { figureOf, mergePartial, emptyPartial, type Figures, type Partial } from './figures.js';
import { GroupCube, groupTree } from './group-cube.js';
import { levelLabels, levelMapper, storeExpression } from './level-values.js';
import { readableOf, readableReport, type ReadableReport } from './readable-report.js';
import { checkDefinition } from '../metadata/definition-validator.js';
import { resolveReport } from '../metadata/reports/resolve-report.js';
import { ForbiddenError, ValidationError } from '../errors/index.js';
import { msg } from '../i18n/message.js';
import { calendarOf, reportMatch, type RunConditions } from './report-match.js';
import type { LevelInfo, MeasureInfo, ReportResult } from './report-result.js';
import { storedMeasure, storeGroups, type StoredMeasure, type StoreRow } from './store-groups.js';
import { tabularRows } from './tabular-rows.js';
import { refuseWhileRecomputing } from './report-backfills.js';

/** At most this many leaf groups (every level's key combined); more is reported as truncated. */
const MAX_LEAVES = 10_000;

/**
 * Runs a report for the reader: their record access and field security apply (readable-report.ts),
 * the store groups by the levels' source values in one pass, then each level's values are mapped
 * (parents' values, buckets) and regrouped with every subtotal; figures are exact to their
 * fields' scale, money in the corporate currency.
 */
export async function runReport(ctx: OperationContext, name: string, conditions: RunConditions = {}): Promise<ReportResult> {
  return runReadable(ctx, readableReport(ctx, name), conditions);
}

/**
 * A draft of a report run before it is saved: the report builder's live preview. Only for those
 * who may manage metadata (who may save it); the draft is checked as a save would check it (400
 * with paths under /definition) and run with the caller's access like any report.
 */
export async function previewReport(ctx: OperationContext, definition: unknown, conditions: RunConditions = {}): Promise<ReportResult> {
  if (!userAccess(ctx.snapshot, ctx.principal).system.manageMetadata) throw new ForbiddenError(msg`Only administrators who may manage metadata can preview reports; run a saved report instead.`);
  const checked = checkDefinition('report', definition);
  const resolved = checked.ok ? resolveReport(checked.definition, ctx.snapshot.objects) : { problems: checked.problems };
  if (!resolved.report) throw new ValidationError(resolved.problems.map((detail) => ({ ...detail, path: `/definition${detail.path}` })));
  return runReadable(ctx, readableOf(ctx, resolved.report), conditions);
}

async function runReadable(ctx: OperationContext, readable: ReadableReport, conditions: RunConditions): Promise<ReportResult> {
  const { report } = readable;
  const calendar = calendarOf(report, conditions);
  const match = await reportMatch(ctx, report, conditions, calendar);
  const measures = readable.measures.map((measure) => storedMeasure(ctx, measure.through?.object ?? report.object, measure));
  const base = describe(ctx, readable, measures, calendar);
  const levels = [...report.groupings, ...report.columnGroupings];
  await refuseWhileRecomputing(ctx, report.object, match, levels, measures);
  const rows = await groupedRows(ctx, report, match, levels, measures);
  const figures = (partials: readonly Partial[]): Figures => Object.fromEntries(measures.map((stored, i) => [stored.measure.key, figureOf(stored.measure, partials[i]!, stored.scale)]));
  if (report.type === 'tabular') {
    // The totals count every matching record, however many rows are shown.
    const all = measures.map(() => emptyPartial());
    for (const row of rows) row.partials.forEach((partial, i) => mergePartial(all[i]!, partial));
    return { ...base, ...(await tabularRows(ctx, readable, match)), total: figures(all) };
  }
  const mappers = await Promise.all(levels.map((level, i) => levelMapper(ctx, level, new Set(rows.map((row) => row.parts[`k${i}`])), calendar)));
  const cube = new GroupCube(report.groupings.length, report.columnGroupings.length, measures.length);
  const leaves = new Set<string>();
  const keySets = levels.map(() => new Set<unknown>());
  let truncated = false;
  for (const row of rows) {
    const keys = levels.map((_, i) => mappers[i]!(row.parts[`k${i}`]));
    const leaf = JSON.stringify(keys);
    if (!leaves.has(leaf) && leaves.size >= MAX_LEAVES) {
      truncated = true;
      continue;
    }
    leaves.add(leaf);
    keys.forEach((key, i) => keySets[i]!.add(key));
    cube.add(keys, row.partials);
  }
  const labels = await Promise.all(levels.map((level, i) => levelLabels(ctx, level, keySets[i]!)));
  const rank = (i: number) => rankOf(levels[i]!);
  const rowLevels = report.groupings;
  const columnLevels = report.columnGroupings;
  const groups = groupTree(rowLevels, (depth) => cube.at(depth, 0).map((cell) => ({ keys: cell.rowKeys, values: figures(cell.partials) })), labels.slice(0, rowLevels.length), (i, key) => rank(i)(key));
  const columnGroups = groupTree(columnLevels, (depth) => cube.at(0, depth).map((cell) => ({ keys: cell.columnKeys, values: figures(cell.partials) })), labels.slice(rowLevels.length), (i, key) => rank(rowLevels.length + i)(key));
  const cells = [];
  for (let p = 1; p <= rowLevels.length && columnLevels.length > 0; p++) {
    for (let q = 1; q <= columnLevels.length; q++) for (const cell of cube.at(p, q)) cells.push({ row: cell.rowKeys, column: cell.columnKeys, values: figures(cell.partials) });
  }
  const total = figures(cube.find([], [])?.partials ?? measures.map(() => emptyPartial()));
  return { ...base, groups, columnGroups, cells, total, truncated };
}

/**
 * The store's groups of the matches by each level's source (k0, k1 ...). With measures through a
 * lookup the store groups by record too, and each record's children are gathered apart (grouped
 * by their lookup, under the reader's access to them) and added to the record's row.
 */
async function groupedRows(ctx: OperationContext, report: ReadableReport['report'], match: Filter, levels: readonly ResolvedGrouping[], measures: readonly StoredMeasure[]): Promise<StoreRow[]> {
  const through = measures.some((stored) => stored.measure.through);
  const key: Record<string, unknown> = Object.fromEntries(levels.map((level, i) => [`k${i}`, storeExpression(level)]));
  if (through) key.record = '$_id';
  const own = measures.map((stored) => (stored.measure.through ? { ...stored, stored: undefined } : stored));
  const rows = await storeGroups(ctx, report.object.collection, match, Object.keys(key).length > 0 ? key : null, own);
  if (!through) return rows;
  const children = new Map<unknown, Partial[]>();
  for (const [i, stored] of measures.entries()) {
    const link = stored.measure.through;
    if (!link) continue;
    const access = await recordAccess(ctx, link.object, 'read');
    const childRows = await storeGroups(ctx, link.object.collection, alive(withAccess({ [link.lookup]: { $ne: null } }, access)), `$${link.lookup}`, [stored]);
    for (const row of childRows) {
      const list = children.get(row.parts.key) ?? measures.map(() => emptyPartial());
      list[i] = row.partials[0]!;
      children.set(row.parts.key, list);
    }
  }
  return rows.map((row) => {
    const extra = children.get(row.parts.record);
    const partials = row.partials.map((partial, i) => {
      if (!measures[i]!.measure.through) return partial;
      const merged = emptyPartial();
      if (extra) mergePartial(merged, extra[i]!);
      return merged;
    });
    return { parts: row.parts, partials };
  });
}

/** What sorts a level's keys "by label": a picklist's values in their order, periods and aging ranges in time. */
function rankOf(level: ResolvedGrouping): (key: unknown) => number {
  const field = level.path.field.field;
  if (level.bucket === 'aging') return (key) => Number(key);
  if (!level.bucket && field?.type === 'picklist') return (key) => field.values.findIndex((entry) => entry.value === key);
  return () => 0;
}

function describe(ctx: OperationContext, readable: ReadableReport, measures: readonly StoredMeasure[], calendar: Calendar): Omit<ReportResult, 'total' | 'truncated'> {
  const { report } = readable;
  const language = ctx.language;
  const level = (grouping: ResolvedGrouping): LevelInfo => ({
    key: grouping.key,
    label: localize(grouping.path.label, language),
    type: grouping.path.field.type,
    ...(grouping.bucket ? { bucket: grouping.bucket } : {}),
  });
  const measureInfo = ({ measure, scale, currency }: StoredMeasure): MeasureInfo => ({
    key: measure.key,
    label: localize(measure.label, language),
    aggregate: measure.aggregate,
    type: measure.type,
    scale: measure.aggregate === 'avg' ? scale : measure.aggregate === 'count' || measure.aggregate === 'distinct' ? 0 : scale,
    ...(currency === undefined ? {} : { currency }),
  });
  return {
    report: { name: report.name, label: localize(report.label, language, report.name)!, type: report.type, object: report.object.name },
    groupings: report.groupings.map(level),
    columnGroupings: report.columnGroupings.map(level),
    columns: readable.columns.map((path) => ({ key: path.path, label: localize(path.label, language), type: path.field.type })),
    measures: measures.map(measureInfo),
    omitted: readable.omitted,
    groups: [],
    columnGroups: [],
    cells: [],
    rows: [],
    ...(report.chart ? { chart: report.chart } : {}),
    today: calendar.today,
  };
}
