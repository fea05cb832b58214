/** One record the user opened: only what the server showed them (its id and name), nothing else. */
export interface RecentRecord {
  readonly object: string;
  readonly id: string;
  readonly name: string;
}

/** How many records the home page lists. */
export const RECENT_LIMIT = 10;

const keyOf = (userId: string) => `crm.recent.${userId}`;

/**
 * The records a user opened last, newest first, in this browser's localStorage under the user's
 * id: no record values beyond the name, and no token. A server endpoint would follow the user to
 * other devices, but needs a store collection and routes for what is a convenience; the browser
 * list costs nothing and the records still open only if the server lets the user see them.
 */
export function readRecent(userId: string): RecentRecord[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(keyOf(userId)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isRecent).slice(0, RECENT_LIMIT) : [];
  } catch {
    return [];
  }
}

export function noteRecent(userId: string, entry: RecentRecord): void {
  const rest = readRecent(userId).filter((other) => other.object !== entry.object || other.id !== entry.id);
  window.localStorage.setItem(keyOf(userId), JSON.stringify([entry, ...rest].slice(0, RECENT_LIMIT)));
}

/** A deleted record leaves the list (it comes back when opened after a restore). */
export function forgetRecent(userId: string, object: string, id: string): void {
  window.localStorage.setItem(keyOf(userId), JSON.stringify(readRecent(userId).filter((other) => other.object !== object || other.id !== id)));
}

function isRecent(value: unknown): value is RecentRecord {
  const entry = value as Partial<RecentRecord> | null;
  return typeof entry?.object === 'string' && typeof entry.id === 'string' && typeof entry.name === 'string';
}
