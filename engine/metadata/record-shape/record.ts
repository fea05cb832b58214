import type { Doc } from '../../store/port.js';
import { carriedValue } from '../../store/carried-value.js';
import { INTERNAL_FIELDS, type DeletionMarks } from './record-state.js';

const INTERNAL = new Set<string>(INTERNAL_FIELDS);

/** A stored record: the object's own fields beside the system fields every record carries. */
export interface StoredRecord extends Doc, DeletionMarks {
  _version: number;
  _owner: string;
  _createdAt: string;
  _createdBy: string;
  _updatedAt: string;
  _updatedBy: string;
}

/** A record as the API returns it: a plain copy, never the stored object itself. */
export type RecordView = Record<string, unknown> & { _id: string; _version: number };

/**
 * Copies a stored record for a response, keeping only the requested fields when a selection was
 * made, and never the fields the user may not read, nor a value too deep for the API to carry.
 */
export function presentRecord(record: Doc, selection?: ReadonlySet<string>, hidden?: ReadonlySet<string>): RecordView {
  const view: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (INTERNAL.has(key) || hidden?.has(key)) continue;
    if (!selection || selection.has(key) || key === '_id' || key === '_version') {
      const carried = carriedValue(value);
      if (carried !== undefined) view[key] = carried;
    }
  }
  return view as RecordView;
}
