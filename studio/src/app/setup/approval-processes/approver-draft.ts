/** One approver as approval-process metadata writes it (the engine's Approver: exactly one key). */
export type Approver = { user: string } | { role: string } | { submitterManager: true } | { field: string } | { queue: string };

/** How the step panel edits one approver: a kind picker and, except for the manager, one value. */
export type ApproverKind = 'user' | 'role' | 'manager' | 'field' | 'group';

export interface ApproverDraft {
  kind: ApproverKind;
  /** The user id, role, lookup field or group (queue) api name; empty for the manager. */
  value: string;
}

/** The approver as the panel shows it; a group is stored as the engine's `queue`. */
export function approverDraft(approver: Approver): ApproverDraft {
  if ('user' in approver) return { kind: 'user', value: approver.user };
  if ('role' in approver) return { kind: 'role', value: approver.role };
  if ('field' in approver) return { kind: 'field', value: approver.field };
  if ('queue' in approver) return { kind: 'group', value: approver.queue };
  return { kind: 'manager', value: '' };
}

/** The metadata form of a draft approver; an empty value is left for the server to refuse on its control. */
export function approverOf(draft: ApproverDraft): Approver {
  const value = draft.value.trim();
  switch (draft.kind) {
    case 'user':
      return { user: value };
    case 'role':
      return { role: value };
    case 'field':
      return { field: value };
    case 'group':
      return { queue: value };
    case 'manager':
      return { submitterManager: true };
  }
}
