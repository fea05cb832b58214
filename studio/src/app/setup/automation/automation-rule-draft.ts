import type { ErrorDetail } from '../../../shared/api/api-error';
import type { LocalizedText } from '../../../shared/i18n/localize';
import { draftText } from '../draft-text';
import { filterToModel, modelToFilter, type FilterModel } from '../../list/filter/filter-rows';
import { EMAIL_LANGUAGES, TIMED, type AutomationAction, type AutomationRuleDefinition, type EmailTranslations, type Recipient, type Trigger, type Weekday } from './automation-rule-definition';

/** How a field update gets its value: a fixed value, an expression over the record, or none (clears it). */
export type ValueMode = 'value' | 'expression' | 'clear';

/** One pair of a created record: its field and the expression giving the value. */
export interface CreateValueDraft {
  readonly field: string | undefined;
  readonly expression: string;
}

/** An action as its form edits it: one shape per type, `type` deciding which form shows. */
export type ActionDraft =
  | { readonly type: 'setField'; readonly field: string | undefined; readonly mode: ValueMode; readonly value?: unknown; readonly expression: string }
  | { readonly type: 'email'; readonly to: readonly string[]; readonly subject: string; readonly body: string; readonly translations: EmailTranslations }
  | { readonly type: 'webhook'; readonly url: string; readonly body: string }
  | { readonly type: 'createRecord'; readonly object: string | undefined; readonly values: readonly CreateValueDraft[] }
  /** An installed pack's action, picked as `<pack>/<action>`, its params as JSON text. */
  | { readonly type: 'packAction'; readonly action: string | undefined; readonly params: string }
  /** A conversion into several records, as the JSON of the schema's `convert` (its records, their mappings and links). */
  | { readonly type: 'convert'; readonly conversion: string };

export type ActionType = ActionDraft['type'];
export const ACTION_TYPES: readonly ActionType[] = ['setField', 'email', 'webhook', 'createRecord', 'convert', 'packAction'];

/** When a time-based rule fires against its date field. */
export type TimeWhen = 'before' | 'after' | 'at';
/** The unit of a time-based rule's offset: days, hours, minutes (an ISO 8601 duration's D, H, M). */
export type TimeUnit = 'D' | 'H' | 'M';

export interface AutomationRuleDraft {
  readonly labelEn: string;
  readonly labelZh: string;
  readonly name: string;
  readonly description: string;
  readonly object: string | undefined;
  readonly active: boolean;
  readonly on: Trigger;
  readonly order: number;
  readonly condition: string;
  /** on: time, its date field and offset; `timeAt` (HH:MM, a date's time of day) and `timeZone` empty for the defaults. */
  readonly timeField: string | undefined;
  readonly timeWhen: TimeWhen;
  readonly timeAmount: number;
  readonly timeUnit: TimeUnit;
  readonly timeAt: string;
  readonly timeZone: string;
  /** on: schedule, its days, time and the records it runs on. */
  readonly scheduleDays: readonly Weekday[];
  readonly scheduleAt: string;
  readonly scheduleZone: string;
  readonly scheduleFilter: FilterModel;
  /** Time-based and scheduled rules: the user they act as (none: the engine). */
  readonly runAs: string | undefined;
  readonly actions: readonly ActionDraft[];
}

const WORKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const NO_CONDITIONS: FilterModel = { join: 'and', rows: [] };

/** The parts of a rule's time trigger as its controls edit them, before anything is chosen. */
const NO_TIMING = {
  timeField: undefined,
  timeWhen: 'before' as TimeWhen,
  timeAmount: 1,
  timeUnit: 'D' as TimeUnit,
  timeAt: '',
  timeZone: '',
  scheduleDays: WORKDAYS,
  scheduleAt: '09:00',
  scheduleZone: '',
  scheduleFilter: NO_CONDITIONS,
  runAs: undefined,
};

/** An offset in the largest of days, hours, minutes that counts it whole (P1DT12H is 36 hours). */
export function offsetOf(duration: string): { amount: number; unit: TimeUnit } {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(duration);
  const [, days = '0', hours = '0', minutes = '0'] = match ?? [];
  const total = (Number(days) * 24 + Number(hours)) * 60 + Number(minutes);
  if (total % 1440 === 0) return { amount: total / 1440, unit: 'D' };
  if (total % 60 === 0) return { amount: total / 60, unit: 'H' };
  return { amount: total, unit: 'M' };
}

