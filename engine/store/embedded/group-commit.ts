import type { Mutex } from '../../concurrency/mutex.js';
import { cloneOverlay, writtenCount, type Overlay } from './collection-overlay.js';

/** A group is committed at once when it holds this many units of work… */
const MAX_UNITS_PER_GROUP = 64;
/** …or this many written documents: a bulk unit is committed alone, as before, and no copy grows large. */
const MAX_DOCUMENTS_PER_GROUP = 1_000;

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit. A SQLite commit costs per transaction (the WAL frames of every page it touched,
 * written whole) far more than per row: a create's writes alone cost ~110 µs, ~46 µs in
 * transactions of eight. So a unit of work that finished does not commit at once: it waits for
 * the units already queued behind it (requests that arrived meanwhile), which run on top of its
 * writes, and the group commits in one transaction in the next turn of the event loop.
 *
 * - A unit still runs alone and sees every earlier unit's writes, committed or waiting (it starts
 *   from a copy of them), so units stay serial; a failed unit leaves the group as it was.
 * - Nothing is acknowledged before its group is durable, and reads outside units see only
 *   committed data: a waiting write is seen by no one but the units that commit with it.
 * - A failed commit fails every unit of its group, since the later ones read the earlier ones'
 *   writes. Units check unique keys themselves, so only the file itself failing (a full disk)
 *   fails a commit.
 * - Idle, a unit waits for one turn of the event loop (microseconds).
 */
export class GroupCommit {
  private pending: { overlay: Overlay; waiters: Waiter[] } | undefined;
  private commitQueued = false;

  constructor(
    private readonly writes: Mutex,
    private readonly commit: (overlay: Overlay) => void,
  ) {}

  /** What a unit starting now writes on: a copy of the writes waiting to commit. */
  start(): Overlay {
    return this.pending ? cloneOverlay(this.pending.overlay) : new Map();
  }

  /**
   * Called inside the unit's turn of the lock once its work succeeded, with its overlay (which
   * holds the waiting writes too): resolves once the unit's writes are durable.
   */
  finished(overlay: Overlay): Promise<void> {
    if (!this.pending && writtenCount(overlay) === 0) return Promise.resolve();
    const group = (this.pending ??= { overlay, waiters: [] });
    group.overlay = overlay;
    const durable = new Promise<void>((resolve, reject) => group.waiters.push({ resolve, reject }));
    if (group.waiters.length >= MAX_UNITS_PER_GROUP || writtenCount(overlay) >= MAX_DOCUMENTS_PER_GROUP) this.commitNow();
    else this.queueCommit();
    return durable;
  }

  /** Commits the waiting units, inside the caller's turn of the lock (before a change of indexes, a drop, a close). */
  commitNow(): void {
    const group = this.pending;
    if (!group) return;
    this.pending = undefined;
    try {
      this.commit(group.overlay);
    } catch (error) {
      for (const waiter of group.waiters) waiter.reject(error);
      return;
    }
    for (const waiter of group.waiters) waiter.resolve();
  }

  /** The commit takes its turn of the lock after the units queued by the requests of this turn of the event loop. */
  private queueCommit(): void {
    if (this.commitQueued) return;
    this.commitQueued = true;
    setImmediate(() => {
      void this.writes.run(async () => {
        this.commitQueued = false;
        this.commitNow();
      });
    });
  }
}
