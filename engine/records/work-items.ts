import { newId } from '../store/new-id.js';
import type { Collections, Doc, IndexSpec } from '../store/port.js';

export const WORK_ITEMS = 'approval.work_items';
export const WORK_ITEM_INDEXES: readonly IndexSpec[] = [
  { name: 'by_approver', keys: { approver: 1 } },
  { name: 'by_record', keys: { record: 1 } },
];

/**
 * One approver's part in one step of one record: what the inbox lists and what decides whether a
 * step is complete. Closed items stay as the record of who was asked.
 */
export interface WorkItem extends Doc {
  object: string;
  record: string;
  process: string;
  step: string;
  approver: string;
  /** The approver this item was meant for, when a delegate holds it instead. */
  delegateOf?: string;
  status: 'pending' | 'approved' | 'rejected' | 'reassigned' | 'closed';
  assignedAt: string;
  respondedAt?: string;
}

export async function openWorkItems(
  tx: Collections,
  at: { object: string; record: string; process: string; step: string },
  approvers: readonly { approver: string; delegateOf?: string }[],
  assignedAt = new Date().toISOString(),
): Promise<void> {
  for (const { approver, delegateOf } of approvers) {
    await tx.collection<WorkItem>(WORK_ITEMS).insertOne({ _id: newId(), ...at, approver, ...(delegateOf ? { delegateOf } : {}), status: 'pending', assignedAt });
  }
}

export function pendingItems(tx: Collections, record: string): Promise<WorkItem[]> {
  return tx.collection<WorkItem>(WORK_ITEMS).find({ record, status: 'pending' });
}

/** Closes what is still pending of a record: its step ended, or the process did. */
export async function closePendingItems(tx: Collections, record: string): Promise<void> {
  await tx.collection<WorkItem>(WORK_ITEMS).updateMany({ record, status: 'pending' }, { $set: { status: 'closed', respondedAt: new Date().toISOString() } });
}
