import type { Doc } from '../port.js';

/**
 * Parsed, frozen documents by collection and id, least recently used first out, bounded by an
 * estimate of their size: the JSON text's length times a factor for what V8 spends on the objects
 * and strings behind it (measured about 3 for records of ten short fields). The store only ever
 * holds committed documents here, put after SQLite committed them.
 */
export class DocumentCache {
  private readonly entries = new Map<string, { doc: Doc; size: number }>();
  private used = 0;

  constructor(private readonly maxBytes: number) {}

  get(collection: string, id: string): Doc | undefined {
    const key = cacheKey(collection, id);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Re-inserting moves the entry to the young end of the Map's order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.doc;
  }

  /** The document if cached, without making it the most recently used: what a scan over many documents reads. */
  peek(collection: string, id: string): Doc | undefined {
    return this.entries.get(cacheKey(collection, id))?.doc;
  }

  /** Whether a document of `textLength` fits without pushing another out: scans fill only free room. */
  hasRoomFor(textLength: number): boolean {
    return this.used + textLength * SIZE_FACTOR <= this.maxBytes;
  }

  set(collection: string, id: string, doc: Doc, textLength: number): void {
    const key = cacheKey(collection, id);
    this.delete(collection, id);
    const size = textLength * SIZE_FACTOR;
    if (size > this.maxBytes) return;
    this.entries.set(key, { doc, size });
    this.used += size;
    // Only when over the bound: iterating from the oldest end walks the Map's deleted slots too.
    if (this.used <= this.maxBytes) return;
    for (const [oldest, entry] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.used -= entry.size;
    }
  }

  delete(collection: string, id: string): void {
    const key = cacheKey(collection, id);
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.used -= entry.size;
  }

  clear(): void {
    this.entries.clear();
    this.used = 0;
  }
}

const SIZE_FACTOR = 3;

function cacheKey(collection: string, id: string): string {
  return `${collection}\u0000${id}`;
}
