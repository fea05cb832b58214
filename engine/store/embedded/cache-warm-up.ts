import { requestsInFlight } from '../../concurrency/requests-in-flight.js';
import type { SqliteFile } from './sqlite-file.js';

/** How long one slice of the warm-up may hold the event loop; requests are served between slices. */
const SLICE_MS = 3;
/** How many ids the warm-up reads per statement. */
const BATCH = 200;

/** What the warm-up needs of the committed data: a read that fills only free room in the cache, and whether any is left. */
export interface WarmTarget {
  /** Reads a document into the cache if it fits without pushing another out. */
  warm(collection: string, id: string): void;
  /** Whether the cache still has free room for a document of ordinary size. */
  hasFreeRoom(): boolean;
}

/**
 * The document cache outlives a clean restart, as InnoDB's buffer pool does by default
 * (`innodb_buffer_pool_dump_at_shutdown`, `…_load_at_startup`): closing the store writes the ids it
 * holds, youngest first, and the next open reads those documents back in the background. Without
 * it every record read after a restart (a deploy) is a SQLite read and a parse until the working
 * set is read again. Start-up itself reads nothing: the warm-up runs in slices of at most SLICE_MS
 * that give way to requests, only fills free room (a document a request read is never pushed out
 * by it), and stops once the cache is full, the list ends or the store closes. After a crash the
 * list of the last clean close is used; ids deleted since are skipped.
 */
export class CacheWarmUp {
  private closed = false;
  private ended = false;
  private readonly done: Promise<void>;

  constructor(
    private readonly file: SqliteFile,
    private readonly target: WarmTarget,
  ) {
    this.done = this.run().finally(() => {
      this.ended = true;
    });
  }

  /**
   * Writes the ids the cache holds for the next open. A store closed before its warm-up ended (a
   * command that opened it for a moment) keeps the list it was warming from, which still names
   * what the last long-running process used.
   */
  save(ids: () => Iterable<{ collection: string; id: string }>): void {
    if (this.ended) this.file.saveCachedIds(ids());
  }

  /** Resolves once the warm-up has ended (tests). */
  settled(): Promise<void> {
    return this.done;
  }

  close(): void {
    this.closed = true;
  }

  private async run(): Promise<void> {
    let after = 0;
    for (;;) {
      await requestsInFlight.giveWay();
      if (this.closed || !this.target.hasFreeRoom()) return;
      const started = performance.now();
      do {
        const rows = this.file.cachedIds(after, BATCH);
        if (rows.length === 0) return;
        for (const row of rows) this.target.warm(row.coll, row.id);
        after = rows[rows.length - 1]!.seq;
      } while (performance.now() - started < SLICE_MS && this.target.hasFreeRoom());
    }
  }
}
