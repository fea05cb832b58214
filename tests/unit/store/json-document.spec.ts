import { expect } from 'chai';
import { isDeepStrictEqual } from 'node:util';
import { cloneDocument, freezeDocument, nestsDeeperThan, sameDocument, stringifyDocument } from '../../../engine/store/json-document.js';

const nested = (depth: number): unknown[] => {
  let value: unknown[] = [];
  for (let i = 1; i < depth; i++) value = [value];
  return value;
};

/** Deeper than structuredClone, JSON.stringify or a recursive walk can go on Node's default stack. */
const TOO_DEEP_FOR_RECURSION = 200_000;

describe('stored documents without recursion', () => {
  const samples: [string, unknown][] = [
    ['a record', { _id: 'a', name: 'Ann', tags: ['x', 'y'], amount: 12.5, none: null, nested: { deep: [{ k: true }] } }],
    ['an empty object', {}],
    ['an empty list', []],
    ['text', 'plain'],
    ['a number', -0.5],
    ['null', null],
    ['Chinese text and escapes', { 名字: '华为 "项目"\n', path: 'a\\b' }],
    ['undefined members and items', { gone: undefined, list: [1, undefined, 3] }],
    ['non-finite numbers', { a: Number.NaN, b: Number.POSITIVE_INFINITY }],
    ['a date', { at: new Date('2026-01-02T03:04:05.000Z') }],
  ];

  describe('give what the native functions give on ordinary documents', () => {
    for (const [what, value] of samples) {
      it(`clones ${what}`, () => {
        const copy = cloneDocument(value);
        expect(isDeepStrictEqual(copy, structuredClone(value))).to.equal(true);
        if (value !== null && typeof value === 'object') expect(copy).to.not.equal(value);
      });
      it(`serializes ${what}`, () => expect(stringifyDocument(value)).to.equal(JSON.stringify(value)));
      it(`compares ${what} equal to its copy`, () => expect(sameDocument(value, structuredClone(value))).to.equal(true));
    }
  });

  describe('tell different documents apart', () => {
    const pairs: [string, unknown, unknown][] = [
      ['another value deep inside', { a: [{ b: 1 }] }, { a: [{ b: 2 }] }],
      ['a missing key', { a: 1, b: 2 }, { a: 1 }],
      ['an undefined member against a null one', { a: 1, b: undefined }, { a: 1, b: null }],
      ['a list against an object with the same keys', ['x'], { 0: 'x' }],
      ['null against undefined', null, undefined],
      ['another date', new Date(1), new Date(2)],
    ];
    for (const [what, a, b] of pairs) it(what, () => expect(sameDocument(a, b)).to.equal(false));
    it('but not the order of keys, as documents compare by value here', () => expect(sameDocument({ a: 1, b: 2 }, { b: 2, a: 1 })).to.equal(true));
    it('nor an undefined member against a missing one, which JSON leaves out alike', () => expect(sameDocument({ a: 1, b: undefined }, { a: 1, c: undefined })).to.equal(true));
  });

  describe(`handle a value ${TOO_DEEP_FOR_RECURSION} levels deep`, () => {
    const deep = { _id: 'deep', payload: nested(TOO_DEEP_FOR_RECURSION) };
    it('which the native functions cannot', () => {
      expect(() => structuredClone(deep)).to.throw(RangeError);
      expect(() => JSON.stringify(deep)).to.throw(RangeError);
    });
    it('clones, compares, freezes and serializes it, and JSON.parse reads the text back', () => {
      const copy = cloneDocument(deep);
      expect(sameDocument(copy, deep)).to.equal(true);
      expect(sameDocument(copy, { ...deep, payload: nested(TOO_DEEP_FOR_RECURSION - 1) })).to.equal(false);
      freezeDocument(copy);
      expect(Object.isFrozen(copy.payload[0])).to.equal(true);
      const text = stringifyDocument(copy);
      expect(text.length).to.equal('{"_id":"deep","payload":}'.length + 2 * TOO_DEEP_FOR_RECURSION);
      expect(sameDocument(JSON.parse(text), deep)).to.equal(true);
    });
  });

  describe('measure nesting', () => {
    const cases: [string, unknown, number, boolean][] = [
      ['text', 'text', 0, false],
      ['[]', [], 0, true],
      ['[]', [], 1, false],
      ['{"a":[1]}', { a: [1] }, 1, true],
      ['{"a":[1]}', { a: [1] }, 2, false],
      ['33 nested lists', nested(33), 32, true],
      ['32 nested lists', nested(32), 32, false],
      [`${TOO_DEEP_FOR_RECURSION} nested lists`, nested(TOO_DEEP_FOR_RECURSION), 100, true],
    ];
    for (const [what, value, max, deeper] of cases) {
      it(`${what} ${deeper ? 'nests deeper than' : 'stays within'} ${max} levels`, () => expect(nestsDeeperThan(value, max)).to.equal(deeper));
    }
  });
});
