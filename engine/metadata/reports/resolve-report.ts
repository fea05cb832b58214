import type { ErrorDetail } from '../../errors/index.js';
import type { Labels } from '../../fields/index.js';
import type { CompiledObject } from '../compiled-object.js';
import { resolveLabels } from '../labels.js';
import type { ReportDefinition, ReportGrouping, ReportMeasure } from '../../schemas/generated/report.js';
import type { ReportChart } from '../../schemas/generated/common.js';
import { compileFilter } from '../query/filter-language.js';
import { parseSort } from '../query/list-query.js';
import { localize } from '../../i18n/language.js';
import { msg } from '../../i18n/message.js';
import { EngineError } from '../../errors/index.js';
import { resolvePath, reportField, type ResolvedPath, type ValueType } from './report-field.js';
import { withinResolved } from './within-filter.js';
import { today } from './calendar.js';
import { DEFAULT_AGING_DAYS, measureKey, type Aggregate, type GroupOrder, type ResolvedGrouping, type ResolvedMeasure } from './report-parts.js';

/** A report as the engine runs it: every name it uses checked against the snapshot. */
export interface ResolvedReport {
  readonly definition: ReportDefinition;
  readonly name: string;
  readonly label: Labels;
  readonly type: ReportDefinition['type'];
  readonly object: CompiledObject;
  /** Tabular: the columns; none otherwise. */
  readonly columns: readonly ResolvedPath[];
  /** Summary: the levels; matrix: the row levels. */
  readonly groupings: readonly ResolvedGrouping[];
  /** Matrix: the column levels. */
  readonly columnGroupings: readonly ResolvedGrouping[];
  readonly measures: readonly ResolvedMeasure[];
  readonly fiscalStartMonth: number;
  readonly chart?: ReportChart;
  /** Empty: every user who may read the object may run it. */
  readonly permissionSets: readonly string[];
}

const GROUPABLE = new Set<ValueType>(['text', 'picklist', 'boolean', 'lookup', 'masterdetail', 'email', 'phone', 'url', 'date', 'datetime', 'autonumber', 'number', 'percent', 'currency']);
const NUMERIC = new Set<ValueType>(['number', 'currency', 'percent', 'rollup']);
const ORDERED = new Set<ValueType>([...NUMERIC, 'date', 'datetime']);
const LEVELS = { summary: [1, 3, 0, 0], matrix: [1, 2, 1, 2], tabular: [0, 0, 0, 0] } as const;

/**
 * Checks a report (already valid against its schema) against the objects: the shape its type
 * needs, every path a field (through lookups for parents), groupings of groupable fields with
 * buckets only on dates, measures of fields whose type fits them, orders and the chart naming
 * measures the report has, and the filter as the list API would take it (relative periods too).
 */
export function resolveReport(definition: ReportDefinition, objects: ReadonlyMap<string, CompiledObject>): { report?: ResolvedReport; problems: ErrorDetail[] } {
  const object = objects.get(definition.object);
  if (!object) return { problems: [{ path: '/object', message: msg`there is no object named '${definition.object}'` }] };
  const problems: ErrorDetail[] = [];
  const [minRows, maxRows, minColumns, maxColumns] = LEVELS[definition.type];
  const rows = definition.groupings ?? [];
  const columns = definition.columnGroupings ?? [];
  if (rows.length < minRows || rows.length > maxRows) {
    problems.push({ path: '/groupings', message: maxRows === 0 ? msg`a tabular report has no groupings: make it a summary report` : msg`a ${definition.type} report groups by 1 to ${maxRows} levels` });
  }
  if (columns.length < minColumns || columns.length > maxColumns) {
    problems.push({ path: '/columnGroupings', message: maxColumns === 0 ? msg`only a matrix report has column groupings` : msg`a matrix report has 1 or 2 column groupings` });
  }
  if (definition.type !== 'tabular' && (definition.columns?.length || definition.sort?.length)) {
    problems.push({ path: definition.columns?.length ? '/columns' : '/sort', message: msg`only a tabular report lists records with columns and a sort; a ${definition.type} report shows groups` });
  }
  const measures = resolveMeasures(object, definition.measures ?? [{ aggregate: 'count' }], objects, problems);
  const keys = new Set(measures.map((measure) => measure.key));
  const levels = (list: readonly ReportGrouping[], at: string) =>
    list.flatMap((grouping, i) => {
      const resolved = resolveGrouping(object, grouping, objects, keys, `${at}/${i}`, problems);
      return resolved ? [resolved] : [];
    });
  const groupings = levels(rows, '/groupings');
  const columnGroupings = levels(columns, '/columnGroupings');
  const named = [...groupings, ...columnGroupings].map((grouping) => grouping.key);
  named.forEach((key, i) => {
    if (named.indexOf(key) !== i) problems.push({ path: '/groupings', message: msg`'${key}' is grouped by twice` });
  });
  const paths = (definition.columns ?? []).flatMap((path, i) => {
    const { resolved, problem } = resolvePath(objects, object, path);
    if (problem) problems.push({ path: `/columns/${i}`, message: problem });
    return resolved ? [resolved] : [];
  });
  const fiscalStartMonth = definition.fiscalYearStartMonth ?? 1;
  collect(problems, () => compileFilter(object, withinResolved(object, definition.filter ?? {}, { today: today(), fiscalStartMonth })));
  if (definition.sort?.length) collect(problems, () => parseSort(object, definition.sort!.join(',')));
  const chartMeasure = definition.chart?.measure;
  if (chartMeasure !== undefined && !keys.has(chartMeasure)) problems.push({ path: '/chart/measure', message: msg`'${chartMeasure}' is not one of the report's measures: ${[...keys].join(', ')}` });
  const compare = definition.chart?.compareField;
  if (compare !== undefined && !['date', 'datetime'].includes(reportField(object, compare)?.type ?? '')) {
    problems.push({ path: '/chart/compareField', message: msg`'${compare}' is not a date or date-time field of ${object.name}` });
  }
  if (problems.length > 0) return { problems };
  const report: ResolvedReport = {
    definition,
    name: definition.name,
    label: resolveLabels(definition.label, definition.name),
    type: definition.type,
    object,
    columns: paths,
    groupings,
    columnGroupings,
    measures,
    fiscalStartMonth,
    ...(definition.chart ? { chart: definition.chart } : {}),
    permissionSets: definition.permissionSets ?? [],
  };
  return { report, problems };
}

