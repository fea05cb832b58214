import type { OperationContext } from '../context/index.js';
import { alive } from '../metadata/record-shape/record-state.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import { applyRecordChange } from '../records/apply-record-change.js';
import { validateChange } from '../records/validate-values.js';
import type { Collections } from '../store/port.js';
import type { PackItem } from './pack-items.js';

/**
 * A forced uninstall takes the pack's roles and permission sets from the users who hold them
 * (its demo users, or people the admin gave them), so that they can go with the pack instead of
 * refusing it: each user is changed through the record write path, as an admin's edit of the user
 * would be (history, audit), in the uninstall's unit of work. Their other permission sets stay.
 */
export async function releasePackAssignments(tx: Collections, ctx: OperationContext, removed: readonly PackItem[]): Promise<void> {
  const roles = new Set(removed.filter((item) => item.kind === 'role').map((item) => item.name));
  const sets = new Set(removed.filter((item) => item.kind === 'permissionSet').map((item) => item.name));
  if (roles.size === 0 && sets.size === 0) return;
  const users = ctx.snapshot.object('user')!;
  // Users are few next to records: read them all rather than lean on array matching in the store.
  for (const user of await tx.collection<StoredRecord>(users.collection).find(alive({}))) {
    const held = Array.isArray(user.permission_sets) ? (user.permission_sets as unknown[]) : [];
    const kept = held.filter((set) => typeof set !== 'string' || !sets.has(set));
    const changes: Record<string, unknown> = {};
    if (typeof user.role === 'string' && roles.has(user.role)) changes.role = null;
    if (kept.length !== held.length) changes.permission_sets = kept;
    if (Object.keys(changes).length > 0) await applyRecordChange(tx, ctx, users, user, validateChange(users, changes), { madeBy: 'user' });
  }
}
