import { corporateAmountField } from '../../fields/index.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import { groupKey, roleAndSubordinatesKey, roleKey, userKey } from '../../metadata/security/grantee-keys.js';
import type { FieldRights, GranteeKey, ObjectRights, SystemRights } from '../../metadata/security/resolved-security.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import type { Principal } from '../../context/principal.js';

/** The fields of one object a user may read and edit; the system fields are always readable. */
export interface FieldAccess {
  readonly readable: ReadonlySet<string>;
  readonly editable: ReadonlySet<string>;
  /**
   * The object's fields the user may not read (with the values derived from them): left out of
   * every response, and unknown to filters, sorts, selections and expansions.
   */
  readonly hidden: ReadonlySet<string>;
}

/**
 * What one principal may do on one snapshot: the union of their permission sets, and the keys
 * under which records are shared with them. Computed once per user and snapshot.
 */
export interface UserAccess {
  readonly principal: Principal;
  readonly system: SystemRights;
  /** This user's role, the roles above it as "role and subordinates", their groups, themselves. */
  readonly granteeKeys: readonly GranteeKey[];
  /** Roles strictly below the user's, whose users' records the hierarchy opens to them. */
  readonly rolesBelow: readonly string[];
  object(name: string): ObjectRights;
  fields(object: CompiledObject): FieldAccess;
}

const NO_RIGHTS: ObjectRights = { create: false, read: false, edit: false, delete: false, viewAll: false, modifyAll: false };
const ALL_RIGHTS: ObjectRights = { create: true, read: true, edit: true, delete: true, viewAll: true, modifyAll: true };
const ALL_SYSTEM: SystemRights = { manageMetadata: true, manageUsers: true, viewAllData: true, modifyAllData: true, viewAuditLog: true, editLockedRecords: true };

export function userAccess(snapshot: Snapshot, principal: Principal): UserAccess {
  const key = `access:${principal.system ? 'system' : ''}:${principal.userId}:${principal.role ?? ''}:${principal.permissionSets.join(',')}`;
  return snapshot.memo(key, () => computeAccess(snapshot, principal));
}

function computeAccess(snapshot: Snapshot, principal: Principal): UserAccess {
  const security = snapshot.security;
  // Names that no longer exist grant nothing: a user keeps working when a set is removed.
  const sets = principal.permissionSets.flatMap((name) => security.permissionSets.get(name) ?? []);
  const system: SystemRights = principal.system
    ? ALL_SYSTEM
    : {
        manageMetadata: sets.some((set) => set.system.manageMetadata),
        manageUsers: sets.some((set) => set.system.manageUsers),
        viewAllData: sets.some((set) => set.system.viewAllData),
        modifyAllData: sets.some((set) => set.system.modifyAllData),
        viewAuditLog: sets.some((set) => set.system.viewAuditLog),
        editLockedRecords: sets.some((set) => set.system.editLockedRecords),
      };
  const role = principal.role ? security.roles.get(principal.role) : undefined;
  const groups = [...security.groups.values()].filter((group) => group.users.has(principal.userId) || (role !== undefined && group.roles.has(role.name)));
  const granteeKeys = [
    userKey(principal.userId),
    ...(role ? [roleKey(role.name), ...role.selfAndAbove.map(roleAndSubordinatesKey)] : []),
    ...groups.map((group) => groupKey(group.name)),
  ];
  const objectRights = new Map<string, ObjectRights>();
  const fieldAccess = new Map<string, FieldAccess>();

  const object = (name: string): ObjectRights => {
    if (system.modifyAllData) return ALL_RIGHTS;
    let rights = objectRights.get(name);
    if (!rights) {
      rights = sets.reduce<ObjectRights>((union, set) => orRights(union, set.objects.get(name) ?? NO_RIGHTS), NO_RIGHTS);
      if (system.viewAllData) rights = { ...rights, read: true, viewAll: true };
      objectRights.set(name, rights);
    }
    return rights;
  };

  const fields = (compiled: CompiledObject): FieldAccess => {
    let access = fieldAccess.get(compiled.name);
    if (!access) {
      access = computeFieldAccess(compiled, system, sets.map((set) => ({ object: set.objects.get(compiled.name) ?? NO_RIGHTS, fields: set.fields.get(compiled.name) })));
      fieldAccess.set(compiled.name, access);
    }
    return access;
  };

  return { principal, system, granteeKeys, rolesBelow: role ? [...role.below] : [], object, fields };
}

function orRights(a: ObjectRights, b: ObjectRights): ObjectRights {
  return {
    create: a.create || b.create,
    read: a.read || b.read,
    edit: a.edit || b.edit,
    delete: a.delete || b.delete,
    viewAll: a.viewAll || b.viewAll,
    modifyAll: a.modifyAll || b.modifyAll,
  };
}

/**
 * A field is readable when some set grants it: by naming it, or by granting its object without
 * naming it. View all data and modify all data see and change every field.
 */
function computeFieldAccess(
  object: CompiledObject,
  system: SystemRights,
  grants: ReadonlyArray<{ object: ObjectRights; fields: ReadonlyMap<string, FieldRights> | undefined }>,
): FieldAccess {
  const readable = new Set<string>();
  const editable = new Set<string>();
  const hidden = new Set<string>();
  for (const field of object.object.fields) {
    let read = system.viewAllData || system.modifyAllData;
    let edit = system.modifyAllData;
    for (const grant of grants) {
      const named = grant.fields?.get(field.name);
      read ||= grant.object.read && (named ? named.read : true);
      // Editable fields are those a user may fill in, on create as on edit; the object right decides which.
      edit ||= (grant.object.edit || grant.object.create) && (named ? named.edit : true);
    }
    if (read) readable.add(field.name);
    else hidden.add(field.name);
    // A hidden amount's converted twin is hidden with it.
    if (!read && field.type === 'currency') hidden.add(corporateAmountField(field.name));
    if (edit && read) editable.add(field.name);
  }
  return { readable, editable, hidden };
}
