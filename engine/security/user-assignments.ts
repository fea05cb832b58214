import { ValidationError, type ErrorDetail } from '../errors/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import type { Snapshot } from '../metadata/snapshot.js';
import { msg } from '../i18n/message.js';

/**
 * A user record's role and permission sets must name ones that exist: a typo would silently give
 * the user nothing, or later the rights of a set created under that name.
 */
export function checkUserAssignments(snapshot: Snapshot, object: CompiledObject, values: Record<string, unknown>): void {
  if (object.name !== 'user') return;
  const problems: ErrorDetail[] = [];
  const role = values.role;
  if (typeof role === 'string' && role !== '' && !snapshot.security.roles.has(role)) {
    problems.push({ path: '/role', message: msg`there is no role named '${role}'` });
  }
  const sets = values.permission_sets;
  if (sets !== undefined) {
    if (!Array.isArray(sets) || !sets.every((name) => typeof name === 'string')) {
      problems.push({ path: '/permission_sets', message: msg`must be a list of permission set names, like ["standard_user", "sales_user"]` });
    } else {
      sets.forEach((name: string, index) => {
        if (!snapshot.security.permissionSets.has(name)) problems.push({ path: `/permission_sets/${index}`, message: msg`there is no permission set named '${name}'` });
      });
      if (new Set(sets).size !== sets.length) problems.push({ path: '/permission_sets', message: msg`names a permission set twice` });
    }
  }
  if (problems.length > 0) throw new ValidationError(problems);
}
