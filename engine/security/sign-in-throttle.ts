import { EngineError } from '../errors/index.js';
import type { Collections, Doc, IndexSpec } from '../store/port.js';
import { secretId } from './secret-token.js';

/** Failed sign-ins per client address and account: kept with the tenant's other auth data, never reachable through the API. */
export const SIGN_IN_THROTTLE = 'auth.sign-in-throttle';
/** Each failure forgets the stale counts of its address: found by address, not by a scan. */
export const SIGN_IN_THROTTLE_INDEXES: readonly IndexSpec[] = [{ name: 'ref_client', keys: { client: 1 } }];
/** Wrong passwords one address may send for one account before it has to wait. */
export const FREE_FAILURES = 5;
/** The first wait; each further failure doubles it, up to the longest. */
export const FIRST_DELAY_SECONDS = 30;
export const LONGEST_DELAY_SECONDS = 15 * 60;
/** A day without a failure forgets the count. */
const FORGET_AFTER_MS = 24 * 3600_000;

/** Who tries which account: the client's address (an IPv6 client by its /56) and the account as typed, normalised. */
export interface Attempt {
  client: string;
  account: string;
}

interface ThrottleDoc extends Doc {
  client: string;
  account: string;
  failures: number;
  lastFailureAt: string;
  blockedUntil?: string;
}

/** 429 with how long to wait; the route sends it as Retry-After too. */
export class SignInThrottledError extends EngineError {
  constructor(readonly retryAfterSeconds: number) {
    super('sign_in_throttled', 429, `Too many failed sign-ins for this account from your address: try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`);
  }
}

/**
 * The lock-out, as identity providers do it: wrong passwords are counted per client address and
 * account, and past a few the address has to wait, longer after each further failure. Nothing
 * locks the account itself, so a stranger guessing from elsewhere never keeps its owner out; the
 * count does not depend on whether the account exists, so the answers tell nobody which do.
 */
export async function checkThrottle(tx: Collections, attempt: Attempt, now: Date): Promise<void> {
  const doc = await tx.collection<ThrottleDoc>(SIGN_IN_THROTTLE).findOne({ _id: throttleId(attempt) });
  if (doc?.blockedUntil && doc.blockedUntil > now.toISOString()) {
    throw new SignInThrottledError(Math.max(1, Math.ceil((Date.parse(doc.blockedUntil) - now.getTime()) / 1000)));
  }
}

/** One more failure from this address for this account; past the free ones, a wait that doubles each time. */
export async function countFailure(tx: Collections, attempt: Attempt, now: Date): Promise<void> {
  const stored = tx.collection<ThrottleDoc>(SIGN_IN_THROTTLE);
  const _id = throttleId(attempt);
  const current = await stored.findOne({ _id });
  const stale = !current || now.getTime() - Date.parse(current.lastFailureAt) > FORGET_AFTER_MS;
  const failures = stale ? 1 : current.failures + 1;
  const wait = failures < FREE_FAILURES ? 0 : Math.min(LONGEST_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** (failures - FREE_FAILURES));
  const counted = { client: attempt.client, account: attempt.account, failures, lastFailureAt: now.toISOString() };
  await stored.findOneAndUpdate(
    { _id },
    wait > 0 ? { $set: { ...counted, blockedUntil: new Date(now.getTime() + wait * 1000).toISOString() } } : { $set: counted, $unset: { blockedUntil: '' } },
    { upsert: true },
  );
  // Counts of this address that nobody has used for a day go, so guesses at made-up e-mails do not pile up.
  await stored.deleteMany({ client: attempt.client, lastFailureAt: { $lt: new Date(now.getTime() - FORGET_AFTER_MS).toISOString() } });
}

/** A right password from this address starts its count for the account again. */
export async function clearFailures(tx: Collections, attempt: Attempt): Promise<void> {
  await tx.collection(SIGN_IN_THROTTLE).deleteOne({ _id: throttleId(attempt) });
}

function throttleId(attempt: Attempt): string {
  return secretId(`${attempt.client}\n${attempt.account}`);
}
