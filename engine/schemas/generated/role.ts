/* Generated from role.schema.json by generate-types.ts: edit the schema, then run npm run gen:types. */

import type {ApiName, LocalizedText} from './common.js';

/**
 * A position in the role hierarchy (for example sales_manager above sales_rep). A user holds at most one role; a role sees the records owned by users in the roles below it, on objects that grant access through the hierarchy.
 */
export interface RoleDefinition {
  /**
   * API name of the role, unique in the tenant, e.g. sales_manager.
   */
  name: ApiName;
  label?: LocalizedText;
  /**
   * A note for admins on who holds the role.
   */
  description?: string;
  /**
   * The role directly above this one; none for a role at the top of the hierarchy.
   */
  reportsTo?: ApiName;
}
