import type { Doc } from '../port.js';
import { heapSize, stringSize } from './heap-size.js';

interface Entry {
  readonly collection: string;
  readonly id: string;
  readonly doc: Doc;
  readonly size: number;
  /** Read since the eviction walk last passed it. */
  used: boolean;
}

/**
 * Parsed, frozen documents by collection and id, bounded by an estimate of the heap they take
 * (`heapSize`, and `ENTRY_BYTES` for the entry). The store only ever holds committed documents
 * here, put after SQLite committed them.
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

  /** Puts a document only where it fits without pushing another out: scans and the warm-up fill only free room. */
  setIfRoom(collection: string, id: string, doc: Doc): void {
    const size = entrySize(id, doc);
    if (this.used + size <= this.maxBytes) this.put(collection, id, doc, size);
  }

  /** The bytes left before the bound. */
  get free(): number {
    return this.maxBytes - this.used;
  }

  set(collection: string, id: string, doc: Doc): void {
    this.put(collection, id, doc, entrySize(id, doc));
  }

  private put(collection: string, id: string, doc: Doc, size: number): void {
    this.delete(collection, id);
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

  /** The ids held, the most recently put or kept first: what a warm-up after a restart reads back first. */
  youngestFirst(): { collection: string; id: string }[] {
    return [...this.order].reverse().map(({ collection, id }) => ({ collection, id }));
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

/**
 * What an entry takes besides its document and its id: the entry object (64 bytes) and its slots in
 * the id map and the eviction order. Those hash tables grow by doubling and keep deleted slots until
 * they are rebuilt, so a slot costs 50 to 190 bytes depending on where the count stands between two
 * doublings; this is the high end, which keeps the bound for every shape the spec measures
 * (tests/unit/store/document-cache.spec.ts).
 */
const ENTRY_BYTES = 264;

function entrySize(id: string, doc: Doc): number {
  return ENTRY_BYTES + stringSize(id) + heapSize(doc);
}
