/**
 * Index keys as bytes whose order (SQLite compares BLOBs with memcmp, then by length) is the order
 * the store sorts values in (sort-order.ts, MongoDB's order of types): null and missing, numbers,
 * strings, objects (dates among them), arrays, booleans. Every component is prefix-free, so a
 * compound key is the concatenation of its components and a descending component is the same bytes
 * complemented. Building keys in JS keeps MongoDB's semantics exact where SQLite's own typing
 * (json_extract gives 1 for true, NULL for both null and missing, no order between types) would not.
 */

/** The first byte of each type's keys, in MongoDB's order of types. */
const TAG = { null: 0x10, number: 0x20, string: 0x30, object: 0x40, array: 0x50, boolean: 0x60 } as const;

export type Direction = 1 | -1;

/** The bytes of one value, ascending. An array is one value here (a unique key holds it whole). */
export function encodeValue(value: unknown): Buffer {
  if (value === null || value === undefined) return Buffer.of(TAG.null);
  switch (typeof value) {
    case 'number':
      return encodeNumber(value);
    case 'string':
      return encodeText(value, TAG.string);
    case 'boolean':
      return Buffer.of(TAG.boolean, value ? 1 : 0);
    default:
      // Objects and arrays compare by their JSON text (sort-order.ts); a date's text is its ISO string.
      return encodeText(JSON.stringify(value), Array.isArray(value) ? TAG.array : TAG.object);
  }
}

/** The one-byte prefix every value of the same type as `value` starts with, when the type has a range. */
export function typePrefix(value: number | string | boolean): Buffer {
  return Buffer.of(typeof value === 'number' ? TAG.number : typeof value === 'string' ? TAG.string : TAG.boolean);
}

export function encodeComponent(value: unknown, direction: Direction): Buffer {
  return direction === 1 ? encodeValue(value) : complement(encodeValue(value));
}

export function complement(bytes: Buffer): Buffer {
  const out = Buffer.allocUnsafe(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = ~bytes[i]! & 0xff;
  return out;
}

/**
 * The smallest key greater than every key starting with `prefix`, or undefined when there is none
 * (a prefix of 0xFF bytes only): the exclusive end of the prefix's range.
 */
export function prefixEnd(prefix: Buffer): Buffer | undefined {
  let end = prefix.length;
  while (end > 0 && prefix[end - 1] === 0xff) end--;
  if (end === 0) return undefined;
  const out = Buffer.from(prefix.subarray(0, end));
  out[end - 1]! += 1;
  return out;
}

/** IEEE 754 bits made sortable: negatives complemented, positives with the sign bit set. */
function encodeNumber(value: number): Buffer {
  const out = Buffer.allocUnsafe(9);
  out[0] = TAG.number;
  out.writeDoubleBE(value === 0 ? 0 : value, 1);
  if (out[1]! & 0x80) for (let i = 1; i < 9; i++) out[i] = ~out[i]! & 0xff;
  else out[1]! |= 0x80;
  return out;
}

const NEEDS_ESCAPE = /[\u0000\ud800-\udfff]/;

/**
 * A string in the order JS compares strings (by UTF-16 code unit): each code unit written as UTF-8
 * writes a value of up to 16 bits, which keeps that order, so surrogates are written one by one
 * (CESU-8) rather than as the code point UTF-8 would make of the pair. A NUL byte is escaped as
 * 00 FF and the end is 00 00, which sorts before any character: the encoding is prefix-free.
 */
function encodeText(text: string, tag: number): Buffer {
  // One buffer written in place: every index key and every planned query encodes strings, and
  // four small buffers joined cost more than the key's SQLite write.
  if (!NEEDS_ESCAPE.test(text)) {
    const length = Buffer.byteLength(text, 'utf8');
    const out = Buffer.allocUnsafe(length + 3);
    out[0] = tag;
    out.write(text, 1, length, 'utf8');
    out[length + 1] = 0;
    out[length + 2] = 0;
    return out;
  }
  const bytes: number[] = [tag];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0) bytes.push(0, 0xff);
    else if (unit < 0x80) bytes.push(unit);
    else if (unit < 0x800) bytes.push(0xc0 | (unit >> 6), 0x80 | (unit & 0x3f));
    else bytes.push(0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f));
  }
  bytes.push(0, 0);
  return Buffer.from(bytes);
}
