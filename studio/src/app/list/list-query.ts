import { searchableFields, type FieldDefinition, type ObjectDefinition } from '../../shared/metadata/object-definition';

export const PAGE_SIZES: readonly number[] = [20, 50, 100];

export interface ListState {
  readonly sort: string;
  readonly search: string;
  readonly size: number;
  readonly cursor: string | undefined;
}

/**
 * The list request in the API's own language: `sort=-amount`, a cursor, and the search as an `or`
 * of `contains` over the object's text fields, so the server applies the user's access as usual.
 */
export function listQuery(object: ObjectDefinition, columns: readonly FieldDefinition[], state: ListState): Record<string, string | number | boolean | undefined> {
  const searchable = searchableFields(object);
  const filter = state.search && searchable.length > 0 ? { or: searchable.map((field) => ({ [field.name]: { contains: state.search } })) } : undefined;
  const lookups = columns.filter((field) => field.type === 'lookup' || field.type === 'masterdetail').map((field) => field.name);
  return {
    limit: state.size,
    total: true,
    sort: state.sort || undefined,
    cursor: state.cursor,
    filter: filter ? JSON.stringify(filter) : undefined,
    expand: lookups.length > 0 ? lookups.join(',') : undefined,
  };
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
