import type { UiLanguage } from '../../shared/i18n/languages';

/** What the engine answers for a record's approval (GET /records/:object/:id/approval). */
export type ApprovalStatus = 'none' | 'pending' | 'approved' | 'rejected' | 'returned' | 'recalled';
export type ApprovalAction = 'submit' | 'approve' | 'reject' | 'recall' | 'reassign' | 'comment';
export type HistoryAction = 'submit' | 'approve' | 'reject' | 'recall' | 'reassign' | 'comment' | 'skip' | 'approved' | 'rejected' | 'returned' | 'remind' | 'escalate';

export interface ApprovalHistoryEntry {
  readonly _id: string;
  readonly step: string | null;
  readonly action: HistoryAction;
  readonly actor: string;
  readonly onBehalfOf?: string;
  readonly comment?: string;
  readonly to?: string;
  readonly at: string;
}

export interface ApprovalView {
  readonly process: string | null;
  readonly processLabel: string | null;
  readonly status: ApprovalStatus;
  readonly step: string | null;
  readonly stepLabel: string | null;
  readonly submittedBy: string | null;
  readonly submittedAt: string | null;
  readonly locked: boolean;
  /** Why the record is locked (the server's sentence) and whether this user may still edit it; null when unlocked. */
  readonly lock: { readonly process: string; readonly status: 'pending' | 'approved'; readonly reason: string; readonly mayEdit: boolean } | null;
  readonly pending: readonly { readonly approver: string; readonly delegateOf?: string; readonly assignedAt: string }[];
  readonly allowedActions: readonly ApprovalAction[];
  readonly history: readonly ApprovalHistoryEntry[];
  readonly steps: readonly { readonly name: string; readonly label: string }[];
  readonly users: Readonly<Record<string, string>>;
}

export interface InboxItem {
  readonly object: string;
  readonly objectLabel: string;
  readonly record: string;
  readonly title: string | null;
  readonly processLabel: string;
  readonly step: string;
  readonly stepLabel: string;
  readonly assignedAt: string;
  readonly submittedBy: string | null;
  readonly submittedAt: string | null;
  readonly delegateOf?: string;
}

export interface Inbox {
  readonly items: readonly InboxItem[];
  readonly total: number;
  readonly users: Readonly<Record<string, string>>;
}

/** The actions a person takes from the panel, in the order they read them; reassign and comment are not offered here. */
export type DecisionAction = 'submit' | 'approve' | 'reject' | 'recall';
const PANEL_ACTIONS: readonly DecisionAction[] = ['submit', 'approve', 'reject', 'recall'];

/** The buttons to show: only what the server says this user may do now. */
export function offeredActions(allowed: readonly ApprovalAction[]): DecisionAction[] {
  return PANEL_ACTIONS.filter((action) => allowed.includes(action));
}

/** The engine refuses a rejection without a reason (400 at /comment): the dialog asks for one first. */
export function commentRequired(action: DecisionAction): boolean {
  return action === 'reject';
}

/**
 * Every approval query's key starts with this (the header's badge too): one invalidation after an
 * action refreshes the badge, the inbox, the home page's list and the record's panel together.
 */
export const APPROVALS_KEY = 'approvals';

export const approvalKeys = {
  record: (object: string, id: string) => [APPROVALS_KEY, 'record', object, id] as const,
  inbox: (limit: number) => [APPROVALS_KEY, 'inbox', limit] as const,
};

/** The path of an approval event; ids are encoded, as every record path is. */
export function approvalPath(object: string, id: string, action?: DecisionAction): string {
  return `/records/${object}/${encodeURIComponent(id)}/approval${action ? `/${action}` : ''}`;
}

/** A user as the page shows them: their name when the server could tell it, else their id; the engine's own steps as `system`. */
export function personName(users: Readonly<Record<string, string>>, id: string | null | undefined, names: { readonly system: string; readonly approvers: string }): string {
  if (!id) return '';
  if (id === 'system') return names.system;
  if (id === 'approvers') return names.approvers;
  return Object.hasOwn(users, id) ? users[id]! : id;
}

/** A step of the history by its label; a step the process no longer has, by its name. */
export function stepLabelOf(view: Pick<ApprovalView, 'steps'>, step: string | null): string | null {
  if (!step) return null;
  return view.steps.find((candidate) => candidate.name === step)?.label ?? step;
}

const DATE_LOCALE: Record<UiLanguage, string> = { en: 'en-GB', 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW' };

/** When something happened, in the user's language: date and time to the minute. */
export function formatWhen(at: string | null | undefined, language: UiLanguage): string {
  if (!at || Number.isNaN(Date.parse(at))) return '';
  return new Intl.DateTimeFormat(DATE_LOCALE[language], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
}
