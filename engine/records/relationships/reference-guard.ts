import type { Collections, Doc } from '../../store/port.js';

/** One small document per record that references point at, written by both sides of a race. */
export const REFERENCE_GUARDS = 'record.guards';

interface GuardDoc extends Doc {
  writes: number;
}

const guardId = (collection: string, id: string) => `${collection}:${id}`;

/**
 * Makes "is the target still there?" hold until the unit commits. Checking a reference reads the
 * target, and deleting it reads what points at it: under snapshot isolation (MongoDB transactions)
 * two units can each read before the other writes, so a new reference to a record being deleted
 * would land on a record in the recycle bin (write skew). Both sides therefore also write the
 * target's guard document: two units writing one document cannot both commit (the second meets a
 * write conflict, and the driver runs it again on the committed state, where the check now fails).
 * The embedded store runs units one at a time, where the guard costs one small write.
 */
export async function guardTarget(tx: Collections, collection: string, id: string): Promise<void> {
  await tx.collection<GuardDoc>(REFERENCE_GUARDS).findOneAndUpdate({ _id: guardId(collection, id) }, { $inc: { writes: 1 } }, { upsert: true });
}

/**
 * A purged record's guard goes with it. Removing it is a write on the guard too, so a reference
 * checked alongside the purge still conflicts with it (and, run again, finds the target gone).
 */
export async function dropGuard(tx: Collections, collection: string, id: string): Promise<void> {
  await tx.collection<GuardDoc>(REFERENCE_GUARDS).deleteOne({ _id: guardId(collection, id) });
}

/** The guards of every record of a collection, when the object goes with its records. */
export async function dropGuardsOf(tx: Collections, collection: string): Promise<void> {
  const prefix = guardId(collection, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await tx.collection<GuardDoc>(REFERENCE_GUARDS).deleteMany({ _id: { $regex: `^${prefix}` } });
}
