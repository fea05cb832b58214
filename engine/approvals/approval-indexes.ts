import type { Store } from '../store/port.js';
import { APPROVAL_HISTORY, APPROVAL_HISTORY_INDEXES } from './approval-history.js';
import { APPROVAL_VERSIONS, APPROVAL_VERSION_INDEXES } from './process-versions.js';
import { WORK_ITEMS, WORK_ITEM_INDEXES } from './work-items.js';

/** The indexes of the approval collections: the inbox by approver, a record's items and history, a process's versions. */
export async function ensureApprovalIndexes(store: Store): Promise<void> {
  await store.ensureIndexes(WORK_ITEMS, [...WORK_ITEM_INDEXES]);
  await store.ensureIndexes(APPROVAL_HISTORY, [...APPROVAL_HISTORY_INDEXES]);
  await store.ensureIndexes(APPROVAL_VERSIONS, [...APPROVAL_VERSION_INDEXES]);
}