/** An offset as an ISO 8601 duration: 3 days P3D, 4 hours PT4H. */
export function durationOf(amount: number, unit: TimeUnit): string {
  return unit === 'D' ? `P${amount}D` : `PT${amount}${unit}`;
}

/** A new action of a type, empty: what the type picker puts in place of the action it replaces. */
export function emptyAction(type: ActionType): ActionDraft {
  switch (type) {
    case 'setField':
      return { type, field: undefined, mode: 'value', expression: '' };
    case 'email':
      return { type, to: [], subject: '', body: '', translations: {} };
    case 'webhook':
      return { type, url: '', body: '' };
    case 'createRecord':
      return { type, object: undefined, values: [] };
    case 'packAction':
      return { type, action: undefined, params: '{}' };
    case 'convert':
      return { type, conversion: JSON.stringify({ create: [{ as: '', object: '', values: {}, links: {} }], links: {} }, null, 2) };
  }
}

export function newRuleDraft(object: string | undefined): AutomationRuleDraft {
  return { labelEn: '', labelZh: '', name: '', description: '', object, active: true, on: 'createOrUpdate', order: 0, condition: '', ...NO_TIMING, actions: [emptyAction('setField')] };
}

/** Recipients as one select's values: the fixed ones by name, a user as `user:<id>`, a lookup field as `field:<name>`. */
export function recipientKey(recipient: Recipient): string {
  if (typeof recipient === 'string') return recipient;
  return 'user' in recipient ? `user:${recipient.user}` : `field:${recipient.field}`;
}

export function recipientOf(key: string): Recipient {
  if (key.startsWith('user:')) return { user: key.slice('user:'.length) };
  if (key.startsWith('field:')) return { field: key.slice('field:'.length) };
  return key as Recipient;
}

/** An action as its form edits it. */
export function actionDraftOf(action: AutomationAction): ActionDraft {
  if ('setField' in action) {
    if (action.expression !== undefined) return { type: 'setField', field: action.setField, mode: 'expression', expression: action.expression };
    return action.value === null || action.value === undefined
      ? { type: 'setField', field: action.setField, mode: 'clear', expression: '' }
      : { type: 'setField', field: action.setField, mode: 'value', value: action.value, expression: '' };
  }
  if ('email' in action) return { type: 'email', to: action.email.to.map(recipientKey), subject: action.email.subject, body: action.email.body, translations: action.email.translations ?? {} };
  if ('webhook' in action) return { type: 'webhook', url: action.webhook.url, body: action.webhook.body ?? '' };
  if ('packAction' in action) return { type: 'packAction', action: `${action.packAction.pack}/${action.packAction.action}`, params: JSON.stringify(action.packAction.params ?? {}, null, 2) };
  if ('convert' in action) return { type: 'convert', conversion: JSON.stringify(action.convert, null, 2) };
  return { type: 'createRecord', object: action.createRecord.object, values: Object.entries(action.createRecord.values).map(([field, expression]) => ({ field, expression })) };
}

export function automationRuleDraftOf(rule: AutomationRuleDefinition): AutomationRuleDraft {
  return {
    labelEn: rule.label?.en ?? '',
    labelZh: rule.label?.['zh-CN'] ?? '',
    name: rule.name,
    description: rule.description ?? '',
    object: rule.object,
    active: rule.active !== false,
    on: rule.on ?? 'createOrUpdate',
    order: rule.order ?? 0,
    condition: rule.condition ?? '',
    ...NO_TIMING,
    ...(rule.time
      ? {
          timeField: rule.time.field,
          timeWhen: rule.time.before ? 'before' : rule.time.after ? 'after' : 'at',
          ...((): { timeAmount: number; timeUnit: TimeUnit } => {
            const offset = offsetOf(rule.time.before ?? rule.time.after ?? 'P1D');
            return { timeAmount: offset.amount, timeUnit: offset.unit };
          })(),
          timeAt: rule.time.at ?? '',
          timeZone: rule.time.timeZone ?? '',
        }
      : {}),
    ...(rule.schedule
      ? {
          scheduleDays: rule.schedule.days ?? ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
          scheduleAt: rule.schedule.at,
          scheduleZone: rule.schedule.timeZone ?? '',
          scheduleFilter: (rule.schedule.filter && filterToModel(rule.schedule.filter)) || NO_CONDITIONS,
        }
      : {}),
    runAs: rule.runAs,
    actions: rule.actions.map(actionDraftOf),
  };
}

