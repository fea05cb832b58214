import type { Filter } from '../../store/port.js';

/**
 * Fields the engine keeps on a record for itself: the recycle bin's marks, what a delete cleared,
 * the record's manual shares (sharing/), its approval (approvals/: shown by its own route), the
 * plain text of its rich text fields (`_text`, what search and `contains` look into). Never
 * returned with the record, never filterable, never writable.
 */
export const INTERNAL_FIELDS = ['_deleted', '_deletedAt', '_deletedBy', '_deletedWith', '_clearedLinks', '_parked', '_shares', '_readers', '_editors', '_workflow', '_approvers', '_locked', '_text'] as const;

export interface DeletionMarks {
  _deleted?: true;
  _deletedAt?: string;
  _deletedBy?: string;
  /** The id of the record whose deletion took this one along (itself for the one deleted). */
  _deletedWith?: string;
  /** References to the deleted record that the delete cleared, put back on restore. */
  _clearedLinks?: ClearedLink[];
  /**
   * The record's unique values, moved aside while it is in the recycle bin so that a new record
   * may take them (a restore puts them back, or is refused if one was taken).
   */
  _parked?: Record<string, unknown>;
}

export interface ClearedLink {
  object: string;
  id: string;
  field: string;
}

/** Narrows a store filter to live records: every read outside the recycle bin goes through it. */
export function alive(filter: Filter = {}): Filter {
  return { ...filter, _deleted: { $ne: true } };
}

/** Narrows a store filter to records in the recycle bin. */
export function inRecycleBin(filter: Filter = {}): Filter {
  return { ...filter, _deleted: true };
}
