import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../shared/api/api-client';
import type { AutomationRuleDefinition } from './automation-rule-definition';

export const automationRulesQuery = queryOptions({
  queryKey: ['meta', 'automation-rules'],
  queryFn: () => api<{ automationRules: AutomationRuleDefinition[] }>('/meta/automation-rules'),
});

/** One change of the metadata as /meta/history lists it (newest first). */
interface HistoryEntry {
  readonly kind: string;
  readonly name: string;
  readonly at: string;
}

/** The history holds every kind's changes and serves at most this many at once: older rule changes are not dated. */
const RECENT_CHANGES = 200;

/** When each automation rule last changed, among the metadata's recent changes. */
export const ruleChangesQuery = queryOptions({
  queryKey: ['meta', 'history', 'automation-rules'],
  queryFn: async () => {
    const { entries } = await api<{ entries: HistoryEntry[] }>('/meta/history', { query: { limit: RECENT_CHANGES } });
    return lastChanges(entries);
  },
});

/** The newest change of each automation rule (entries arrive newest first). */
export function lastChanges(entries: readonly HistoryEntry[]): ReadonlyMap<string, string> {
  const changes = new Map<string, string>();
  for (const entry of entries) if (entry.kind === 'automationRule' && !changes.has(entry.name)) changes.set(entry.name, entry.at);
  return changes;
}