/** The trigger's own part of the definition: a time-based rule's time, a scheduled one's schedule, and their run-as user. */
function timingOf(draft: AutomationRuleDraft): Pick<AutomationRuleDefinition, 'time' | 'schedule' | 'runAs'> {
  const runAs = TIMED.has(draft.on) && draft.runAs ? { runAs: draft.runAs } : {};
  if (draft.on === 'time') {
    const offset = draft.timeWhen === 'at' ? {} : { [draft.timeWhen]: durationOf(draft.timeAmount, draft.timeUnit) };
    return { time: { field: draft.timeField ?? '', ...offset, ...(draft.timeAt ? { at: draft.timeAt } : {}), ...(draft.timeZone.trim() ? { timeZone: draft.timeZone.trim() } : {}) }, ...runAs };
  }
  if (draft.on === 'schedule') {
    const filter = modelToFilter(draft.scheduleFilter);
    const everyDay = draft.scheduleDays.length === 7;
    return {
      schedule: {
        ...(everyDay ? {} : { days: draft.scheduleDays }),
        at: draft.scheduleAt,
        ...(draft.scheduleZone.trim() ? { timeZone: draft.scheduleZone.trim() } : {}),
        ...(filter ? { filter } : {}),
      },
      ...runAs,
    };
  }
  return {};
}

/** An action as the schema wants it; blanks are sent as they are, so the server names what is missing. */
/** The languages an admin wrote something in; a language left empty falls back to the subject and body. */
function translationsOf(translations: EmailTranslations | undefined): { translations?: EmailTranslations } {
  const written = EMAIL_LANGUAGES.flatMap((language) => {
    const text = translations?.[language];
    return text && (text.subject?.trim() || text.body?.trim()) ? [[language, { subject: text.subject ?? '', body: text.body ?? '' }] as const] : [];
  });
  return written.length > 0 ? { translations: Object.fromEntries(written) } : {};
}

export function actionOf(draft: ActionDraft): AutomationAction {
  switch (draft.type) {
    case 'setField': {
      const field = draft.field ?? '';
      if (draft.mode === 'expression') return { setField: field, expression: draft.expression.trim() };
      return { setField: field, value: draft.mode === 'clear' || draft.value === undefined || draft.value === '' ? null : draft.value };
    }
    case 'email':
      return { email: { to: draft.to.map(recipientOf), subject: draft.subject, body: draft.body, ...translationsOf(draft.translations) } };
    case 'webhook':
      return { webhook: { url: draft.url.trim(), ...(draft.body.trim() ? { body: draft.body } : {}) } };
    case 'createRecord':
      return { createRecord: { object: draft.object ?? '', values: Object.fromEntries(draft.values.filter((pair) => pair.field).map((pair) => [pair.field!, pair.expression.trim()])) } };
    case 'packAction': {
      const [pack = '', action = ''] = (draft.action ?? '').split('/');
      return { packAction: { pack, action, params: paramsOf(draft.params) } };
    }
    case 'convert':
      return { convert: paramsOf(draft.conversion) as unknown as Extract<AutomationAction, { convert: unknown }>['convert'] };
  }
}

/** The params text as an object; text that is not one is sent as it is, for the server to name (the form refuses it first). */
function paramsOf(text: string): Readonly<Record<string, unknown>> {
  try {
    return JSON.parse(text.trim() || '{}') as Readonly<Record<string, unknown>>;
  } catch {
    return text as unknown as Readonly<Record<string, unknown>>;
  }
}

/** The definition to save, holding only what differs from the defaults (active, createOrUpdate, order 0, no condition). */
export function automationRuleDefinitionOf(draft: AutomationRuleDraft): AutomationRuleDefinition & { label?: LocalizedText } {
  const label = draftText(draft.labelEn, draft.labelZh);
  const condition = draft.condition.trim();
  return {
    name: draft.name.trim(),
    ...(label ? { label } : {}),
    ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
    object: draft.object ?? '',
    ...(draft.active ? {} : { active: false }),
    ...(draft.on === 'createOrUpdate' ? {} : { on: draft.on }),
    ...(draft.order ? { order: draft.order } : {}),
    ...(condition ? { condition } : {}),
    ...timingOf(draft),
    actions: draft.actions.map(actionOf),
  };
}

