export { addShare, listShares, removeShare } from './share-records.js';
export { transferOwner } from './transfer-owner.js';
export { takeOwnership } from './take-ownership.js';
export type { ManualShare } from './manual-share.js';
