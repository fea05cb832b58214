/** The audit log page's filters, as the page's address and the API (`GET /api/v1/audit`) both carry them. */
export interface AuditFilters {
  readonly action?: string;
  /** The acting user's id. */
  readonly actor?: string;
  readonly object?: string;
  readonly record?: string;
  /** ISO instants bounding the entries' time. */
  readonly from?: string;
  readonly to?: string;
}

const KEYS = ['action', 'actor', 'object', 'record', 'from', 'to'] as const satisfies readonly (keyof AuditFilters)[];

/**
 * The query of one page of entries: the filters that are set (blank ones left out, so an empty
 * box never narrows the log) and `before`, the cursor the previous page answered as `next`.
 */
export function auditQuery(filters: AuditFilters, before?: string | null, limit?: number): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  if (before) params.set('before', before);
  if (limit !== undefined) params.set('limit', String(limit));
  return params;
}

/** The filters an address's query holds, so a filtered log can be bookmarked and shared. */
export function filtersFromQuery(search: URLSearchParams): AuditFilters {
  const filters: Partial<Record<(typeof KEYS)[number], string>> = {};
  for (const key of KEYS) {
    const value = search.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}
