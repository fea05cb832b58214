import { actionDraftOf, actionOf, type ActionDraft } from '../automation/automation-rule-draft';
import type { AutomationAction } from '../automation/automation-rule-definition';
import { approverDraft, approverOf, type Approver, type ApproverDraft } from './approver-draft';

export type StepMode = 'first' | 'all' | 'quorum';

/** One step as approval-process metadata writes it (the fields the step panel edits). */
export interface ApprovalStepMetadata {
  name: string;
  label?: { en?: string; 'zh-CN'?: string };
  condition?: string;
  approvers: Approver[];
  mode?: StepMode;
  quorum?: number;
  reminder?: { after: string };
  escalation?: { after: string; to: { manager: true } | { user: string } };
  onReject?: 'draft' | 'final';
  onEnter?: AutomationAction[];
  onLeave?: AutomationAction[];
}

/** The step panel's form: every field a plain string or choice, empty meaning "not set". */
export interface StepDraft {
  name: string;
  labelEn: string;
  labelZh: string;
  condition: string;
  approvers: ApproverDraft[];
  mode: StepMode;
  quorum: number | null;
  reminderAfter: string;
  escalationAfter: string;
  /** Empty: to the pending approvers' managers. */
  escalationUser: string;
  onReject: 'draft' | 'final';
  onEnter: ActionDraft[];
  onLeave: ActionDraft[];
}

export function stepDraft(step: ApprovalStepMetadata): StepDraft {
  const to = step.escalation?.to;
  return {
    name: step.name,
    labelEn: step.label?.en ?? '',
    labelZh: step.label?.['zh-CN'] ?? '',
    condition: step.condition ?? '',
    approvers: step.approvers.map(approverDraft),
    mode: step.mode ?? 'first',
    quorum: step.quorum ?? null,
    reminderAfter: step.reminder?.after ?? '',
    escalationAfter: step.escalation?.after ?? '',
    escalationUser: to !== undefined && 'user' in to ? to.user : '',
    onReject: step.onReject ?? 'draft',
    onEnter: (step.onEnter ?? []).map(actionDraftOf),
    onLeave: (step.onLeave ?? []).map(actionDraftOf),
  };
}

/** The metadata of a step draft: unset fields are left out so the engine's defaults apply. */
export function stepOf(draft: StepDraft): ApprovalStepMetadata {
  const label = { ...(draft.labelEn.trim() ? { en: draft.labelEn.trim() } : {}), ...(draft.labelZh.trim() ? { 'zh-CN': draft.labelZh.trim() } : {}) };
  const escalationUser = draft.escalationUser.trim();
  return {
    name: draft.name.trim(),
    ...(Object.keys(label).length > 0 ? { label } : {}),
    ...(draft.condition.trim() ? { condition: draft.condition.trim() } : {}),
    approvers: draft.approvers.map(approverOf),
    ...(draft.mode !== 'first' ? { mode: draft.mode } : {}),
    ...(draft.mode === 'quorum' && draft.quorum !== null ? { quorum: draft.quorum } : {}),
    ...(draft.reminderAfter.trim() ? { reminder: { after: draft.reminderAfter.trim() } } : {}),
    ...(draft.escalationAfter.trim()
      ? { escalation: { after: draft.escalationAfter.trim(), to: escalationUser ? { user: escalationUser } : { manager: true as const } } }
      : {}),
    ...(draft.onReject === 'final' ? { onReject: 'final' as const } : {}),
    ...((draft.onEnter ?? []).length > 0 ? { onEnter: draft.onEnter.map(actionOf) } : {}),
    ...((draft.onLeave ?? []).length > 0 ? { onLeave: draft.onLeave.map(actionOf) } : {}),
  };
}
