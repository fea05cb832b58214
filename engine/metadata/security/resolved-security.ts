import type { Labels } from '../../fields/index.js';
import type { Filter } from '../../store/port.js';
import type { GroupDefinition } from '../../schemas/generated/group.js';
import type { PermissionSetDefinition } from '../../schemas/generated/permission-set.js';
import type { RoleDefinition } from '../../schemas/generated/role.js';
import type { SharingRuleDefinition } from '../../schemas/generated/sharing-rule.js';

export interface ResolvedRole {
  readonly definition: RoleDefinition;
  readonly name: string;
  readonly label: Labels;
  readonly reportsTo: string | null;
  /** This role and every role above it, nearest first. */
  readonly selfAndAbove: readonly string[];
  /** Every role below this one, at any depth. */
  readonly below: ReadonlySet<string>;
}

export interface ResolvedGroup {
  readonly definition: GroupDefinition;
  readonly name: string;
  readonly label: Labels;
  readonly users: ReadonlySet<string>;
  /** The roles whose users are members: the named ones, and the subordinates of rolesAndSubordinates. */
  readonly roles: ReadonlySet<string>;
}

export interface ObjectRights {
  readonly create: boolean;
  readonly read: boolean;
  readonly edit: boolean;
  readonly delete: boolean;
  readonly viewAll: boolean;
  readonly modifyAll: boolean;
}

export interface FieldRights {
  readonly read: boolean;
  readonly edit: boolean;
}

export interface SystemRights {
  readonly manageMetadata: boolean;
  readonly manageUsers: boolean;
  readonly viewAllData: boolean;
  readonly modifyAllData: boolean;
  readonly viewAuditLog: boolean;
  /** Edit and delete records an approval process locked; implied by modifyAllData. */
  readonly editLockedRecords: boolean;
}

/** A permission set with its implications made explicit (edit implies read, modify all implies everything ...). */
export interface ResolvedPermissionSet {
  readonly definition: PermissionSetDefinition;
  readonly name: string;
  readonly label: Labels;
  readonly system: SystemRights;
  readonly objects: ReadonlyMap<string, ObjectRights>;
  /** Per object, the fields this set names; the others follow the object's rights. */
  readonly fields: ReadonlyMap<string, ReadonlyMap<string, FieldRights>>;
}

/**
 * Who receives access, as a key that shares on records and principals both carry: `r:<role>`,
 * `rs:<role>` (the role and those below it), `g:<group>`, `u:<user id>`.
 */
export type GranteeKey = string;

export interface ResolvedSharingRule {
  readonly definition: SharingRuleDefinition;
  readonly name: string;
  readonly object: string;
  /** The shared records by criterion, compiled to a store filter. */
  readonly criteria: Filter | null;
  /** The shared records by owner: the grantee whose users' records are shared. */
  readonly ownedBy: GranteeKey | null;
  readonly sharedWith: GranteeKey;
  readonly access: 'read' | 'edit';
}

/** Roles, groups, permission sets and sharing rules of a tenant, resolved and cross-checked. */
export interface SecurityModel {
  readonly roles: ReadonlyMap<string, ResolvedRole>;
  readonly groups: ReadonlyMap<string, ResolvedGroup>;
  readonly permissionSets: ReadonlyMap<string, ResolvedPermissionSet>;
  readonly sharingRules: ReadonlyMap<string, ResolvedSharingRule>;
  /** The sharing rules of one object. */
  rulesOf(object: string): readonly ResolvedSharingRule[];
}

export const EMPTY_SECURITY: SecurityModel = {
  roles: new Map(),
  groups: new Map(),
  permissionSets: new Map(),
  sharingRules: new Map(),
  rulesOf: () => [],
};
