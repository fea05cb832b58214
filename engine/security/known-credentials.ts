import type { Principal } from '../context/principal.js';
import type { Store } from '../store/port.js';
import { SESSIONS, TOKENS } from './auth-collections.js';

/** What a token or a session was found to be, with what must hold for the answer to stand. */
export interface KnownCredential {
  readonly principal: Principal;
  /** A token's last recorded use (ms): past the precision of that record, the next request records it again. */
  readonly lastUsedAt?: number;
  /** A session's end and its CSRF token, checked at every request as on the first. */
  readonly session?: { readonly expiresAt: string; readonly csrf: string };
}

/** The change counts of the tokens, the sessions and the users when a credential was looked up. */
type Counts = readonly [tokens: number, sessions: number, users: number];

/** Past this many credentials, the memo of a store starts over: a bound whatever the number of clients. */
const MAX_KNOWN = 10_000;

const memos = new WeakMap<Store, Map<string, { known: KnownCredential; counts: Counts }>>();

/**
 * Every request looked its token (or session) up, then its user, and made a principal of them: a
 * tenth of a GET by id's time. A store that counts its changes (the embedded one, which alone
 * writes its file) lets the answer stand until the tokens, the sessions or the users change: a
 * token revoked, a user deactivated or given another role is seen by the very next request, as
 * before. Where other processes write too (MongoDB), every request looks up again.
 */
export function changeCounts(store: Store, usersCollection: string): Counts | undefined {
  if (!store.changeCount) return undefined;
  return [store.changeCount(TOKENS), store.changeCount(SESSIONS), store.changeCount(usersCollection)];
}

/** What was found for the credential's id under the same change counts, if anything. */
export function recall(store: Store, id: string, counts: Counts): KnownCredential | undefined {
  const memo = memos.get(store)?.get(id);
  return memo && sameCounts(memo.counts, counts) ? memo.known : undefined;
}

/** Keeps what a look-up found, when nothing it read changed while it ran (`counts`: taken before it). */
export function remember(store: Store, id: string, counts: Counts, usersCollection: string, known: KnownCredential): void {
  const now = changeCounts(store, usersCollection);
  if (!now || !sameCounts(now, counts)) return;
  let memo = memos.get(store);
  if (!memo) memos.set(store, (memo = new Map()));
  if (memo.size >= MAX_KNOWN) memo.clear();
  memo.set(id, { known: { ...known, principal: Object.freeze({ ...known.principal }) }, counts });
}

function sameCounts(a: Counts, b: Counts): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
}
