import { ConflictError } from '../errors/index.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import { alive } from '../metadata/record-shape/record-state.js';
import { groupMembers, userDirectory } from '../security/access/index.js';
import type { Collections } from '../store/port.js';
import type { OperationContext } from '../context/index.js';
import type { CompiledStep } from '../metadata/approval-processes/compiled-process.js';
import { msg } from '../i18n/message.js';

/**
 * The active users a step asks, from its approver rules at the moment the step begins: a user,
 * the users of a role, the submitter's manager, the user a field of the record names, the members
 * of a group. A step nobody can approve is refused (409) rather than left waiting for ever.
 */
export async function resolveApprovers(
  tx: Collections,
  ctx: OperationContext,
  step: CompiledStep,
  record: StoredRecord,
  submitter: string,
): Promise<string[]> {
  const users = ctx.snapshot.object('user')!;
  const userRecord = (id: unknown) =>
    typeof id === 'string' ? tx.collection<StoredRecord>(users.collection).findOne(alive({ _id: id }), { projection: { _id: 1, active: 1, manager: 1 } }) : Promise.resolve(null);
  const directory = await userDirectory(ctx.tenant);
  const candidates: string[] = [];
  for (const approver of step.definition.approvers) {
    if ('user' in approver) candidates.push(approver.user);
    else if ('role' in approver) candidates.push(...directory.usersInRole(approver.role));
    else if ('submitterManager' in approver) {
      const manager = (await userRecord(submitter))?.manager;
      if (typeof manager === 'string') candidates.push(manager);
    } else if ('field' in approver) {
      if (typeof record[approver.field] === 'string') candidates.push(record[approver.field] as string);
    } else {
      candidates.push(...groupMembers(ctx.snapshot.security.groups.get(approver.queue), directory));
    }
  }
  const active: string[] = [];
  for (const id of new Set(candidates)) {
    const user = await userRecord(id);
    if (user && user.active !== false) active.push(id);
  }
  if (active.length === 0) {
    throw new ConflictError('no_approver', msg`Step '${step.name}' has no active user to approve it: check its approvers (a role without users, a submitter without a manager, an empty field).`);
  }
  return active;
}
