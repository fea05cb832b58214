/* Generated from dashboard.schema.json by generate-types.ts: edit the schema, then run npm run gen:types. */

import type {ApiName, FieldPath, LocalizedText, ReportChart} from './common.js';

/**
 * A dashboard: a grid of components, each a report drawn as a chart or a table, with filters that apply to every component whose report has the field. It can be the home page of apps or roles. Each reader sees each component with their own record access and field security.
 */
export interface DashboardDefinition {
  /**
   * API name of the dashboard, unique in the tenant, e.g. sales_overview.
   */
  name: ApiName;
  label?: LocalizedText;
  /**
   * A note for readers on what the dashboard is for.
   */
  description?: string;
  /**
   * The width of the grid in columns. Default 12.
   */
  columns?: number;
  /**
   * The components, each placed on the grid.
   *
   * @maxItems 40
   */
  components: DashboardComponent[];
  /**
   * Filters the reader chooses a value for, applied to every component whose report's object has the field.
   *
   * @maxItems 5
   */
  filters?: DashboardFilter[];
  /**
   * Where the dashboard is the home page. A role's dashboard comes before an app's.
   */
  homeFor?: {
    /**
     * Apps whose home page the dashboard is.
     *
     * @maxItems 50
     */
    apps?: ApiName[];
    /**
     * Roles whose users get the dashboard as their home page (before an app's).
     *
     * @maxItems 50
     */
    roles?: ApiName[];
  };
  /**
   * The permission sets whose users see the dashboard. Absent or empty: every user.
   *
   * @maxItems 100
   */
  permissionSets?: ApiName[];
}
/**
 * This interface was referenced by `DashboardDefinition`'s JSON-Schema
 * via the `definition` "Component".
 */
export interface DashboardComponent {
  /**
   * Names the component in the dashboard (unique in it).
   */
  key: string;
  /**
   * The report the component shows.
   */
  report: ApiName;
  title?: LocalizedText;
  /**
   * How the report is drawn here. Default: the report's own chart, else a table.
   */
  chart?: ReportChart;
  /**
   * The first column (from 0).
   */
  x: number;
  /**
   * The first row (from 0).
   */
  y: number;
  /**
   * The width in columns.
   */
  w: number;
  /**
   * The height in rows.
   */
  h: number;
}
/**
 * This interface was referenced by `DashboardDefinition`'s JSON-Schema
 * via the `definition` "Filter".
 */
export interface DashboardFilter {
  /**
   * Names the filter in a run's request.
   */
  name: ApiName;
  /**
   * The field filtered, by path from each component's object (close_date, account.sector).
   */
  field: FieldPath;
  label?: LocalizedText;
  /**
   * The condition applied when the reader chooses none, in the filter language ("won", {"in": [...]}, {"within": "this_quarter"}).
   */
  default?: {
    [k: string]: unknown;
  };
}
