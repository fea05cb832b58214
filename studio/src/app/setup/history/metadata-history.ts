import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../shared/api/api-client';
import { kindPath } from '../../../shared/metadata/metadata-kinds';

/** One change as GET /api/v1/meta/history answers it: the definition before and after it. */
export interface HistoryEntry {
  readonly _id: string;
  readonly version: number;
  readonly kind: string;
  /** The definition as named before the change. */
  readonly name: string;
  readonly action: string;
  readonly before: unknown;
  readonly after: unknown;
  /** A user id, or `system`. */
  readonly by: string;
  readonly at: string;
}

export interface HistoryPage {
  readonly entries: readonly HistoryEntry[];
  readonly next: number | null;
  readonly version: number;
}

export interface HistoryCriteria {
  readonly kind?: string;
  readonly name?: string;
  readonly before?: number;
}

export const HISTORY_PAGE_SIZE = 50;
/** One definition's versions are read at once, up to the API's largest page. */
export const ITEM_VERSIONS = 200;

export function historyQuery(criteria: HistoryCriteria, limit = HISTORY_PAGE_SIZE) {
  return queryOptions({
    queryKey: ['setup', 'meta-history', criteria, limit],
    queryFn: () => api<HistoryPage>('/meta/history', { query: { ...criteria, limit } }),
  });
}

/** The address of one definition's history in the studio. */
export function historyPath(kind: string, name: string): string {
  return `/setup/history/${encodeURIComponent(kind)}/${encodeURIComponent(name)}`;
}

/** One version of a definition: what a change left (null after a delete). */
export interface DefinitionVersion {
  readonly version: number;
  readonly at: string;
  readonly by: string;
  readonly action: string;
  readonly definition: unknown;
}

/** A definition's versions, newest first, from its history entries (newest first too). */
export function versionsOf(entries: readonly HistoryEntry[]): DefinitionVersion[] {
  return entries.map((entry) => ({ version: entry.version, at: entry.at, by: entry.by, action: entry.action, definition: entry.after }));
}

/** The verb of a history action: `permissionSet.update` → `update`. */
export function actionVerb(action: string): string {
  return action.slice(action.lastIndexOf('.') + 1);
}

/**
 * The request that brings a definition back to an earlier version, as a script would send it:
 * PUT the old definition over the current one (by the name it has now), or POST it again when it
 * was deleted since (a currency is PUT either way, its one write). Undefined when there is nothing
 * to go back to (a version left by a delete), or for a kind the tenant no longer has (`base`: where
 * /api/v1/meta serves it, the platform's kind's path unless told; a pack's kind's otherwise).
 */
export function revertRequest(
  kind: string,
  target: DefinitionVersion,
  latest: DefinitionVersion,
  base: string | undefined = kindPath(kind),
): { method: 'PUT' | 'POST'; path: string; body: unknown } | undefined {
  if (base === undefined || target.definition === null || typeof target.definition !== 'object') return undefined;
  const targetName = (target.definition as { name?: unknown }).name;
  const currentName = latest.definition === null ? undefined : (latest.definition as { name?: unknown }).name;
  if (typeof currentName === 'string') return { method: 'PUT', path: `/meta/${base}/${encodeURIComponent(currentName)}`, body: target.definition };
  if (kind === 'currency' && typeof targetName === 'string') return { method: 'PUT', path: `/meta/${base}/${encodeURIComponent(targetName)}`, body: target.definition };
  return { method: 'POST', path: `/meta/${base}`, body: target.definition };
}
