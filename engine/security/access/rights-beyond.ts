import type { ObjectRights, SystemRights } from '../../metadata/security/resolved-security.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import type { Principal } from '../../context/principal.js';
import { userAccess, type UserAccess } from './user-access.js';
import { msg } from '../../i18n/message.js';

const SYSTEM_RIGHTS: readonly (keyof SystemRights)[] = ['manageMetadata', 'manageUsers', 'viewAllData', 'modifyAllData', 'viewAuditLog', 'editLockedRecords'];
const OBJECT_RIGHTS: readonly (keyof ObjectRights)[] = ['create', 'read', 'edit', 'delete', 'viewAll', 'modifyAll'];

/**
 * What `other` could do that `holder` cannot, each as a short phrase ("the modifyAllData right",
 * "edit on deal", "reading deal.margin", "the role sales_director"); empty when everything
 * `other` holds is within what `holder` holds. Rights are compared after their implications (the
 * same union of permission sets every access check uses), so a set that grants a subset of what
 * the holder has is within, even when the holder never held that set by name.
 */
export function rightsBeyond(snapshot: Snapshot, holder: UserAccess, other: Principal): string[] {
  if (holder.principal.system) return [];
  const theirs = userAccess(snapshot, other);
  const beyond: string[] = [];
  for (const right of SYSTEM_RIGHTS) if (theirs.system[right] && !holder.system[right]) beyond.push(`the ${right} right`);
  for (const object of snapshot.objects.values()) {
    const mine = holder.object(object.name);
    const granted = theirs.object(object.name);
    for (const right of OBJECT_RIGHTS) if (granted[right] && !mine[right]) beyond.push(`${right} on ${object.name}`);
    const myFields = holder.fields(object);
    const grantedFields = theirs.fields(object);
    for (const field of grantedFields.readable) if (!myFields.readable.has(field)) beyond.push(`reading ${object.name}.${field}`);
    for (const field of grantedFields.editable) if (!myFields.editable.has(field) && myFields.readable.has(field)) beyond.push(`editing ${object.name}.${field}`);
  }
  if (other.role !== null && !roleWithin(holder, other.role)) beyond.push(`the role ${other.role}`);
  return beyond;
}

/**
 * A role opens the records owned in the roles below it (to read, edit and delete): the holder's own
 * role and the roles below it open nothing the holder cannot reach already, and modify all data
 * reaches every record whatever the role. Any other role would open more.
 */
export function roleWithin(holder: UserAccess, role: string): boolean {
  return holder.principal.system === true || holder.system.modifyAllData || role === holder.principal.role || holder.rolesBelow.includes(role);
}