function collect(problems: ErrorDetail[], check: () => unknown): void {
  try {
    check();
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    problems.push(...error.details);
  }
}

function resolveGrouping(
  object: CompiledObject,
  grouping: ReportGrouping,
  objects: ReadonlyMap<string, CompiledObject>,
  measures: ReadonlySet<string>,
  at: string,
  problems: ErrorDetail[],
): ResolvedGrouping | undefined {
  const { resolved, problem } = resolvePath(objects, object, grouping.field);
  if (!resolved) {
    problems.push({ path: `${at}/field`, message: problem! });
    return undefined;
  }
  const type = resolved.field.type;
  const temporal = type === 'date' || type === 'datetime';
  if (!GROUPABLE.has(type)) {
    problems.push({ path: `${at}/field`, message: msg`'${grouping.field}' is a ${type} field: group by a picklist, text, boolean, lookup, number, date or the owner` });
    return undefined;
  }
  // The store groups what it holds: ciphertexts, one per record (or per data key in the deterministic mode).
  if (resolved.field.field?.encryption) {
    problems.push({ path: `${at}/field`, message: msg`'${grouping.field}' is encrypted: its values cannot be grouped, only listed in a tabular report's columns` });
    return undefined;
  }
  if (grouping.bucket !== undefined && !temporal) {
    problems.push({ path: `${at}/bucket`, message: msg`'${grouping.field}' is a ${type} field: only dates and date-times group by period or aging` });
    return undefined;
  }
  if (type === 'datetime' && grouping.bucket === undefined) {
    problems.push({ path: `${at}/bucket`, message: msg`'${grouping.field}' is a date-time: group it by a period (day, week, month, quarter, year, fiscalQuarter, fiscalYear) or by aging` });
    return undefined;
  }
  if (grouping.agingDays !== undefined && grouping.bucket !== 'aging') {
    problems.push({ path: `${at}/agingDays`, message: msg`aging days are for the aging bucket only` });
  }
  const agingDays = grouping.agingDays ?? DEFAULT_AGING_DAYS;
  if (agingDays.some((day, i) => i > 0 && day <= agingDays[i - 1]!)) problems.push({ path: `${at}/agingDays`, message: msg`must grow from one range to the next, like [30, 60, 90]` });
  const order = parseOrder(grouping.order, measures, `${at}/order`, problems);
  const bucket = grouping.bucket ?? (type === 'date' ? 'day' : undefined);
  return { key: bucket ? `${grouping.field}:${bucket}` : grouping.field, path: resolved, ...(bucket ? { bucket } : {}), agingDays, order };
}

