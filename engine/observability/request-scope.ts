import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

interface RequestScope {
  requestId: string;
}

const scope = new AsyncLocalStorage<RequestScope>();

/** A request id a caller may choose (X-Request-Id): short, printable, nothing a log or a header could be broken by. */
const ACCEPTED_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** The id a request goes by: the caller's X-Request-Id when it is a sane token, else a new one. */
export function requestIdFrom(given: string | undefined): string {
  return given !== undefined && ACCEPTED_ID.test(given) ? given : randomUUID();
}

/**
 * Runs `work` on behalf of a request (or of a job a request enqueued): what it logs, the jobs it
 * enqueues and the outgoing calls it makes carry the id.
 */
export function withRequestId<R>(requestId: string, work: () => R): R {
  return scope.run({ requestId }, work);
}

/** The request id of the work running now, if it runs for one. */
export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}
