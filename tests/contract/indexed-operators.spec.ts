import { expect } from 'chai';
import { cursorFilter, encodeCursor } from '../../engine/records/cursor.js';
import type { Doc, Filter, SortSpec } from '../../engine/store/port.js';
import { describeEachAdapter } from './adapters.js';
import { FIELDS, MIXED, OPERATOR_CASES, SORT_CASES, indexesOn } from './indexed-operators.fixtures.js';
import { ids } from './store.fixtures.js';

/**
 * Every operator of the query subset answers the same over an indexed field as over the same
 * field without an index: nulls, missing values, arrays, booleans beside numbers, mixed types,
 * date strings, code-unit order, inside a unit of work as outside.
 */
describeEachAdapter('indexed queries, operator by operator', (ctx) => {
  const seed = async (field: string) => {
    await ctx.store.collection('plain').insertMany(structuredClone(MIXED));
    // One index is ensured before the documents arrive and the others over them: both ways of filling an index.
    const [first, ...rest] = indexesOn(field);
    await ctx.store.ensureIndexes('indexed', [first!]);
    await ctx.store.collection('indexed').insertMany(structuredClone(MIXED));
    await ctx.store.ensureIndexes('indexed', [first!, ...rest]);
    // A sparse index holds only the documents with a value: it must never lose the others.
    await ctx.store.ensureIndexes('sparse', [{ ...first!, sparse: true }, { name: 'by_amount_sparse', keys: { amount: -1 }, sparse: true }]);
    await ctx.store.collection('sparse').insertMany(structuredClone(MIXED));
  };

  for (const field of FIELDS) {
    for (const [behaviour, filter] of OPERATOR_CASES(field)) {
      it(`${field}: ${behaviour}`, async () => {
        await seed(field);
        const plain = ctx.store.collection('plain');
        const indexed = ctx.store.collection('indexed');
        const expected = ids(await plain.find(filter, { sort: { _id: 1 } }));
        expect(ids(await indexed.find(filter, { sort: { _id: 1 } }))).to.deep.equal(expected);
        expect(ids(await indexed.find(filter))).to.deep.equal(ids(await plain.find(filter)));
        expect(await indexed.count(filter)).to.equal(expected.length);
        const page = { sort: { [field]: -1, _id: 1 } as SortSpec, skip: 1, limit: 4 };
        expect(ids(await indexed.find(filter, page))).to.deep.equal(ids(await plain.find(filter, page)));
        const sparse = ctx.store.collection('sparse');
        expect(ids(await sparse.find(filter, { sort: { _id: 1 } })), 'sparse').to.deep.equal(expected);
        expect(await sparse.count(filter), 'sparse count').to.equal(expected.length);
        expect(ids(await sparse.find(filter, page)), 'sparse page').to.deep.equal(ids(await plain.find(filter, page)));
      });
    }
  }

  it('answers the same inside a unit of work that changed indexed values', async () => {
    await seed('one');
    const results = async (name: string) =>
      ctx.store.unitOfWork(async (tx) => {
        const c = tx.collection(name);
        await c.updateOne({ _id: 'a' }, { $set: { one: 'apple', n: 2 } });
        await c.deleteOne({ _id: 'd' });
        await c.insertOne({ _id: 'z', one: 'apple', n: 2 });
        await c.updateOne({ _id: 'k' }, { $unset: { one: '' } });
        return {
          equal: ids(await c.find({ one: 'apple' })),
          nulls: ids(await c.find({ one: null })),
          sorted: ids(await c.find({ n: 2 }, { sort: { one: 1 }, limit: 4 })),
          count: await c.count({ one: { $in: ['apple', 0] } }),
          all: await c.count({}),
        };
      });
    const plain = await results('plain');
    expect(plain.equal).to.deep.equal(['a', 'z']);
    expect(await results('indexed')).to.deep.equal(plain);
  });

  it('gives an array the element semantics of MongoDB: each bound of a range may hold for another element', async () => {
    await seed('many');
    expect(ids(await ctx.store.collection('indexed').find({ many: { $gt: 1, $lt: 5 } }, { sort: { _id: 1 } }))).to.deep.equal(['b', 's']);
    expect(ids(await ctx.store.collection('indexed').find({ many: 'apple' }, { sort: { _id: 1 } }))).to.deep.equal(['d', 'k']);
    expect(ids(await ctx.store.collection('indexed').find({ many: null }, { sort: { _id: 1 } }))).to.deep.equal(['g', 'h', 'm']);
  });

  for (const [behaviour, filter, sort, page] of SORT_CASES) {
    it(`sorts: ${behaviour}`, async () => {
      await seed('one');
      const expected = ids(await ctx.store.collection('plain').find(filter, { sort, ...page }));
      expect(ids(await ctx.store.collection('indexed').find(filter, { sort, ...page }))).to.deep.equal(expected);
    });
  }

  it('sorts mixed types in MongoDB order: null and missing, numbers, strings by code unit, objects, booleans', async () => {
    await seed('one');
    const order = ids(await ctx.store.collection('indexed').find({}, { sort: { one: 1, _id: 1 } }));
    expect(order).to.deep.equal(['g', 'h', 'c', 'w', 'k', 'q', 'a', 'r', 'b', 'm', 's', 'f', 'o', 'n', 'e', 'd', 'l', 't', 'u', 'v', 'x', 'p', 'j', 'i']);
  });

  it('pages by keyset cursor through ties and nulls, indexed as unindexed', async () => {
    await seed('one');
    const sort: SortSpec = { amount: -1, _id: 1 };
    const walk = async (name: string) => {
      const seen: string[] = [];
      let after: Filter | undefined;
      for (let pages = 0; pages < 20; pages++) {
        const filter: Filter = after ?? {};
        const page: Doc[] = await ctx.store.collection(name).find(filter, { sort, limit: 4 });
        seen.push(...ids(page));
        if (page.length < 4) break;
        after = cursorFilter({ object: 'x', sort, filter: {} }, encodeCursor({ object: 'x', sort, filter: {} }, page[page.length - 1]!));
      }
      return seen;
    };
    const everything = ids(await ctx.store.collection('plain').find({}, { sort }));
    expect(await walk('plain')).to.deep.equal(everything);
    expect(await walk('indexed')).to.deep.equal(everything);
  });
});
