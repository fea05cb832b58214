import { ForbiddenError, ValidationError } from '../../errors/index.js';
import { checkNotLocked } from '../locked-record.js';
import { checkObjectRight, ownershipAccess, recordAccess, userAccess, withAccess } from '../../security/access/index.js';
import { appendAudit } from '../../audit/audit-log.js';
import { principalOf, type OperationContext } from '../../context/index.js';
import { checkVersion } from '../expected-version.js';
import { settleWrite } from '../logic/follow-change.js';
import { noteChange } from '../note-change.js';
import { writeUnit } from '../write-pipeline/index.js';
import { presentRecord, type RecordView, type StoredRecord } from '../../metadata/record-shape/record.js';
import { recordNotFound, recordObject } from '../record-object.js';
import { alive } from '../../metadata/record-shape/record-state.js';
import { shareIndex } from './manual-share.js';
import { inSentence, msg } from '../../i18n/message.js';

/**
 * Gives a record to another user: the owner, the roles above the owner and users who may modify
 * all records may transfer it, to an active user who may read the object. Manual shares end with
 * the transfer (they were the old owner's to give), as in Salesforce.
 */
export async function transferOwner(ctx: OperationContext, objectName: string, id: string, body: unknown, expectedVersion?: number): Promise<RecordView> {
  const object = recordObject(ctx, objectName);
  checkObjectRight(ctx, object, 'edit');
  if (object.object.sharing === 'controlledByParent') {
    throw new ValidationError([{ path: '/owner', message: msg`${object.name} records belong with their ${object.object.master!.target}: transfer the ${object.object.master!.target} instead` }]);
  }
  const ownerId = (body as { owner?: unknown } | null)?.owner;
  if (body === null || typeof body !== 'object' || Array.isArray(body) || typeof ownerId !== 'string' || Object.keys(body).length !== 1) {
    throw new ValidationError([{ path: '/owner', message: msg`send {"owner": "<user id>"}: the id of the new owner` }]);
  }
  const users = ctx.snapshot.object('user')!;
  const owner = await ctx.tenant.store.collection<StoredRecord>(users.collection).findOne(alive({ _id: ownerId }));
  if (!owner || owner.active === false) throw new ValidationError([{ path: '/owner', message: msg`there is no active user with id '${ownerId}'` }]);
  if (!userAccess(ctx.snapshot, principalOf(owner)).object(object.name).read) {
    throw new ValidationError([{ path: '/owner', message: msg`${owner.full_name as string} may not read ${inSentence(object.object.pluralLabel)}: give them a permission set that does first` }]);
  }
  const owned = await ownershipAccess(ctx, object);
  const { hidden } = userAccess(ctx.snapshot, ctx.principal).fields(object);
  const after = await writeUnit(ctx.tenant.store, async (tx) => {
    const records = tx.collection<StoredRecord>(object.collection);
    const current = await records.findOne(alive(withAccess({ _id: id }, owned)));
    if (!current) {
      const visible = await records.findOne(alive(withAccess({ _id: id }, await recordAccess(ctx, object, 'read'))), { projection: { _id: 1 } });
      if (!visible) throw recordNotFound(object, id);
      throw new ForbiddenError(msg`Only the owner of this ${inSentence(object.object.label)}, the roles above the owner and users who may modify all can transfer it.`);
    }
    checkVersion(expectedVersion, current._version);
    await checkNotLocked(tx, ctx, object, current, 'transfer');
    const transferred = await records.findOneAndUpdate(
      { _id: id, _version: current._version },
      {
        $set: { _owner: ownerId, _shares: [], ...shareIndex([]), _updatedAt: new Date().toISOString(), _updatedBy: ctx.principal.userId },
        $inc: { _version: 1 },
      },
    );
    if (!transferred) throw recordNotFound(object, id);
    // Formulas and roll-up filters may read the owner: what derives from it follows.
    await settleWrite(tx, ctx, object, current, transferred);
    const settled = (await records.findOne({ _id: id })) ?? transferred;
    await noteChange(tx, ctx, object, 'updated', current, settled);
    await appendAudit(tx, { actor: ctx.principal.userId, action: 'record.transfer', object: object.name, record: id, changes: { _owner: { old: current._owner, new: ownerId } } });
    return settled;
  });
  return presentRecord(after, undefined, hidden);
}
