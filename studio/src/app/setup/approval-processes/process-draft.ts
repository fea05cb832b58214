import type { ErrorDetail } from '../../../shared/api/api-error';
import { controlErrors } from '../control-errors';
import { draftText } from '../draft-text';
import type { ApprovalProcessDefinition } from './approval-process-query';
import type { ApprovalStepMetadata, StepDraft } from './step-draft';

/** The designer's header form: what the process says of itself, apart from its steps. */
export interface ProcessDraft {
  labelEn: string;
  labelZh: string;
  name: string;
  object: string;
  entryCriteria: string;
  active: boolean;
}

export function processDraft(process: ApprovalProcessDefinition | undefined, object = ''): ProcessDraft {
  return {
    labelEn: process?.label?.en ?? '',
    labelZh: process?.label?.['zh-CN'] ?? '',
    name: process?.name ?? '',
    object: process?.object ?? object,
    entryCriteria: process?.entryCriteria ?? '',
    active: process?.active ?? true,
  };
}

/**
 * The definition to save: the header's values over the process as it came (its submitters, lock
 * and actions kept), with these steps; an empty entry criteria is left out (every record).
 */
export function processOf(base: ApprovalProcessDefinition | undefined, draft: ProcessDraft, steps: readonly ApprovalStepMetadata[]): ApprovalProcessDefinition {
  const { label: _label, entryCriteria: _criteria, ...kept } = base ?? { name: '', object: '', steps: [] };
  const label = draftText(draft.labelEn, draft.labelZh);
  return {
    ...kept,
    name: draft.name.trim(),
    ...(label ? { label } : {}),
    object: draft.object,
    active: draft.active,
    ...(draft.entryCriteria.trim() ? { entryCriteria: draft.entryCriteria.trim() } : {}),
    steps,
  };
}

/** The steps with one put in at `index` (past the end: added last) or, with `replace`, in its place. */
export function withStep(steps: readonly ApprovalStepMetadata[], index: number, step: ApprovalStepMetadata, replace: boolean): ApprovalStepMetadata[] {
  const next = [...steps];
  next.splice(index, replace ? 1 : 0, step);
  return next;
}

type HeaderControl = keyof ProcessDraft;

/** The server's problems with a saved process on the header's controls (steps' problems belong to stepErrors). */
export function processErrors(details: readonly ErrorDetail[]) {
  return controlErrors<HeaderControl>(
    details.filter((detail) => !detail.path.startsWith('/steps/')),
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
}

type StepControl = Exclude<keyof StepDraft, 'quorum'> | 'quorum';

/** The problems the server found in step `index` on the step panel's controls; the rest for the panel as a whole. */
export function stepErrors(details: readonly ErrorDetail[], index: number) {
  const prefix = `/steps/${index}`;
  const mine = (detail: ErrorDetail) => detail.path === prefix || detail.path.startsWith(`${prefix}/`);
  const own = details.filter(mine).map((detail) => ({ ...detail, path: detail.path.slice(prefix.length) }));
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
  return { controls: mapped.controls, form: [...mapped.form.map((line) => `${prefix}${line.startsWith('/') ? '' : ': '}${line}`), ...rest] };
}
