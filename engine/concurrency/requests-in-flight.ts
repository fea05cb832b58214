/** A slice of background work waits at most this long for the requests before it. */
const DEFAULT_MAX_WAIT_MS = 100;

interface Waiter {
  /** The first ticket not yet given when the waiter began: it waits for every request below it. */
  ticket: number;
  resolve: () => void;
}

/**
 * The HTTP requests this process is answering. Background work (backfills, index builds, audit
 * purges) runs in slices on the event loop that answers requests. A request's own awaits take it
 * through several turns of the loop, and a slice between every two turns made one GET wait for
 * three or four slices. So between two slices the work gives way until the requests that had
 * arrived by then are answered: a request waits for at most the one slice that was running when it
 * came. The wait is bounded, so a slow request (an export) delays the work but never stops it.
 */
export class RequestsInFlight {
  private nextTicket = 0;
  /** Tickets of unanswered requests; a Set keeps insertion order, so the first one is the oldest. */
  private readonly open = new Set<number>();
  private waiters: Waiter[] = [];

  /** Counts a request from now; the function returned ends it, and may be called more than once. */
  start(): () => void {
    const ticket = this.nextTicket++;
    this.open.add(ticket);
    return () => {
      if (this.open.delete(ticket)) this.release();
    };
  }

  get count(): number {
    return this.open.size;
  }

  /**
   * Resolves after one turn of the event loop (so requests that came during the slice are read),
   * once every request that had started by then is answered, or after `maxWaitMs`. Never inside a
   * unit of work: a request writing would wait for the unit, and the unit for it, until the bound.
   */
  async giveWay(maxWaitMs = DEFAULT_MAX_WAIT_MS): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.open.size === 0) return;
    await new Promise<void>((resolve) => {
      const waiter: Waiter = { ticket: this.nextTicket, resolve: () => finish() };
      const timer = setTimeout(() => finish(), maxWaitMs);
      const finish = () => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((other) => other !== waiter);
        resolve();
      };
      this.waiters.push(waiter);
    });
  }

  private release(): void {
    if (this.waiters.length === 0) return;
    const oldest = this.open.values().next();
    const ready = this.waiters.filter((waiter) => oldest.done || waiter.ticket <= oldest.value);
    for (const waiter of ready) waiter.resolve();
  }
}

/** One per process: requests and background work of every tenant share its one event loop. */
export const requestsInFlight = new RequestsInFlight();
