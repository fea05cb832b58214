import type { Permission } from './use-record-permissions';

/** Where the owner panel says why something is refused: under Owner, under Shared with, or once for both. */
export interface RefusalNotes {
  readonly owner?: string;
  readonly shares?: string;
  readonly panel?: string;
}

/**
 * The server's reasons for refusing transfer and sharing, each where it applies; the same reason
 * for both (the user may not edit the object at all) is said once, for the whole panel.
 */
export function refusalNotes(transfer: Permission | undefined, share: Permission | undefined): RefusalNotes {
  const ownerReason = transfer && !transfer.allowed ? transfer.reason : undefined;
  const shareReason = share && !share.allowed ? share.reason : undefined;
  if (ownerReason && ownerReason === shareReason) return { panel: ownerReason };
  return { ...(ownerReason ? { owner: ownerReason } : {}), ...(shareReason ? { shares: shareReason } : {}) };
}
