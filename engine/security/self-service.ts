import type { CompiledObject } from '../metadata/compiled-object.js';
import { sameDocument } from '../store/json-document.js';
import type { Doc } from '../store/port.js';
import { fieldAccess } from './access/index.js';
import type { OperationContext } from '../context/index.js';

/**
 * The fields of their own user record everyone may change without the right to manage users:
 * personal settings, and their approval delegate. Name, e-mail, role, permission sets and the
 * active flag stay with those who manage users.
 */
export const SELF_SERVICE_FIELDS: ReadonlySet<string> = new Set(['language', 'time_zone', 'delegate', 'delegate_from', 'delegate_until']);

/**
 * Whether this update is a user changing only personal settings of their own user record. Given
 * the record as stored, values sent back as they are (the body of a GET) change nothing and do
 * not count; `_expanded` never does (what it embeds is not written).
 */
export function isSelfService(ctx: OperationContext, object: CompiledObject, id: string, body: unknown, stored?: Doc | null): boolean {
  if (object.name !== 'user' || id !== ctx.principal.userId || ctx.principal.system) return false;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
  const entries = Object.entries(body);
  // Only what the user may read was returned to them: a hidden field always counts, so the answer tells nothing of it.
  const { hidden } = fieldAccess(ctx, object);
  const sentBack = (name: string, value: unknown) =>
    Boolean(stored) && !hidden.has(name) && (name === '_expanded' || sameDocument(value ?? null, stored![name] ?? null));
  return entries.length > 0 && entries.every(([name, value]) => SELF_SERVICE_FIELDS.has(name) || sentBack(name, value));
}
