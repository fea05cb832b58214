import type { ErrorDetail } from '../errors/index.js';
import { readableErrors } from './readable-errors.js';
import { kindOf, type DefinitionOf, type MetadataKind } from './kinds/index.js';
import { msg } from '../i18n/message.js';

export { METADATA_KINDS, type AnyDefinition, type DefinitionOf, type MetadataKind } from './kinds/index.js';

/** Checks a definition against its kind's schema (kinds/<kind>/kind.ts): the definition typed, or every problem with its path. */
export function checkDefinition<K extends MetadataKind>(
  kind: K,
  candidate: unknown,
): { ok: true; definition: DefinitionOf[K] } | { ok: false; problems: ErrorDetail[] } {
  const validate = kindOf(kind).validate;
  if (validate(candidate)) return { ok: true, definition: candidate as DefinitionOf[K] };
  return { ok: false, problems: readableErrors(validate.errors ?? [], { unknownProperty: msg`is not a property of a ${kind} definition`, data: candidate }) };
}
