import type { ErrorDetail } from '../../../shared/api/api-error';
import { localize, type LocalizedText } from '../../../shared/i18n/localize';
import type { UiLanguage } from '../../../shared/i18n/languages';
import type { FieldDefinition, ObjectDefinition } from '../../../shared/metadata/object-definition';
import { filterToModel, modelToFilter, type FilterJson, type FilterModel } from '../../list/filter/filter-rows';
import type { ChartType, ReportChart } from '../../reports/report-result';

export type ReportType = 'tabular' | 'summary' | 'matrix';
export type Aggregate = 'count' | 'distinct' | 'sum' | 'avg' | 'min' | 'max';
export const AGGREGATES: readonly Aggregate[] = ['count', 'distinct', 'sum', 'avg', 'min', 'max'];
export const BUCKETS = ['day', 'week', 'month', 'quarter', 'year', 'fiscalQuarter', 'fiscalYear', 'aging'] as const;
export const CHART_TYPES: readonly ChartType[] = ['bar', 'stackedBar', 'line', 'pie', 'donut', 'funnel', 'gauge', 'number', 'table'];

export interface GroupingDefinition {
  readonly field: string;
  readonly bucket?: string;
  readonly agingDays?: readonly number[];
  readonly order?: string;
}

export interface MeasureDefinition {
  readonly aggregate: Aggregate;
  readonly field?: string;
  readonly through?: string;
}

/** A report as GET /api/v1/meta/reports answers it (engine/schemas/report.schema.json). */
export interface ReportDefinition {
  readonly name: string;
  readonly object: string;
  readonly type: ReportType;
  readonly label?: LocalizedText;
  readonly description?: string;
  readonly columns?: readonly string[];
  readonly groupings?: readonly GroupingDefinition[];
  readonly columnGroupings?: readonly GroupingDefinition[];
  readonly measures?: readonly MeasureDefinition[];
  readonly filter?: FilterJson;
  readonly sort?: readonly string[];
  readonly fiscalYearStartMonth?: number;
  readonly chart?: ReportChart;
  readonly permissionSets?: readonly string[];
}

/** The builder's form: what the admin picks, turned into a definition on every change (the live preview) and on save. */
export interface ReportDraft {
  readonly labelEn: string;
  readonly labelZh: string;
  readonly name: string;
  readonly object: string | undefined;
  readonly type: ReportType;
  readonly groupings: readonly GroupingDefinition[];
  readonly columnGroupings: readonly GroupingDefinition[];
  readonly columns: readonly string[];
  readonly measures: readonly MeasureDefinition[];
  readonly filter: FilterModel;
  /** A relative period on a date field, besides the conditions: {"close_date": {"within": "this_quarter"}}. */
  readonly periodField: string | undefined;
  readonly period: string | undefined;
  /** The first level's order: label, count or a measure's key, - first for descending. */
  readonly order: string;
  readonly chartType: ChartType;
  readonly fiscalYearStartMonth: number;
  /** Whatever the draft does not edit, kept as it was (description, audience, a filter the rows cannot show). */
  readonly kept: Partial<ReportDefinition>;
}

export const EMPTY_REPORT: ReportDraft = {
  labelEn: '',
  labelZh: '',
  name: '',
  object: undefined,
  type: 'summary',
  groupings: [],
  columnGroupings: [],
  columns: [],
  measures: [{ aggregate: 'count' }],
  filter: { join: 'and', rows: [] },
  periodField: undefined,
  period: undefined,
  order: 'label',
  chartType: 'bar',
  fiscalYearStartMonth: 1,
  kept: {},
};

/** A measure's key as the engine names it in results: count, sum:amount, sum:deal.account.amount. */
export function measureKey(measure: MeasureDefinition): string {
  const through = measure.through ? `${measure.through}${measure.field ? '.' : ''}` : '';
  return measure.field || measure.through ? `${measure.aggregate}:${through}${measure.field ?? ''}` : measure.aggregate;
}

/** The draft as the definition the server checks and runs. */
export function reportDefinitionOf(draft: ReportDraft): ReportDefinition {
  const label = { en: draft.labelEn.trim(), ...(draft.labelZh.trim() ? { 'zh-CN': draft.labelZh.trim() } : {}) };
  const conditions = modelToFilter(draft.filter) ?? (draft.kept.filter as FilterJson | undefined);
  const period = draft.periodField && draft.period ? { [draft.periodField]: { within: draft.period } } : undefined;
  const filter = conditions && period ? { and: [conditions, period] } : (conditions ?? period);
  const groupings = draft.type === 'tabular' ? [] : draft.groupings.map((grouping, i) => (i === 0 && draft.order !== 'label' ? { ...grouping, order: draft.order } : grouping));
  const { filter: _filter, ...kept } = draft.kept;
  return {
    ...kept,
    name: draft.name,
    object: draft.object ?? '',
    type: draft.type,
    ...(label.en ? { label } : {}),
    ...(draft.type === 'tabular' ? { columns: draft.columns } : { groupings }),
    ...(draft.type === 'matrix' ? { columnGroupings: draft.columnGroupings } : {}),
    measures: draft.measures,
    ...(filter ? { filter } : {}),
    ...(draft.fiscalYearStartMonth !== 1 ? { fiscalYearStartMonth: draft.fiscalYearStartMonth } : {}),
    chart: { type: draft.chartType },
  };
}

