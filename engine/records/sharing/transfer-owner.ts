import { ForbiddenError, ValidationError } from '../../errors/index.js';
import { checkNotLocked } from '../locked-record.js';
import { checkObjectRight, ownershipAccess, recordAccess, userAccess, withAccess } from '../../security/access/index.js';
import { appendAudit } from '../../audit/audit-log.js';
import { principalOf, type OperationContext } from '../../context/index.js';
import { checkVersion } from '../expected-version.js';
import { settleWrite } from '../logic/follow-change.js';
import { noteChange } from '../note-change.js';
import { writeUnitFor } from '../write-pipeline/index.js';
import { presentRecord, type RecordView, type StoredRecord } from '../../metadata/record-shape/record.js';
import { recordNotFound, recordObject } from '../record-object.js';
import { alive } from '../../metadata/record-shape/record-state.js';
import { shareIndex } from './manual-share.js';
import { inSentence, msg } from '../../i18n/message.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import { queueOwner } from '../../metadata/record-shape/queue-owner.js';
import type { Collections } from '../../store/port.js';

/**
 * Gives a record to another user: the owner, the roles above the owner and users who may modify
 * all records may transfer it, to an active user who may read the object or to a queue. Manual
 * shares end with the transfer (they were the old owner's to give), as in Salesforce.
 */
export async function transferOwner(ctx: OperationContext, objectName: string, id: string, body: unknown, expectedVersion?: number): Promise<RecordView> {
  const object = recordObject(ctx, objectName);
  checkObjectRight(ctx, object, 'edit');
  if (object.object.sharing === 'controlledByParent') {
    throw new ValidationError([{ path: '/owner', message: msg`${object.name} records belong with their ${object.object.master!.target}: transfer the ${object.object.master!.target} instead` }]);
  }
  const ownerId = await newOwner(ctx, object, body);
  const owned = await ownershipAccess(ctx, object);
  const { hidden } = userAccess(ctx.snapshot, ctx.principal).fields(object);
  const after = await writeUnitFor(ctx, async (tx) => {
    const records = tx.collection<StoredRecord>(object.collection);
    const current = await records.findOne(alive(withAccess({ _id: id }, owned)));
    if (!current) {
      const visible = await records.findOne(alive(withAccess({ _id: id }, await recordAccess(ctx, object, 'read'))), { projection: { _id: 1 } });
      if (!visible) throw recordNotFound(object, id);
      throw new ForbiddenError(msg`Only the owner of this ${inSentence(object.object.label)}, the roles above the owner and users who may modify all can transfer it.`);
    }
    checkVersion(expectedVersion, current._version);
    await checkNotLocked(tx, ctx, object, current, 'transfer');
    return writeOwner(tx, ctx, object, current, ownerId);
  });
  return presentRecord(after, undefined, hidden);
}

/**
 * The one write of a new owner, in the caller's unit of work: version up, manual shares ended (they
 * were the old owner's to give), what derives from the owner settled, the change noted and audited.
 */
export async function writeOwner(tx: Collections, ctx: OperationContext, object: CompiledObject, current: StoredRecord, owner: string): Promise<StoredRecord> {
  const records = tx.collection<StoredRecord>(object.collection);
  const transferred = await records.findOneAndUpdate(
    { _id: current._id, _version: current._version },
    {
      $set: { _owner: owner, _shares: [], ...shareIndex([]), _updatedAt: new Date().toISOString(), _updatedBy: ctx.principal.userId },
      $inc: { _version: 1 },
    },
  );
  if (!transferred) throw recordNotFound(object, current._id);
  // Formulas and roll-up filters may read the owner: what derives from it follows.
  await settleWrite(tx, ctx, object, current, transferred);
  const settled = (await records.findOne({ _id: current._id })) ?? transferred;
  await noteChange(tx, ctx, object, 'updated', current, settled);
  await appendAudit(tx, { actor: ctx.principal.userId, action: 'record.transfer', object: object.name, record: current._id, changes: { _owner: { old: current._owner, new: owner } } });
  return settled;
}

/** The owner a transfer names: `{"owner": "<user id>"}`, an active user who may read the object, or `{"queue": "<group>"}`. */
async function newOwner(ctx: OperationContext, object: CompiledObject, body: unknown): Promise<string> {
  const given = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  if (Object.keys(given).length === 1 && typeof given.queue === 'string') {
    if (!ctx.snapshot.security.groups.has(given.queue)) throw new ValidationError([{ path: '/queue', message: msg`there is no group named '${given.queue}'` }]);
    return queueOwner(given.queue);
  }
  const ownerId = given.owner;
  if (typeof ownerId !== 'string' || Object.keys(given).length !== 1) {
    throw new ValidationError([{ path: '/owner', message: msg`send {"owner": "<user id>"}: the id of the new owner, or {"queue": "<group>"}: a queue` }]);
  }
  const users = ctx.snapshot.object('user')!;
  const owner = await ctx.tenant.store.collection<StoredRecord>(users.collection).findOne(alive({ _id: ownerId }));
  if (!owner || owner.active === false) throw new ValidationError([{ path: '/owner', message: msg`there is no active user with id '${ownerId}'` }]);
  if (!userAccess(ctx.snapshot, principalOf(owner)).object(object.name).read) {
    throw new ValidationError([{ path: '/owner', message: msg`${owner.full_name as string} may not read ${inSentence(object.object.pluralLabel)}: give them a permission set that does first` }]);
  }
  return ownerId;
}
