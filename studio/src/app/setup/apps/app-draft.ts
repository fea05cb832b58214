import type { ErrorDetail } from '../../../shared/api/api-error';
import type { LocalizedText } from '../../../shared/i18n/localize';
import { audienceOf, audienceSets, type Audience } from '../audience';
import { controlErrors } from '../control-errors';
import { draftText } from '../draft-text';

/** A tab as app.schema.json writes it: an object's list, or a page of the web app. */
export type AppTabDefinition = { readonly object: string } | { readonly page: string; readonly label?: LocalizedText };

/** An app as /meta/apps answers it (app.schema.json). */
export interface AppDefinition {
  readonly name: string;
  readonly label?: LocalizedText;
  readonly description?: string;
  readonly icon?: string;
  readonly order?: number;
  readonly tabs: readonly AppTabDefinition[];
  readonly permissionSets?: readonly string[];
}

export interface AppDraft {
  readonly labelEn: string;
  readonly labelZh: string;
  readonly name: string;
  readonly description: string;
  readonly icon: string | undefined;
  readonly order: number | null;
  readonly tabs: readonly AppTabDefinition[];
  readonly audience: Audience;
  readonly permissionSets: readonly string[];
}

export type AppControl = 'labelEn' | 'labelZh' | 'name' | 'description' | 'icon' | 'order' | 'tabs' | 'permissionSets';

/** A new app starts with the home page as its first tab, as most apps have. */
export const EMPTY_APP: AppDraft = {
  labelEn: '',
  labelZh: '',
  name: '',
  description: '',
  icon: undefined,
  order: null,
  tabs: [{ page: '/' }],
  audience: 'everyone',
  permissionSets: [],
};

/** A tab's key in the editor's list: an app names an object or a page once (the server refuses repeats). */
export function tabKey(tab: AppTabDefinition): string {
  return 'object' in tab ? `object:${tab.object}` : `page:${tab.page}`;
}

/** The app's tabs with an object's list added at the end, unless it is there already. */
export function withObjectTab(tabs: readonly AppTabDefinition[], object: string): AppTabDefinition[] {
  return tabs.some((tab) => 'object' in tab && tab.object === object) ? [...tabs] : [...tabs, { object }];
}

export function appDraftOf(app: AppDefinition): AppDraft {
  const sets = app.permissionSets ?? [];
  return {
    labelEn: app.label?.en ?? '',
    labelZh: app.label?.['zh-CN'] ?? '',
    name: app.name,
    description: app.description ?? '',
    icon: app.icon,
    order: app.order ?? null,
    tabs: app.tabs,
    audience: audienceOf(sets),
    permissionSets: sets,
  };
}

/** The definition to save, with only what differs from the defaults (files keep only that). */
export function appDefinitionOf(draft: AppDraft): AppDefinition {
  const label = draftText(draft.labelEn, draft.labelZh);
  const sets = audienceSets(draft.audience, draft.permissionSets);
  return {
    name: draft.name.trim(),
    ...(label ? { label } : {}),
    ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
    ...(draft.icon ? { icon: draft.icon } : {}),
    ...(draft.order ? { order: draft.order } : {}),
    tabs: draft.tabs,
    ...(sets.length > 0 ? { permissionSets: sets } : {}),
  };
}

const CONTROLS: readonly (readonly [RegExp, AppControl])[] = [
  [/^\/name$/, 'name'],
  [/^\/label(\/en)?$/, 'labelEn'],
  [/^\/label\/zh-CN$/, 'labelZh'],
  [/^\/description$/, 'description'],
  [/^\/icon$/, 'icon'],
  [/^\/order$/, 'order'],
  [/^\/tabs(\/|$)/, 'tabs'],
  [/^\/permissionSets(\/|$)/, 'permissionSets'],
];

export function appErrors(details: readonly ErrorDetail[]) {
  return controlErrors(details, CONTROLS);
}
