import type { ErrorDetail } from '../errors/index.js';
import { msg } from '../i18n/message.js';
import { createDefinitionAjv } from '../metadata/create-ajv.js';
import { readableErrors } from '../metadata/readable-errors.js';
import type { PackManifest } from '../schemas/generated/pack.js';
import packSchema from '../schemas/pack.schema.json' with { type: 'json' };

export type { PackManifest } from '../schemas/generated/pack.js';

const validate = createDefinitionAjv().compile<PackManifest>(packSchema);

/** Checks a pack.json against its schema: the manifest typed, or every problem with its path. */
export function checkManifest(candidate: unknown): { ok: true; manifest: PackManifest } | { ok: false; problems: ErrorDetail[] } {
  if (validate(candidate)) return { ok: true, manifest: candidate };
  return { ok: false, problems: readableErrors(validate.errors ?? [], { unknownProperty: msg`is not a property of a pack manifest`, data: candidate }) };
}
