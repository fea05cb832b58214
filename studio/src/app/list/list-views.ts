import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../shared/api/api-client';
import type { UiLanguage } from '../../shared/i18n/languages';
import { useLanguage } from '../../shared/i18n/use-language';
import { listColumns, type FieldDefinition, type ObjectDefinition } from '../../shared/metadata/object-definition';
import { parseFilterParam } from './filter/filter-rows';

/** A list view as GET /api/v1/ui/views/:object gives it: shared, or the user's own. */
export interface ListView {
  readonly name: string;
  readonly object: string;
  readonly label: string;
  readonly columns: readonly string[];
  readonly filter?: Readonly<Record<string, unknown>>;
  readonly sort?: readonly string[];
  readonly kanbanField?: string;
  readonly personal: boolean;
}

/** What POST and PUT /api/v1/ui/views take: a view without its name and object. */
export interface PersonalViewBody {
  readonly label: { readonly en: string; readonly 'zh-CN': string };
  readonly columns: readonly string[];
  readonly filter?: Readonly<Record<string, unknown>>;
  readonly sort?: readonly string[];
  readonly kanbanField?: string;
}

export const listViewsQuery = (object: string, language: UiLanguage) =>
  queryOptions({
    queryKey: ['ui', 'views', object, language],
    queryFn: () => api<{ views: readonly ListView[] }>(`/ui/views/${encodeURIComponent(object)}`, { query: { lang: language } }),
    staleTime: 60_000,
  });

export function useListViews(object: string) {
  return useQuery(listViewsQuery(object, useLanguage()));
}

/** The columns of the list: the picked view's (those the object still has), else the object's first ones. */
export function viewColumns(object: ObjectDefinition, view: ListView | undefined): FieldDefinition[] {
  const fields = view?.columns.flatMap((name) => object.fields.filter((field) => field.name === name)) ?? [];
  return fields.length > 0 ? fields : listColumns(object);
}

/** The list's columns, the same array while the object and view stay (the list's queries depend on it). */
export function useViewColumns(object: ObjectDefinition, viewName: string | null): FieldDefinition[] {
  const views = useListViews(object.name);
  const view = views.data?.views.find((candidate) => candidate.name === viewName);
  return useMemo(() => viewColumns(object, view), [object, view]);
}

/**
 * The address after picking a view: its name, filter and sort replace the ones there (the search
 * and page size stay); no view clears all three. A view with a kanban field opens as a board
 * grouped by it; any other view (and no view) leaves a board for the table.
 */
export function viewParams(params: URLSearchParams, view: ListView | undefined): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of ['view', 'filter', 'sort']) next.delete(key);
  if (view?.kanbanField) {
    next.set('mode', 'kanban');
    next.set('group', view.kanbanField);
  } else if (next.get('mode') === 'kanban') {
    next.delete('mode');
    next.delete('group');
  }
  if (!view) return next;
  next.set('view', view.name);
  if (view.filter && Object.keys(view.filter).length > 0) next.set('filter', JSON.stringify(view.filter));
  if (view.sort && view.sort.length > 0) next.set('sort', view.sort.join(','));
  return next;
}

/**
 * The list as it stands, as a personal view: its columns, the address's `filter` (JSON in the
 * filter language, as the filter builder writes it) and `sort`. The label is the user's own words,
 * the same in every language.
 */
export function personalViewBody(label: string, columns: readonly FieldDefinition[], params: URLSearchParams, kanbanField?: string): PersonalViewBody {
  const text = label.trim();
  const parsed = parseFilterParam(params.get('filter'));
  const filter = parsed && Object.keys(parsed).length > 0 ? parsed : undefined;
  const sort = (params.get('sort') ?? '').split(',').filter(Boolean);
  return {
    label: { en: text, 'zh-CN': text },
    columns: columns.map((field) => field.name),
    ...(filter ? { filter } : {}),
    ...(sort.length > 0 ? { sort } : {}),
    ...(kanbanField ? { kanbanField } : {}),
  };
}

/** The same view under a new label. */
export function renamedBody(view: ListView, label: string): PersonalViewBody {
  const text = label.trim();
  return {
    label: { en: text, 'zh-CN': text },
    columns: view.columns,
    ...(view.filter ? { filter: view.filter } : {}),
    ...(view.sort ? { sort: view.sort } : {}),
    ...(view.kanbanField ? { kanbanField: view.kanbanField } : {}),
  };
}