/** The same rule switched on or off, as the list's switch saves it: nothing else of it changes. */
export function withActive(rule: AutomationRuleDefinition, active: boolean): AutomationRuleDefinition {
  const { active: _ignored, ...rest } = rule;
  return active ? rest : { ...rest, active: false };
}

const TOP: readonly (readonly [RegExp, string])[] = [
  [/^\/name$/, 'name'],
  [/^\/label(\/en)?$/, 'labelEn'],
  [/^\/label\/zh-CN$/, 'labelZh'],
  [/^\/description$/, 'description'],
  [/^\/object$/, 'object'],
  [/^\/active$/, 'active'],
  [/^\/on$/, 'on'],
  [/^\/order$/, 'order'],
  [/^\/condition$/, 'condition'],
  [/^\/time(\/field)?$/, 'timeField'],
  [/^\/time\/(before|after)$/, 'timeAmount'],
  [/^\/time\/at$/, 'timeAt'],
  [/^\/time\/timeZone$/, 'timeZone'],
  [/^\/schedule\/days(\/|$)/, 'scheduleDays'],
  [/^\/schedule(\/at)?$/, 'scheduleAt'],
  [/^\/schedule\/timeZone$/, 'scheduleZone'],
  [/^\/schedule\/filter(\/|$)/, 'scheduleFilter'],
  [/^\/runAs$/, 'runAs'],
];

/** Within /actions/<n>: the action's part → its control (the field of a created record's value is found by name). */
const ACTION: readonly (readonly [RegExp, string])[] = [
  [/^\/setField$/, 'field'],
  [/^\/value(\/|$)/, 'value'],
  [/^\/expression$/, 'expression'],
  [/^\/email\/to(\/|$)/, 'to'],
  [/^\/email\/subject$/, 'subject'],
  [/^\/email\/body$/, 'body'],
  [/^\/webhook\/url$/, 'url'],
  [/^\/webhook\/body$/, 'body'],
  [/^\/createRecord\/object$/, 'object'],
  // A field the target requires and the action leaves out: said on the object picked.
  [/^\/createRecord\/values$/, 'object'],
  [/^\/packAction\/(pack|action)$/, 'action'],
  [/^\/packAction\/params(\/|$)/, 'params'],
  [/^\/convert(\/|$)/, 'conversion'],
  [/^$/, 'type'],
];

/**
 * The control of an action in a list of them (`/actions/2/email/subject` → `actions.2.subject`;
 * `/onApprove/0/setField` → `onApprove.0.field` for the list `onApprove`), or undefined when the
 * path is not in that list. The field of a created record's value is found by name.
 */
export function actionControl(path: string, list: string, actions: readonly ActionDraft[] | undefined): string | undefined {
  const action = new RegExp(`^/${list}/(\\d+)(.*)$`).exec(path);
  if (!action) return undefined;
  const [, index, rest = ''] = action;
  const translation = /^\/email\/translations\/(en|zh-CN|zh-TW)\/(subject|body)$/.exec(rest);
  if (translation) return `${list}.${index}.translations.${translation[1]}.${translation[2]}`;
  const value = /^\/createRecord\/values\/([^/]+)$/.exec(rest);
  if (value) {
    const at = actions?.[Number(index)];
    const row = at?.type === 'createRecord' ? at.values.findIndex((pair) => pair.field === value[1]) : -1;
    return row < 0 ? `${list}.${index}.object` : `${list}.${index}.values.${row}.expression`;
  }
  const part = ACTION.find(([pattern]) => pattern.test(rest));
  return part ? `${list}.${index}.${part[1]}` : undefined;
}

/**
 * The server's problems on the editor's controls. Controls of an action are dotted paths
 * (`actions.2.subject`, `actions.0.values.1.expression`) that use-server-errors turns into the
 * form's name paths; problems no control owns stay for the form as a whole.
 */
export function automationRuleErrors(details: readonly ErrorDetail[], draft: Pick<AutomationRuleDraft, 'actions'>) {
  const control = (path: string): string | undefined => {
    const top = TOP.find(([pattern]) => pattern.test(path));
    if (top) return top[1];
    return actionControl(path, 'actions', draft.actions);
  };
  const controls: Partial<Record<string, string[]>> = {};
  const form: string[] = [];
  for (const detail of details) {
    const found = control(detail.path);
    if (found) (controls[found] ??= []).push(detail.message);
    else form.push(detail.path ? `${detail.path}: ${detail.message}` : detail.message);
  }
  return { controls, form };
}
