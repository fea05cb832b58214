import type { ErrorDetail } from '../../../shared/api/api-error';
import type { LocalizedText } from '../../../shared/i18n/localize';

/** The events a webhook may listen to (engine/schemas/webhook.schema.json). */
export const WEBHOOK_EVENTS = ['record.created', 'record.updated', 'record.deleted', 'approval.submitted', 'approval.approved', 'approval.rejected', 'approval.recalled'] as const;
export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];

export interface WebhookEvent {
  readonly on: WebhookEventName;
  readonly object?: string;
  readonly fields?: readonly string[];
  readonly process?: string;
}

/** A webhook as the metadata API reads it: its secret is always the mask there. */
export interface WebhookDefinition {
  readonly name: string;
  readonly label?: LocalizedText;
  readonly description?: string;
  readonly url: string;
  readonly active?: boolean;
  readonly events: readonly WebhookEvent[];
  readonly runAs?: string;
  readonly secret?: string;
}

/** What the editor's form holds. */
export interface WebhookDraft {
  name: string;
  labelEn: string;
  labelZh: string;
  description: string;
  url: string;
  active: boolean;
  runAs?: string;
  secret: string;
  events: { on?: WebhookEventName; object?: string; fields?: string[]; process?: string }[];
}

export const isRecordEvent = (name: WebhookEventName | undefined): boolean => name?.startsWith('record.') === true;

export function newWebhookDraft(): WebhookDraft {
  return { name: '', labelEn: '', labelZh: '', description: '', url: 'https://', active: true, secret: '', events: [{ on: 'record.created' }] };
}

export function webhookDraftOf(webhook: WebhookDefinition): WebhookDraft {
  return {
    name: webhook.name,
    labelEn: webhook.label?.en ?? '',
    labelZh: webhook.label?.['zh-CN'] ?? '',
    description: webhook.description ?? '',
    url: webhook.url,
    active: webhook.active !== false,
    ...(webhook.runAs ? { runAs: webhook.runAs } : {}),
    // The stored secret stays unless a new one is typed: the field starts empty.
    secret: '',
    events: webhook.events.map((event) => ({ ...event, fields: event.fields ? [...event.fields] : undefined })),
  };
}

/** The whole definition the form describes; an empty secret is left out, so the stored one stays (or a new webhook gets one generated). */
export function webhookDefinitionOf(draft: WebhookDraft): WebhookDefinition {
  const label = { en: draft.labelEn.trim(), ...(draft.labelZh.trim() ? { 'zh-CN': draft.labelZh.trim() } : {}) };
  return {
    name: draft.name.trim(),
    label,
    ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
    url: draft.url.trim(),
    ...(draft.active ? {} : { active: false }),
    ...(draft.runAs ? { runAs: draft.runAs } : {}),
    ...(draft.secret ? { secret: draft.secret } : {}),
    events: draft.events.map((event) =>
      isRecordEvent(event.on)
        ? { on: event.on!, object: event.object!, ...(event.on === 'record.updated' && event.fields?.length ? { fields: event.fields } : {}) }
        : { on: event.on!, process: event.process! },
    ),
  };
}

/** Where the server's problems go: /events/0/object onto that event's object control, the rest above the buttons. */
const CONTROLS: readonly [RegExp, string][] = [
  [/^\/label\/en$/, 'labelEn'],
  [/^\/label\/zh-CN$/, 'labelZh'],
  [/^\/(name|url|secret|runAs|description)$/, '$1'],
];

export function webhookErrors(details: readonly ErrorDetail[]): { controls: Partial<Record<string, string[]>>; form: string[] } {
  const controls: Partial<Record<string, string[]>> = {};
  const form: string[] = [];
  for (const detail of details) {
    const event = /^\/events\/(\d+)\/(on|object|fields|process)(?:\/\d+)?$/.exec(detail.path);
    const match = CONTROLS.find(([pattern]) => pattern.test(detail.path));
    if (event) (controls[`events.${event[1]}.${event[2]}`] ??= []).push(detail.message);
    else if (match) (controls[detail.path.replace(match[0], match[1])] ??= []).push(detail.message);
    else form.push(detail.path ? `${detail.path}: ${detail.message}` : detail.message);
  }
  return { controls, form };
}
