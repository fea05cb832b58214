import { ForbiddenError, NotFoundError, ValidationError } from '../../errors/index.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import { checkObjectRight, ownershipAccess, recordAccess, withAccess } from '../../security/access/index.js';
import { appendAudit } from '../../audit/audit-log.js';
import { newId } from '../../store/new-id.js';
import type { OperationContext } from '../../context/index.js';
import type { StoredRecord } from '../../metadata/record-shape/record.js';
import { recordNotFound, recordObject } from '../record-object.js';
import { alive } from '../../metadata/record-shape/record-state.js';
import { shareIndex, type ManualShare } from './manual-share.js';
import { parseShareRequest } from './share-target.js';
import { inSentence, msg } from '../../i18n/message.js';

type SharedRecord = StoredRecord & { _shares?: ManualShare[] };

/** The manual shares of a record, for anyone who may read it. */
export async function listShares(ctx: OperationContext, objectName: string, id: string): Promise<ManualShare[]> {
  const object = recordObject(ctx, objectName);
  const access = await recordAccess(ctx, object, 'read');
  const record = await ctx.tenant.store.collection<SharedRecord>(object.collection).findOne(alive(withAccess({ _id: id }, access)), { projection: { _id: 1, _shares: 1 } });
  if (!record) throw recordNotFound(object, id);
  return record._shares ?? [];
}

/**
 * Shares one record with a user, role, role and subordinates, or group, to read or edit. Sharing
 * is changing the record: it needs the edit permission on the object, and only the owner, the
 * roles above the owner and users who may modify all records share. Sharing the same grantee
 * again replaces its access.
 */
export async function addShare(ctx: OperationContext, objectName: string, id: string, body: unknown): Promise<ManualShare> {
  const object = recordObject(ctx, objectName);
  checkShareable(object);
  checkObjectRight(ctx, object, 'edit');
  const request = await parseShareRequest(ctx, body);
  const share: ManualShare = { id: newId(), to: request.to, access: request.access, by: ctx.principal.userId, at: new Date().toISOString() };
  await changeShares(ctx, object, id, (shares) => [...shares.filter((other) => other.to !== share.to), share], share);
  return share;
}

export async function removeShare(ctx: OperationContext, objectName: string, id: string, shareId: string): Promise<void> {
  const object = recordObject(ctx, objectName);
  checkShareable(object);
  checkObjectRight(ctx, object, 'edit');
  await changeShares(ctx, object, id, (shares) => {
    if (!shares.some((share) => share.id === shareId)) throw new NotFoundError(msg`This record has no share with id '${shareId}'.`);
    return shares.filter((share) => share.id !== shareId);
  });
}

function checkShareable(object: CompiledObject): void {
  const sharing = object.object.sharing;
  if (sharing === 'controlledByParent') {
    throw new ValidationError([{ path: '', message: msg`${object.name} records follow their ${object.object.master!.target}: share the ${object.object.master!.target} instead` }]);
  }
  if (sharing === 'publicReadWrite') {
    throw new ValidationError([{ path: '', message: msg`Every user with access to ${inSentence(object.object.pluralLabel)} already reads and edits every record: there is nothing to share.` }]);
  }
}

async function changeShares(
  ctx: OperationContext,
  object: CompiledObject,
  id: string,
  change: (shares: ManualShare[]) => ManualShare[],
  added?: ManualShare,
): Promise<void> {
  const owned = await ownershipAccess(ctx, object);
  await ctx.tenant.store.unitOfWork(async (tx) => {
    const records = tx.collection<SharedRecord>(object.collection);
    const record = await records.findOne(alive(withAccess({ _id: id }, owned)));
    if (!record) {
      const visible = await records.findOne(alive(withAccess({ _id: id }, await recordAccess(ctx, object, 'read'))), { projection: { _id: 1 } });
      if (!visible) throw recordNotFound(object, id);
      throw new ForbiddenError(msg`Only the owner of this ${inSentence(object.object.label)}, the roles above the owner and users who may modify all can share it.`);
    }
    const before = record._shares ?? [];
    const shares = change(before);
    await records.updateOne({ _id: id }, { $set: { _shares: shares, ...shareIndex(shares) } });
    const removed = before.filter((share) => !shares.includes(share));
    await appendAudit(tx, {
      actor: ctx.principal.userId,
      action: added ? 'record.share' : 'record.unshare',
      object: object.name,
      record: id,
      changes: { share: { old: removed[0] ? { to: removed[0].to, access: removed[0].access } : null, new: added ? { to: added.to, access: added.access } : null } },
    });
  });
}
