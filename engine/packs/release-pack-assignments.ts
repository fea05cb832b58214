import { appendAudit } from '../audit/audit-log.js';
import type { OperationContext } from '../context/index.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import { alive } from '../metadata/record-shape/record-state.js';
import type { Snapshot } from '../metadata/snapshot.js';
import type { Collections } from '../store/port.js';
import type { PackItem } from './pack-items.js';

/**
 * A forced uninstall takes the pack's roles and permission sets from the users who hold them (its
 * demo users, or the tenant's own people it was given to) before they go: otherwise deleting them is
 * refused while assigned, and force would not be force. Each user changed is audited with the
 * assignments it lost; a user keeps every other permission set, and a role not of the pack.
 */
export async function releasePackAssignments(tx: Collections, ctx: OperationContext, current: Snapshot, items: readonly PackItem[]): Promise<void> {
  const users = current.object('user');
  const roles = new Set(items.filter((item) => item.kind === 'role').map((item) => item.name));
  const sets = new Set(items.filter((item) => item.kind === 'permissionSet').map((item) => item.name));
  if (!users || (roles.size === 0 && sets.size === 0)) return;
  const records = tx.collection<StoredRecord>(users.collection);
  const holders = await records.find(alive({ $or: [{ role: { $in: [...roles] } }, { permission_sets: { $in: [...sets] } }] }));
  for (const user of holders) {
    const held = Array.isArray(user.permission_sets) ? (user.permission_sets as string[]) : [];
    const kept = held.filter((name) => !sets.has(name));
    const losesRole = typeof user.role === 'string' && roles.has(user.role);
    await records.updateOne(
      { _id: user._id },
      {
        ...(kept.length !== held.length ? { $set: { permission_sets: kept } } : {}),
        ...(losesRole ? { $unset: { role: '' } } : {}),
        $inc: { _version: 1 },
      },
    );
    await appendAudit(tx, {
      actor: ctx.principal.userId,
      action: 'record.update',
      object: 'user',
      record: user._id,
      changes: {
        ...(kept.length !== held.length ? { permission_sets: { old: held, new: kept } } : {}),
        ...(losesRole ? { role: { old: user.role, new: null } } : {}),
      },
    });
  }
}
