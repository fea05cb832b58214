import type { Omitted } from './readable-report.js';
import type { Figures } from './figures.js';
import type { TreeNode } from './group-cube.js';
import type { ReportChart } from '../schemas/generated/common.js';
import type { ReportDefinition } from '../schemas/generated/report.js';
import type { Bucket } from '../metadata/reports/report-parts.js';
import type { ValueType } from '../metadata/reports/report-field.js';

/** A grouping level or a tabular column as a result describes it, in the reader's language. */
export interface LevelInfo {
  /** The path with its bucket (close_date:month): how cells and drill-downs name the level. */
  readonly key: string;
  readonly label: string;
  /** The snapshot's type of the field at the end of the path. */
  readonly type: ValueType;
  readonly bucket?: Bucket;
}

export interface MeasureInfo {
  /** count, sum:amount ...: how `values` name the measure. */
  readonly key: string;
  readonly label: string;
  readonly aggregate: string;
  /** The figure's type: number for counts, the field's type otherwise (currency, date ...). */
  readonly type: ValueType;
  /** The decimals the figure is exact to. */
  readonly scale: number;
  /** Money: the ISO code of the currency the figures are in (the corporate one). */
  readonly currency?: string | null;
}

export type GroupNode = TreeNode<Figures>;

/** One record of a tabular report: its id, each column's value, and how lookups and picklists read. */
export interface TabularRow {
  readonly _id: string;
  readonly values: Record<string, unknown>;
  readonly labels: Record<string, string>;
}

/** What running a report answers. */
export interface ReportResult {
  readonly report: { name: string; label: string; type: ReportDefinition['type']; object: string };
  readonly groupings: readonly LevelInfo[];
  readonly columnGroupings: readonly LevelInfo[];
  /** Tabular: the columns. */
  readonly columns: readonly LevelInfo[];
  readonly measures: readonly MeasureInfo[];
  /** Measures and columns left out because the reader may not read their fields. */
  readonly omitted: readonly Omitted[];
  /** Summary: the groups of the first level, each with its subtotal and the next level's groups. Matrix: the row groups. */
  readonly groups: readonly GroupNode[];
  /** Matrix: the column groups with their totals. */
  readonly columnGroups: readonly GroupNode[];
  /** Matrix: every row group (of any level) by every column group (of any level). */
  readonly cells: readonly { row: readonly unknown[]; column: readonly unknown[]; values: Figures }[];
  /** Tabular: the records. */
  readonly rows: readonly TabularRow[];
  readonly total: Figures;
  /** More groups or rows exist than were returned. */
  readonly truncated: boolean;
  readonly chart?: ReportChart;
  /** The day relative periods and aging were measured from. */
  readonly today: string;
}
