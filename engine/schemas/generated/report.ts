/* Generated from report.schema.json by generate-types.ts: edit the schema, then run npm run gen:types. */

import type {ApiName, FieldPath, LocalizedText, ReportChart} from './common.js';

/**
 * A report over one object's records: a table of records (tabular), groups with subtotals (summary, up to three levels) or a grid of row groups by column groups (matrix). Fields are named by path: a field of the object, or of a parent through lookups (account.sector, account.owner.role). Every reader sees only the records and fields their access allows.
 */
export interface ReportDefinition {
  /**
   * API name of the report, unique in the tenant, e.g. pipeline_by_stage.
   */
  name: ApiName;
  /**
   * API name of the object whose records the report reads.
   */
  object: ApiName;
  /**
   * tabular: the records as rows with their columns; summary: groups (up to three levels) with subtotals; matrix: row groups by column groups.
   */
  type: 'tabular' | 'summary' | 'matrix';
  label?: LocalizedText;
  /**
   * A note for readers on what the report shows.
   */
  description?: string;
  /**
   * Tabular reports: the fields shown as columns, left to right; parents' fields by path (account.name). Default: the object's name field.
   *
   * @maxItems 30
   */
  columns?: FieldPath[];
  /**
   * Summary reports: the group levels, outermost first (up to three). Matrix reports: the row groups (up to two).
   *
   * @maxItems 3
   */
  groupings?: ReportGrouping[];
  /**
   * Matrix reports: the column groups, outermost first (up to two).
   *
   * @maxItems 2
   */
  columnGroupings?: ReportGrouping[];
  /**
   * What each group (and the grand total) adds up. Default: the count of records.
   *
   * @maxItems 10
   */
  measures?: ReportMeasure[];
  /**
   * Which records the report reads, in the API's filter language; a date or date-time field also takes `within` with a relative period: today, yesterday, tomorrow, before_today (every day before today), after_today, this_week, last_week, next_week, this_month, last_month, next_month, this_quarter, last_quarter, next_quarter, this_year, last_year, next_year, this_fiscal_year, last_fiscal_year, next_fiscal_year, this_month_to_date and last_month_to_date (the same days of last month; also for week, quarter, year and fiscal_year), last_N_days, next_N_days (e.g. {"close_date": {"within": "last_30_days"}}).
   */
  filter?: {};
  /**
   * Tabular reports: the sort keys of the rows, a field name for ascending, -name for descending. Default: newest first.
   *
   * @maxItems 5
   */
  sort?: string[];
  /**
   * Tabular reports: at most this many rows (the totals count every record). Default 2000.
   */
  limit?: number;
  /**
   * The month the fiscal year starts in (4: April), for fiscal-year and fiscal-quarter buckets and this_fiscal_year. Default 1 (January).
   */
  fiscalYearStartMonth?: number;
  /**
   * How the report is drawn by default (the report builder's preview, a dashboard component that names no chart of its own).
   */
  chart?: ReportChart;
  /**
   * The permission sets whose users may run the report (among those who may read its object). Absent or empty: every such user.
   *
   * @maxItems 100
   */
  permissionSets?: ApiName[];
}
/**
 * This interface was referenced by `ReportDefinition`'s JSON-Schema
 * via the `definition` "Grouping".
 */
export interface ReportGrouping {
  /**
   * The field whose values make the groups.
   */
  field: FieldPath;
  /**
   * Dates and date-times: the period a value falls in (weeks are ISO weeks, from Monday), or `aging`: the days from the value to today in ranges (current, 1–30, 31–60, 61–90, over 90 by default). Required for a date-time; a date without one groups by day.
   */
  bucket?: 'day' | 'week' | 'month' | 'quarter' | 'year' | 'fiscalQuarter' | 'fiscalYear' | 'aging';
  /**
   * Aging: the last day of each range, ascending (default [30, 60, 90]: 1–30, 31–60, 61–90, over 90); a date on or after today is current.
   *
   * @minItems 1
   * @maxItems 8
   */
  agingDays?: [number, ...number[]];
  /**
   * How the groups of this level are ordered: label (picklists in their values' order, periods in time), count, or a measure as its key names it (sum:amount); a leading - for descending. Default label.
   */
  order?: string;
}
/**
 * This interface was referenced by `ReportDefinition`'s JSON-Schema
 * via the `definition` "Measure".
 */
export interface ReportMeasure {
  /**
   * count: the records; distinct: the different values of the field; sum and avg: of a number, currency or percent; min and max: of a number or a date.
   */
  aggregate: 'count' | 'distinct' | 'sum' | 'avg' | 'min' | 'max';
  /**
   * The field measured (not for count). Currency amounts add up in the corporate currency, exact to the field's scale.
   */
  field?: ApiName;
  /**
   * A roll-up through a lookup: `child_object.lookup_field` whose lookup points at this report's object; the measure then summarizes those children of each record (e.g. on accounts: sum of amount through opportunity.account).
   */
  through?: string;
  label?: LocalizedText;
}
