import { expect } from 'chai';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { DocumentCache } from '../../../engine/store/embedded/document-cache.js';
import { freezeDocument } from '../../../engine/store/json-document.js';
import type { Doc } from '../../../engine/store/port.js';

const doc = (id: string) => Object.freeze({ _id: id });
/** What one of the documents below counts against the bound: they all have the same size. */
const ENTRY = (() => {
  const probe = new DocumentCache(Number.MAX_SAFE_INTEGER);
  probe.set('c', '1', doc('1'));
  return (probe as unknown as { used: number }).used;
})();

describe('the embedded store document cache', () => {
  it('finds a document by collection and id, and the same id of another collection apart', () => {
    const cache = new DocumentCache(10 * ENTRY);
    cache.set('a', '1', doc('a1'));
    cache.set('b', '1', doc('b1'));
    expect(cache.get('a', '1')).to.deep.equal({ _id: 'a1' });
    expect(cache.peek('b', '1')).to.deep.equal({ _id: 'b1' });
    expect(cache.get('a', '2')).to.equal(undefined);
    cache.delete('a', '1');
    expect(cache.get('a', '1')).to.equal(undefined);
    expect(cache.get('b', '1')).to.deep.equal({ _id: 'b1' });
  });

  it('pushes out the oldest entry not read since, and keeps one read since (a second chance)', () => {
    const cache = new DocumentCache(3 * ENTRY);
    for (const id of ['1', '2', '3']) cache.set('c', id, doc(id));
    cache.get('c', '1');
    cache.set('c', '4', doc('4'));
    expect(['1', '2', '3', '4'].map((id) => cache.peek('c', id) !== undefined)).to.deep.equal([true, false, true, true]);
    // '1' lost its mark and moved behind '4' when it was passed over: unread since, it goes after '4'.
    cache.set('c', '5', doc('5'));
    expect(['1', '3', '4', '5'].map((id) => cache.peek('c', id) !== undefined)).to.deep.equal([true, false, true, true]);
    cache.set('c', '6', doc('6'));
    expect(['1', '4', '5', '6'].map((id) => cache.peek('c', id) !== undefined)).to.deep.equal([true, false, true, true]);
    cache.set('c', '7', doc('7'));
    expect(['1', '5', '6', '7'].map((id) => cache.peek('c', id) !== undefined)).to.deep.equal([false, true, true, true]);
  });

  it('evicts even when every entry was read, and a peek does not count as a read', () => {
    const cache = new DocumentCache(2 * ENTRY);
    cache.set('c', '1', doc('1'));
    cache.set('c', '2', doc('2'));
    cache.get('c', '1');
    cache.get('c', '2');
    // Both marked: both lose their mark, then the older goes; the one just put stays.
    cache.set('c', '3', doc('3'));
    expect(['1', '2', '3'].map((id) => cache.peek('c', id) !== undefined)).to.deep.equal([false, true, true]);
    // '2' moved behind '3' when it lost its mark: '3' is the oldest now, and a peek does not save it.
    cache.peek('c', '3');
    cache.set('c', '4', doc('4'));
    expect(['2', '3', '4'].map((id) => cache.peek('c', id) !== undefined)).to.deep.equal([true, false, true]);
  });

  it('stays within its bound when a document is replaced, and holds none larger than the bound', () => {
    const cache = new DocumentCache(2 * ENTRY);
    cache.set('c', '1', doc('1'));
    cache.set('c', '1', doc('1'));
    cache.set('c', '2', doc('2'));
    cache.setIfRoom('c', '3', doc('3'));
    expect(cache.peek('c', '3'), 'no free room: not put').to.equal(undefined);
    expect(cache.peek('c', '1')).to.deep.equal({ _id: '1' });
    cache.set('c', 'big', Object.freeze({ _id: 'big', text: 'x'.repeat(ENTRY) }));
    expect(cache.peek('c', 'big')).to.equal(undefined);
    cache.clear();
    cache.setIfRoom('c', '3', doc('3'));
    expect(cache.peek('c', '3'), 'free room again').to.deep.equal({ _id: '3' });
  });

  it('lets go of replaced entries in its eviction order though nothing is evicted', () => {
    const cache = new DocumentCache(10 * ENTRY);
    for (let n = 0; n < 100_000; n++) cache.set('c', String(n % 3), doc(String(n % 3)));
    expect(cache.youngestFirst().map(({ id }) => id)).to.deep.equal(['0', '2', '1']);
    expect((cache as unknown as { queue: unknown[] }).queue.length, 'the queue is compacted').to.be.below(3000);
  });

  describe('holds its bound in the heap, measured', () => {
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    const at = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 1000).toISOString();
    const id = (n: number) => `m${(1e12 + n).toString(36)}${(n * 7919).toString(36).padStart(8, '0')}`;
    const shapes: Record<string, (n: number) => Doc> = {
      'a record of short fields': (n) => ({ _id: id(n), _version: 1, _owner: 'admin', _createdAt: at(n), _createdBy: 'admin', _updatedAt: at(n), _updatedBy: 'admin', name: `Deal ${n}`, stage: ['Prospecting', 'Closed Won'][n % 2], amount: n * 13.5, quantity: n % 90, active: n % 3 === 0, region: 'EMEA', score: (n % 10_000) / 100, notes: `Seeded record ${n}: follow up with the buying committee.` }),
      'numbers, booleans and a small array': (n) => ({ _id: id(n), a: n, b: n * 1.5, c: n % 7, d: true, e: false, f: null, g: n * 3, h: n / 7, k: [1, 2, 3, n] }),
      'an audit entry with nested changes': (n) => ({ _id: id(n), at: at(n), user: `u${n % 50}`, object: 'deal', record: id(n + 1), action: 'update', changes: { amount: { from: n, to: n + 1 }, stage: { from: 'Prospecting', to: 'Qualification' } } }),
      'long text': (n) => ({ _id: id(n), subject: `Re: order ${n} has shipped`, body: `${'Dear customer, '.repeat(20)}${n}` }),
    };
    const BOUND = 8 * 1024 * 1024;

    for (const [shape, make] of Object.entries(shapes)) {
      it(`${shape}: a full cache takes no more heap than its bound, and at least 70 % of it`, () => {
        const cache = new DocumentCache(BOUND);
        // Parsed from text, as the store fills it, and past the bound so eviction has run.
        for (let n = 0; n < 100_000; n++) cache.set('c', id(n), freezeDocument(JSON.parse(JSON.stringify(make(n))) as Doc));
        expect(cache.peek('c', id(0)), 'evicted').to.equal(undefined);
        // What the full cache holds is what emptying it frees: measured so, what earlier tests
        // release meanwhile (a closed store, its timers) does not count.
        collectGarbage();
        const full = process.memoryUsage().heapUsed;
        cache.clear();
        collectGarbage();
        const taken = full - process.memoryUsage().heapUsed;
        expect(taken, `${taken} bytes`).to.be.within(BOUND * 0.7, BOUND);
      });
    }
  });
});
