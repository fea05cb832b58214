import type { ErrorDetail } from '../../../shared/api/api-error';
import { controlErrors } from '../control-errors';
import { draftText } from '../draft-text';
import type { ApprovalProcessDefinition } from './approval-process-query';
import type { ApprovalStepMetadata, StepDraft } from './step-draft';
import { actionControl, actionDraftOf, actionOf, type ActionDraft } from '../automation/automation-rule-draft';
import type { AutomationAction } from '../automation/automation-rule-definition';

/** What a process does when it is submitted, ends approved, ends rejected, or is recalled. */
export const PROCESS_ACTION_LISTS = ['onSubmit', 'onApprove', 'onReject', 'onRecall'] as const;
export type ProcessActionList = (typeof PROCESS_ACTION_LISTS)[number];

/** The designer's header form: what the process says of itself, apart from its steps. */
export interface ProcessDraft {
  labelEn: string;
  labelZh: string;
  name: string;
  object: string;
  entryCriteria: string;
  active: boolean;
  onSubmit: ActionDraft[];
  onApprove: ActionDraft[];
  onReject: ActionDraft[];
  onRecall: ActionDraft[];
}

export function processDraft(process: ApprovalProcessDefinition | undefined, object = ''): ProcessDraft {
  return {
    labelEn: process?.label?.en ?? '',
    labelZh: process?.label?.['zh-CN'] ?? '',
    name: process?.name ?? '',
    object: process?.object ?? object,
    entryCriteria: process?.entryCriteria ?? '',
    active: process?.active ?? true,
    ...actionDrafts(process),
  };
}

function actionDrafts(process: ApprovalProcessDefinition | undefined): Record<ProcessActionList, ActionDraft[]> {
  const list = (name: ProcessActionList) => ((process?.[name] as readonly AutomationAction[] | undefined) ?? []).map(actionDraftOf);
  return { onSubmit: list('onSubmit'), onApprove: list('onApprove'), onReject: list('onReject'), onRecall: list('onRecall') };
}

/**
 * The definition to save: the header's values over the process as it came (its submitters, lock
 * and actions kept), with these steps; an empty entry criteria is left out (every record).
 */
export function processOf(base: ApprovalProcessDefinition | undefined, draft: ProcessDraft, steps: readonly ApprovalStepMetadata[]): ApprovalProcessDefinition {
  const { label: _label, entryCriteria: _criteria, onSubmit: _submit, onApprove: _approve, onReject: _reject, onRecall: _recall, ...kept } = base ?? { name: '', object: '', steps: [] };
  const actions = Object.fromEntries(PROCESS_ACTION_LISTS.filter((list) => (draft[list] ?? []).length > 0).map((list) => [list, draft[list].map(actionOf)]));
  const label = draftText(draft.labelEn, draft.labelZh);
  return {
    ...kept,
    name: draft.name.trim(),
    ...(label ? { label } : {}),
    object: draft.object,
    active: draft.active,
    ...(draft.entryCriteria.trim() ? { entryCriteria: draft.entryCriteria.trim() } : {}),
    ...actions,
    steps,
  };
}

/** The steps with one put in at `index` (past the end: added last) or, with `replace`, in its place. */
export function withStep(steps: readonly ApprovalStepMetadata[], index: number, step: ApprovalStepMetadata, replace: boolean): ApprovalStepMetadata[] {
  const next = [...steps];
  next.splice(index, replace ? 1 : 0, step);
  return next;
}

type HeaderControl = Exclude<keyof ProcessDraft, ProcessActionList>;

/**
 * The server's problems with a saved process on the header's controls, an action's on its own
 * (`/onApprove/0/email/subject` → `onApprove.0.subject`); steps' problems belong to stepErrors.
 */
export function processErrors(details: readonly ErrorDetail[], draft?: Partial<Pick<ProcessDraft, ProcessActionList>>) {
  const own = details.filter((detail) => !detail.path.startsWith('/steps/'));
  const actions: Partial<Record<string, string[]>> = {};
  const rest = own.filter((detail) => {
    const control = PROCESS_ACTION_LISTS.map((list) => actionControl(detail.path, list, draft?.[list])).find((found) => found !== undefined);
    if (control) (actions[control] ??= []).push(detail.message);
    return control === undefined;
  });
  const header = controlErrors<HeaderControl>(
    rest,
    [
      [/^\/name/, 'name'],
      [/^\/label\/en/, 'labelEn'],
      [/^\/label\/zh-CN/, 'labelZh'],
      [/^\/label/, 'labelEn'],
      [/^\/object/, 'object'],
      [/^\/entryCriteria/, 'entryCriteria'],
      [/^\/active/, 'active'],
    ],
  );
  return { controls: { ...header.controls, ...actions } as Partial<Record<string, string[]>>, form: header.form };
}

type StepControl = Exclude<keyof StepDraft, 'quorum' | 'onEnter' | 'onLeave'> | 'quorum';

/** The problems the server found in step `index` on the step panel's controls (an action's on its own); the rest for the panel as a whole. */
export function stepErrors(details: readonly ErrorDetail[], index: number, draft?: Partial<Pick<StepDraft, 'onEnter' | 'onLeave'>>) {
  const prefix = `/steps/${index}`;
  const mine = (detail: ErrorDetail) => detail.path === prefix || detail.path.startsWith(`${prefix}/`);
  const actions: Partial<Record<string, string[]>> = {};
  const own = details
    .filter(mine)
    .map((detail) => ({ ...detail, path: detail.path.slice(prefix.length) }))
    .filter((detail) => {
      const control = actionControl(detail.path, 'onEnter', draft?.onEnter) ?? actionControl(detail.path, 'onLeave', draft?.onLeave);
      if (control) (actions[control] ??= []).push(detail.message);
      return control === undefined;
    });
  const others = details.filter((detail) => !mine(detail));
  const mapped = controlErrors<StepControl>(own, [
    [/^\/name/, 'name'],
    [/^\/label\/zh-CN/, 'labelZh'],
    [/^\/label/, 'labelEn'],
    [/^\/condition/, 'condition'],
    [/^\/approvers/, 'approvers'],
    [/^\/mode/, 'mode'],
    [/^\/quorum/, 'quorum'],
    [/^\/reminder/, 'reminderAfter'],
    [/^\/escalation\/to/, 'escalationUser'],
    [/^\/escalation/, 'escalationAfter'],
    [/^\/onReject/, 'onReject'],
  ]);
  // A problem outside this step (a header control, another step) still has to be seen: with its path.
  const rest = others.map((detail) => (detail.path ? `${detail.path}: ${detail.message}` : detail.message));
  return { controls: { ...mapped.controls, ...actions } as Partial<Record<string, string[]>>, form: [...mapped.form.map((line) => `${prefix}${line.startsWith('/') ? '' : ': '}${line}`), ...rest] };
}
