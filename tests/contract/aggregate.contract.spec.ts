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

  it('answers a summary\'s $facet exactly when a value the plain loop gives up on comes late (an array key, a maximum over mixed types), inside a unit of work too', async () => {
    const stages = ['a', 'b', 'a', 'b', 'a', 'b', ['x'], 'a'];
    await accounts().insertMany(stages.map((stage, i) => ({ _id: `s${i}`, kind: 'late', stage, rank: i === 5 ? 'five' : i })));
    const summary = [
      { $match: { kind: 'late' } },
      {
        $facet: {
          groups: [{ $group: { _id: '$stage', n: { $sum: 1 }, top: { $max: '$rank' } } }, { $sort: { n: -1, _id: 1 } }],
          total: [{ $group: { _id: null, n: { $sum: 1 }, top: { $max: '$rank' } } }],
        },
      },
    ];
    const expected = {
      groups: [
        { _id: 'a', n: 4, top: 7 },
        { _id: 'b', n: 3, top: 'five' },
        { _id: ['x'], n: 1, top: 6 },
      ],
      total: [{ _id: null, n: 8, top: 'five' }],
    };
    expect((await accounts().aggregate(summary))[0]).to.deep.equal(expected);
    const inUnit = await ctx.store.unitOfWork(async (tx) => {
      await tx.collection('accounts').insertOne({ _id: 's8', kind: 'late', stage: 'b', rank: 8 });
      return (await tx.collection('accounts').aggregate(summary))[0];
    });
    expect(inUnit).to.deep.equal({ ...expected, groups: [{ _id: 'a', n: 4, top: 7 }, { _id: 'b', n: 4, top: 'five' }, { _id: ['x'], n: 1, top: 6 }], total: [{ _id: null, n: 9, top: 'five' }] });
  });

  it('$count counts the matches', async () => {
    await seedAccounts();
    expect(await accounts().aggregate([{ $match: { status: 'won' } }, { $count: 'n' }])).to.deep.equal([{ n: 2 }]);
  });
});
