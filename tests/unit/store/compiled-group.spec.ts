import { expect } from 'chai';
import { Aggregator } from 'mingo';
import { compileGroup } from '../../../engine/store/embedded/compiled-group.js';
import { foldGroupedPipeline } from '../../../engine/store/embedded/folded-aggregation.js';
import type { Doc } from '../../../engine/store/port.js';

/** Values chosen where grouping and rounding go wrong: null against missing, 1 against '1' and true, halves, float drift. */
const DOCS: Doc[] = [
  { _id: 'a', stage: 'won', amount: 0.1, close: '2026-01-03', rank: 3 },
  { _id: 'b', stage: 'won', amount: 0.2, close: '2026-02-01', rank: 1 },
  { _id: 'c', stage: 'lost', amount: 1234.57, close: null, rank: 'x' },
  { _id: 'd', stage: null, amount: -2.5, close: '2025-12-31' },
  { _id: 'e', amount: 2.5, rank: 2 },
  { _id: 'f', stage: 1, amount: '12', close: '2026-01-01' },
  { _id: 'g', stage: '1', amount: 0.125, rank: 7 },
  { _id: 'h', stage: true, amount: 1e21 },
  { _id: 'i', stage: 'won', amount: 3.5 },
  { _id: 'j', stage: 'won', amount: 0.07, close: '2026-03-09' },
  { _id: 'k', stage: null, amount: 1 },
  { _id: 'l', amount: 1, close: '2025-12-30' },
];

const units = (field: string, scale: number) => ({ $cond: [{ $isNumber: `$${field}` }, { $round: [{ $multiply: [`$${field}`, 10 ** scale] }, 0] }, null] });
const counted = (field: string) => ({ $cond: [{ $isNumber: `$${field}` }, 1, 0] });

/** The `$group`s summaries send (summarize-records.ts), and neighbours of them. */
const SPECS: [string, Record<string, unknown>][] = [
  ['a count and sums in units by a field', { _id: '$stage', count: { $sum: 1 }, sum__amount: { $sum: units('amount', 2) }, n__amount: { $sum: counted('amount') } }],
  ['the total: one group of all', { _id: null, count: { $sum: 1 }, sum__amount: { $sum: units('amount', 0) } }],
  ['a sum of a field as it is, and of a constant', { _id: '$stage', raw: { $sum: '$amount' }, twice: { $sum: 2 } }],
  ['the smallest and largest date text', { _id: '$stage', min__close: { $min: '$close' }, max__close: { $max: '$close' } }],
  ['two levels: null, missing, 1, \'1\' and true apart', { _id: { l0: '$stage', l1: '$close' }, count: { $sum: 1 }, sum__amount: { $sum: units('amount', 2) } }],
  ['three levels, one of them the same field twice', { _id: { l0: '$stage', l1: '$rank', l2: '$stage' }, count: { $sum: 1 } }],
  ['the smallest and largest number', { _id: null, min__amount: { $min: '$amount' }, max__amount: { $max: '$amount' } }],
  ['two levels of a report, one the day of a date text', { _id: { k0: '$stage', k1: { $substrBytes: ['$close', 0, 7] } }, n: { $sum: 1 }, u: { $sum: units('amount', 2) } }],
  ['the distinct values of a field', { _id: '$stage', d: { $addToSet: '$close' } }],
];

function mingo(spec: Record<string, unknown>, docs: Doc[]): unknown[] {
  return new Aggregator([{ $group: spec }], {}).run(docs);
}

describe('the embedded store groups in a plain loop what summaries send, with mingo\'s answer', () => {
  for (const [name, spec] of SPECS) {
    it(`gives mingo's groups, in mingo's order: ${name}`, () => {
      const compiled = compileGroup(spec);
      expect(compiled, 'compiled').to.not.equal(undefined);
      const rows = compiled!(DOCS.filter((doc) => typeof doc.amount !== 'string' || !name.includes('number')));
      expect(rows, 'handled without mingo').to.not.equal(undefined);
      expect(rows).to.deep.equal(mingo(spec, DOCS.filter((doc) => typeof doc.amount !== 'string' || !name.includes('number'))));
    });
  }

  it('rounds halves to even as mingo does, on both sides of zero', () => {
    const spec = { _id: '$_id', units: { $sum: units('amount', 0) } };
    const docs = [-3.5, -2.5, -0.5, 0.5, 1.5, 2.5, 2.45, 2.55, 1234.565 * 100].map((amount, i) => ({ _id: String(i), amount }));
    expect(compileGroup(spec)!(docs)).to.deep.equal(mingo(spec, docs));
  });

  it('leaves to mingo a key that is a list or an object, a minimum over mixed types, and shapes it does not compile', () => {
    expect(compileGroup({ _id: '$tags', n: { $sum: 1 } })!([{ _id: 'x', tags: ['a'] }])).to.equal(undefined);
    expect(compileGroup({ _id: null, low: { $min: '$rank' } })!(DOCS)).to.equal(undefined);
    expect(compileGroup({ _id: { l0: '$stage' }, n: { $sum: 1 } })!([{ _id: 'x', stage: { a: 1 } }])).to.equal(undefined);
    expect(compileGroup({ _id: { l0: '$stage.name' }, n: { $sum: 1 } })).to.equal(undefined);
    expect(compileGroup({ _id: {}, n: { $sum: 1 } })).to.equal(undefined);
    expect(compileGroup({ _id: { l0: '$stage.x' }, n: { $sum: 1 } })).to.equal(undefined);
    expect(compileGroup({ _id: { l0: { $substrBytes: ['$close', 2, 4] } }, n: { $sum: 1 } })).to.equal(undefined);
    expect(compileGroup({ _id: { l0: '$tags' }, n: { $sum: 1 } })!([{ _id: 'x', tags: ['a'] }])).to.equal(undefined);
    expect(compileGroup({ _id: '$owner.id', n: { $sum: 1 } })).to.equal(undefined);
    expect(compileGroup({ _id: null, all: { $push: '$$ROOT' } })).to.equal(undefined);
    expect(compileGroup({ _id: null, avg: { $avg: '$amount' } })).to.equal(undefined);
  });

  it('folds a summary\'s $facet (groups and total) from a stream read once, with mingo\'s answer, and gives up on what it does not handle', () => {
    const docs = DOCS.filter((doc) => typeof doc.stage !== 'boolean');
    const pipeline = [
      { $facet: { groups: [{ $group: SPECS[0]![1] }, { $sort: { count: -1 } }], total: [{ $group: SPECS[1]![1] }] } },
      { $project: { groups: 1, total: 1 } },
    ];
    let reads = 0;
    function* once(): Generator<Doc> {
      reads++;
      yield* docs;
    }
    expect(foldGroupedPipeline(pipeline, once())).to.deep.equal(new Aggregator(pipeline, {}).run(docs));
    expect(reads).to.equal(1);
    expect(foldGroupedPipeline(pipeline, [...docs, { _id: 'z', stage: ['won'] }])).to.equal(undefined);
    expect(foldGroupedPipeline([{ $facet: { all: [{ $match: {} }] } }], docs)).to.equal(undefined);
    expect(foldGroupedPipeline([{ $match: {} }], docs)).to.equal(undefined);
  });
});
