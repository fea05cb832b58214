import type { Doc } from '../port.js';

interface Entry {
  readonly collection: string;
  readonly id: string;
  readonly doc: Doc;
  readonly size: number;
  /** Read since the eviction walk last passed it. */
  used: boolean;
}

/**
 * Parsed, frozen documents by collection and id, bounded by an estimate of their size: the JSON
 * text's length times a factor for what V8 spends on the objects and strings behind it (measured
 * about 3 for records of ten short fields). The store only ever holds committed documents here,
 * put after SQLite committed them.
 *
 * Two choices keep a hit to a fraction of a microsecond at 100,000 entries, where it cost more than
 * the rest of a GET by id's store work: entries are found by collection, then by id (a key joining
 * the two was a new string to flatten and hash on every look-up), and eviction gives a second
 * chance (the CLOCK approximation of least recently used): a read only marks its entry, and the
 * oldest entry goes unless marked, in which case it loses the mark and moves to the young end.
 */
export class DocumentCache {
  private readonly collections = new Map<string, Map<string, Entry>>();
  /** Every entry, oldest first: the eviction walk's order. */
  private readonly order = new Set<Entry>();
  private used = 0;

  constructor(private readonly maxBytes: number) {}

  get(collection: string, id: string): Doc | undefined {
    const entry = this.collections.get(collection)?.get(id);
    if (!entry) return undefined;
    entry.used = true;
    return entry.doc;
  }

  /** The document if cached, without marking it used: what a scan over many documents reads. */
  peek(collection: string, id: string): Doc | undefined {
    return this.collections.get(collection)?.get(id)?.doc;
  }

  /** Whether a document of `textLength` fits without pushing another out: scans fill only free room. */
  hasRoomFor(textLength: number): boolean {
    return this.used + textLength * SIZE_FACTOR <= this.maxBytes;
  }

  set(collection: string, id: string, doc: Doc, textLength: number): void {
    this.delete(collection, id);
    const size = textLength * SIZE_FACTOR;
    if (size > this.maxBytes) return;
    const entry: Entry = { collection, id, doc, size, used: false };
    let entries = this.collections.get(collection);
    if (!entries) this.collections.set(collection, (entries = new Map()));
    entries.set(id, entry);
    this.order.add(entry);
    this.used += size;
    if (this.used > this.maxBytes) this.evict(entry);
  }

  delete(collection: string, id: string): void {
    const entries = this.collections.get(collection);
    const entry = entries?.get(id);
    if (!entry) return;
    entries!.delete(id);
    this.order.delete(entry);
    this.used -= entry.size;
  }

  clear(): void {
    this.collections.clear();
    this.order.clear();
    this.used = 0;
  }

  /**
   * Pushes out the oldest unmarked entries until the cache fits; a marked one is unmarked and moved
   * young, so the walk ends within two rounds. The entry just put is never the one to go: it was
   * put to be read again.
   */
  private evict(fresh: Entry): void {
    for (const entry of this.order) {
      if (this.used <= this.maxBytes) return;
      if (entry === fresh) continue;
      this.order.delete(entry);
      if (entry.used) {
        entry.used = false;
        this.order.add(entry);
      } else {
        this.collections.get(entry.collection)?.delete(entry.id);
        this.used -= entry.size;
      }
    }
  }
}

const SIZE_FACTOR = 3;
