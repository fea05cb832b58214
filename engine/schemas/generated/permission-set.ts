/* Generated from permission-set.schema.json by generate-types.ts: edit the schema, then run npm run gen:types. */

import type {ApiName, LocalizedText} from './common.js';

/**
 * What the users it is assigned to may do: per object create, read, edit, delete, view all and modify all; per field read and edit; and setup rights. A user's permissions are the union of their permission sets: a set only ever grants.
 */
export interface PermissionSetDefinition {
  /**
   * API name of the permission set, unique in the tenant, e.g. sales_user.
   */
  name: ApiName;
  label?: LocalizedText;
  description?: string;
  system?: SystemPermissions;
  /**
   * Object permissions, by object API name. An object not named here is neither readable nor writable through this set.
   */
  objects?: {
    [k: string]: ObjectPermissions;
  };
  /**
   * Field permissions, by object then field API name. A field not named here follows its object's permissions (read with read, edit with edit); naming one narrows it for this set.
   */
  fields?: {
    [k: string]: {
      [k: string]: FieldPermissions;
    };
  };
}
/**
 * Rights over the whole tenant. Each defaults to false.
 *
 * This interface was referenced by `PermissionSetDefinition`'s JSON-Schema
 * via the `definition` "SystemPermissions".
 */
export interface SystemPermissions {
  /**
   * Define objects, fields, layouts, roles, permission sets, groups and sharing rules.
   */
  manageMetadata?: boolean;
  /**
   * Create and change users, assign roles and permission sets, set passwords.
   */
  manageUsers?: boolean;
  /**
   * Read every record of every object, whatever its sharing.
   */
  viewAllData?: boolean;
  /**
   * Read, create, edit and delete every record of every object, whatever its sharing.
   */
  modifyAllData?: boolean;
  /**
   * Read the tenant's audit log.
   */
  viewAuditLog?: boolean;
  /**
   * Edit and delete records an approval process locked (with the object and record rights to edit them), as modify all does.
   */
  editLockedRecords?: boolean;
}
/**
 * Each defaults to false. Edit implies read; delete implies edit; modify all implies view all and every other right; view all implies read.
 *
 * This interface was referenced by `PermissionSetDefinition`'s JSON-Schema
 * via the `definition` "ObjectPermissions".
 */
export interface ObjectPermissions {
  /**
   * Create records (the creator owns them).
   */
  create?: boolean;
  /**
   * Read the records the sharing model gives access to.
   */
  read?: boolean;
  /**
   * Edit the records the sharing model gives edit access to.
   */
  edit?: boolean;
  /**
   * Delete the records one owns (or owned by users in the roles below).
   */
  delete?: boolean;
  /**
   * Read every record of the object, whatever its sharing.
   */
  viewAll?: boolean;
  /**
   * Read, edit, delete and transfer every record of the object, whatever its sharing.
   */
  modifyAll?: boolean;
}
/**
 * Each defaults to false. Edit implies read.
 *
 * This interface was referenced by `PermissionSetDefinition`'s JSON-Schema
 * via the `definition` "FieldPermissions".
 */
export interface FieldPermissions {
  read?: boolean;
  edit?: boolean;
}
