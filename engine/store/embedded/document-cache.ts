import type { Doc } from '../port.js';
import { heapSize, stringSize } from './heap-size.js';

interface Entry {
  readonly collection: string;
  readonly id: string;
  readonly doc: Doc;
  readonly size: number;
  /** Read since the eviction walk last passed it. */
  used: boolean;
  /** Deleted or replaced: the eviction queue drops it when it reaches it. */
  gone: boolean;
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
 *
 * The eviction order is an array used as a queue, not a Set: a Set keeps the slots of deleted
 * members until it is rebuilt, and each eviction walk started over them from the front, which cost
 * 12 µs per miss in a full cache of 100,000 entries (a GET by id costs about 400 µs of CPU).
 */
export class DocumentCache {
  private readonly collections = new Map<string, Map<string, Entry>>();
  /** Every entry from `head` on, oldest first (the eviction walk's order), with gone ones among them. */
  private queue: (Entry | undefined)[] = [];
  private head = 0;
  private goneInQueue = 0;
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
    const entry: Entry = { collection, id, doc, size, used: false, gone: false };
    let entries = this.collections.get(collection);
    if (!entries) this.collections.set(collection, (entries = new Map()));
    entries.set(id, entry);
    this.queue.push(entry);
    this.used += size;
    if (this.used > this.maxBytes) this.evict(entry);
  }

  delete(collection: string, id: string): void {
    const entries = this.collections.get(collection);
    const entry = entries?.get(id);
    if (!entry) return;
    entries!.delete(id);
    this.drop(entry);
  }

  private drop(entry: Entry): void {
    entry.gone = true;
    this.used -= entry.size;
    this.goneInQueue++;
    // Rewrites of documents that stay cached leave gone entries behind without any eviction to pass them.
    if (this.goneInQueue > 1024 && this.goneInQueue * 2 > this.queue.length - this.head) this.compact();
  }

  private compact(): void {
    this.queue = this.queue.slice(this.head).filter((entry) => entry !== undefined && !entry.gone);
    this.head = 0;
    this.goneInQueue = 0;
  }

  /** The ids held, the most recently put or kept first: what a warm-up after a restart reads back first. */
  youngestFirst(): { collection: string; id: string }[] {
    const ids: { collection: string; id: string }[] = [];
    for (let at = this.queue.length - 1; at >= this.head; at--) {
      const entry = this.queue[at]!;
      if (!entry.gone) ids.push({ collection: entry.collection, id: entry.id });
    }
    return ids;
  }

  clear(): void {
    this.collections.clear();
    this.queue = [];
    this.head = 0;
    this.goneInQueue = 0;
    this.used = 0;
  }

  /**
   * Pushes out the oldest unmarked entries until the cache fits; a marked one is unmarked and moved
   * young, so the walk ends within two rounds. The entry just put is never the one to go: it was
   * put to be read again.
   */
  private evict(fresh: Entry): void {
    let passedFresh = false;
    while (this.used > this.maxBytes && this.head < this.queue.length) {
      const entry = this.queue[this.head]!;
      // The slot lets go of its entry: a popped entry's document must not stay reachable.
      this.queue[this.head++] = undefined;
      if (entry.gone) this.goneInQueue--;
      else if (entry === fresh) passedFresh = true;
      else if (entry.used) {
        entry.used = false;
        this.queue.push(entry);
      } else {
        this.collections.get(entry.collection)?.delete(entry.id);
        this.used -= entry.size;
      }
    }
    // The walk passed over the fresh entry where it stood: it is now the oldest.
    if (passedFresh) this.queue[--this.head] = fresh;
    if (this.head > 1024 && this.head * 2 > this.queue.length) this.compact();
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
