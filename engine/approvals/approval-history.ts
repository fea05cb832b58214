import { newId } from '../store/new-id.js';
import type { Collections, Doc, IndexSpec } from '../store/port.js';

export const APPROVAL_HISTORY = 'approval.history';
export const APPROVAL_HISTORY_INDEXES: readonly IndexSpec[] = [{ name: 'by_record', keys: { record: 1 } }];

export type HistoryAction =
  | 'submit'
  | 'approve'
  | 'reject'
  | 'recall'
  | 'reassign'
  | 'comment'
  | 'skip'
  | 'approved'
  | 'rejected'
  | 'returned'
  | 'remind'
  | 'escalate';

/** What one line of a record's approval history says: who did what, at which step, and why. */
export interface NewHistoryEntry {
  object: string;
  record: string;
  process: string;
  version: number;
  step: string | null;
  action: HistoryAction;
  /** The user who acted, or `system` for timers and the engine's own steps. */
  actor: string;
  /** Set when the actor acted as someone's delegate, or an administrator acted for the approvers. */
  onBehalfOf?: string;
  comment?: string;
  /** For reassignments and escalations: to whom. */
  to?: string;
}

/** One line of a record's approval history as stored, with when it was written. */
export interface ApprovalHistoryEntry extends Doc, NewHistoryEntry {
  at: string;
}

/** Ids sort by time, so the history reads in order without a sort on `at` (two entries can share a millisecond). */
export async function writeApprovalHistory(tx: Collections, entries: readonly NewHistoryEntry[]): Promise<void> {
  const at = new Date().toISOString();
  for (const entry of entries) await tx.collection<ApprovalHistoryEntry>(APPROVAL_HISTORY).insertOne({ ...entry, _id: newId(), at } as ApprovalHistoryEntry);
}
