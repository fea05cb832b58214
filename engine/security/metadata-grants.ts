import { ForbiddenError } from '../errors/index.js';
import type { Snapshot } from '../metadata/snapshot.js';
import type { OperationContext } from '../context/index.js';
import { rightsBeyond } from './access/rights-beyond.js';
import { userAccess } from './access/user-access.js';
import { msg } from '../i18n/message.js';

/**
 * Security metadata gives rights to the users it applies to, so writing it is granting: the
 * manage-metadata right alone must not be a way to every other right. Each check compares what the
 * definition gives (in the snapshot after the change) with what the writer holds (before it).
 */

/** A permission set may grant only rights its writer holds: else editing a set one holds would mint rights. */
export function checkPermissionSetGrant(ctx: OperationContext, before: Snapshot, after: Snapshot, name: string): void {
  if (ctx.principal.system) return;
  const beyond = rightsBeyond(after, userAccess(before, ctx.principal), { userId: `permission-set:${name}`, role: null, permissionSets: [name] });
  if (beyond.length > 0) {
    throw new ForbiddenError(msg`The permission set '${name}' would grant rights you do not hold; only a user who holds them may grant them.`, [
      { path: '', message: beyond.length > 8 ? msg`grants ${beyond.slice(0, 8).join(', ')} and ${beyond.length - 8} more, which you do not hold` : msg`grants ${beyond.join(', ')}, which you do not hold` },
    ]);
  }
}

/** A sharing rule opens records of its object to read or edit: its writer must reach them all already (view all, modify all). */
export function checkSharingRuleGrant(ctx: OperationContext, before: Snapshot, object: string, access: 'read' | 'edit'): void {
  if (ctx.principal.system) return;
  const rights = userAccess(before, ctx.principal).object(object);
  const needed = access === 'read' ? 'viewAll' : 'modifyAll';
  if (!rights[needed]) {
    throw new ForbiddenError(access === 'read'
        ? msg`A sharing rule that opens ${object} records to read needs the ${needed} right on ${object} (or view all data), which you do not hold.`
        : msg`A sharing rule that opens ${object} records to edit needs the ${needed} right on ${object} (or modify all data), which you do not hold.`, [
      { path: '/access', message: msg`opens every matching ${object} record to ${access}: only a user who may ${access} them all may write it` },
    ]);
  }
}

/**
 * Roles and groups decide who reaches which records through the hierarchy and what is shared with
 * the group: only a writer who reaches every record already (modify all data) may change them.
 */
export function checkReachGrant(ctx: OperationContext, before: Snapshot, noun: string): void {
  if (ctx.principal.system || userAccess(before, ctx.principal).system.modifyAllData) return;
  throw new ForbiddenError(msg`Changing a ${noun} changes who reaches which records: it needs the modify-all-data right (an administrator), besides managing metadata.`);
}
