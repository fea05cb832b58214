/**
 * How many records the next batch of a run takes, from how long the last one held the event loop
 * in all (its recomputation, its commit, its look-ahead read): `batchMs` bounds the recomputation
 * alone, and at a million records the commit of 200 rewritten documents took longer than the
 * recomputation, so a GET waited for both (p99 12× its idle value). Over the budget, the next batch
 * shrinks in proportion; well under it, it grows back by half, never past `batchRecords`.
 */
export function nextBatchRecords(records: number, tookMs: number, budgetMs: number, batchRecords: number): number {
  if (tookMs > budgetMs) return Math.max(1, Math.floor((records * budgetMs) / tookMs));
  if (tookMs < budgetMs / 2) return Math.min(batchRecords, Math.ceil(records * 1.5));
  return Math.min(records, batchRecords);
}
