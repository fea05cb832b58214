import { requestsInFlight } from '../concurrency/requests-in-flight.js';
import type { Store } from '../store/port.js';
import { AUDIT_COLLECTION, type AuditEntry } from './audit-log.js';

/** Small batches: a purge of a year of entries must not hold the event loop for seconds. */
const BATCH = 500;

/**
 * Removes the audit entries written before `cutoff`, oldest first, a batch at a time, giving way to
 * requests between batches, so they keep being answered while a large backlog goes.
 * Returns how many entries went. Each batch is durable on its own: a purge cut short by a restart
 * continues at the next run.
 */
export async function purgeAuditBefore(store: Store, cutoff: Date): Promise<number> {
  const log = store.collection<AuditEntry>(AUDIT_COLLECTION);
  const before = { at: { $lt: cutoff.toISOString() } };
  let purged = 0;
  for (;;) {
    const batch = await log.find(before, { sort: { at: 1 }, limit: BATCH, projection: { _id: 1 } });
    if (batch.length === 0) return purged;
    purged += await log.deleteMany({ _id: { $in: batch.map((entry) => entry._id) } });
    await requestsInFlight.giveWay();
  }
}
