import { ForbiddenError, ValidationError, type ErrorDetail } from '../errors/index.js';
import { fieldTypeOf } from '../fields/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import { inSentence, msg } from '../i18n/message.js';

export interface WritableInput {
  /** Values to set, nulls removed. */
  values: Record<string, unknown>;
  /** Fields the client cleared with null (only meaningful for updates). */
  cleared: string[];
}

/**
 * Splits a request body into values and clearances, refusing what a client may never write:
 * anything but a JSON object, system fields, and fields the engine computes (400), then fields
 * the user may not edit (403, naming them). Unknown fields are left for schema validation.
 */
export function writableInput(object: CompiledObject, body: unknown, editable?: ReadonlySet<string>): WritableInput {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationError([{ path: '', message: msg`must be a JSON object with the fields of ${object.name}` }]);
  }
  const problems: ErrorDetail[] = [];
  const refused: ErrorDetail[] = [];
  const values: Record<string, unknown> = {};
  const cleared: string[] = [];
  for (const [name, value] of Object.entries(body)) {
    const field = object.field(name);
    if (field && editable && !editable.has(name) && fieldTypeOf(field).writable) {
      refused.push({ path: `/${name}`, message: msg`is a field you may not edit` });
      continue;
    }
    if (name.startsWith('_')) {
      problems.push({ path: `/${name}`, message: msg`is a system field: the platform sets it, a client cannot` });
    } else if (field && !fieldTypeOf(field).writable) {
      problems.push({ path: `/${name}`, message: msg`is computed by the platform (${field.type}) and cannot be set` });
    } else if (value === null) {
      cleared.push(name);
    } else {
      values[name] = value;
    }
  }
  if (problems.length > 0) throw new ValidationError(problems);
  if (refused.length > 0) {
    throw new ForbiddenError(msg`You may not edit ${refused.map((detail) => `'${detail.path.slice(1)}'`).join(', ')} of ${inSentence(object.object.pluralLabel)}.`, refused);
  }
  return { values, cleared };
}
