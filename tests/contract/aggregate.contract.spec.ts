import { expect } from 'chai';
import { describeEachAdapter } from './adapters.js';
import { ACCOUNTS } from './store.fixtures.js';

/** Aggregation pipelines as summaries, reports and counts send them, on every adapter. */
describeEachAdapter('store contract: aggregate', (ctx) => {
  const accounts = () => ctx.store.collection('accounts');
  const seedAccounts = () => accounts().insertMany(structuredClone(ACCOUNTS));

  it('$match then $group with $sum, $min, $max and a count, then $sort; null and missing are ignored', async () => {
    await seedAccounts();
    const rows = await accounts().aggregate([
      { $match: { status: { $in: ['open', 'won'] } } },
      { $group: { _id: '$status', total: { $sum: '$amount' }, min: { $min: '$amount' }, max: { $max: '$amount' }, n: { $sum: 1 } } },
      { $sort: { _id: 1 } },
    ]);
    expect(rows).to.deep.equal([
      { _id: 'open', total: 100, min: 100, max: 100, n: 2 },
      { _id: 'won', total: 250, min: 250, max: 250, n: 2 },
    ]);
  });

  it('groups null and missing keys together and sorts descending', async () => {
    await seedAccounts();
    const rows = await accounts().aggregate([{ $group: { _id: '$owner.id', total: { $sum: '$amount' } } }, { $sort: { total: -1 } }]);
    expect(rows).to.deep.equal([{ _id: 'u2', total: 250 }, { _id: 'u1', total: 100 }, { _id: null, total: 0 }]);
  });

  it('$sum of whole units ($cond, $isNumber, $round, $multiply) adds decimals exactly and skips what is not a number', async () => {
    const amounts = [0.1, 0.2, 1234.57, 0.07, null, 'text', undefined];
    await accounts().insertMany(amounts.map((amount, i) => ({ _id: `m${i}`, kind: 'money', ...(amount === undefined ? {} : { amount }) })));
    const isNumber = { $isNumber: '$amount' };
    const rows = await accounts().aggregate([
      { $match: { kind: 'money' } },
      { $group: { _id: null, cents: { $sum: { $cond: [isNumber, { $round: [{ $multiply: ['$amount', 100] }, 0] }, null] } }, n: { $sum: { $cond: [isNumber, 1, 0] } } } },
    ]);
    expect(rows).to.deep.equal([{ _id: null, cents: 123494, n: 4 }]);
  });

  it('groups and totals in one $facet, each branch grouping on fields of the whole document (nested, missing, null)', async () => {
    await seedAccounts();
    const [both] = await accounts().aggregate([
      { $match: { _id: { $ne: 'c' } } },
      {
        $facet: {
          byRegion: [{ $group: { _id: '$owner.region', total: { $sum: '$amount' }, names: { $push: '$name' } } }, { $sort: { _id: 1 } }],
          total: [{ $group: { _id: null, n: { $sum: 1 }, max: { $max: '$amount' }, closed: { $max: '$closedAt' } } }],
        },
      },
    ]);
    expect(both).to.deep.equal({
      byRegion: [
        { _id: null, total: 0, names: ['Delta', 'Echo'] },
        { _id: 'EU', total: 100, names: ['Acme'] },
        { _id: 'US', total: 250, names: ['Beta'] },
      ],
      total: [{ _id: null, n: 4, max: 250, closed: null }],
    });
  });

  it('gives a $group that reads the whole document ($$ROOT) the whole document', async () => {
    await seedAccounts();
    const rows = await accounts().aggregate([{ $match: { _id: 'b' } }, { $group: { _id: '$status', docs: { $push: '$$ROOT' } } }]);
    expect(rows).to.deep.equal([{ _id: 'won', docs: [ACCOUNTS[1]] }]);
  });

  it('$count counts the matches', async () => {
    await seedAccounts();
    expect(await accounts().aggregate([{ $match: { status: 'won' } }, { $count: 'n' }])).to.deep.equal([{ n: 2 }]);
  });
});
