import { ForbiddenError } from '../errors/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import type { SystemRights } from '../metadata/security/resolved-security.js';
import type { OperationContext } from '../context/index.js';
import { checkObjectRight } from './access/record-access.js';
import { userAccess } from './access/user-access.js';
import { inSentence, msg, type Text } from '../i18n/message.js';

export type RecordOperation = 'create' | 'edit' | 'delete';

/** Objects whose records grant power: writing them needs a setup right besides the object permission. */
const GUARDED_WRITES: Readonly<Record<string, keyof SystemRights>> = { user: 'manageUsers' };

/**
 * The object-level check of a write: the object permission, and for users the right to manage
 * users, since editing a user record assigns roles and permission sets.
 */
export function checkRecordWrite(ctx: OperationContext, object: CompiledObject, operation: RecordOperation): void {
  const guard = GUARDED_WRITES[object.name];
  if (guard) checkSystemRight(ctx, guard, msg`Only users who may manage users can ${operation} ${inSentence(object.object.pluralLabel)}.`);
  checkObjectRight(ctx, object, operation);
}

/** Metadata is the setup of the whole tenant: changing it needs the manage-metadata right. */
export function checkSetupRight(ctx: OperationContext): void {
  checkSystemRight(ctx, 'manageMetadata', msg`Only users who may manage metadata (administrators) can change it.`);
}

export function hasSystemRight(ctx: OperationContext, right: keyof SystemRights): boolean {
  return ctx.principal.system === true || userAccess(ctx.snapshot, ctx.principal).system[right];
}

export function checkSystemRight(ctx: OperationContext, right: keyof SystemRights, message: Text): void {
  if (!hasSystemRight(ctx, right)) throw new ForbiddenError(message);
}
