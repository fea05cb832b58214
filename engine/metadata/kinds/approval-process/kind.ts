import schema from '../../../schemas/approval-process.schema.json' with { type: 'json' };
import type { ApprovalProcessDefinition } from '../../../schemas/generated/approval-process.js';
import { msg } from '../../../i18n/message.js';
import { defineKind, keptIn } from '../define-kind.js';

/** Approval processes of an object, compiled to XState machines (metadata/approval-processes/). */
export const approvalProcessKind = defineKind<'approvalProcess', ApprovalProcessDefinition>({
  kind: 'approvalProcess',
  schema,
  noun: msg`approval process`,
  plural: 'approvalProcesses',
  inPacks: true,
  ...keptIn((snapshot) => snapshot.approvalProcesses),
  ofObject: { property: 'object', list: (snapshot, object) => snapshot.processesOf(object).map((process) => process.definition) },
  api: {
    docs: {
      one: 'ApprovalProcess',
      many: 'ApprovalProcesses',
      listed: 'The approval processes; of one object if asked.',
      byObject: 'Only the approval processes of this object.',
      create:
        'Checked when saved: every expression and template must compile, every field, role and group named must exist, every step must be reachable ' +
        '(400 naming each problem with its path). 409 `already_exists` when the name is taken.',
      replace: 'The body is the whole new process. Records already in process finish on the version they were submitted under.',
    },
  },
});
