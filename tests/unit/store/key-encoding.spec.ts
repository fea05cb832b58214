import { expect } from 'chai';
import { compareValues } from '../../../engine/store/embedded/sort-order.js';
import { complement, encodeValue, prefixEnd } from '../../../engine/store/embedded/key-encoding.js';

/** Values of every type, with the edges where a byte order could part from the store's sort order. */
const VALUES: unknown[] = [
  null, undefined, -Infinity, -1e300, -2.5, -1, -0.5, -Number.MIN_VALUE, 0, -0, Number.MIN_VALUE, 0.5, 1, 1.5, 2, 10, 1e300, Infinity,
  '', '\u0000', '\u0000a', 'A', 'Z', 'a', 'a\u0000', 'ab', 'b', 'é', '\u07ff', '\u0800', '\ud7ff', '\u{1F600}', '\u{10FFFF}', '\ue000', '\uff01', '\uffff',
  '2024-01-15', '2024-03-01T10:00:00.000Z', {}, { a: 1 }, { a: 2 }, { b: 1 }, new Date('2024-01-01T00:00:00Z'), [], [1], [1, 2], ['a'], false, true,
];

describe('embedded store index keys', () => {
  it('order every pair of values as the store sorts them, by bytes alone', () => {
    for (const a of VALUES) {
      for (const b of VALUES) {
        const expected = Math.sign(compareValues(a, b));
        const actual = Math.sign(Buffer.compare(encodeValue(a), encodeValue(b)));
        expect(actual, `${String(JSON.stringify(a))} against ${String(JSON.stringify(b))}`).to.equal(expected);
      }
    }
  });

  it('keep that order in compound keys, whatever follows each component, and reverse it when complemented', () => {
    for (const a of VALUES) {
      for (const b of VALUES) {
        const expected = Math.sign(compareValues(a, b));
        if (expected === 0) continue;
        const left = Buffer.concat([encodeValue(a), encodeValue('zzz')]);
        const right = Buffer.concat([encodeValue(b), encodeValue(null)]);
        expect(Math.sign(Buffer.compare(left, right))).to.equal(expected);
        expect(Math.sign(Buffer.compare(complement(encodeValue(a)), complement(encodeValue(b))))).to.equal(-expected);
      }
    }
  });

  it('end a prefix range after every key that starts with the prefix', () => {
    const prefix = encodeValue('ab');
    const end = prefixEnd(prefix)!;
    for (const value of ['ab', 'ab\u0000', 'abc', 'ab\uffff']) {
      const key = Buffer.concat([encodeValue(value), encodeValue(1)]);
      const inside = Buffer.compare(key, prefix) >= 0 && Buffer.compare(key, end) < 0;
      expect(inside, value).to.equal(value === 'ab');
    }
    expect(prefixEnd(Buffer.of(0xff, 0xff))).to.equal(undefined);
  });
});
