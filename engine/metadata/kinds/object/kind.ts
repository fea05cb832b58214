import schema from '../../../schemas/object.schema.json' with { type: 'json' };
import type { ObjectDefinition } from '../../../schemas/generated/object.js';
import { msg } from '../../../i18n/message.js';
import { defineKind, keptIn } from '../define-kind.js';
import type { Verb } from '../kind-description.js';

/** Objects with their fields: everything else builds on them. Served by operations of their own (fields have their routes), not the generic CRUD. */
export const objectKind = defineKind<'object', ObjectDefinition, Verb, null>({
  kind: 'object',
  schema,
  noun: msg`object`,
  plural: 'objects',
  inPacks: true,
  core: '.object.json',
  ...keptIn((snapshot) => snapshot.objects),
  api: null,
});
