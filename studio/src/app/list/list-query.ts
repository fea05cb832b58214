import { searchableFields, type FieldDefinition, type ObjectDefinition } from '../../shared/metadata/object-definition';

export const PAGE_SIZES: readonly number[] = [20, 50, 100];

export interface ListState {
  readonly sort: string;
  readonly search: string;
  readonly size: number;
  readonly cursor: string | undefined;
  /** The address's `filter`: JSON in the filter language (a view's, or the filter builder's). */
  readonly filter?: string;
}

/**
 * The list request in the API's own language: `sort=-amount`, a cursor, and the search as an `or`
 * of `contains` over the object's text fields, so the server applies the user's access as usual.
 */
export function listQuery(object: ObjectDefinition, columns: readonly FieldDefinition[], state: ListState): Record<string, string | number | boolean | undefined> {
  const searchable = searchableFields(object);
  const searched = state.search && searchable.length > 0 ? { or: searchable.map((field) => ({ [field.name]: { contains: state.search } })) } : undefined;
  const chosen = parseFilter(state.filter);
  const filter = searched && chosen ? { and: [chosen, searched] } : (searched ?? chosen);
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

/** The address's `filter` as an object; anything else (not JSON, not an object) as none. */
export function parseFilter(text: string | null | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
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
