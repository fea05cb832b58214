import type { CompiledObject } from '../metadata/compiled-object.js';
import { forgetUserDirectory } from '../security/access/index.js';
import { appendAudit, changedValues } from '../audit/audit-log.js';
import { endCredentialsOfDeparted } from '../security/user-lifecycle.js';
import type { Collections } from '../store/port.js';
import type { OperationContext } from '../context/index.js';
import { writeHistory, type HistoryAction } from './history/field-history.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import { runAfterSave, type WriteKind } from './write-pipeline/index.js';
import { appendRecordChange } from './changes/index.js';

const AUDIT_ACTIONS = { created: 'record.create', updated: 'record.update', deleted: 'record.delete', restored: 'record.restore' } as const;
const WRITE_KINDS: Record<HistoryAction, WriteKind> = { created: 'create', updated: 'update', deleted: 'delete', restored: 'restore' };

/**
 * Everything a record change leaves behind besides itself, in the change's unit of work: the
 * record's field history (for tracked fields), the tenant's audit log (every write), its entry in
 * the change feed, then the
 * write path's after-save hooks, and its after-commit hooks queued for the unit's commit. Every
 * write of a record passes here once it is stored.
 */
export async function noteChange(
  tx: Collections,
  ctx: OperationContext,
  object: CompiledObject,
  action: HistoryAction,
  before: StoredRecord | null,
  after: StoredRecord,
): Promise<void> {
  await writeHistory(tx, ctx, object, action, before, after);
  if (object.name === 'user') {
    // Roles decide what managers see: the next access check reads the users again.
    forgetUserDirectory(ctx.tenant);
    await endCredentialsOfDeparted(tx, ctx.principal.userId, before, after);
  }
  const changes = action === 'created' || action === 'updated' ? changedValues(before, after) : undefined;
  await appendAudit(tx, {
    actor: ctx.principal.userId,
    action: AUDIT_ACTIONS[action],
    object: object.name,
    record: after._id,
    ...(changes ? { changes } : {}),
  });
  await appendRecordChange(tx, object, action, after);
  await runAfterSave(tx, { kind: WRITE_KINDS[action], ctx, object, before, after });
}
