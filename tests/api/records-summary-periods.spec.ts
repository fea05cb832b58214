import { expect } from 'chai';
import { createRecord, defineObject, detailPaths, expectError } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

type Group = { key: unknown; count: number; sum?: Record<string, number>; avg?: Record<string, number | null> };

/** Sales whose dates sit on the edges of weeks, quarters and years. */
const SALES: { stage: string; amount: number; close_date?: string; closed_at?: string }[] = [
  { stage: 'won', amount: 100, close_date: '2025-12-29', closed_at: '2025-12-31T23:30:00-08:00' }, // ISO week 1 of 2026; 2026-01-01 in UTC
  { stage: 'won', amount: 200, close_date: '2026-01-01', closed_at: '2026-01-01T12:00:00Z' },
  { stage: 'lost', amount: 50, close_date: '2026-01-04', closed_at: '2026-01-04T00:00:00+08:00' }, // a Sunday; 2026-01-03 in UTC
  { stage: 'won', amount: 300, close_date: '2026-01-05' }, // a Monday: week 2
  { stage: 'lost', amount: 25, close_date: '2026-03-31' },
  { stage: 'won', amount: 400, close_date: '2026-04-01' },
  { stage: 'won', amount: 1000, close_date: '2027-01-01' }, // a Friday: week 53 of 2026
  { stage: 'open', amount: 5 },
];

describe('records summary: dates by period, several levels, ordered groups', () => {
  let engine: TestEngine;
  const summary = async (query: Record<string, string>) => {
    const response = await engine.request('GET', `/api/v1/records/sale/summary?${new URLSearchParams(query)}`);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    return response.body as { groupBy: string | null; groups: Group[]; total: Group };
  };
  const keysAndCounts = (groups: Group[]) => groups.map((group) => [group.key, group.count]);

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, {
      name: 'sale',
      fields: [
        { name: 'stage', type: 'picklist', values: ['open', 'won', 'lost'] },
        { name: 'amount', type: 'currency' },
        { name: 'close_date', type: 'date' },
        { name: 'closed_at', type: 'datetime' },
        { name: 'note', type: 'longtext' },
      ],
    });
    for (const sale of SALES) await createRecord(engine, 'sale', sale);
  });
  after(() => engine.stop());

  const periods: [string, [unknown, number][]][] = [
    ['day', [[null, 1], ['2025-12-29', 1], ['2026-01-01', 1], ['2026-01-04', 1], ['2026-01-05', 1], ['2026-03-31', 1], ['2026-04-01', 1], ['2027-01-01', 1]]],
    ['week', [[null, 1], ['2026-W01', 3], ['2026-W02', 1], ['2026-W14', 2], ['2026-W53', 1]]],
    ['month', [[null, 1], ['2025-12', 1], ['2026-01', 3], ['2026-03', 1], ['2026-04', 1], ['2027-01', 1]]],
    ['quarter', [[null, 1], ['2025-Q4', 1], ['2026-Q1', 4], ['2026-Q2', 1], ['2027-Q1', 1]]],
    ['year', [[null, 1], ['2025', 1], ['2026', 5], ['2027', 1]]],
  ];
  for (const [unit, expected] of periods) {
    it(`groups a date by ${unit} (ISO weeks, records without a date as null), ordered by key`, async () => {
      const result = await summary({ groupBy: `close_date:${unit}`, order: 'key', measures: 'sum:amount' });
      expect(result.groupBy).to.equal(`close_date:${unit}`);
      expect(keysAndCounts(result.groups)).to.deep.equal(expected);
      expect(result.groups.reduce((sum, group) => sum + (group.sum?.amount ?? 0), 0)).to.equal(result.total.sum!.amount);
    });
  }

  it('groups a date-time by its UTC period', async () => {
    const result = await summary({ groupBy: 'closed_at:day', order: 'key' });
    expect(keysAndCounts(result.groups)).to.deep.equal([[null, 5], ['2026-01-01', 2], ['2026-01-03', 1]]);
    expect(keysAndCounts((await summary({ groupBy: 'closed_at:year', order: '-key' })).groups)).to.deep.equal([['2026', 3], [null, 5]]);
  });

  it('groups by the creation time of the records', async () => {
    const year = new Date().toISOString().slice(0, 4);
    expect(keysAndCounts((await summary({ groupBy: '_createdAt:year' })).groups)).to.deep.equal([[year, SALES.length]]);
  });

  it('groups by several levels, the key listing each level\'s value', async () => {
    const result = await summary({ groupBy: 'stage,close_date:quarter', order: 'key', measures: 'sum:amount' });
    expect(result.groupBy).to.equal('stage,close_date:quarter');
    expect(result.groups.map((group) => [group.key, group.count, group.sum!.amount])).to.deep.equal([
      [['lost', '2026-Q1'], 2, 75],
      [['open', null], 1, 5],
      [['won', '2025-Q4'], 1, 100],
      [['won', '2026-Q1'], 2, 500],
      [['won', '2026-Q2'], 1, 400],
      [['won', '2027-Q1'], 1, 1000],
    ]);
  });

  const orders: [string, string, unknown[]][] = [
    ['the largest sum first', '-sum:amount', ['won', 'lost', 'open']],
    ['the smallest average first', 'avg:amount', ['open', 'lost', 'won']],
    ['the fewest records first, ties by key', 'count', ['open', 'lost', 'won']],
    ['the largest count first by default', '', ['won', 'lost', 'open']],
    ['keys descending', '-key', ['won', 'open', 'lost']],
  ];
  for (const [what, order, keys] of orders) {
    it(`orders groups by ${what}`, async () => {
      const result = await summary({ groupBy: 'stage', measures: 'sum:amount,avg:amount', ...(order ? { order } : {}) });
      expect(result.groups.map((group) => group.key)).to.deep.equal(keys);
    });
  }

  const refusals: [string, Record<string, string>, string, RegExp][] = [
    ['a period on a field that is not a date', { groupBy: 'stage:month' }, '/groupBy', /only dates group by day, week, month, quarter, year/],
    ['an unknown period', { groupBy: 'close_date:fortnight' }, '/groupBy', /'fortnight' is not a period/],
    ['a date-time without a period', { groupBy: 'closed_at' }, '/groupBy', /closed_at:day/],
    ['more than three levels', { groupBy: 'stage,close_date:year,close_date:month,close_date:day' }, '/groupBy', /at most 3 levels/],
    ['a long text', { groupBy: 'note' }, '/groupBy', /longtext field/],
    ['ordering by a measure not asked for', { groupBy: 'stage', order: '-sum:amount' }, '/order', /a measure must be in measures/],
    ['ordering by something unknown', { groupBy: 'stage', measures: 'sum:amount', order: 'size' }, '/order', /use key, count, sum:amount/],
  ];
  for (const [what, query, path, message] of refusals) {
    it(`refuses ${what} with 400 at ${path}`, async () => {
      const response = await engine.request('GET', `/api/v1/records/sale/summary?${new URLSearchParams(query)}`);
      const details = expectError(response, 400, 'validation_failed');
      expect(detailPaths(response)).to.deep.equal([path]);
      expect(details[0]!.message).to.match(message);
    });
  }
});
