import { queryOptions } from '@tanstack/react-query';
import { api } from '../../shared/api/api-client';
import type { RecordLike } from '../../shared/metadata/record-value';
import { parseFilterParam, type FilterJson } from './filter/filter-rows';
import { expandableLookups, searchableFields, type FieldDefinition, type ObjectDefinition } from '../../shared/metadata/object-definition';

/** A page of records as GET /records/:object answers it. */
export interface ListAnswer {
  readonly records: readonly RecordLike[];
  readonly next: string | null;
  readonly total: number | null;
  /** How long the page took to arrive, measured here: an admin is told why when it is slow. */
  readonly elapsedMs?: number;
}

export const PAGE_SIZES: readonly number[] = [20, 50, 100];

export interface ListState {
  readonly sort: string;
  readonly search: string;
  readonly size: number;
  readonly cursor: string | undefined;
  /** The builder's filter (the address's `filter`), in the filter language. */
  readonly filter?: FilterJson;
}

/** What the address says about the records to show: the list page and its loader read it alike. */
export interface AddressState {
  readonly sort: string;
  readonly search: string;
  readonly size: number;
  readonly filter: FilterJson | undefined;
  /** One string per set of records (a new sort, search, page size or filter starts again at the first page). */
  readonly viewKey: string;
}

export function addressState(params: URLSearchParams): AddressState {
  const sort = params.get('sort') ?? '';
  const search = params.get('q') ?? '';
  const size = PAGE_SIZES.includes(Number(params.get('size'))) ? Number(params.get('size')) : PAGE_SIZES[0]!;
  return { sort, search, size, filter: parseFilterParam(params.get('filter')), viewKey: `${sort}|${search}|${size}|${params.get('filter') ?? ''}` };
}

/** The query string of GET /records/:object. */
export type ListParams = Record<string, string | number | boolean | undefined>;

export const recordsPageKey = (object: string, viewKey: string, cursor: string | undefined) => ['records', object, viewKey, cursor ?? ''];

/** One page of a list; the key leaves out the request's details (the view key stands for them). */
export const recordsPageQuery = (object: string, viewKey: string, cursor: string | undefined, query: () => ListParams | Promise<ListParams>) =>
  queryOptions({
    queryKey: recordsPageKey(object, viewKey, cursor),
    queryFn: async (): Promise<ListAnswer> => {
      const params = await query();
      const started = performance.now();
      const answer = await api<ListAnswer>(`/records/${object}`, { query: params });
      return { ...answer, elapsedMs: performance.now() - started };
    },
    // What the list's loader fetched while the page was loading is fresh when the page mounts.
    staleTime: 5_000,
  });

/**
 * The list request in the API's own language: `sort=-amount`, a cursor, and the search as an `or`
 * of `contains` over the object's text fields, so the server applies the user's access as usual.
 */
export function listQuery(object: ObjectDefinition, columns: readonly FieldDefinition[], state: ListState, readable: readonly ObjectDefinition[]): ListParams {
  const filter = viewFilter(object, state.search, state.filter);
  const lookups = expandableLookups(columns, readable);
  return {
    limit: state.size,
    total: true,
    sort: state.sort || undefined,
    cursor: state.cursor,
    filter: filter ? JSON.stringify(filter) : undefined,
    expand: lookups.length > 0 ? lookups.join(',') : undefined,
  };
}

/** The builder's filter and the search together: both must hold. */
export function viewFilter(object: ObjectDefinition, search: string, filter: FilterJson | undefined): FilterJson | undefined {
  const searchable = searchableFields(object);
  const searched = search && searchable.length > 0 ? { or: searchable.map((field) => ({ [field.name]: { contains: search } })) } : undefined;
  if (searched && filter) return { and: [filter, searched] };
  return searched ?? filter;
}

/** antd's sort order of a column from `sort=name` / `sort=-name`. */
export function sortOrderOf(sort: string, field: string): 'ascend' | 'descend' | null {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

/** The `sort` parameter after a click on a column header (no order: back to the default). */
export function nextSort(field: string | undefined, order: 'ascend' | 'descend' | null | undefined): string | undefined {
  if (!field || !order) return undefined;
  return order === 'descend' ? `-${field}` : field;
}
