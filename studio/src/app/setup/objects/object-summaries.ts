import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../shared/api/api-client';
import { localize } from '../../../shared/i18n/localize';
import type { UiLanguage } from '../../../shared/i18n/languages';
import type { ObjectDefinition } from '../../../shared/metadata/object-definition';
import { DEFAULT_OBJECT_ICON } from '../../../shared/shell/default-object-icon';

/** GET /meta/record-counts: each object's live records and whether it is a standard one. */
export interface ObjectCounts {
  readonly objects: Readonly<Record<string, { readonly records: number; readonly standard: boolean }>>;
}

export const recordCountsQuery = queryOptions({ queryKey: ['meta', 'record-counts'], queryFn: () => api<ObjectCounts>('/meta/record-counts'), staleTime: 30_000 });

/** One line of the object manager. */
export interface ObjectRow {
  readonly name: string;
  readonly label: string;
  /** Its icon name, the default when it names none. */
  readonly icon: string;
  readonly fields: number;
  readonly records: number | undefined;
  readonly standard: boolean | undefined;
}

/**
 * The object manager's lines: every object with its label in the user's language, those whose
 * label (in that language or English) or API name holds the text, sorted by label.
 */
export function objectRows(objects: readonly ObjectDefinition[], counts: ObjectCounts | undefined, language: UiLanguage, text: string): ObjectRow[] {
  const needle = text.trim().toLocaleLowerCase();
  return objects
    .map((object) => ({ object, label: localize(object.label, language, object.name) }))
    .filter(({ object, label }) => needle === '' || [label, localize(object.label, 'en', object.name), object.name].some((name) => name.toLocaleLowerCase().includes(needle)))
    .map(({ object, label }) => ({ name: object.name, label, icon: object.icon ?? DEFAULT_OBJECT_ICON, fields: object.fields.length, records: counts?.objects[object.name]?.records, standard: counts?.objects[object.name]?.standard }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
}
