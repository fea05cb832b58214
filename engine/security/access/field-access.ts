import type { CompiledObject } from '../../metadata/compiled-object.js';
import type { OperationContext } from '../../context/operation-context.js';
import { userAccess, type FieldAccess } from './user-access.js';

/** The fields of an object the operation's principal may read and edit. */
export function fieldAccess(ctx: Pick<OperationContext, 'snapshot' | 'principal'>, object: CompiledObject): FieldAccess {
  return userAccess(ctx.snapshot, ctx.principal).fields(object);
}
