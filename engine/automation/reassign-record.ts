import type { OperationContext } from '../context/index.js';
import { ConflictError } from '../errors/index.js';
import { inSentence, msg } from '../i18n/message.js';
import { presentRecord, type RecordView, type StoredRecord } from '../metadata/record-shape/record.js';
import { alive } from '../metadata/record-shape/record-state.js';
import { checkVersion } from '../records/expected-version.js';
import { checkNotLocked } from '../records/locked-record.js';
import { recordObject } from '../records/record-object.js';
import { writeOwner } from '../records/sharing/transfer-owner.js';
import { unreachableRecord } from '../records/unreachable-record.js';
import { writeUnitFor } from '../records/write-pipeline/index.js';
import { fieldAccess, recordAccess, withAccess } from '../security/access/index.js';
import { assignedOwner } from './assign-owner.js';

/**
 * POST …/assign: the object's assignment rules run again on the record as it stands (a case whose
 * region changed goes to the other team), for anyone who may edit it; the owner they give is
 * written as a transfer. 409 when no entry matches.
 */
export async function reassignRecord(ctx: OperationContext, objectName: string, id: string, expectedVersion?: number): Promise<RecordView> {
  const object = recordObject(ctx, objectName);
  const access = await recordAccess(ctx, object, 'edit');
  const { hidden } = fieldAccess(ctx, object);
  const after = await writeUnitFor(ctx, async (tx) => {
    const current = await tx.collection<StoredRecord>(object.collection).findOne(alive(withAccess({ _id: id }, access)));
    if (!current) throw await unreachableRecord(ctx, object, id, 'edit');
    checkVersion(expectedVersion, current._version);
    await checkNotLocked(tx, ctx, object, current, 'transfer');
    const owner = await assignedOwner(tx, ctx, object, current);
    if (owner === null) throw new ConflictError('no_assignment', msg`No assignment rule of ${inSentence(object.object.pluralLabel)} matches this ${inSentence(object.object.label)}: its owner stays as it is.`);
    return owner === current._owner ? current : writeOwner(tx, ctx, object, current, owner);
  });
  return presentRecord(after, undefined, hidden);
}
