/**
 * About how many bytes of V8's heap a parsed JSON document takes: what the document cache counts
 * against its bound. Estimated from the text's length alone, the figure was off by more than two
 * either way depending on the shape (a long note costs its length, a number eight bytes or sixteen
 * whatever its digits, an array or object a header and a slot per member); walking the document
 * costs about a microsecond and is right within a fifth for every shape
 * tests/unit/store/document-cache.spec.ts measures.
 *
 * Sizes are those of 64-bit node without pointer compression (how node ships): a tagged slot is 8
 * bytes, an object's header 24, an array's 32 plus its backing store's 16, a string's header 16 and
 * then one byte per character (two once any is beyond Latin-1), a number outside the 32-bit small
 * integers a 16-byte box. Property names are shared between documents of one shape and not counted.
 * The walk uses an explicit stack, as every walk over stored documents does (json-document.ts).
 */
export function heapSize(value: unknown): number {
  let bytes = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') bytes += stringSize(next);
    else if (typeof next === 'number') bytes += (next | 0) === next && !Object.is(next, -0) ? 0 : NUMBER_BOX;
    else if (next === null || typeof next !== 'object') continue;
    else if (next instanceof Date) bytes += DATE;
    else if (Array.isArray(next)) {
      bytes += ARRAY_HEADER + SLOT * next.length;
      for (const inner of next) pending.push(inner);
    } else {
      const members = Object.values(next);
      bytes += OBJECT_HEADER + SLOT * members.length;
      for (const inner of members) pending.push(inner);
    }
  }
  return bytes;
}

/** A string's size on the heap: header, then its characters, rounded up to a whole slot. */
export function stringSize(text: string): number {
  const perCharacter = BEYOND_LATIN1.test(text) ? 2 : 1;
  return STRING_HEADER + Math.ceil((text.length * perCharacter) / SLOT) * SLOT;
}

const SLOT = 8;
const OBJECT_HEADER = 24;
const ARRAY_HEADER = 32 + 16;
const STRING_HEADER = 16;
const NUMBER_BOX = 16;
const DATE = 48;
const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;
