import type { CompiledObject } from '../../metadata/compiled-object.js';
import type { StoredRecord } from '../../metadata/record-shape/record.js';
import type { Collections, Doc } from '../../store/port.js';
import type { HistoryAction } from '../history/field-history.js';

/** The tenant's change feed: one entry per record write, in the order the writes committed. */
export const RECORD_CHANGES = 'record_changes';
/** The feed's counter: its one document holds the last position given, and the last one purged. */
export const CHANGE_SEQUENCE = 'record_changes.sequence';
export const FEED_COUNTER = 'feed';

export interface ChangeCounterDoc extends Doc {
  seq: number;
  /** The last position the retention removed: a cursor before it has missed changes (CHANGE_FEED_DAYS). */
  purgedThrough?: number;
}

/** Positions are kept as zero-padded text in `_id`, so that the primary key's order is the feed's. */
const POSITION_DIGITS = 15;

export interface RecordChangeDoc extends Doc {
  /** The change's position in the feed, counted from 1. */
  seq: number;
  object: string;
  record: string;
  change: HistoryAction;
  /** The record's version after the write. */
  version: number;
  at: string;
}

export function positionId(seq: number): string {
  return String(seq).padStart(POSITION_DIGITS, '0');
}

/**
 * Appends a record write to the feed, in its unit of work: the entry lands exactly when the write
 * does. Its position comes from a counter written in the same unit, so units that commit one after
 * the other take positions in that order, without gaps: the embedded store runs units one at a
 * time, and on MongoDB two transactions writing the counter conflict, so the later one retries
 * after the first committed. A reader that has seen position n has seen everything before it.
 */
export async function appendRecordChange(tx: Collections, object: CompiledObject, change: HistoryAction, after: StoredRecord): Promise<void> {
  const counter = await tx.collection<ChangeCounterDoc>(CHANGE_SEQUENCE).findOneAndUpdate({ _id: FEED_COUNTER }, { $inc: { seq: 1 } }, { upsert: true });
  const seq = counter!.seq;
  await tx.collection<RecordChangeDoc>(RECORD_CHANGES).insertOne({
    _id: positionId(seq),
    seq,
    object: object.name,
    record: after._id,
    change,
    version: after._version,
    at: new Date().toISOString(),
  });
}
