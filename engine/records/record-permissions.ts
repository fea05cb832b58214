import { EngineError } from '../errors/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import { checkObjectRight, ownershipAccess, recordAccess, withAccess, type RecordAccess } from '../security/access/index.js';
import { checkRecordWrite } from '../security/object-access.js';
import type { OperationContext } from '../context/index.js';
import { checkNotLocked, recordForApprover } from './locked-record.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import { recordNotFound, recordObject } from './record-object.js';
import { alive } from '../metadata/record-shape/record-state.js';
import { takeRefusal } from './sharing/take-ownership.js';
import { inSentence, msg, renderText, type Text } from '../i18n/message.js';

/** Whether the user may do one thing to the record, and if not, why (in the request's language). */
export interface Permission {
  readonly allowed: boolean;
  readonly reason?: string;
}

/** What the user may do to one record: what a record page offers, and why it withholds the rest. */
export interface RecordPermissions {
  readonly edit: Permission;
  readonly delete: Permission;
  readonly transfer: Permission;
  readonly share: Permission;
  /** Take the record out of the queue that owns it (POST …/take). */
  readonly take: Permission;
}

const ALLOWED: Permission = { allowed: true };

/**
 * The same checks the operations themselves make (update, delete, transferOwner, addShare), asked
 * without acting, so a page can hide or disable what the server would refuse and say why. The
 * operations still check for themselves: this answer is advice, never a grant.
 */
export async function recordPermissions(ctx: OperationContext, objectName: string, id: string): Promise<RecordPermissions> {
  const object = recordObject(ctx, objectName);
  const read = await recordAccess(ctx, object, 'read');
  const record = await ctx.tenant.store.collection<StoredRecord>(object.collection).findOne(alive(withAccess({ _id: id }, read)));
  if (!record) throw recordNotFound(object, id);
  const denied = (text: Text): Permission => ({ allowed: false, reason: renderText(text, ctx.language) });
  const label = inSentence(object.object.label);
  const plural = inSentence(object.object.pluralLabel);
  // The operations' own messages, so the page says what the server would answer.
  const edit = await attempt(denied, async () => {
    checkRecordWrite(ctx, object, 'edit');
    if (!(await reaches(ctx, object, id, await recordAccess(ctx, object, 'edit'))) && !(await recordForApprover(ctx.tenant.store, ctx, object, id))) return msg`You can see this ${label} but not edit it: it is not yours, nor shared with you to edit.`;
    await checkNotLocked(ctx.tenant.store, ctx, object, record, 'edit');
    return undefined;
  });
  const remove = await attempt(denied, async () => {
    checkRecordWrite(ctx, object, 'delete');
    if (!(await reaches(ctx, object, id, await recordAccess(ctx, object, 'delete')))) {
      return msg`Only the owner of this ${label}, the roles above the owner and users who may modify all ${plural} can delete it.`;
    }
    await checkNotLocked(ctx.tenant.store, ctx, object, record, 'delete');
    return undefined;
  });
  const sharing = object.object.sharing;
  const master = object.object.master?.target;
  const controls = async (): Promise<boolean> => {
    checkObjectRight(ctx, object, 'edit');
    return reaches(ctx, object, id, await ownershipAccess(ctx, object));
  };
  const transfer = await attempt(denied, async () => {
    if (sharing === 'controlledByParent') return msg`${object.name} records belong with their ${master}: transfer the ${master} instead`;
    if (!(await controls())) return msg`Only the owner of this ${label}, the roles above the owner and users who may modify all can transfer it.`;
    await checkNotLocked(ctx.tenant.store, ctx, object, record, 'transfer');
    return undefined;
  });
  const share = await attempt(denied, async () => {
    if (sharing === 'controlledByParent') return msg`${object.name} records follow their ${master}: share the ${master} instead`;
    if (sharing === 'publicReadWrite') return msg`Every user with access to ${plural} already reads and edits every record: there is nothing to share.`;
    return (await controls()) ? undefined : msg`Only the owner of this ${label}, the roles above the owner and users who may modify all can share it.`;
  });
  const take = await attempt(denied, async () => {
    checkObjectRight(ctx, object, 'edit');
    return takeRefusal(ctx, object, record)?.text;
  });
  return { edit, delete: remove, transfer, share, take };
}

/** Runs one check: a refusal it returns or throws (an engine error) becomes the reason. */
async function attempt(denied: (text: Text) => Permission, check: () => Promise<Text | undefined>): Promise<Permission> {
  try {
    const refusal = await check();
    return refusal === undefined ? ALLOWED : denied(refusal);
  } catch (error) {
    if (error instanceof EngineError && error.isPublic) return denied(error.text);
    throw error;
  }
}

async function reaches(ctx: OperationContext, object: CompiledObject, id: string, access: RecordAccess): Promise<boolean> {
  if (access === true) return true;
  return (await ctx.tenant.store.collection(object.collection).findOne(alive(withAccess({ _id: id }, access)), { projection: { _id: 1 } })) !== null;
}
