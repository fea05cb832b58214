import { DuplicateKeyError } from '../store/duplicate-key-error.js';
import type { Store } from '../store/port.js';
import { APPROVAL_HISTORY, APPROVAL_HISTORY_INDEXES } from './approval-history.js';
import { APPROVAL_VERSIONS, APPROVAL_VERSION_INDEXES } from './process-versions.js';
import { WORK_ITEMS, WORK_ITEM_INDEXES } from '../records/work-items.js';
import { log } from '../observability/index.js';

/** The indexes of the approval collections: the inbox by approver, a record's items and history, a process's versions. */
export async function ensureApprovalIndexes(store: Store): Promise<void> {
  await store.ensureIndexes(WORK_ITEMS, [...WORK_ITEM_INDEXES]);
  await store.ensureIndexes(APPROVAL_HISTORY, [...APPROVAL_HISTORY_INDEXES]);
  try {
    await store.ensureIndexes(APPROVAL_VERSIONS, [...APPROVAL_VERSION_INDEXES]);
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error;
    // Two versions of one process already share a number (written before the index existed): the
    // tenant still opens, without the guard, and the operator is told which collection to mend.
    log.error(`approvals: tenant '${store.tenant}' has process versions sharing a number in ${APPROVAL_VERSIONS}; renumber them to restore the unique index`);
    await store.ensureIndexes(APPROVAL_VERSIONS, APPROVAL_VERSION_INDEXES.filter((index) => !index.unique));
  }
}
