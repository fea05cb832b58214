import { api } from '../../shared/api/api-client';

/** One record the user opened, as the server reads it now (GET /ui/recent): its name is the one they may see. */
export interface RecentRecord {
  readonly object: string;
  readonly id: string;
  readonly name: string;
}

/** How many of them the home page lists (the server keeps 20). */
export const RECENT_LIMIT = 10;

/** The recent records' query key: a record opened or deleted refreshes it. */
export const RECENT_KEY = ['ui', 'recent'] as const;

/**
 * The records the user opened last, kept on the server so that they follow the user to every
 * device; records deleted or out of their reach are left out there.
 */
export async function fetchRecent(): Promise<RecentRecord[]> {
  return (await api<{ recent: RecentRecord[] }>('/ui/recent')).recent;
}

/** Tells the server the user opened a record: only its object and id are sent and kept. */
export function noteRecent(object: string, id: string): Promise<void> {
  return api<void>('/ui/recent', { method: 'POST', body: { object, id } });
}
