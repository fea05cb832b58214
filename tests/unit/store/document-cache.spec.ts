import { expect } from 'chai';
import { DocumentCache } from '../../../engine/store/embedded/document-cache.js';

/** Each document below counts 100 characters of JSON, so 300 per entry with the size factor of 3. */
const TEXT = 100;
const ENTRY = 300;
const doc = (id: string) => Object.freeze({ _id: id });

describe('the embedded store document cache', () => {
  it('finds a document by collection and id, and the same id of another collection apart', () => {
    const cache = new DocumentCache(10 * ENTRY);
    cache.set('a', '1', doc('a1'), TEXT);
    cache.set('b', '1', doc('b1'), TEXT);
    expect(cache.get('a', '1')).to.deep.equal({ _id: 'a1' });
    expect(cache.peek('b', '1')).to.deep.equal({ _id: 'b1' });
    expect(cache.get('a', '2')).to.equal(undefined);
    cache.delete('a', '1');
    expect(cache.get('a', '1')).to.equal(undefined);
    expect(cache.get('b', '1')).to.deep.equal({ _id: 'b1' });
  });

  it('pushes out the oldest entry not read since, and keeps one read since (a second chance)', () => {
    const cache = new DocumentCache(3 * ENTRY);
    for (const id of ['1', '2', '3']) cache.set('c', id, doc(id), TEXT);
    cache.get('c', '1');
    cache.set('c', '4', doc('4'), TEXT);
    expect(['1', '2', '3', '4'].map((id) => cache.peek('c', id) !== undefined)).to.deep.equal([true, false, true, true]);
    // '1' lost its mark and moved behind '4' when it was passed over: unread since, it goes after '4'.
    cache.set('c', '5', doc('5'), TEXT);
    expect(['1', '3', '4', '5'].map((id) => cache.peek('c', id) !== undefined)).to.deep.equal([true, false, true, true]);
    cache.set('c', '6', doc('6'), TEXT);
    expect(['1', '4', '5', '6'].map((id) => cache.peek('c', id) !== undefined)).to.deep.equal([true, false, true, true]);
    cache.set('c', '7', doc('7'), TEXT);
    expect(['1', '5', '6', '7'].map((id) => cache.peek('c', id) !== undefined)).to.deep.equal([false, true, true, true]);
  });

  it('evicts even when every entry was read, and a peek does not count as a read', () => {
    const cache = new DocumentCache(2 * ENTRY);
    cache.set('c', '1', doc('1'), TEXT);
    cache.set('c', '2', doc('2'), TEXT);
    cache.get('c', '1');
    cache.get('c', '2');
    // Both marked: both lose their mark, then the older goes; the one just put stays.
    cache.set('c', '3', doc('3'), TEXT);
    expect(['1', '2', '3'].map((id) => cache.peek('c', id) !== undefined)).to.deep.equal([false, true, true]);
    // '2' moved behind '3' when it lost its mark: '3' is the oldest now, and a peek does not save it.
    cache.peek('c', '3');
    cache.set('c', '4', doc('4'), TEXT);
    expect(['2', '3', '4'].map((id) => cache.peek('c', id) !== undefined)).to.deep.equal([true, false, true]);
  });

  it('stays within its bound when a document is replaced, and holds none larger than the bound', () => {
    const cache = new DocumentCache(2 * ENTRY);
    cache.set('c', '1', doc('1'), TEXT);
    cache.set('c', '1', doc('1'), TEXT);
    cache.set('c', '2', doc('2'), TEXT);
    expect(cache.hasRoomFor(1)).to.equal(false);
    expect(cache.peek('c', '1')).to.deep.equal({ _id: '1' });
    cache.set('c', 'big', doc('big'), 3 * TEXT);
    expect(cache.peek('c', 'big')).to.equal(undefined);
    cache.clear();
    expect(cache.hasRoomFor(2 * TEXT / 3)).to.equal(true);
  });
});
