import schema from '../../../schemas/automation-rule.schema.json' with { type: 'json' };
import type { AutomationRuleDefinition } from '../../../schemas/generated/automation-rule.js';
import { msg } from '../../../i18n/message.js';
import { defineKind, keptIn } from '../define-kind.js';

/** Record-triggered automation rules of an object. */
export const automationRuleKind = defineKind<'automationRule', AutomationRuleDefinition>({
  kind: 'automationRule',
  schema,
  noun: msg`automation rule`,
  plural: 'automationRules',
  inPacks: true,
  ...keptIn((snapshot) => snapshot.automationRules),
  ofObject: { property: 'object', list: (snapshot, object) => snapshot.rulesFor(object).map((rule) => rule.definition) },
  api: {
    docs: {
      one: 'AutomationRule',
      many: 'AutomationRules',
      listed: 'The automation rules; of one object if asked.',
      byObject: 'Only the automation rules of this object.',
      create: 'Checked when saved: the condition, every expression and template must compile, every field named must exist (400 naming each problem). 409 `already_exists` when the name is taken.',
      replace: 'The body is the whole new rule; it applies from the next write.',
    },
  },
});
