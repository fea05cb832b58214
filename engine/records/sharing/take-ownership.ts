import { ConflictError, ForbiddenError } from '../../errors/index.js';
import { inSentence, msg, type Text } from '../../i18n/message.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import { groupKey } from '../../metadata/security/grantee-keys.js';
import { queueOf } from '../../metadata/record-shape/queue-owner.js';
import { presentRecord, type RecordView, type StoredRecord } from '../../metadata/record-shape/record.js';
import { alive } from '../../metadata/record-shape/record-state.js';
import { checkObjectRight, recordAccess, userAccess, withAccess } from '../../security/access/index.js';
import type { OperationContext } from '../../context/index.js';
import { checkVersion } from '../expected-version.js';
import { checkNotLocked } from '../locked-record.js';
import { recordNotFound, recordObject } from '../record-object.js';
import { writeUnitFor } from '../write-pipeline/index.js';
import { writeOwner } from './transfer-owner.js';

/**
 * Why the user may not take a record out of its queue (undefined: they may): only a record a queue
 * owns can be taken, by a member of that queue or a user who may modify all of the object's records.
 */
export function takeRefusal(ctx: OperationContext, object: CompiledObject, record: StoredRecord): { code: 'not_in_queue' | 'forbidden'; text: Text } | undefined {
  const queue = queueOf(record._owner);
  const label = inSentence(object.object.label);
  if (queue === null) return { code: 'not_in_queue', text: msg`This ${label} is not in a queue: a user owns it. Its owner can transfer it.` };
  const access = userAccess(ctx.snapshot, ctx.principal);
  if (ctx.principal.system || access.object(object.name).modifyAll || access.granteeKeys.includes(groupKey(queue))) return undefined;
  const group = ctx.snapshot.security.groups.get(queue);
  return { code: 'forbidden', text: msg`Only the members of the queue '${group?.label ?? queue}' can take this ${label}.` };
}

/**
 * POST …/take: a member of the queue that owns a record takes it, becoming its owner (the write of
 * a transfer: version up, manual shares ended, history and audit). Two members taking one record at
 * once: the second finds it owned by the first, 409.
 */
export async function takeOwnership(ctx: OperationContext, objectName: string, id: string, expectedVersion?: number): Promise<RecordView> {
  const object = recordObject(ctx, objectName);
  checkObjectRight(ctx, object, 'edit');
  const read = await recordAccess(ctx, object, 'read');
  const { hidden } = userAccess(ctx.snapshot, ctx.principal).fields(object);
  const after = await writeUnitFor(ctx, async (tx) => {
    const current = await tx.collection<StoredRecord>(object.collection).findOne(alive(withAccess({ _id: id }, read)));
    if (!current) throw recordNotFound(object, id);
    checkVersion(expectedVersion, current._version);
    const refusal = takeRefusal(ctx, object, current);
    if (refusal?.code === 'not_in_queue') throw new ConflictError('not_in_queue', refusal.text);
    if (refusal) throw new ForbiddenError(refusal.text);
    await checkNotLocked(tx, ctx, object, current, 'transfer');
    return writeOwner(tx, ctx, object, current, ctx.principal.userId);
  });
  return presentRecord(after, undefined, hidden);
}
