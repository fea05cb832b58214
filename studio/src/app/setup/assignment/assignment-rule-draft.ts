import type { ErrorDetail } from '../../../shared/api/api-error';
import type { LocalizedText } from '../../../shared/i18n/localize';
import { draftText } from '../draft-text';

/** Whom an entry gives the record to (assignment-rule.schema.json's Assignee). */
export type Assignee = { readonly user: string } | { readonly queue: string } | { readonly roundRobin: string };

/** An assignment rule as /meta/assignment-rules answers it. */
export interface AssignmentRuleDefinition {
  readonly name: string;
  readonly label?: LocalizedText;
  readonly description?: string;
  readonly object: string;
  readonly active?: boolean;
  readonly order?: number;
  readonly entries: readonly { readonly condition?: string; readonly assignTo: Assignee }[];
}

export type AssigneeKind = 'user' | 'queue' | 'roundRobin';
export const ASSIGNEE_KINDS: readonly AssigneeKind[] = ['roundRobin', 'queue', 'user'];

/** One entry as its row edits it: the condition, the kind of assignee, and the user or the group. */
export interface EntryDraft {
  readonly condition: string;
  readonly kind: AssigneeKind;
  readonly user: string | undefined;
  readonly group: string | undefined;
}

export interface AssignmentRuleDraft {
  readonly labelEn: string;
  readonly labelZh: string;
  readonly name: string;
  readonly description: string;
  readonly object: string | undefined;
  readonly active: boolean;
  readonly order: number;
  readonly entries: readonly EntryDraft[];
}

export const emptyEntry = (): EntryDraft => ({ condition: '', kind: 'roundRobin', user: undefined, group: undefined });

export function newAssignmentDraft(object: string | undefined): AssignmentRuleDraft {
  return { labelEn: '', labelZh: '', name: '', description: '', object, active: true, order: 0, entries: [emptyEntry()] };
}

export function assignmentDraftOf(rule: AssignmentRuleDefinition): AssignmentRuleDraft {
  return {
    labelEn: rule.label?.en ?? '',
    labelZh: rule.label?.['zh-CN'] ?? '',
    name: rule.name,
    description: rule.description ?? '',
    object: rule.object,
    active: rule.active !== false,
    order: rule.order ?? 0,
    entries: rule.entries.map((entry) => {
      const to = entry.assignTo;
      const kind: AssigneeKind = 'user' in to ? 'user' : 'queue' in to ? 'queue' : 'roundRobin';
      return { condition: entry.condition ?? '', kind, user: 'user' in to ? to.user : undefined, group: 'queue' in to ? to.queue : 'roundRobin' in to ? to.roundRobin : undefined };
    }),
  };
}

/** The definition to save, holding only what differs from the defaults; blanks are sent for the server to name. */
export function assignmentDefinitionOf(draft: AssignmentRuleDraft): AssignmentRuleDefinition {
  const label = draftText(draft.labelEn, draft.labelZh);
  return {
    name: draft.name.trim(),
    ...(label ? { label } : {}),
    ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
    object: draft.object ?? '',
    ...(draft.active ? {} : { active: false }),
    ...(draft.order ? { order: draft.order } : {}),
    entries: draft.entries.map((entry) => ({
      ...(entry.condition.trim() ? { condition: entry.condition.trim() } : {}),
      assignTo: entry.kind === 'user' ? { user: entry.user ?? '' } : entry.kind === 'queue' ? { queue: entry.group ?? '' } : { roundRobin: entry.group ?? '' },
    })),
  };
}

const TOP: readonly (readonly [RegExp, string])[] = [
  [/^\/name$/, 'name'],
  [/^\/label(\/en)?$/, 'labelEn'],
  [/^\/label\/zh-CN$/, 'labelZh'],
  [/^\/description$/, 'description'],
  [/^\/object$/, 'object'],
  [/^\/order$/, 'order'],
];

/** The server's problems on the editor's controls: an entry's condition, its user or its group (`entries.1.group`). */
export function assignmentErrors(details: readonly ErrorDetail[]) {
  const controls: Partial<Record<string, string[]>> = {};
  const form: string[] = [];
  for (const detail of details) {
    const entry = /^\/entries\/(\d+)(\/.*)?$/.exec(detail.path);
    const part = entry?.[2] ?? '';
    const found = entry
      ? `entries.${entry[1]}.${part.startsWith('/condition') ? 'condition' : part.startsWith('/assignTo/user') ? 'user' : part.startsWith('/assignTo/') ? 'group' : 'kind'}`
      : TOP.find(([pattern]) => pattern.test(detail.path))?.[1];
    if (found) (controls[found] ??= []).push(detail.message);
    else form.push(detail.path ? `${detail.path}: ${detail.message}` : detail.message);
  }
  return { controls, form };
}
