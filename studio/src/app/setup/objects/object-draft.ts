import type { ErrorDetail } from '../../../shared/api/api-error';
import type { LocalizedText } from '../../../shared/i18n/localize';

/** The longest API name the engine accepts. */
export const API_NAME_MAX = 40;

/**
 * The API name an English label suggests: lower case, words joined by underscores, starting with a
 * letter, at most 40 characters ("Purchase Request (EU)" → purchase_request_eu). Empty when the
 * label holds no Latin letter or digit.
 */
export function suggestApiName(label: string): string {
  const words = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[_0-9]+|_+$/g, '');
  return words.slice(0, API_NAME_MAX).replace(/_+$/, '');
}

/** Sharing defaults the engine knows (see the object schema). */
export const SHARING_MODES = ['private', 'publicRead', 'publicReadWrite'] as const;
export type SharingMode = (typeof SHARING_MODES)[number];

/** What the object form edits. */
export interface ObjectDraft {
  readonly labelEn: string;
  readonly labelZh: string;
  readonly pluralEn: string;
  readonly pluralZh: string;
  readonly name: string;
  readonly description: string;
  readonly sharing: SharingMode;
  readonly hierarchy: boolean;
  /** An icon name (icon-names.ts); empty: none chosen, the default. */
  readonly icon: string;
  /** A new object's record name field: its English label (its API name is `name`). */
  readonly nameFieldLabel: string;
}

export type DraftControl = keyof ObjectDraft;

/** The labels the draft holds, leaving out the languages left blank. */
function text(en: string, zh: string): LocalizedText | undefined {
  const value = { ...(en.trim() ? { en: en.trim() } : {}), ...(zh.trim() ? { 'zh-CN': zh.trim() } : {}) };
  return Object.keys(value).length > 0 ? value : undefined;
}

/** The object a detail's records follow (its master-detail field's target); none for an object with a sharing of its own. */
export function masterOf(definition: { readonly fields?: readonly { readonly type: string; readonly [property: string]: unknown }[] } | undefined): string | undefined {
  const target = definition?.fields?.find((field) => field.type === 'masterdetail')?.target;
  return typeof target === 'string' ? target : undefined;
}

/**
 * The top-level properties of an object definition the draft sets (for PATCH, and the start of a
 * POST). A detail has no sharing of its own (its records follow their master): none is sent for it.
 */
export function objectProperties(draft: ObjectDraft, { detail = false }: { readonly detail?: boolean } = {}): Record<string, unknown> {
  const label = text(draft.labelEn, draft.labelZh);
  const pluralLabel = text(draft.pluralEn, draft.pluralZh);
  return {
    ...(label ? { label } : {}),
    ...(pluralLabel ? { pluralLabel } : {}),
    description: draft.description.trim() === '' ? undefined : draft.description.trim(),
    ...(detail ? {} : { sharing: draft.sharing }),
    grantAccessUsingHierarchy: draft.hierarchy,
    ...(draft.icon ? { icon: draft.icon } : {}),
  };
}

/** A new object's whole definition: its properties and its record name field, created in one call. */
export function newObjectDefinition(draft: ObjectDraft): Record<string, unknown> {
  const { description, ...properties } = objectProperties(draft);
  const nameLabel = draft.nameFieldLabel.trim() || 'Name';
  return {
    name: draft.name.trim(),
    ...properties,
    ...(description === undefined ? {} : { description }),
    fields: [{ name: 'name', type: 'text', required: true, label: { en: nameLabel } }],
  };
}

/** The draft of an existing object's definition. */
export function draftOf(definition: {
  name: string;
  label?: LocalizedText;
  pluralLabel?: LocalizedText;
  description?: string;
  sharing?: SharingMode;
  grantAccessUsingHierarchy?: boolean;
  icon?: string;
}): ObjectDraft {
  return {
    labelEn: definition.label?.en ?? '',
    labelZh: definition.label?.['zh-CN'] ?? '',
    pluralEn: definition.pluralLabel?.en ?? '',
    pluralZh: definition.pluralLabel?.['zh-CN'] ?? '',
    name: definition.name,
    description: definition.description ?? '',
    sharing: definition.sharing ?? 'publicReadWrite',
    hierarchy: definition.grantAccessUsingHierarchy ?? true,
    icon: definition.icon ?? '',
    nameFieldLabel: '',
  };
}

const CONTROLS: readonly [pattern: RegExp, control: DraftControl][] = [
  [/^\/name$/, 'name'],
  [/^\/label(\/en)?$/, 'labelEn'],
  [/^\/label\/zh-CN$/, 'labelZh'],
  [/^\/pluralLabel(\/en)?$/, 'pluralEn'],
  [/^\/pluralLabel\/zh-CN$/, 'pluralZh'],
  [/^\/description$/, 'description'],
  [/^\/sharing$/, 'sharing'],
  [/^\/grantAccessUsingHierarchy$/, 'hierarchy'],
  [/^\/icon$/, 'icon'],
  [/^\/fields\/0(\/|$)/, 'nameFieldLabel'],
];

/**
 * The server's problems (details[].path, JSON pointers into the body sent) on the controls that
 * caused them; those no control owns stay for the form as a whole.
 */
export function errorsByControl(details: readonly ErrorDetail[]): { controls: Partial<Record<DraftControl, string[]>>; form: string[] } {
  const controls: Partial<Record<DraftControl, string[]>> = {};
  const form: string[] = [];
  for (const detail of details) {
    const control = CONTROLS.find(([pattern]) => pattern.test(detail.path))?.[1];
    if (control) (controls[control] ??= []).push(detail.message);
    else form.push(detail.path ? `${detail.path}: ${detail.message}` : detail.message);
  }
  return { controls, form };
}
