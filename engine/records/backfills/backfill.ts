import type { Doc } from '../../store/port.js';
import type { FieldConversion } from './field-conversions.js';

/** The tenant's backfills: one document per recomputation a metadata change left to run in the background. */
export const BACKFILLS = 'backfills';

/**
 * Every GET, list and summary asks whether its object has a running backfill: through this index
 * that is one key range, where it read every backfill the tenant ever ran (they are kept, done).
 */
export const BACKFILL_INDEXES = [{ name: 'object_status', keys: { object: 1 as const, status: 1 as const } }];

/** The job kind that runs a backfill in batches (see run-backfill.ts). */
export const BACKFILL_JOB = 'metadata.backfill';

export type BackfillStatus = 'running' | 'done' | 'superseded' | 'cancelled';

export const BACKFILL_STATUSES: readonly BackfillStatus[] = ['running', 'done', 'superseded', 'cancelled'];

export interface BackfillDoc extends Doc {
  /** The object whose records are recomputed. */
  object: string;
  /**
   * The stored paths whose values are not complete until the backfill ends: the changed formulas,
   * roll-ups, converted amounts and plain texts, the fields converting to a new type or scale, and
   * every formula of the object (one may read them).
   * Filters, sorts and counts on them answer 409 meanwhile.
   */
  fields: string[];
  /** The roll-up fields to sum anew for every record (the record is then recomputed as a whole). */
  rollups: string[];
  /** Fields whose stored values convert to a new definition, before anything is recomputed. */
  conversions?: FieldConversion[];
  /** Fields whose default is given to the records holding no value of them (an admin's request, not a change). */
  defaults?: string[];
  /**
   * Fields whose `encrypted` flag changed: each record's value is written again, which stores it
   * sealed or in clear as the field now says (records/encryption/); the record's version stays.
   */
  reseal?: string[];
  /** Whether the record's derived values (formulas, converted amounts, plain text) are recomputed. */
  derived: boolean;
  /** The metadata version whose commit recorded the backfill. */
  version: number;
  /** The `_id` of the last record done, in `_id` order; null before the first batch. */
  cursor: string | null;
  done: number;
  /** The records the object held when the backfill was recorded (records created since are computed when they are written). */
  total: number;
  status: BackfillStatus;
  startedAt: string;
  finishedAt?: string;
  /** Records passed over because an expression failed on them twice (their value stays as stored). */
  skipped?: number;
  /** Why the last record was passed over, or the last batch failed (the job retries it with back-off), in English. */
  lastError?: string;
  /** The backfill that replaced this one (a newer change of the same object). */
  supersededBy?: string;
}

/** Done in percent, whole, 100 only once the backfill ended. */
export function percentDone(backfill: BackfillDoc): number {
  if (backfill.status === 'done') return 100;
  if (backfill.total === 0) return 0;
  return Math.min(99, Math.floor((backfill.done / backfill.total) * 100));
}
