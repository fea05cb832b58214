import type { StoredRecord } from '../metadata/record-shape/record.js';
import { alive } from '../metadata/record-shape/record-state.js';
import { fieldAccess, recordAccess, userAccess, withAccess } from '../security/access/index.js';
import type { OperationContext } from '../context/index.js';

/** Names the history uses for what is not a user: the engine's timers and an administrator acting for every approver. */
const NOT_USERS = new Set(['system', 'approvers']);

/**
 * The full names of the users an approval mentions (approvers, submitter, actors), as far as the
 * caller may read them through the user object: the same object and field rights and record
 * access as a list of users. Ids the caller may not read stay out, so a client shows the id.
 */
export async function userNames(ctx: OperationContext, ids: Iterable<string | null | undefined>): Promise<Record<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => typeof id === 'string' && !NOT_USERS.has(id)))];
  const users = ctx.snapshot.object('user');
  if (wanted.length === 0 || !users) return {};
  if (!ctx.principal.system && !userAccess(ctx.snapshot, ctx.principal).object(users.name).read) return {};
  if (!fieldAccess(ctx, users).readable.has('full_name')) return {};
  const access = await recordAccess(ctx, users, 'read');
  const found = await ctx.tenant.store.collection<StoredRecord>(users.collection).find(alive(withAccess({ _id: { $in: wanted } }, access)), { projection: { _id: 1, full_name: 1 } });
  return Object.fromEntries(found.filter((user) => typeof user.full_name === 'string').map((user) => [user._id, user.full_name as string]));
}
