import type { Store } from '../../store/port.js';
import { CHANGE_SEQUENCE, FEED_COUNTER, RECORD_CHANGES, type ChangeCounterDoc, type RecordChangeDoc } from './record-changes.js';

/** Entries removed per unit of work: a purge never holds the writes up for long. */
const PURGE_BATCH = 500;

/**
 * Removes the feed's entries written before `cutoff`, oldest first in the primary key's order (the
 * feed's), and notes the last position removed on the counter, so that a reader asking from before
 * it is told its cursor expired instead of silently missing what was removed. Returns how many went.
 */
export async function purgeChangesBefore(store: Store, cutoff: Date): Promise<number> {
  const limit = cutoff.toISOString();
  let purged = 0;
  for (;;) {
    const removed = await store.unitOfWork(async (tx) => {
      const oldest = await tx.collection<RecordChangeDoc>(RECORD_CHANGES).find({}, { sort: { _id: 1 }, limit: PURGE_BATCH });
      const firstKept = oldest.findIndex((entry) => entry.at >= limit);
      const expired = firstKept === -1 ? oldest : oldest.slice(0, firstKept);
      if (expired.length === 0) return 0;
      await tx.collection(RECORD_CHANGES).deleteMany({ _id: { $in: expired.map((entry) => entry._id) } });
      await tx.collection<ChangeCounterDoc>(CHANGE_SEQUENCE).updateOne({ _id: FEED_COUNTER }, { $set: { purgedThrough: expired.at(-1)!.seq } });
      return expired.length;
    });
    purged += removed;
    if (removed < PURGE_BATCH) return purged;
  }
}
