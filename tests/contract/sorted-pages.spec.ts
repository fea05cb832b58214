import { expect } from 'chai';
import type { Doc, Filter, SortSpec } from '../../engine/store/port.js';
import { describeEachAdapter } from './adapters.js';
import { MIXED } from './indexed-operators.fixtures.js';
import { ids } from './store.fixtures.js';

/** Nested values for a dotted sort key: embedded documents, an array on the way, missing parents. */
const NESTED: Record<string, unknown> = { a: { x: 3 }, b: { x: 'text' }, c: { x: null }, d: { y: 1 }, e: [{ x: 1 }], f: { x: true }, g: { x: { z: 1 } }, h: { x: -1 } };
const DOCS: Doc[] = MIXED.map((doc) => (NESTED[doc._id] === undefined ? { ...doc } : { ...doc, sub: NESTED[doc._id] }));

/**
 * A page of a sorted query (`limit`, with `skip`) is the same slice of the full sorted answer,
 * whichever way the store finds it: the embedded store reads the sort keys of the candidates in
 * SQLite and parses only the page, in rounds when its filter turns candidates away. Values of
 * every type (booleans beside 1 and 0, null beside missing, objects, dates as strings) and dotted
 * keys through embedded documents.
 */
describeEachAdapter('sorted pages', (ctx) => {
  const SORTS: SortSpec[] = [{ one: 1 }, { one: -1 }, { amount: -1 }, { amount: 1, one: -1 }, { 'sub.x': 1 }, { 'sub.x': -1, _id: -1 }, { n: 1, amount: -1 }];
  const FILTERS: [string, Filter][] = [
    ['no filter', {}],
    ['a filter most documents fail (several rounds)', { n: 3 }],
    ['a filter on an indexed field', { amount: { $gte: 10 } }],
    ['an $or of indexed branches', { $or: [{ amount: 20 }, { n: 3 }] }],
  ];
  const PAGES = [{ limit: 1 }, { limit: 3 }, { skip: 2, limit: 3 }, { skip: 20, limit: 5 }];

  beforeEach(async () => {
    await ctx.store.ensureIndexes('deals', [
      { name: 'by_amount', keys: { amount: 1 } },
      { name: 'by_n', keys: { n: 1 } },
    ]);
    await ctx.store.collection('deals').insertMany(structuredClone(DOCS));
  });

  for (const [behaviour, filter] of FILTERS) {
    it(`slices the full sorted answer: ${behaviour}`, async () => {
      const deals = ctx.store.collection('deals');
      for (const sort of SORTS) {
        const full = ids(await deals.find(filter, { sort }));
        for (const page of PAGES) {
          const skip = page.skip ?? 0;
          const expected = full.slice(skip, skip + page.limit);
          expect(ids(await deals.find(filter, { sort, ...page })), `${JSON.stringify(sort)} ${JSON.stringify(page)}`).to.deep.equal(expected);
        }
      }
    });
  }

  it('pages through a filter that turns away two candidates in three, across rounds', async () => {
    const many = ctx.store.collection('many');
    await many.insertMany(Array.from({ length: 60 }, (_, i) => ({ _id: `m${String(i).padStart(2, '0')}`, value: (i * 37) % 60, kept: i % 3 === 0 })));
    const full = ids(await many.find({ kept: true }, { sort: { value: -1 } }));
    expect(full).to.have.length(20);
    for (let limit = 1; limit <= 8; limit++) {
      for (const skip of [0, 1, 5]) {
        expect(ids(await many.find({ kept: true }, { sort: { value: -1 }, skip, limit })), `skip ${skip} limit ${limit}`).to.deep.equal(full.slice(skip, skip + limit));
      }
    }
  });

  it('merges the owner\'s records walked by an owner-and-amount index with the shares, as a rep\'s list does', async () => {
    await ctx.store.ensureIndexes('access', [
      { name: 'sys_owner', keys: { _owner: 1 } },
      { name: 'sys_owner_amount', keys: { _owner: 1, amount: 1 } },
      { name: 'sys_readers', keys: { _readers: 1 }, sparse: true },
    ]);
    const owners = ['u1', 'u2', 'u3'];
    await ctx.store.collection('access').insertMany(
      Array.from({ length: 90 }, (_, i) => ({
        _id: `r${String(i).padStart(2, '0')}`,
        _owner: owners[i % 3],
        amount: i % 7 === 0 ? null : (i * 53) % 40,
        ...(i % 5 === 0 ? { _readers: ['u:u1', 'g:east'] } : {}),
        ...(i % 11 === 0 ? { _deleted: true } : {}),
      })),
    );
    const access = ctx.store.collection('access');
    const filter: Filter = { $or: [{ _owner: 'u1' }, { _readers: { $in: ['u:u1', 'g:east'] } }], _deleted: { $ne: true } };
    // Two branches walked through the same index at once (a manager's peers, a master's owners).
    const peers: Filter = { $or: [{ _owner: 'u1' }, { _owner: 'u2' }], _deleted: { $ne: true } };
    const allPeers = ids(await access.find(peers, { sort: { amount: -1 } }));
    expect(ids(await access.find(peers, { sort: { amount: -1 }, limit: 7 }))).to.deep.equal(allPeers.slice(0, 7));
    for (const sort of [{ amount: -1 }, { amount: 1 }, { amount: -1, _id: -1 }] as SortSpec[]) {
      const full = ids(await access.find(filter, { sort }));
      expect(full.length).to.be.greaterThan(30);
      for (const page of [{ limit: 1 }, { limit: 10 }, { skip: 10, limit: 10 }, { skip: 25, limit: 50 }]) {
        expect(ids(await access.find(filter, { sort, ...page })), `${JSON.stringify(sort)} ${JSON.stringify(page)}`).to.deep.equal(full.slice(page.skip ?? 0, (page.skip ?? 0) + page.limit));
      }
    }
  });

  it('orders by the values the documents hold, not by what SQLite makes of them', async () => {
    const deals = ctx.store.collection('deals');
    // true and 1, false and 0, null and missing: MongoDB orders booleans after every number and string.
    expect(ids(await deals.find({ _id: { $in: ['a', 'i', 'j', 'q', 'g', 'h'] } }, { sort: { one: -1 }, limit: 6 }))).to.deep.equal(['i', 'j', 'a', 'q', 'g', 'h']);
  });

  it("lays a unit of work's own writes over the committed page", async () => {
    const page = await ctx.store.unitOfWork(async (tx) => {
      const deals = tx.collection('deals');
      await deals.updateOne({ _id: 'e' }, { $set: { amount: 1000 } });
      await deals.deleteOne({ _id: 'k' });
      await deals.insertOne({ _id: 'zz', amount: 500, n: 3 });
      return ids(await deals.find({}, { sort: { amount: -1 }, limit: 4 }));
    });
    expect(page).to.deep.equal(['e', 'zz', 't', 'q']);
  });
});