/** A saved report as the builder edits it. */
export function reportDraftOf(report: ReportDefinition): ReportDraft {
  const { name, object, type, label, columns, groupings, columnGroupings, measures, filter, fiscalYearStartMonth, chart, ...kept } = report;
  const split = splitPeriod(filter);
  const rows = split.rest === undefined ? { join: 'and' as const, rows: [] } : filterToModel(split.rest);
  return {
    labelEn: label?.en ?? '',
    labelZh: label?.['zh-CN'] ?? '',
    name,
    object,
    type,
    groupings: (groupings ?? []).map(({ order: _order, ...grouping }) => grouping),
    columnGroupings: columnGroupings ?? [],
    columns: columns ?? [],
    measures: measures ?? [{ aggregate: 'count' }],
    filter: rows ?? { join: 'and', rows: [] },
    periodField: split.field,
    period: split.period,
    order: groupings?.[0]?.order ?? 'label',
    chartType: chart?.type ?? 'table',
    fiscalYearStartMonth: fiscalYearStartMonth ?? 1,
    kept: { ...kept, ...(rows || split.rest === undefined ? {} : { filter: split.rest }) },
  };
}

/** A filter's `within` condition taken apart from the rest: the builder shows it as its own control. */
function splitPeriod(filter: FilterJson | undefined): { field?: string; period?: string; rest?: FilterJson } {
  if (!filter) return {};
  const parts = Array.isArray(filter.and) ? (filter.and as FilterJson[]) : [filter];
  const index = parts.findIndex((part) => Object.keys(part).length === 1 && isWithin(Object.values(part)[0]));
  if (index === -1) return { rest: filter };
  const [field, condition] = Object.entries(parts[index]!)[0]! as [string, { within: string }];
  const rest = parts.filter((_, i) => i !== index);
  return { field, period: condition.within, ...(rest.length === 0 ? {} : { rest: rest.length === 1 ? rest[0]! : { and: rest } }) };
}

function isWithin(value: unknown): value is { within: string } {
  return value !== null && typeof value === 'object' && Object.keys(value).length === 1 && typeof (value as { within?: unknown }).within === 'string';
}

/** A field a report can name: the object's own, or a parent's through one lookup (account.sector). */
export interface FieldChoice {
  readonly path: string;
  readonly label: string;
  readonly type: string;
}

const GROUPABLE = new Set(['text', 'picklist', 'boolean', 'lookup', 'masterdetail', 'email', 'phone', 'url', 'date', 'datetime', 'autonumber', 'number', 'percent', 'currency']);
const NUMERIC = new Set(['number', 'currency', 'percent', 'rollup']);

function typeOf(field: FieldDefinition): string {
  return field.type === 'formula' ? (field.resultType ?? 'text') : field.type;
}

/** The fields of the object and of its parents (one lookup away), as paths with their labels joined. */
export function fieldChoices(object: ObjectDefinition | undefined, objects: readonly ObjectDefinition[], language: UiLanguage): FieldChoice[] {
  if (!object) return [];
  const own = object.fields.map((field) => ({ path: field.name, label: localize(field.label, language, field.name), type: typeOf(field) }));
  const parents = object.fields.flatMap((field) => {
    const target = field.target ? objects.find((candidate) => candidate.name === field.target) : undefined;
    if (!target || target.name === object.name) return [];
    const prefix = localize(field.label, language, field.name);
    return target.fields.map((parent) => ({ path: `${field.name}.${parent.name}`, label: `${prefix} › ${localize(parent.label, language, parent.name)}`, type: typeOf(parent) }));
  });
  return [...own, ...parents];
}

export const groupable = (choice: FieldChoice) => GROUPABLE.has(choice.type);
export const isDate = (type: string | undefined) => type === 'date' || type === 'datetime';

/** The fields an aggregate can measure: numbers for sums and averages, numbers and dates for min and max. */
export function measurable(aggregate: Aggregate, choice: FieldChoice): boolean {
  if (choice.path.includes('.')) return false;
  if (aggregate === 'sum' || aggregate === 'avg') return NUMERIC.has(choice.type);
  if (aggregate === 'min' || aggregate === 'max') return NUMERIC.has(choice.type) || isDate(choice.type);
  return aggregate === 'distinct' ? GROUPABLE.has(choice.type) : false;
}

export type ReportControl = 'labelEn' | 'name' | 'object' | 'type' | 'groupings' | 'columnGroupings' | 'columns' | 'measures' | 'filter' | 'period' | 'chartType' | 'order';

const CONTROLS: readonly [RegExp, ReportControl][] = [
  [/^\/(definition\/)?name/, 'name'],
  [/^\/(definition\/)?label/, 'labelEn'],
  [/^\/(definition\/)?object/, 'object'],
  [/^\/(definition\/)?columnGroupings/, 'columnGroupings'],
  [/^\/(definition\/)?groupings\/0\/order/, 'order'],
  [/^\/(definition\/)?groupings/, 'groupings'],
  [/^\/(definition\/)?columns/, 'columns'],
  [/^\/(definition\/)?measures/, 'measures'],
  [/^\/(definition\/)?filter/, 'filter'],
  [/^\/(definition\/)?chart/, 'chartType'],
];

/** The server's problems on the builder's controls (a save's paths, or a preview's under /definition); the rest above the form. */
export function reportErrors(details: readonly ErrorDetail[]): { controls: Partial<Record<ReportControl, string[]>>; form: string[] } {
  const controls: Partial<Record<ReportControl, string[]>> = {};
  const form: string[] = [];
  for (const detail of details) {
    const control = CONTROLS.find(([pattern]) => pattern.test(detail.path))?.[1];
    if (control) (controls[control] ??= []).push(detail.message);
    else form.push(detail.message);
  }
  return { controls, form };
}
