import { ConflictError } from '../errors/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import { DuplicateKeyError } from '../store/duplicate-key-error.js';
import { msg } from '../i18n/message.js';

/**
 * Turns the store's duplicate key error into the client's 409, naming the field and never the
 * value: the value clashing may be one the user did not send (set by a formula, a default or an
 * automation rule) or held by a record they may not see.
 */
export function explainDuplicate(error: unknown, object: CompiledObject, action: 'saved' | 'restored' = 'saved'): unknown {
  if (!(error instanceof DuplicateKeyError)) return error;
  const details = error.keys.map((key) => ({
    path: `/${key}`,
    message:
      action === 'restored'
        ? msg`another ${object.name} record has taken this record's ${key} since it was deleted; change that record's ${key} first`
        : msg`another ${object.name} record already has this ${key}; the ${key} must be unique, so choose another`,
  }));
  return new ConflictError('duplicate_value', msg`${details.map((d) => d.path.slice(1)).join(', ')} must be unique: ${details[0]?.message ?? ''}`, details);
}
