import { performance } from 'node:perf_hooks';
import type { Collections, Store } from '../../store/port.js';
import { viewOfUnit, writeUnit } from '../write-pipeline/index.js';
import { rowError, type RowError, type RowOutcome } from './row-outcome.js';
import { TrackedWrites } from './tracked-writes.js';

/** How much one batch may do before its unit of work commits and the event loop is let go. */
export interface BatchLimits {
  /** Work in one unit of work, in ms, checked after each record: with the commit, well under the ~50 ms the event loop may be held. */
  readonly budgetMs: number;
  /** The most records one unit of work writes. */
  readonly maxRows: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { budgetMs: 25, maxRows: 500 };

export interface Batch<R> {
  /** The rows; the batch takes as many as its limits allow, from `from` on. */
  readonly rows: readonly R[];
  readonly from?: number;
  /** One record's whole write path inside the batch's unit of work. */
  readonly write: (tx: Collections, row: R) => Promise<RowOutcome>;
  /** Runs in the unit after its records, with what happened to each: what must commit with them (an import's progress). */
  readonly settle?: (tx: Collections, outcomes: readonly RowOutcome[]) => Promise<void>;
  /** Check every record, write none: the unit is rolled back at the end. */
  readonly dryRun?: boolean;
  readonly limits?: BatchLimits;
  /** The request (or job) the batch runs for: the jobs its records enqueue keep it. */
  readonly requestId?: string;
}

/** Ends a unit of work on purpose: a record failed after it wrote, or a dry run is over. */
class UnitUndone extends Error {
  constructor(readonly outcomes?: RowOutcome[]) {
    super('the unit of work is undone on purpose');
  }
}

/**
 * Writes the first rows of a batch in one unit of work and returns what happened to each, in
 * order; the batch wrote `outcomes.length` rows. A record that fails fails alone (as Salesforce's
 * Bulk API answers per record): one that fails before writing anything (validation, permissions,
 * rules, references: nearly all) leaves the unit as it was and the others go on. One that fails
 * after writing part of itself (a hook that throws after its own writes) would leave those writes
 * in the unit: the unit is undone and the same rows run again without it, so that only whole
 * records commit. The first pass fixes how many rows the batch takes, so a second pass does the same rows.
 * A dry run goes through every stage of every record and undoes the unit at the end.
 */
export async function writeBatch<R>(store: Store, batch: Batch<R>): Promise<RowOutcome[]> {
  const limits = batch.limits ?? DEFAULT_BATCH_LIMITS;
  const failedAfterWriting = new Map<number, RowError>();
  let taken: number | undefined;
  for (;;) {
    try {
      return await writeUnit(store, async (tx) => {
        const tracked = viewOfUnit(tx, new TrackedWrites(tx, store.kind === 'mongodb'));
        const started = performance.now();
        const outcomes: RowOutcome[] = [];
        const from = batch.from ?? 0;
        const end = taken ?? Math.min(batch.rows.length - from, limits.maxRows);
        for (let i = 0; i < end; i++) {
          if (taken === undefined && i > 0 && performance.now() - started >= limits.budgetMs) break;
          const known = failedAfterWriting.get(i);
          if (known) {
            outcomes.push({ status: 'failed', error: known });
            continue;
          }
          const before = tracked.writes;
          try {
            outcomes.push(await batch.write(tracked, batch.rows[from + i]!));
          } catch (error) {
            if (tracked.writes === before) {
              outcomes.push({ status: 'failed', error: rowError(error) });
              continue;
            }
            failedAfterWriting.set(i, rowError(error));
            taken ??= i + 1;
            throw new UnitUndone();
          }
        }
        taken = outcomes.length;
        if (batch.dryRun) throw new UnitUndone(outcomes);
        if (batch.settle) await batch.settle(tx, outcomes);
        return outcomes;
      }, batch.requestId);
    } catch (error) {
      if (!(error instanceof UnitUndone)) throw error;
      const checked = error.outcomes;
      if (!checked) continue;
      // A dry run keeps what it found (an import's report), nothing of the records.
      if (batch.settle) await store.unitOfWork((tx) => batch.settle!(tx, checked));
      return checked;
    }
  }
}
