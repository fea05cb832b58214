import type { ErrorDetail } from '../../../shared/api/api-error';

/** A user as the simulation names one. */
export interface UserRef {
  readonly id: string;
  readonly name: string | null;
}

/** An action of the process as the simulation evaluated it (engine/approvals/describe-actions.ts). */
export type SimulatedAction =
  | { readonly at: string; readonly type: 'setField'; readonly field: string; readonly value: unknown; readonly expression?: string }
  | { readonly at: string; readonly type: 'email'; readonly to: readonly (UserRef & { email: string })[]; readonly subject: string; readonly body: string }
  | { readonly at: string; readonly type: 'webhook'; readonly url: string; readonly body: unknown }
  | { readonly at: string; readonly type: 'createRecord'; readonly object: string; readonly values: Record<string, unknown> }
  | { readonly at: string; readonly type: 'convert'; readonly records: readonly { readonly as: string; readonly object: string; readonly values: Record<string, unknown> }[] }
  | { readonly at: string; readonly type: 'packAction'; readonly pack: string; readonly action: string; readonly label: string; readonly params: Record<string, unknown> };

export interface SimulatedStep {
  readonly name: string;
  readonly label: string;
  readonly status: 'entered' | 'skipped';
  readonly condition: string | null;
  readonly conditionMet: boolean;
  readonly mode: 'first' | 'all' | 'quorum';
  readonly quorum: number;
  readonly approvers: readonly (UserRef & { delegate?: UserRef })[];
  readonly noApprover?: string;
  readonly onEnter: readonly SimulatedAction[];
  readonly onLeave: readonly SimulatedAction[];
}

/** What POST /meta/approval-processes/:name/simulate answers. */
export interface ApprovalSimulation {
  readonly admitted: boolean;
  readonly maySubmit: boolean;
  readonly path: readonly string[];
  readonly steps: readonly SimulatedStep[];
  readonly onSubmit: readonly SimulatedAction[];
  readonly onApprove: readonly SimulatedAction[];
  readonly problems: readonly ErrorDetail[];
}

/** The field types the simulation form offers an input for; the rest keep their defaults. */
export const SAMPLE_TYPES: ReadonlySet<string> = new Set(['text', 'email', 'phone', 'url', 'number', 'currency', 'percent', 'date', 'picklist', 'boolean']);

/** The request body: the values typed (blank ones left to the object's defaults), or a stored record with them over it. */
export function simulationRequest(values: Record<string, unknown>, recordId: string): { record?: Record<string, unknown>; recordId?: string } {
  const record = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== null && value !== ''));
  const id = recordId.trim();
  if (id) return { recordId: id, ...(Object.keys(record).length > 0 ? { record } : {}) };
  return { record };
}

/** An action as one line of text: the i18n key under setup.approvals and its values. */
export function actionText(action: SimulatedAction): { key: string; values: Record<string, string> } {
  switch (action.type) {
    case 'setField':
      return { key: 'actionSetField', values: { field: action.field, value: action.value === null ? '∅' : typeof action.value === 'string' ? action.value : JSON.stringify(action.value) } };
    case 'email':
      return { key: 'actionEmail', values: { subject: action.subject, to: action.to.map((user) => user.name ?? user.email).join(', ') } };
    case 'webhook':
      return { key: 'actionWebhook', values: { url: action.url } };
    case 'createRecord':
      return { key: 'actionCreateRecord', values: { object: action.object } };
    case 'convert':
      return { key: 'actionConvert', values: { objects: action.records.map((record) => record.object).join(', ') } };
    case 'packAction':
      return { key: 'actionPackAction', values: { label: action.label, pack: action.pack } };
  }
}

/** The server's problems with a simulation request on the sample form's fields (/record/<field>) and the record id. */
export function simulationErrors(details: readonly ErrorDetail[]): { controls: Record<string, string[]>; form: string[] } {
  const controls: Record<string, string[]> = {};
  const form: string[] = [];
  for (const detail of details) {
    const field = /^\/record\/([^/]+)/.exec(detail.path)?.[1] ?? (detail.path === '/recordId' ? '__recordId' : undefined);
    if (field) (controls[field] ??= []).push(detail.message);
    else form.push(detail.path ? `${detail.path}: ${detail.message}` : detail.message);
  }
  return { controls, form };
}
