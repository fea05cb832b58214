import schema from '../../../schemas/layout.schema.json' with { type: 'json' };
import type { LayoutDefinition } from '../../../schemas/generated/layout.js';
import { msg } from '../../../i18n/message.js';
import { defineKind, keptIn } from '../define-kind.js';

/** Page layouts of an object: sections of its fields and related lists, by role. */
export const layoutKind = defineKind<'layout', LayoutDefinition>({
  kind: 'layout',
  schema,
  noun: msg`layout`,
  plural: 'layouts',
  inPacks: true,
  ...keptIn((snapshot) => snapshot.layouts),
  ofObject: { property: 'object', list: (snapshot, object) => snapshot.layoutsOf(object).map((layout) => layout.definition) },
  api: {
    docs: {
      one: 'Layout',
      many: 'Layouts',
      listed: 'The layouts; of one object, its default first, then by name.',
      byObject: 'Only the layouts of this object (none for an object that has none or does not exist).',
      create:
        'The layout names fields of its object once each, and related lists of children pointing at the object (400 otherwise); ' +
        'an object has at most one `isDefault` layout. 409 `already_exists` when the name is taken.',
      replace: 'The body is the whole new layout; a different name renames it (409 when another layout has that name).',
    },
  },
});
