import type { ErrorDetail } from '../../../shared/api/api-error';
import type { LocalizedText } from '../../../shared/i18n/localize';
import { filterToModel, modelToFilter, type FilterJson, type FilterModel } from '../../list/filter/filter-rows';
import { audienceOf, audienceSets, type Audience } from '../audience';
import { controlErrors } from '../control-errors';
import { draftText } from '../draft-text';

/** A shared list view as /meta/list-views answers it (list-view.schema.json). */
export interface ListViewDefinition {
  readonly name: string;
  readonly object: string;
  readonly label?: LocalizedText;
  readonly description?: string;
  readonly columns: readonly string[];
  readonly filter?: FilterJson;
  readonly sort?: readonly string[];
  readonly kanbanField?: string;
  readonly permissionSets?: readonly string[];
}

export interface ListViewDraft {
  readonly labelEn: string;
  readonly labelZh: string;
  readonly name: string;
  readonly description: string;
  readonly columns: readonly string[];
  readonly filter: FilterModel;
  /** A filter the condition rows cannot show (nested and/or, written by a script), kept whole until replaced. */
  readonly custom?: FilterJson;
  readonly sortField: string | undefined;
  readonly sortDescending: boolean;
  /** Sort keys after the first, written by a script: kept as they are (the form edits the first). */
  readonly moreSort: readonly string[];
  readonly kanbanField: string | undefined;
  readonly audience: Audience;
  readonly permissionSets: readonly string[];
}

export type ListViewControl = 'labelEn' | 'labelZh' | 'name' | 'description' | 'columns' | 'filter' | 'sortField' | 'kanbanField' | 'permissionSets';

export const EMPTY_LIST_VIEW: ListViewDraft = {
  labelEn: '',
  labelZh: '',
  name: '',
  description: '',
  columns: [],
  filter: { join: 'and', rows: [] },
  sortField: undefined,
  sortDescending: false,
  moreSort: [],
  kanbanField: undefined,
  audience: 'everyone',
  permissionSets: [],
};

/** A new view of an object: its first listable fields as columns, so it shows something at once. */
export function newListViewDraft(columns: readonly string[]): ListViewDraft {
  return { ...EMPTY_LIST_VIEW, columns };
}

export function listViewDraftOf(view: ListViewDefinition): ListViewDraft {
  const filter = view.filter === undefined ? { join: 'and' as const, rows: [] } : filterToModel(view.filter);
  const [first, ...moreSort] = view.sort ?? [];
  const sets = view.permissionSets ?? [];
  return {
    labelEn: view.label?.en ?? '',
    labelZh: view.label?.['zh-CN'] ?? '',
    name: view.name,
    description: view.description ?? '',
    columns: view.columns,
    filter: filter ?? { join: 'and', rows: [] },
    ...(filter || view.filter === undefined ? {} : { custom: view.filter }),
    sortField: first?.replace(/^-/, ''),
    sortDescending: first?.startsWith('-') ?? false,
    moreSort,
    kanbanField: view.kanbanField,
    audience: audienceOf(sets),
    permissionSets: sets,
  };
}

/**
 * The definition to save, with only what differs from the defaults. Incomplete conditions are left
 * out; a view without any lists every record. A sort key the first one repeats is dropped.
 */
export function listViewDefinitionOf(draft: ListViewDraft, object: string): ListViewDefinition {
  const label = draftText(draft.labelEn, draft.labelZh);
  const filter = modelToFilter(draft.filter) ?? draft.custom;
  const first = draft.sortField ? `${draft.sortDescending ? '-' : ''}${draft.sortField}` : undefined;
  const sort = first ? [first, ...draft.moreSort.filter((key) => key.replace(/^-/, '') !== draft.sortField)] : [];
  const sets = audienceSets(draft.audience, draft.permissionSets);
  return {
    name: draft.name.trim(),
    object,
    ...(label ? { label } : {}),
    ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
    columns: draft.columns,
    ...(filter ? { filter } : {}),
    ...(sort.length > 0 ? { sort } : {}),
    ...(draft.kanbanField ? { kanbanField: draft.kanbanField } : {}),
    ...(sets.length > 0 ? { permissionSets: sets } : {}),
  };
}

const CONTROLS: readonly (readonly [RegExp, ListViewControl])[] = [
  [/^\/name$/, 'name'],
  [/^\/label(\/en)?$/, 'labelEn'],
  [/^\/label\/zh-CN$/, 'labelZh'],
  [/^\/description$/, 'description'],
  [/^\/columns(\/|$)/, 'columns'],
  [/^\/filter(\/|$)/, 'filter'],
  [/^\/sort(\/|$)/, 'sortField'],
  [/^\/kanbanField$/, 'kanbanField'],
  [/^\/permissionSets(\/|$)/, 'permissionSets'],
];

export function listViewErrors(details: readonly ErrorDetail[]) {
  return controlErrors(details, CONTROLS);
}
