import { ConflictError } from '../errors/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import { DuplicateKeyError } from '../store/duplicate-key-error.js';
import { msg } from '../i18n/message.js';

/** Turns the store's duplicate key error into the client's 409, naming the field and the value. */
export function explainDuplicate(error: unknown, object: CompiledObject, values: Record<string, unknown>, action: 'saved' | 'restored' = 'saved'): unknown {
  if (!(error instanceof DuplicateKeyError)) return error;
  const details = error.keys.map((key) => ({
    path: `/${key}`,
    message:
      action === 'restored'
        ? msg`another ${object.name} record has taken this record's ${key} since it was deleted; change that record's ${key} first`
        : msg`another ${object.name} record already has ${JSON.stringify(values[key])}; the value must be unique`,
  }));
  return new ConflictError('duplicate_value', msg`${details.map((d) => d.path.slice(1)).join(', ')} must be unique: ${details[0]?.message ?? ''}`, details);
}
