import { ValidationError, type ErrorDetail } from '../../errors/index.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import { msg } from '../../i18n/message.js';

/**
 * Refuses dependent picklist values their controlling field's value does not allow, on the
 * record as it will be stored (so a PATCH of either field alone is checked against the other).
 */
export function checkDependentPicklists(object: CompiledObject, record: Record<string, unknown>): void {
  const problems: ErrorDetail[] = [];
  for (const field of object.object.fields) {
    if ((field.type !== 'picklist' && field.type !== 'multipicklist') || !field.dependency) continue;
    const value = record[field.name];
    if (value === undefined || value === null) continue;
    const controlling = record[field.dependency.controllingField];
    const allowed = controlling === undefined || controlling === null ? [] : (field.dependency.allowed[String(controlling)] ?? []);
    const chosen = Array.isArray(value) ? (value as unknown[]) : [value];
    const refused = chosen.filter((entry) => !allowed.includes(String(entry)));
    if (refused.length === 0) continue;
    const when = controlling === undefined || controlling === null ? msg`${field.dependency.controllingField} is empty` : `${field.dependency.controllingField} is '${String(controlling)}'`;
    problems.push({
      path: `/${field.name}`,
      message: allowed.length > 0 ? msg`${refused.map((entry) => `'${String(entry)}'`).join(', ')} cannot be chosen when ${when}; choose one of: ${allowed.join(', ')}` : msg`${refused.map((entry) => `'${String(entry)}'`).join(', ')} cannot be chosen when ${when}`,
    });
  }
  if (problems.length > 0) throw new ValidationError(problems);
}
