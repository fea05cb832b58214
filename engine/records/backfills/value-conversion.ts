import { fieldTypeOf, type ResolvedField } from '../../fields/index.js';
import { msg, type Message } from '../../i18n/message.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import { readableErrors } from '../../metadata/readable-errors.js';

/** What one stored value becomes under a field's new definition: the value to store, or why it cannot. */
export type Conversion = { ok: true; value: unknown } | { ok: false; reason: Message };

/**
 * The one conversion of a field's stored values to its new definition: the change itself
 * (field-migration.ts) and its preview (field-impact.ts) both use it, so the preview cannot
 * promise what the change then refuses. `after` is the object as the change would leave it.
 */
export function valueConverter(after: CompiledObject, old: ResolvedField, next: ResolvedField): (value: unknown) => Conversion {
  const type = fieldTypeOf(next);
  const validate = after.valueValidator(next, 'stored');
  return (value) => {
    const candidate = old.type === next.type ? value : type.coerce(value, next);
    if (candidate === undefined) return { ok: false, reason: msg`its value ${msg`cannot become a ${next.type}`}` };
    if (!validate(candidate)) {
      const reason = readableErrors(validate.errors ?? [], { unknownProperty: msg`is not allowed` })[0]?.message;
      return { ok: false, reason: msg`its value ${reason ?? msg`is not valid`}` };
    }
    return { ok: true, value: type.normalize ? type.normalize(candidate, next) : candidate };
  };
}
