import type { RecordLike } from '../../shared/metadata/record-value';
import type { FilterJson } from './filter/filter-rows';
import { expandableLookups, searchableFields, type FieldDefinition, type ObjectDefinition } from '../../shared/metadata/object-definition';

/** A page of records as GET /records/:object answers it. */
export interface ListAnswer {
  readonly records: readonly RecordLike[];
  readonly next: string | null;
  readonly total: number | null;
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

/**
 * The list request in the API's own language: `sort=-amount`, a cursor, and the search as an `or`
 * of `contains` over the object's text fields, so the server applies the user's access as usual.
 */
export function listQuery(object: ObjectDefinition, columns: readonly FieldDefinition[], state: ListState, readable: readonly ObjectDefinition[]): Record<string, string | number | boolean | undefined> {
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
