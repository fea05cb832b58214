import type { CompiledObject } from '../metadata/compiled-object.js';
import type { OperationContext } from '../tenancy/index.js';

/**
 * The fields of their own user record everyone may change without the right to manage users:
 * personal settings, and their approval delegate. Name, e-mail, role, permission sets and the
 * active flag stay with those who manage users.
 */
export const SELF_SERVICE_FIELDS: ReadonlySet<string> = new Set(['language', 'time_zone', 'delegate', 'delegate_from', 'delegate_until']);

/** Whether this update is a user changing only personal settings of their own user record. */
export function isSelfService(ctx: OperationContext, object: CompiledObject, id: string, body: unknown): boolean {
  if (object.name !== 'user' || id !== ctx.principal.userId || ctx.principal.system) return false;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
  const names = Object.keys(body);
  return names.length > 0 && names.every((name) => SELF_SERVICE_FIELDS.has(name));
}
