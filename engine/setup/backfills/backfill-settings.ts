/** How derived values of existing records are recomputed after a metadata change (EngineConfig.backfills). */
export interface BackfillSettings {
  /**
   * Objects with at most this many records are still recomputed inside the metadata change's unit
   * of work: it takes a few milliseconds, and the answer to the change then holds the new values
   * (no 409 on a filter right after adding a formula to a small object).
   */
  inlineLimit: number;
  /** The most records one batch recomputes. */
  batchRecords: number;
  /** A batch stops after this much work even if it did fewer records: the event loop is never held longer. */
  batchMs: number;
  /**
   * One run of the job ends after this long and hands over to a continuation job, so that stopping
   * the scheduler never waits for a whole backfill.
   */
  runMs: number;
}

export const DEFAULT_BACKFILL_SETTINGS: BackfillSettings = { inlineLimit: 200, batchRecords: 200, batchMs: 3, runMs: 5000 };

/** Process-wide, like the job handlers: set by startEngine from its configuration. */
let current: BackfillSettings = DEFAULT_BACKFILL_SETTINGS;

export function configureBackfills(settings: Partial<BackfillSettings> = {}): void {
  current = { ...DEFAULT_BACKFILL_SETTINGS, ...settings };
}

export function backfillSettings(): BackfillSettings {
  return current;
}
