/** Past this many writes to a collection, its tally is halved: what it says follows the recent work. */
const HALF_LIFE_WRITES = 1 << 16;

/**
 * How often each collection's documents are read by id or in a short walk, against how often they
 * are written: whether a document just committed is worth its place in a full document cache. A
 * record's approval history or work items are read back by the very next request (the answer of
 * the transition that wrote them), so leaving them out cost a read and a parse each time; audit
 * entries and change-feed entries of a bulk import are hardly ever read, and caching them would
 * turn the cache over for nothing.
 */
export class ReadWriteTally {
  private readonly tallies = new Map<string, { reads: number; writes: number }>();

  read(collection: string): void {
    this.tally(collection).reads++;
  }

  written(collection: string): void {
    const tally = this.tally(collection);
    if (++tally.writes < HALF_LIFE_WRITES) return;
    tally.writes /= 2;
    tally.reads /= 2;
  }

  /** Whether the collection's documents are read at least half as often as they are written. */
  readBack(collection: string): boolean {
    const tally = this.tallies.get(collection);
    return tally !== undefined && tally.reads * 2 >= tally.writes;
  }

  private tally(collection: string): { reads: number; writes: number } {
    let tally = this.tallies.get(collection);
    if (!tally) this.tallies.set(collection, (tally = { reads: 0, writes: 0 }));
    return tally;
  }
}
