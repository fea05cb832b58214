import { expect } from 'chai';
import { createRecord, defineObject, detailPaths, expectError } from '../support/api-helpers.js';
import { csvColumn, parseCsv } from '../support/permission-fixtures.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const query = (parameters: Record<string, unknown>) =>
  new URLSearchParams(Object.entries(parameters).map(([key, value]): [string, string] => [key, typeof value === 'string' ? value : JSON.stringify(value)])).toString();

/** Reports read the records as lists do: the CSV export and the grouped summary. */
describe('records export (CSV) and summary', () => {
  let engine: TestEngine;

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, {
      name: 'deal',
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'stage', type: 'picklist', values: ['open', 'won', 'lost'] },
        { name: 'amount', type: 'number' },
        { name: 'tags', type: 'multipicklist', values: ['vip', 'new'] },
        { name: 'close_date', type: 'date' },
      ],
    });
    const deals: Record<string, unknown>[] = [
      { name: 'Alpha, Inc.', stage: 'won', amount: 100, tags: ['vip', 'new'], close_date: '2026-01-10' },
      { name: 'Beta "quoted"', stage: 'won', amount: 250, close_date: '2026-03-01' },
      { name: '=HYPERLINK("x")', stage: 'open', amount: 40 },
      { name: '华为 项目', stage: 'lost' },
      { name: 'No stage', amount: 10 },
    ];
    for (const deal of deals) await createRecord(engine, 'deal', deal);
  });
  after(() => engine.stop());

  it('exports every record as CSV with a byte-order mark, a header row and quoted cells', async () => {
    const response = await fetch(`${engine.url}/api/v1/records/deal/export?sort=name`, { headers: { authorization: `Bearer ${engine.token}` } });
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.match(/^text\/csv/);
    expect(response.headers.get('content-disposition')).to.contain('deal.csv');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.charCodeAt(0)).to.equal(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]!.split(',').slice(0, 6)).to.deep.equal(['_id', 'name', 'stage', 'amount', 'tags', 'close_date']);
    expect(lines).to.have.length(6);
    const body = lines.slice(1).map((line) => line.split(',').slice(1).join(','));
    expect(body.find((line) => line.startsWith('"Alpha'))).to.match(/^"Alpha, Inc\.",won,100,"vip;new",2026-01-10,/);
    expect(body.find((line) => line.startsWith('"Beta'))).to.match(/^"Beta ""quoted""",won,250,,2026-03-01,/);
    // A cell that a spreadsheet would run as a formula is defused.
    expect(body.find((line) => line.includes('HYPERLINK'))).to.match(/^"'=HYPERLINK\(""x""\)",open,40,/);
    expect(body.some((line) => line.startsWith('华为 项目,lost'))).to.equal(true);
  });

  it('exports only the chosen fields of the records matching the filter, and audits the export', async () => {
    const response = await fetch(`${engine.url}/api/v1/records/deal/export?${query({ filter: { stage: 'won' }, fields: 'name,amount', sort: '-amount' })}`, {
      headers: { authorization: `Bearer ${engine.token}` },
    });
    const lines = (await response.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines.map((line) => line.split(',').slice(1).join(','))).to.deep.equal(['name,amount', '"Beta ""quoted""",250', '"Alpha, Inc.",100']);
    const audit = await engine.request('GET', '/api/v1/audit?action=record.export');
    expect(audit.body.entries[0]).to.deep.include({ action: 'record.export', object: 'deal', changes: { rows: { old: null, new: 2 } } });
  });

  it('defuses formula-like values in every cell, whatever the field type (lists, JSON, full-width signs)', async () => {
    const risky = ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '＝1', '＋1', '－1', '＠A1'];
    await defineObject(engine, {
      name: 'risky_row',
      fields: [
        { name: 'name', type: 'text' },
        { name: 'choices', type: 'multipicklist', values: risky },
        { name: 'payload', type: 'json' },
      ],
    });
    for (const [i, value] of risky.entries()) {
      await createRecord(engine, 'risky_row', { name: value, choices: [value, risky[(i + 1) % risky.length]], payload: [value] });
    }
    const response = await fetch(`${engine.url}/api/v1/records/risky_row/export?fields=name,choices,payload`, { headers: { authorization: `Bearer ${engine.token}` } });
    const rows = parseCsv(await response.text());
    expect(rows).to.have.length(risky.length + 1);
    const cells = rows.slice(1).flatMap((row) => row.slice(1));
    // Every cell, and every item of a list cell (split back by ';'), starts with the apostrophe.
    for (const piece of cells.flatMap((cell) => cell.split(';'))) expect(piece, piece).to.match(/^'/);
    expect(csvColumn(rows, 'choices')).to.include("'=1+1;'+1");
  });

  it('answers a bad filter of an export with a JSON error, not half a file', async () => {
    const response = await engine.request('GET', `/api/v1/records/deal/export?${query({ filter: { nope: 1 } })}`);
    expectError(response, 400, 'validation_failed');
    expect(detailPaths(response)).to.deep.equal(['/filter/nope']);
  });

  it('counts and totals records by group, largest group first, with the empty group as null', async () => {
    const response = await engine.request('GET', `/api/v1/records/deal/summary?${query({ groupBy: 'stage', measures: 'count,sum:amount,avg:amount,max:close_date' })}`);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    expect(response.body.groupBy).to.equal('stage');
    expect(response.body.truncated).to.equal(false);
    expect(response.body.groups[0]).to.deep.equal({ key: 'won', count: 2, sum: { amount: 350 }, avg: { amount: 175 }, max: { close_date: '2026-03-01' } });
    const byKey = new Map(response.body.groups.map((group: { key: unknown; count: number }) => [group.key, group]));
    expect(byKey.get(null)).to.deep.include({ count: 1, sum: { amount: 10 } });
    expect(byKey.get('lost')).to.deep.include({ count: 1, sum: { amount: 0 }, avg: { amount: null } });
    expect(response.body.total).to.deep.include({ count: 5, sum: { amount: 400 } });
  });

  it('summarizes only the records matching the filter, and without a group gives the total alone', async () => {
    const response = await engine.request('GET', `/api/v1/records/deal/summary?${query({ filter: { amount: { gte: 50 } }, measures: 'sum:amount' })}`);
    expect(response.body.groups).to.deep.equal([{ key: null, count: 2, sum: { amount: 350 } }]);
    expect(response.body.total).to.deep.equal({ count: 2, sum: { amount: 350 } });
  });

  const refusals: [what: string, parameters: Record<string, unknown>, path: string][] = [
    ['an unknown group field', { groupBy: 'nope' }, '/groupBy'],
    ['grouping by a multi-select picklist', { groupBy: 'tags' }, '/groupBy'],
    ['a sum of a text field', { measures: 'sum:name' }, '/measures'],
    ['an unknown aggregate', { measures: 'median:amount' }, '/measures'],
    ['a filter on an unknown field', { filter: { nope: 1 } }, '/filter/nope'],
  ];
  for (const [what, parameters, path] of refusals) {
    it(`refuses ${what} with 400 at ${path}`, async () => {
      const response = await engine.request('GET', `/api/v1/records/deal/summary?${query(parameters)}`);
      expectError(response, 400, 'validation_failed');
      expect(detailPaths(response)).to.deep.equal([path]);
    });
  }
});
