import { expect } from 'chai';
import type { Doc, Filter } from '../../engine/store/port.js';
import { describeEachAdapter } from './adapters.js';

/** Queries on an indexed field must answer exactly what the same query answers without the index. */
describeEachAdapter('indexed queries', (ctx) => {
  const children = (): Doc[] => [
    { _id: 'c1', parent: 'p1', amount: 5 },
    { _id: 'c2', parent: 'p1', amount: 7 },
    { _id: 'c3', parent: 'p2', amount: 1 },
    { _id: 'c4', amount: 3 },
    { _id: 'c5', parent: ['p1', 'p3'], amount: 2 },
  ];
  const cases: [string, Filter][] = [
    ['an equality on the indexed field', { parent: 'p1' }],
    ['an $eq on the indexed field with another condition', { parent: { $eq: 'p1' }, amount: { $gt: 5 } }],
    ['an $in on the indexed field', { parent: { $in: ['p2', 'p3'] } }],
    ['a value no document holds', { parent: 'nobody' }],
    ['null, which the index does not hold', { parent: null }],
  ];

  for (const [behaviour, filter] of cases) {
    it(`answers ${behaviour} like an unindexed collection`, async () => {
      await ctx.store.collection('plain').insertMany(children());
      await ctx.store.ensureIndexes('indexed', [{ name: 'ref_parent', keys: { parent: 1 } }]);
      await ctx.store.collection('indexed').insertMany(children());
      const plain = await ctx.store.collection('plain').find(filter, { sort: { _id: 1 } });
      const indexed = await ctx.store.collection('indexed').find(filter, { sort: { _id: 1 } });
      expect(indexed.map((doc) => doc._id)).to.deep.equal(plain.map((doc) => doc._id));
    });
  }

  it('follows updates, deletes and a unit of work in progress', async () => {
    await ctx.store.ensureIndexes('moving', [{ name: 'ref_parent', keys: { parent: 1 } }]);
    const moving = ctx.store.collection('moving');
    await moving.insertMany(children());
    await moving.updateOne({ _id: 'c1' }, { $set: { parent: 'p2' } });
    await moving.deleteOne({ _id: 'c3' });
    expect((await moving.find({ parent: 'p2' })).map((doc) => doc._id)).to.deep.equal(['c1']);
    await ctx.store.unitOfWork(async (tx) => {
      await tx.collection('moving').updateOne({ _id: 'c2' }, { $set: { parent: 'p2' } });
      const seen = await tx.collection('moving').find({ parent: 'p2' }, { sort: { _id: 1 } });
      expect(seen.map((doc) => doc._id)).to.deep.equal(['c1', 'c2']);
      expect((await tx.collection('moving').find({ parent: 'p1' })).map((doc) => doc._id)).to.deep.equal(['c5']);
    });
  });
});
