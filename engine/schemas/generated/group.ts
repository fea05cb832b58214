/* Generated from group.schema.json by generate-types.ts: edit the schema, then run npm run gen:types. */

import type {ApiName, LocalizedText, UserId} from './common.js';

/**
 * A public group: named users, roles and roles with their subordinates, to share records with as one (for example the bid committee).
 */
export interface GroupDefinition {
  /**
   * API name of the group, unique in the tenant, e.g. bid_committee.
   */
  name: ApiName;
  label?: LocalizedText;
  description?: string;
  /**
   * Ids of user records in the group.
   *
   * @maxItems 1000
   */
  users?: UserId[];
  /**
   * Roles whose users are in the group.
   *
   * @maxItems 200
   */
  roles?: ApiName[];
  /**
   * Roles whose users, and the users of every role below them, are in the group.
   *
   * @maxItems 200
   */
  rolesAndSubordinates?: ApiName[];
}
