import type { CompiledObject } from '../../metadata/compiled-object.js';
import { userAccess } from '../../security/access/index.js';
import type { Filter } from '../../store/port.js';
import type { OperationContext } from '../../context/index.js';

/**
 * Whose deletions a user sees in the recycle bin: their own, or everyone's for those who may
 * modify all records of the object (as in Salesforce).
 */
export function binScope(ctx: OperationContext, object: CompiledObject): Filter {
  if (ctx.principal.system || userAccess(ctx.snapshot, ctx.principal).object(object.name).modifyAll) return {};
  return { _deletedBy: ctx.principal.userId };
}
