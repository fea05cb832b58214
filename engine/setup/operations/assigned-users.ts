import { alive } from '../../metadata/record-shape/record-state.js';
import type { Collections } from '../../store/port.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import { byCount, msg, type Message } from '../../i18n/message.js';

/** What a user record names by API name: its role, and each of its permission sets. */
export type Assignment = { role: string } | { permissionSet: string };

/**
 * How many live users name a role or permission set: what deleting or renaming it would leave
 * pointing at nothing. Users in the recycle bin do not count: a name that no longer exists grants
 * nothing, so one restored later simply holds no role or set by that name.
 */
export async function countAssignedUsers(tx: Collections, snapshot: Snapshot, assignment: Assignment): Promise<number> {
  const users = snapshot.object('user');
  if (!users) return 0;
  // permission_sets is a list: a bare value matches a list holding it.
  const filter = 'role' in assignment ? { role: assignment.role } : { permission_sets: assignment.permissionSet };
  return tx.collection(users.collection).count(alive(filter));
}

/** "3 users", as a message, so a Chinese reader gets "3 个用户". */
export function usersPhrase(count: number): Message {
  return byCount(count, msg`${count} user`, msg`${count} users`);
}
