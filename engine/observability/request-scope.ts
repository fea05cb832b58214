import { randomUUID } from 'node:crypto';

/** A caller's request id may only be a short, printable token: nothing a log or a header could be broken by. */
const ACCEPTED_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** The id a request goes by: the caller's X-Request-Id when it is a sane token, else a new one. */
export function requestIdFrom(given: string | undefined): string {
  return given !== undefined && ACCEPTED_ID.test(given) ? given : randomUUID();
}

/**
 * The request ids of running units of work, by their collections: a unit opened for a request (or
 * for a job a request enqueued) is tagged with its id, and the jobs it enqueues keep it, so their
 * log lines and outgoing calls carry it. The id travels explicitly (on the operation context, then
 * on the unit) rather than in an AsyncLocalStorage: on Node 20 an AsyncLocalStorage in use makes
 * every promise of the process pay a hook, which cost a record update about a tenth of its time.
 */
const unitRequestIds = new WeakMap<object, string>();

/** Tags a unit of work's collections with the request it runs for (nothing when there is none). */
export function tagUnitWithRequest(tx: object, requestId: string | undefined): void {
  if (requestId !== undefined) unitRequestIds.set(tx, requestId);
}

/** The request a unit of work runs for, if it was tagged. */
export function requestIdOfUnit(tx: object): string | undefined {
  return unitRequestIds.get(tx);
}
