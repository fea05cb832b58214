import { ForbiddenError, type EngineError } from '../errors/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import { recordAccess, withAccess, type AccessMode } from '../security/access/index.js';
import type { OperationContext } from '../context/index.js';
import { recordNotFound } from './record-object.js';
import { alive } from '../metadata/record-shape/record-state.js';
import { inSentence, msg } from '../i18n/message.js';

/**
 * Why a record could not be edited or deleted: it does not exist for the user (404, whether it is
 * missing or merely invisible to them, so ids cannot be probed) or the user sees it but may not
 * change it (403).
 */
export async function unreachableRecord(ctx: OperationContext, object: CompiledObject, id: string, mode: Exclude<AccessMode, 'read'>): Promise<EngineError> {
  const read = await recordAccess(ctx, object, 'read');
  const visible = await ctx.tenant.store.collection(object.collection).findOne(alive(withAccess({ _id: id }, read)), { projection: { _id: 1 } });
  if (!visible) return recordNotFound(object, id);
  return new ForbiddenError(
    mode === 'edit'
      ? msg`You can see this ${inSentence(object.object.label)} but not edit it: it is not yours, nor shared with you to edit.`
      : msg`Only the owner of this ${inSentence(object.object.label)}, the roles above the owner and users who may modify all ${inSentence(object.object.pluralLabel)} can delete it.`,
  );
}
