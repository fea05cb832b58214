import schema from '../../../schemas/sharing-rule.schema.json' with { type: 'json' };
import type { SharingRuleDefinition } from '../../../schemas/generated/sharing-rule.js';
import { msg } from '../../../i18n/message.js';
import { defineKind, keptIn } from '../define-kind.js';

/** Sharing rules: records of an object matching criteria shared with roles and groups. */
export const sharingRuleKind = defineKind<'sharingRule', SharingRuleDefinition>({
  kind: 'sharingRule',
  schema,
  noun: msg`sharing rule`,
  plural: 'sharingRules',
  inPacks: true,
  ...keptIn((snapshot) => snapshot.security.sharingRules),
  ofObject: { property: 'object', list: (snapshot, object) => snapshot.security.rulesOf(object).map((rule) => rule.definition) },
  api: {
    docs: {
      one: 'SharingRule',
      many: 'SharingRules',
      listed: 'The sharing rules; of one object if asked.',
      byObject: 'Only the sharing rules of this object.',
      create:
        'The object must own its records\' access: not the detail of a master-detail, not public read/write (400). `criteria` is a filter of the ' +
        'object in the API\'s filter language (400 with paths under /criteria), never empty (`{}` or `{"and": [{}]}` is refused: write `"all"` to share every record); the roles and groups named must exist. 409 `already_exists` when the name is taken.',
      replace: 'The body is the whole new rule; a different name renames it (409 when another rule has that name).',
    },
  },
});
