import { ForbiddenError } from '../errors/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import type { OperationContext } from '../tenancy/index.js';

export type RecordOperation = 'create' | 'update' | 'delete';

/** Objects whose records grant power: only administrators may write them. */
const ADMIN_WRITES = new Set(['user']);

/**
 * The object-level access check of a write. Until permission sets exist (the permissions issue)
 * the rule is: users are managed by administrators only, since editing a user record could make
 * anyone an administrator; every other object is open to every signed-in user.
 */
export function checkRecordWrite(ctx: OperationContext, object: CompiledObject, operation: RecordOperation): void {
  if (ADMIN_WRITES.has(object.name) && !ctx.principal.isAdmin) {
    throw new ForbiddenError(`Only administrators can ${operation} ${object.object.pluralLabel.en.toLowerCase()}.`);
  }
}

/** Metadata is the setup of the whole tenant: changing it is for administrators. */
export function checkSetupRight(ctx: OperationContext): void {
  if (!ctx.principal.isAdmin) throw new ForbiddenError('Only administrators can change metadata.');
}
