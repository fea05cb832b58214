/* Generated from list-view.schema.json by generate-types.ts: edit the schema, then run npm run gen:types. */

import type {ApiName, LocalizedText} from './common.js';

/**
 * A saved view of an object's records: its columns, filter, sort and kanban field. Shared views are metadata an admin writes, seen by the permission sets they name; personal views are written by one user for themselves (through /api/v1/ui/views) and seen by nobody else.
 */
export interface ListViewDefinition {
  /**
   * API name of the view, unique in the tenant, e.g. open_deals. Personal views get theirs from the server.
   */
  name: ApiName;
  /**
   * API name of the object whose records the view lists.
   */
  object: ApiName;
  label?: LocalizedText;
  /**
   * A note for admins on what the view is for.
   */
  description?: string;
  /**
   * The fields shown as columns, left to right.
   *
   * @minItems 1
   * @maxItems 30
   */
  columns: [ApiName, ...ApiName[]];
  /**
   * Which records the view lists, in the API's filter language, e.g. {"stage": {"in": ["won"]}}; checked against the object's fields and operators when saved.
   */
  filter?: {};
  /**
   * Sort keys, the first first: a field name for ascending, -name for descending, as the list's sort parameter.
   *
   * @maxItems 5
   */
  sort?: string[];
  /**
   * A picklist field of the object: the view can show its records as a kanban board with a column per value.
   */
  kanbanField?: ApiName;
  /**
   * Shared views: the permission sets whose users see the view (among those who may read the object). Absent or empty: every such user.
   *
   * @maxItems 100
   */
  permissionSets?: ApiName[];
}
