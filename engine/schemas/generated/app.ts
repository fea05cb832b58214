/* Generated from app.schema.json by generate-types.ts: edit the schema, then run npm run gen:types. */

import type {ApiName, Icon, LocalizedText} from './common.js';

/**
 * A tab: the list of an object's records, or a page of the web app.
 *
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "Tab".
 */
export type AppTab = ObjectTab | PageTab;

/**
 * An app: the tabs of one line of work (Sales, Procurement ...), in the web app's navigation, for the users of the permission sets it names.
 */
export interface AppDefinition {
  /**
   * API name of the app, unique in the tenant, e.g. sales.
   */
  name: ApiName;
  label?: LocalizedText;
  /**
   * A note for admins on who the app is for.
   */
  description?: string;
  /**
   * The app's icon. Default AppstoreOutlined.
   */
  icon?: Icon;
  /**
   * Where the app stands in the app switcher: lower first, then by name. Default 0.
   */
  order?: number;
  /**
   * The app's tabs in the order the navigation shows them.
   *
   * @minItems 1
   * @maxItems 30
   */
  tabs: [AppTab, ...AppTab[]];
  /**
   * The permission sets whose users see the app. Absent or empty: every user sees it.
   *
   * @maxItems 100
   */
  permissionSets?: ApiName[];
}
export interface ObjectTab {
  /**
   * The object whose records the tab lists; left out for users who may not read it.
   */
  object: ApiName;
}
export interface PageTab {
  /**
   * A path of the web app, e.g. / (home) or /approvals.
   */
  page: string;
  label?: LocalizedText;
}
