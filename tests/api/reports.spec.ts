import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { detailPaths, expectError } from '../support/api-helpers.js';
import { parseCsv } from '../support/permission-fixtures.js';
import { buildReportOrg, byLabel, DEALS, run, saveReport, TODAY, type ReportOrg } from '../support/report-fixtures.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const FIXED = { name: { in: ['A1', 'A2', 'A3', 'A4'] } };
const RELATIVE = { name: { in: ['R1', 'R2', 'B1', 'B2', 'B3', 'B4'] } };

/** Reports over the real server: each type, every bucket, relative periods, parents' fields, access and field security, drill-down, export. */
describe('reports', () => {
  let engine: TestEngine;
  let org: ReportOrg;

  before(async () => {
    engine = await startTestEngine();
    org = await buildReportOrg(engine);
  });
  after(() => engine.stop());

  describe('checked when saved', () => {
    const refusals: [what: string, report: Record<string, unknown>, path: string][] = [
      ['an unknown object', { object: 'nope', type: 'summary', groupings: [{ field: 'stage' }] }, '/object'],
      ['a parent path through a field that is no lookup', { object: 'deal', type: 'summary', groupings: [{ field: 'stage.name' }] }, '/groupings/0/field'],
      ['an unknown field of a parent', { object: 'deal', type: 'summary', groupings: [{ field: 'account.nope' }] }, '/groupings/0/field'],
      ['a sum of a text field', { object: 'deal', type: 'summary', groupings: [{ field: 'stage' }], measures: [{ aggregate: 'sum', field: 'name' }] }, '/measures/0/field'],
      ['a maximum of a picklist', { object: 'deal', type: 'summary', groupings: [{ field: 'stage' }], measures: [{ aggregate: 'max', field: 'stage' }] }, '/measures/0/field'],
      ['a bucket on a picklist', { object: 'deal', type: 'summary', groupings: [{ field: 'stage', bucket: 'month' }] }, '/groupings/0/bucket'],
      ['a date-time without a bucket', { object: 'deal', type: 'summary', groupings: [{ field: '_createdAt' }] }, '/groupings/0/bucket'],
      ['a summary without groupings', { object: 'deal', type: 'summary' }, '/groupings'],
      ['a tabular report with groupings', { object: 'deal', type: 'tabular', groupings: [{ field: 'stage' }] }, '/groupings'],
      ['a matrix without column groupings', { object: 'deal', type: 'matrix', groupings: [{ field: 'stage' }] }, '/columnGroupings'],
      ['an order by a measure the report lacks', { object: 'deal', type: 'summary', groupings: [{ field: 'stage', order: '-sum:amount' }] }, '/groupings/0/order'],
      ['a relative period on a text field', { object: 'deal', type: 'summary', groupings: [{ field: 'stage' }], filter: { name: { within: 'today' } } }, '/filter/name/within'],
      ['an unknown relative period', { object: 'deal', type: 'summary', groupings: [{ field: 'stage' }], filter: { close_date: { within: 'someday' } } }, '/filter/close_date/within'],
      ['a filter on an unknown field', { object: 'deal', type: 'summary', groupings: [{ field: 'stage' }], filter: { nope: 1 } }, '/filter/nope'],
      ['a chart of a measure the report lacks', { object: 'deal', type: 'summary', groupings: [{ field: 'stage' }], chart: { type: 'bar', measure: 'sum:amount' } }, '/chart/measure'],
      ['a roll-up through a lookup to another object', { object: 'account', type: 'summary', groupings: [{ field: 'sector' }], measures: [{ aggregate: 'sum', field: 'amount', through: 'deal.name' }] }, '/measures/0/through'],
    ];
    for (const [what, report, path] of refusals) {
      it(`refuses ${what} with 400 at ${path}, and stores nothing`, async () => {
        const response = await engine.request('POST', '/api/v1/meta/reports', { name: 'refused', ...report });
        expectError(response, 400, 'validation_failed');
        expect(detailPaths(response)).to.include(path);
        expect((await engine.request('GET', '/api/v1/meta/reports/refused')).status).to.equal(404);
      });
    }
  });

  describe('summary', () => {
    before(async () => {
      await saveReport(engine, {
        name: 'pipeline',
        label: { en: 'Pipeline', 'zh-CN': '销售漏斗' },
        object: 'deal',
        type: 'summary',
        groupings: [{ field: 'stage' }, { field: 'close_date', bucket: 'year' }],
        measures: [{ aggregate: 'count' }, { aggregate: 'sum', field: 'amount' }, { aggregate: 'avg', field: 'amount' }, { aggregate: 'distinct', field: 'account' }],
        chart: { type: 'bar' },
      });
    });

    it('groups by two levels with subtotals, the picklist in its values\' order, money exact in the corporate currency', async () => {
      const result = await run(engine, 'pipeline');
      expect(result.groups.map((group: any) => group.key)).to.deep.equal(['open', 'won', 'lost']);
      expect(result.groups.map((group: any) => group.label)).to.deep.equal(['Open', 'won', 'lost']);
      const won = result.groups[1];
      // 0.1 + 0.2 + 300 + 1, exactly; the EUR 100 of A3 counts as USD 110.
      expect(won.values).to.deep.include({ count: 4, 'sum:amount': 301.3, 'distinct:account': 2 });
      expect(result.groups[0].values['sum:amount']).to.equal(182.5);
      expect(result.total).to.deep.include({ count: 10, 'sum:amount': 1718.37 });
      const years = won.groups.map((group: any) => group.values.count).reduce((a: number, b: number) => a + b, 0);
      expect(years, 'the years add up to their stage').to.equal(4);
      const money = result.measures.find((measure: any) => measure.key === 'sum:amount');
      expect(money).to.deep.include({ type: 'currency', scale: 2, currency: 'USD' });
      expect(result.groupings.map((level: any) => [level.key, level.type])).to.deep.equal([['stage', 'picklist'], ['close_date:year', 'date']]);
    });

    it('orders groups by a measure, descending', async () => {
      await saveReport(engine, { name: 'by_amount', object: 'deal', type: 'summary', groupings: [{ field: 'stage', order: '-sum:amount' }], measures: [{ aggregate: 'sum', field: 'amount' }] });
      const result = await run(engine, 'by_amount');
      expect(result.groups.map((group: any) => [group.key, group.values['sum:amount']])).to.deep.equal([['lost', 1234.57], ['won', 301.3], ['open', 182.5]]);
    });

    it('groups by a parent\'s field and by a grandparent\'s, through lookups', async () => {
      await saveReport(engine, { name: 'by_sector', object: 'deal', type: 'summary', groupings: [{ field: 'account.sector' }] });
      const sectors = await run(engine, 'by_sector');
      expect(byLabel(sectors.groups)).to.deep.equal({ Retail: 5, Tech: 3, '(empty)': 2 });
      await saveReport(engine, { name: 'by_manager_role', object: 'deal', type: 'summary', groupings: [{ field: 'account.manager.role' }, { field: 'account' }] });
      const roles = await run(engine, 'by_manager_role');
      expect(byLabel(roles.groups)).to.deep.equal({ sales_manager: { count: 6, groups: { acme: 3, globex: 3 } }, '(empty)': { count: 4, groups: { initech: 2, '(empty)': 2 } } });
      expect(roles.groupings[0]).to.deep.include({ key: 'account.manager.role', label: 'Account › Manager › Role', type: 'text' });
    });

    it('labels groups in the reader\'s language', async () => {
      const result = (await engine.request('POST', '/api/v1/reports/by_sector/run', {}, { 'accept-language': 'zh-CN' })).body;
      expect(result.groups.map((group: any) => group.label)).to.deep.equal(['零售', '科技', '（空）']);
      expect(result.groupings[0].label).to.equal('客户 › 行业');
    });
  });

  describe('date buckets and aging', () => {
    const buckets: [bucket: string, expected: Record<string, number>][] = [
      ['day', { '2025-12-29': 1, '2026-01-04': 1, '2026-03-31': 1, '2026-04-01': 1 }],
      ['week', { '2026-W01': 2, '2026-W14': 2 }],
      ['month', { '2025-12': 1, '2026-01': 1, '2026-03': 1, '2026-04': 1 }],
      ['quarter', { '2025-Q4': 1, '2026-Q1': 2, '2026-Q2': 1 }],
      ['year', { '2025': 1, '2026': 3 }],
      ['fiscalYear', { FY2026: 3, FY2027: 1 }],
      ['fiscalQuarter', { 'FY2026-Q3': 1, 'FY2026-Q4': 2, 'FY2027-Q1': 1 }],
    ];
    for (const [bucket, expected] of buckets) {
      it(`groups dates by ${bucket} (fiscal year from April)`, async () => {
        await saveReport(engine, { name: `by_${bucket.toLowerCase()}`, object: 'deal', type: 'summary', fiscalYearStartMonth: 4, filter: FIXED, groupings: [{ field: 'close_date', bucket }] });
        const result = await run(engine, `by_${bucket.toLowerCase()}`);
        expect(Object.fromEntries(result.groups.map((group: any) => [group.key, group.values.count]))).to.deep.equal(expected);
        expect(result.groups.map((group: any) => group.key), 'in time').to.deep.equal(Object.keys(expected));
      });
    }

    it('groups by aging from the date to today: current, 1–30, 31–60, 61–90, over 90', async () => {
      await saveReport(engine, { name: 'aging', object: 'deal', type: 'summary', filter: RELATIVE, groupings: [{ field: 'close_date', bucket: 'aging' }] });
      const result = await run(engine, 'aging');
      expect(result.groups.map((group: any) => [group.label, group.values.count])).to.deep.equal([
        ['Current', 1], ['1–30 days', 1], ['31–60 days', 1], ['61–90 days', 1], ['Over 90 days', 1], ['(empty)', 1],
      ]);
    });

    it('ages by ranges an admin sets', async () => {
      await saveReport(engine, { name: 'aging_custom', object: 'deal', type: 'summary', filter: RELATIVE, groupings: [{ field: 'close_date', bucket: 'aging', agingDays: [15, 100] }] });
      const result = await run(engine, 'aging_custom');
      expect(result.groups.map((group: any) => [group.label, group.values.count])).to.deep.equal([['Current', 1], ['1–15 days', 1], ['16–100 days', 2], ['Over 100 days', 1], ['(empty)', 1]]);
    });
  });

  describe('relative periods', () => {
    const inRange = (from: string, to: string) => DEALS.filter((deal) => deal.name[0] !== 'A' && deal.close_date !== undefined && deal.close_date >= from && deal.close_date < to).length;
    const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const month = (offset: number) => {
      const date = new Date(`${TODAY.slice(0, 7)}-01T00:00:00Z`);
      date.setUTCMonth(date.getUTCMonth() + offset);
      return date.toISOString().slice(0, 10);
    };
    const quarterStart = (offset: number) => month(-((Number(TODAY.slice(5, 7)) - 1) % 3) + 3 * offset);
    const periods: [period: string, expected: () => number][] = [
      ['today', () => inRange(TODAY, shift(TODAY, 1))],
      ['last_30_days', () => inRange(shift(TODAY, -30), shift(TODAY, 1))],
      ['last_50_days', () => inRange(shift(TODAY, -50), shift(TODAY, 1))],
      ['next_7_days', () => inRange(TODAY, shift(TODAY, 8))],
      ['this_month', () => inRange(month(0), month(1))],
      ['last_month', () => inRange(month(-1), month(0))],
      ['this_quarter', () => inRange(quarterStart(0), quarterStart(1))],
      ['last_quarter', () => inRange(quarterStart(-1), quarterStart(0))],
      ['this_year', () => inRange(`${TODAY.slice(0, 4)}-01-01`, `${Number(TODAY.slice(0, 4)) + 1}-01-01`)],
    ];
    for (const [period, expected] of periods) {
      it(`filters by ${period}`, async () => {
        const result = await run(engine, 'pipeline', { filter: { and: [RELATIVE, { close_date: { within: period } }] } });
        expect(result.total.count).to.equal(expected());
      });
    }

    it('keeps relative periods in a saved report\'s filter, measured on the day of the run', async () => {
      await saveReport(engine, { name: 'recent', object: 'deal', type: 'summary', groupings: [{ field: 'stage' }], filter: { close_date: { within: 'last_30_days' } } });
      // Ten days ago, the 30 days before ran from 40 days ago: R2 (10 days ago) is in, B1 (45) and R1 (today) are not.
      expect((await run(engine, 'recent', { today: shift(TODAY, -10), filter: RELATIVE })).total.count).to.equal(1);
      expect((await run(engine, 'recent')).total.count).to.equal(inRange(shift(TODAY, -30), shift(TODAY, 1)));
    });
  });

  describe('matrix and tabular', () => {
    it('answers a matrix: cells, row and column totals, the grand total', async () => {
      await saveReport(engine, {
        name: 'stage_by_sector',
        object: 'deal',
        type: 'matrix',
        groupings: [{ field: 'stage' }],
        columnGroupings: [{ field: 'account.sector' }],
        measures: [{ aggregate: 'count' }, { aggregate: 'sum', field: 'amount' }],
      });
      const result = await run(engine, 'stage_by_sector');
      const cell = (stage: string, sector: string | null) => result.cells.find((one: any) => one.row[0] === stage && one.column[0] === sector)?.values;
      expect(cell('won', 'retail')).to.deep.equal({ count: 3, 'sum:amount': 300.3 });
      expect(cell('open', 'tech')).to.deep.equal({ count: 2, 'sum:amount': 160.5 });
      expect(cell('lost', null)).to.deep.equal({ count: 1, 'sum:amount': 0 });
      expect(result.columnGroups.map((group: any) => [group.key, group.values.count])).to.deep.equal([['retail', 5], ['tech', 3], [null, 2]]);
      expect(result.groups.map((group: any) => [group.key, group.values.count])).to.deep.equal([['open', 4], ['won', 4], ['lost', 2]]);
      expect(result.total.count).to.equal(10);
    });

    it('answers a tabular report: columns through lookups, its order and limit, totals over every record', async () => {
      await saveReport(engine, {
        name: 'deal_list',
        object: 'deal',
        type: 'tabular',
        columns: ['name', 'stage', 'account', 'account.manager.full_name', 'amount'],
        sort: ['name'],
        limit: 3,
        measures: [{ aggregate: 'count' }, { aggregate: 'sum', field: 'amount' }],
      });
      const result = await run(engine, 'deal_list');
      expect(result.rows.map((row: any) => row.values.name)).to.deep.equal(['A1', 'A2', 'A3']);
      expect(result.rows[0].values).to.deep.include({ stage: 'won', account: org.accounts.acme, 'account.manager.full_name': 'Mia Manager' });
      expect(result.rows[0].labels).to.deep.include({ account: 'acme' });
      expect(result.rows[2].labels).to.deep.include({ stage: 'Open' });
      expect(result.truncated).to.equal(true);
      expect(result.total).to.deep.equal({ count: 10, 'sum:amount': 1718.37 });
      expect(result.columns.map((column: any) => column.type)).to.deep.equal(['text', 'picklist', 'lookup', 'text', 'currency']);
    });

    it('rolls up children through a lookup: each account\'s deals, summed by sector', async () => {
      await saveReport(engine, {
        name: 'accounts_by_sector',
        object: 'account',
        type: 'summary',
        groupings: [{ field: 'sector' }],
        measures: [{ aggregate: 'count' }, { aggregate: 'sum', field: 'amount', through: 'deal.account' }, { aggregate: 'count', through: 'deal.account' }],
      });
      const result = await run(engine, 'accounts_by_sector');
      expect(result.groups.map((group: any) => [group.key, group.values])).to.deep.equal([
        ['retail', { count: 2, 'sum:deal.account.amount': 1554.87, 'count:deal.account': 5 }],
        ['tech', { count: 1, 'sum:deal.account.amount': 161.5, 'count:deal.account': 3 }],
      ]);
    });
  });

  describe('the reader\'s access', () => {
    it('gives a rep only the totals of the deals they may see', async () => {
      const result = await run(engine, 'pipeline', {}, org.rep.headers);
      expect(result.total).to.deep.include({ count: 2, 'sum:amount': 350.5 });
      expect(result.groups.map((group: any) => [group.key, group.values.count])).to.deep.equal([['open', 1], ['won', 1]]);
    });

    it('refuses a report grouped by a field the reader may not read (403 naming it), for the admin it runs', async () => {
      await saveReport(engine, { name: 'by_margin', object: 'deal', type: 'summary', groupings: [{ field: 'margin' }] });
      const refused = await engine.request('POST', '/api/v1/reports/by_margin/run', {}, org.rep.headers);
      expectError(refused, 403, 'forbidden');
      expect(detailPaths(refused)).to.deep.equal(['/groupings/0/field']);
      expect((await run(engine, 'by_margin')).total.count).to.equal(10);
    });

    it('leaves out a measure of a field the reader may not read, and says so', async () => {
      await saveReport(engine, { name: 'margins', object: 'deal', type: 'summary', groupings: [{ field: 'stage' }], measures: [{ aggregate: 'count' }, { aggregate: 'sum', field: 'margin' }] });
      const result = await run(engine, 'margins', {}, org.rep.headers);
      expect(result.omitted).to.deep.equal([{ path: '/measures/1', name: 'sum:margin' }]);
      expect(result.measures.map((measure: any) => measure.key)).to.deep.equal(['count']);
      expect(result.total).to.deep.equal({ count: 2 });
      expect((await run(engine, 'margins')).total).to.deep.equal({ count: 10, 'sum:margin': 13 });
    });

    it('treats a field hidden from the reader as unknown in their own filter', async () => {
      const response = await engine.request('POST', '/api/v1/reports/pipeline/run', { filter: { margin: { gt: 1 } } }, org.rep.headers);
      expectError(response, 400, 'validation_failed');
      expect(detailPaths(response)).to.deep.equal(['/filter/margin']);
    });

    it('hides a report from users outside its permission sets (404)', async () => {
      await saveReport(engine, { name: 'admins_only', object: 'deal', type: 'summary', groupings: [{ field: 'stage' }], permissionSets: ['admin'] });
      expectError(await engine.request('POST', '/api/v1/reports/admins_only/run', {}, org.rep.headers), 404, 'not_found');
      const listed = await engine.request('GET', '/api/v1/meta/reports', undefined, org.rep.headers);
      expect(listed.body.reports.map((report: any) => report.name)).to.include('pipeline').and.not.include('admins_only');
    });
  });

  describe('drill-down', () => {
    it('lists the records behind a group, with a filter the list API answers alike', async () => {
      const year = '2026';
      const drill = await engine.request('POST', '/api/v1/reports/pipeline/drill', { row: ['won', year], fields: 'name' });
      expect(drill.status, JSON.stringify(drill.body)).to.equal(200);
      const expected = DEALS.filter((deal) => deal.stage === 'won' && deal.close_date?.startsWith(year)).map((deal) => deal.name).sort();
      expect(drill.body.records.map((record: any) => record.name).sort()).to.deep.equal(expected);
      const listed = await engine.request('GET', `/api/v1/records/deal?total=true&filter=${encodeURIComponent(JSON.stringify(drill.body.filter))}`);
      expect(listed.body.total).to.equal(expected.length);
    });

    it('drills into a parent\'s value and into the empty group', async () => {
      const retail = await engine.request('POST', '/api/v1/reports/by_sector/drill', { row: ['retail'], fields: 'name' });
      expect(retail.body.records.map((record: any) => record.name).sort()).to.deep.equal(['A1', 'A2', 'A4', 'B1', 'R1']);
      const empty = await engine.request('POST', '/api/v1/reports/by_sector/drill', { row: [null], fields: 'name' });
      expect(empty.body.records.map((record: any) => record.name).sort()).to.deep.equal(['B2', 'B4']);
    });

    it('drills into a matrix cell, and into an aging range', async () => {
      const cell = await engine.request('POST', '/api/v1/reports/stage_by_sector/drill', { row: ['open'], column: ['tech'], fields: 'name' });
      expect(cell.body.records.map((record: any) => record.name).sort()).to.deep.equal(['A3', 'R2']);
      const aged = await engine.request('POST', '/api/v1/reports/aging/drill', { row: [2], fields: 'name' });
      expect(aged.body.records.map((record: any) => record.name)).to.deep.equal(['B1']);
    });

    it('drills as the reader: a rep gets only their records', async () => {
      const drill = await engine.request('POST', '/api/v1/reports/pipeline/drill', { row: ['won'], fields: 'name' }, org.rep.headers);
      expect(drill.body.records.map((record: any) => record.name)).to.deep.equal(['R1']);
    });
  });

  describe('export', () => {
    it('exports a summary as CSV: a row per group, subtotals and the grand total', async () => {
      const response = await fetch(`${engine.url}/api/v1/reports/by_amount/export?format=csv`, { headers: { authorization: `Bearer ${engine.token}` } });
      expect(response.headers.get('content-type')).to.match(/^text\/csv/);
      const rows = parseCsv(await response.text());
      expect(rows).to.deep.equal([
        ['Stage', 'Sum of Amount'],
        ['lost', '1234.57'],
        ['won', '301.3'],
        ['Open', '182.5'],
        ['Grand total', '1718.37'],
      ]);
    });

    it('exports a matrix as XLSX with figures as numbers', async () => {
      const response = await fetch(`${engine.url}/api/v1/reports/stage_by_sector/export?format=xlsx`, { headers: { authorization: `Bearer ${engine.token}`, 'accept-language': 'zh-CN' } });
      expect(response.status).to.equal(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      const sheet = workbook.worksheets[0]!;
      const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
      expect(values(1)[0]).to.equal('Stage');
      expect(values(1)).to.include('零售 · 记录数');
      const won = values(3);
      expect(won[0]).to.equal('won');
      expect(won[1]).to.equal(3);
      expect(values(sheet.rowCount)[0]).to.equal('总计');
    });
  });

  it('previews a draft for an administrator, checked as a save would check it; refuses a rep', async () => {
    const draft = { name: 'draft', object: 'deal', type: 'summary', groupings: [{ field: 'account.sector' }], measures: [{ aggregate: 'sum', field: 'amount' }] };
    const preview = await engine.request('POST', '/api/v1/reports/preview', { definition: draft });
    expect(preview.status, JSON.stringify(preview.body)).to.equal(200);
    expect(preview.body.groups.map((group: any) => [group.key, group.values['sum:amount']])).to.deep.equal([['retail', 1554.87], ['tech', 161.5], [null, 2]]);
    expect((await engine.request('GET', '/api/v1/meta/reports/draft')).status, 'nothing saved').to.equal(404);
    const wrong = await engine.request('POST', '/api/v1/reports/preview', { definition: { ...draft, groupings: [{ field: 'nope' }] } });
    expectError(wrong, 400, 'validation_failed');
    expect(detailPaths(wrong)).to.deep.equal(['/definition/groupings/0/field']);
    expectError(await engine.request('POST', '/api/v1/reports/preview', { definition: draft }, org.rep.headers), 403, 'forbidden');
  });

  it('documents running, drilling and exporting in the OpenAPI document', async () => {
    const document = (await engine.request('GET', '/api/v1/openapi.json')).body;
    expect(Object.keys(document.paths)).to.include.members(['/api/v1/reports/{name}/run', '/api/v1/reports/preview', '/api/v1/reports/{name}/drill', '/api/v1/reports/{name}/export', '/api/v1/dashboards/{name}/run', '/api/v1/meta/reports']);
  });
});
