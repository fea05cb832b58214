import type { LocalizedText } from '../../../shared/i18n/localize';

/** Who an e-mail goes to (automation-rule.schema.json's Recipient). */
export type Recipient = 'submitter' | 'approvers' | 'owner' | { readonly user: string } | { readonly field: string };

/** The languages an e-mail may be written in besides its own subject and body. */
export const EMAIL_LANGUAGES = ['en', 'zh-CN', 'zh-TW'] as const;
export type EmailLanguage = (typeof EMAIL_LANGUAGES)[number];

/** An e-mail's subject and body per language (the schema's EmailTranslations): each recipient reads their language's. */
export type EmailTranslations = Readonly<Partial<Record<EmailLanguage, { readonly subject: string; readonly body: string }>>>;

/** One action of a rule: exactly one of these shapes (the schema's Action). */
export type AutomationAction =
  | { readonly setField: string; readonly value?: unknown; readonly expression?: string }
  | { readonly email: { readonly to: readonly Recipient[]; readonly subject: string; readonly body: string; readonly translations?: EmailTranslations } }
  | { readonly webhook: { readonly url: string; readonly body?: string } }
  | { readonly createRecord: { readonly object: string; readonly values: Readonly<Record<string, string>> } }
  | { readonly packAction: { readonly pack: string; readonly action: string; readonly params?: Readonly<Record<string, unknown>> } }
  | { readonly convert: Conversion };

/** Several records created from one (the schema's convert action): each with its field mapping and its links. */
export interface Conversion {
  readonly create: readonly {
    readonly as: string;
    readonly object: string;
    readonly values?: Readonly<Record<string, string>>;
    readonly links?: Readonly<Record<string, string>>;
  }[];
  readonly links?: Readonly<Record<string, string>>;
}

/** A time-based rule's time: a date field's, moved by before or after (ISO durations). */
export interface TimeTrigger {
  readonly field: string;
  readonly before?: string;
  readonly after?: string;
  readonly at?: string;
  readonly timeZone?: string;
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** A scheduled rule's occasions and the records each runs on (a filter in the API's filter language). */
export interface Schedule {
  readonly days?: readonly Weekday[];
  readonly at: string;
  readonly timeZone?: string;
  readonly filter?: Readonly<Record<string, unknown>>;
}

export type Trigger = 'create' | 'update' | 'createOrUpdate' | 'time' | 'schedule' | 'button';
export const TRIGGERS: readonly Trigger[] = ['createOrUpdate', 'create', 'update', 'time', 'schedule', 'button'];

/** The triggers that run a rule at a time rather than in a write: they act as their run-as user. */
export const TIMED: ReadonlySet<Trigger> = new Set(['time', 'schedule']);

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
  readonly time?: TimeTrigger;
  readonly schedule?: Schedule;
  readonly runAs?: string;
  readonly actions: readonly AutomationAction[];
}
