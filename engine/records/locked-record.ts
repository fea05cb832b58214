import { ConflictError } from '../errors/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import { userAccess } from '../security/access/index.js';
import type { OperationContext } from '../tenancy/index.js';
import type { StoredRecord } from './record.js';
import { inSentence, msg } from '../i18n/message.js';

/**
 * A record pending approval under a process that locks it takes no edits and cannot be deleted,
 * but by those who may modify all records of its object (and the engine's own actions).
 */
export function checkNotLocked(ctx: OperationContext, object: CompiledObject, record: StoredRecord): void {
  if (record._locked !== true || ctx.principal.system) return;
  if (userAccess(ctx.snapshot, ctx.principal).object(object.name).modifyAll) return;
  throw new ConflictError('record_locked', msg`This ${inSentence(object.object.label)} is locked while it is pending approval: recall it, or wait for the decision.`);
}
