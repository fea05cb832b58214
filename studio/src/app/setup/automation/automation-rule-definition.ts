import type { LocalizedText } from '../../../shared/i18n/localize';

/** Who an e-mail goes to (automation-rule.schema.json's Recipient). */
export type Recipient = 'submitter' | 'approvers' | 'owner' | { readonly user: string } | { readonly field: string };

/** One action of a rule: exactly one of these shapes (the schema's Action). */
export type AutomationAction =
  | { readonly setField: string; readonly value?: unknown; readonly expression?: string }
  | { readonly email: { readonly to: readonly Recipient[]; readonly subject: string; readonly body: string } }
  | { readonly webhook: { readonly url: string; readonly body?: string } }
  | { readonly createRecord: { readonly object: string; readonly values: Readonly<Record<string, string>> } }
  | { readonly packAction: { readonly pack: string; readonly action: string; readonly params?: Readonly<Record<string, unknown>> } };

export type Trigger = 'create' | 'update' | 'createOrUpdate';
export const TRIGGERS: readonly Trigger[] = ['createOrUpdate', 'create', 'update'];

/** An automation rule as /meta/automation-rules answers it. */
export interface AutomationRuleDefinition {
  readonly name: string;
  readonly label?: LocalizedText;
  readonly description?: string;
  readonly object: string;
  readonly active?: boolean;
  readonly order?: number;
  readonly on?: Trigger;
  readonly condition?: string;
  readonly actions: readonly AutomationAction[];
}
