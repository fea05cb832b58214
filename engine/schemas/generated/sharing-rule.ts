/* Generated from sharing-rule.schema.json by generate-types.ts: edit the schema, then run npm run gen:types. */

import type {ApiName, LocalizedText} from './common.js';

/**
 * Opens records of an object beyond its org-wide default: the records matching a criterion, or owned by the users of a role or group, are shared with a role, a role and its subordinates, or a group, to read or to read and edit.
 */
export type SharingRuleDefinition = {
  /**
   * API name of the rule, unique in the tenant.
   */
  name: ApiName;
  label?: LocalizedText;
  description?: string;
  /**
   * The object whose records the rule shares. Detail objects of a master-detail cannot have rules: their access follows the master.
   */
  object: ApiName;
  /**
   * The records shared, in the API's filter language (e.g. {"region": "APAC"}), or "all" to share every record of the object. An empty condition ({} or {"and": [{}]}) is refused: it would share everything without saying so. Give either criteria or ownedBy.
   */
  criteria?: {} | 'all';
  /**
   * The records shared are those owned by the users of this role, role and subordinates, or group.
   */
  ownedBy?: Grantee;
  /**
   * Who gets the access.
   */
  sharedWith: Grantee;
  /**
   * read: see the records; edit: see and change them (deleting stays with the owner).
   */
  access: 'read' | 'edit';
} & {
  [k: string]: unknown;
};
/**
 * Exactly one of: a role, a role and every role below it, or a group.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "Grantee".
 */
export type Grantee =
  | {
      role: ApiName;
    }
  | {
      roleAndSubordinates: ApiName;
    }
  | {
      group: ApiName;
    };
