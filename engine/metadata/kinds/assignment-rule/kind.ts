import schema from '../../../schemas/assignment-rule.schema.json' with { type: 'json' };
import type { AssignmentRuleDefinition } from '../../../schemas/generated/assignment-rule.js';
import { msg } from '../../../i18n/message.js';
import { defineKind, keptIn } from '../define-kind.js';

/** Who owns an object's new records: ordered criteria → a user, a queue, or round robin over a group. */
export const assignmentRuleKind = defineKind<'assignmentRule', AssignmentRuleDefinition>({
  kind: 'assignmentRule',
  schema,
  noun: msg`assignment rule`,
  plural: 'assignmentRules',
  inPacks: true,
  ...keptIn((snapshot) => snapshot.assignmentRules),
  ofObject: { property: 'object', list: (snapshot, object) => snapshot.assignmentRulesFor(object).map((rule) => rule.definition) },
  api: {
    docs: {
      one: 'AssignmentRule',
      many: 'AssignmentRules',
      listed: 'The assignment rules; of one object if asked.',
      byObject: 'Only the assignment rules of this object.',
      create: 'Checked when saved: every condition must compile and every queue or group named must exist (400 naming each problem). 409 `already_exists` when the name is taken.',
      replace: 'The body is the whole new rule; it applies from the next record created.',
    },
  },
});
