/** SQLite orders TEXT by bytes, JS strings by UTF-16 code units: the same order for ASCII only. */
const ASCII = /^[\x00-\x7f]*$/;

/**
 * Per collection, an id at or above every committed `_id`, so that an insert's id can be proven new
 * without a read: ids grow with time (new-id.ts), so a new one is nearly always above it. Read from
 * the file the first time a collection asks, raised by every commit, left where it is by deletes
 * (which keeps it an upper bound). `null`: the collection held no document when read.
 */
export class HighestIds {
  private readonly highest = new Map<string, string | null>();

  constructor(private readonly read: (collection: string) => string | undefined) {}

  /** True when `id` is certainly not committed; false means it may be, and must be looked up. */
  above(collection: string, id: string): boolean {
    let highest = this.highest.get(collection);
    if (highest === undefined) this.highest.set(collection, (highest = this.read(collection) ?? null));
    return highest === null || (id > highest && ASCII.test(id) && ASCII.test(highest));
  }

  /** A committed document's id; a collection not read yet is read later, with it. */
  committed(collection: string, id: string): void {
    const highest = this.highest.get(collection);
    if (highest !== undefined && (highest === null || id > highest)) this.highest.set(collection, id);
  }

  forget(collection: string): void {
    this.highest.delete(collection);
  }
}