function parseOrder(text: string | undefined, measures: ReadonlySet<string>, path: string, problems: ErrorDetail[]): GroupOrder {
  if (text === undefined) return { by: 'label', direction: 1 };
  const direction = text.startsWith('-') ? -1 : 1;
  const by = text.replace(/^-/, '');
  if (by !== 'label' && by !== 'count' && !measures.has(by)) {
    problems.push({ path, message: msg`'${by}' is not something to order by: label, count or one of the report's measures (${[...measures].join(', ')})` });
  }
  return { by, direction };
}

function resolveMeasures(object: CompiledObject, measures: readonly ReportMeasure[], objects: ReadonlyMap<string, CompiledObject>, problems: ErrorDetail[]): ResolvedMeasure[] {
  const resolved: ResolvedMeasure[] = [];
  measures.forEach((measure, i) => {
    const at = `/measures/${i}`;
    const one = resolveMeasure(object, measure, objects, at, problems);
    if (!one) return;
    if (resolved.some((other) => other.key === one.key)) problems.push({ path: at, message: msg`'${one.key}' is measured twice` });
    else resolved.push(one);
  });
  return resolved;
}

function resolveMeasure(object: CompiledObject, measure: ReportMeasure, objects: ReadonlyMap<string, CompiledObject>, at: string, problems: ErrorDetail[]): ResolvedMeasure | undefined {
  const aggregate: Aggregate = measure.aggregate;
  let measured = object;
  let through: ResolvedMeasure['through'];
  if (measure.through !== undefined) {
    const [childName, lookup] = measure.through.split('.') as [string, string];
    const child = objects.get(childName);
    const link = child ? reportField(child, lookup) : undefined;
    if (!child) return void problems.push({ path: `${at}/through`, message: msg`there is no object named '${childName}'` });
    if (!link?.target || link.target !== object.name) {
      return void problems.push({ path: `${at}/through`, message: msg`'${lookup}' is not a lookup of ${childName} to ${object.name}` });
    }
    measured = child;
    through = { object: child, lookup };
  }
  if (aggregate === 'count') {
    if (measure.field !== undefined) return void problems.push({ path: `${at}/field`, message: msg`count counts records: leave out the field, or use distinct to count its values` });
    return { key: measureKey('count', undefined, measure.through), aggregate, ...(through ? { through } : {}), label: labelOf(measure, aggregate), type: 'number' };
  }
  if (measure.field === undefined) return void problems.push({ path: `${at}/field`, message: msg`${aggregate} needs a field` });
  const field = reportField(measured, measure.field);
  if (!field) return void problems.push({ path: `${at}/field`, message: msg`'${measure.field}' is not a field of ${measured.name}` });
  const numeric = NUMERIC.has(field.type);
  if ((aggregate === 'sum' || aggregate === 'avg') && !numeric) {
    return void problems.push({ path: `${at}/field`, message: msg`'${field.name}' is a ${field.type} field: ${aggregate} needs a number, currency or percent` });
  }
  if ((aggregate === 'min' || aggregate === 'max') && !ORDERED.has(field.type)) {
    return void problems.push({ path: `${at}/field`, message: msg`'${field.name}' is a ${field.type} field: ${aggregate} needs a number or a date` });
  }
  if (aggregate === 'distinct' && !GROUPABLE.has(field.type)) {
    return void problems.push({ path: `${at}/field`, message: msg`'${field.name}' is a ${field.type} field: distinct counts values of a text, picklist, lookup, number or date` });
  }
  const type: ValueType = aggregate === 'distinct' ? 'number' : field.type === 'rollup' ? 'number' : field.type;
  return { key: measureKey(aggregate, field.name, measure.through), aggregate, field, ...(through ? { through } : {}), label: labelOf(measure, aggregate, field.label), type };
}

const AGGREGATE_LABELS: Record<Aggregate, Labels> = {
  count: { en: 'Record count', 'zh-CN': '记录数' },
  distinct: { en: 'Distinct', 'zh-CN': '不同值数' },
  sum: { en: 'Sum', 'zh-CN': '合计' },
  avg: { en: 'Average', 'zh-CN': '平均' },
  min: { en: 'Min', 'zh-CN': '最小' },
  max: { en: 'Max', 'zh-CN': '最大' },
};

function labelOf(measure: ReportMeasure, aggregate: Aggregate, field?: Labels): Labels {
  if (measure.label) return resolveLabels(measure.label, measure.label.en ?? aggregate);
  const word = AGGREGATE_LABELS[aggregate];
  if (!field) return word;
  // A Traditional label only where the field has one written; else the Simplified one is converted when read.
  const traditional = field['zh-TW'] ? { 'zh-TW': `${field['zh-TW']}${localize(word, 'zh-TW')}` } : {};
  return { en: `${word.en} of ${field.en}`, 'zh-CN': `${field['zh-CN']}${word['zh-CN']}`, ...traditional };
}
