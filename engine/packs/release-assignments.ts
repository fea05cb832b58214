import type { OperationContext } from '../context/index.js';
import { alive } from '../metadata/record-shape/record-state.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import { changeRecord } from '../records/update-record.js';
import type { Collections } from '../store/port.js';
import type { PackItem } from './pack-items.js';

/**
 * Before a forced uninstall deletes a pack's roles and permission sets, the users who hold them
 * (the demo users the pack made, or people an admin gave them) let go of them: the role is cleared
 * and the sets leave their `permission_sets`, each a change of the user record through the write
 * path (history, audit), in the uninstall's unit of work. Without force, the deletion is refused
 * while users hold them, as any deletion of a role or set is.
 */
export async function releaseAssignments(tx: Collections, ctx: OperationContext, items: readonly PackItem[]): Promise<void> {
  const users = ctx.snapshot.object('user');
  const roles = items.filter((item) => item.kind === 'role').map((item) => item.name);
  const sets = items.filter((item) => item.kind === 'permissionSet').map((item) => item.name);
  if (!users || (roles.length === 0 && sets.length === 0)) return;
  const holders = await tx.collection<StoredRecord>(users.collection).find(alive({ $or: [{ role: { $in: roles } }, { permission_sets: { $in: sets } }] }));
  for (const user of holders) {
    const kept = Array.isArray(user.permission_sets) ? user.permission_sets.filter((set) => !sets.includes(set as string)) : undefined;
    const values = kept && kept.length !== (user.permission_sets as unknown[]).length ? { permission_sets: kept } : {};
    const cleared = roles.includes(user.role as string) ? ['role'] : [];
    await changeRecord(tx, ctx, users, user._id, { values, cleared, readOnly: [] }, { access: true });
  }
}
