import { expect } from 'chai';
import { detailPaths, expectError } from '../support/api-helpers.js';
import { buildReportOrg, DEALS, saveReport, TODAY, type ReportOrg } from '../support/report-fixtures.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const component = (key: string, report: string, x: number, extra: Record<string, unknown> = {}) => ({ key, report, x, y: 0, w: 4, h: 3, ...extra });

/** Dashboards over the real server: checked when saved, run for each reader, filtered, compared, as home pages. */
describe('dashboards', () => {
  let engine: TestEngine;
  let org: ReportOrg;
  const runDashboard = async (name: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
    const response = await engine.request('POST', `/api/v1/dashboards/${name}/run`, body, headers);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    return response.body;
  };
  const part = (result: any, key: string) => result.components.find((one: any) => one.key === key);

  before(async () => {
    engine = await startTestEngine();
    org = await buildReportOrg(engine);
    await saveReport(engine, { name: 'pipeline', object: 'deal', type: 'summary', groupings: [{ field: 'stage' }], measures: [{ aggregate: 'count' }, { aggregate: 'sum', field: 'amount' }], chart: { type: 'bar' } });
    await saveReport(engine, { name: 'accounts', object: 'account', type: 'summary', groupings: [{ field: 'sector' }] });
    await saveReport(engine, { name: 'closed', object: 'deal', type: 'summary', groupings: [{ field: 'stage' }], chart: { type: 'number', compareField: 'close_date', comparePeriod: 'month' } });
    await saveReport(engine, { name: 'admins_only', object: 'deal', type: 'summary', groupings: [{ field: 'stage' }], permissionSets: ['admin'] });
    const saved = await engine.request('POST', '/api/v1/meta/dashboards', {
      name: 'sales_home',
      label: { en: 'Sales', 'zh-CN': '销售' },
      components: [
        component('pipeline', 'pipeline', 0, { chart: { type: 'stackedBar', measure: 'sum:amount' } }),
        component('accounts', 'accounts', 4, { chart: { type: 'pie' } }),
        component('closed', 'closed', 8),
        { ...component('secret', 'admins_only', 0), y: 3, w: 12 },
      ],
      filters: [
        { name: 'sector', field: 'account.sector', label: { en: 'Sector', 'zh-CN': '行业' } },
        { name: 'closing', field: 'close_date', default: { within: 'last_50_days' } },
      ],
      homeFor: { roles: ['sales_rep'] },
    });
    expect(saved.status, JSON.stringify(saved.body)).to.equal(201);
  });
  after(() => engine.stop());

  const refusals: [what: string, change: Record<string, unknown>, path: string][] = [
    ['a component of an unknown report', { components: [component('a', 'nope', 0)] }, '/components/0/report'],
    ['a component past the grid', { components: [component('a', 'pipeline', 10)] }, '/components/0/w'],
    ['two components under one key', { components: [component('a', 'pipeline', 0), component('a', 'accounts', 4)] }, '/components/1/key'],
    ['a chart of a measure the report lacks', { components: [component('a', 'accounts', 0, { chart: { type: 'bar', measure: 'sum:amount' } })] }, '/components/0/chart/measure'],
    ['a filter on a field of none of its reports', { components: [component('a', 'accounts', 0)], filters: [{ name: 'stage', field: 'stage' }] }, '/filters/0/field'],
    ['the home page of an unknown role', { components: [], homeFor: { roles: ['nobody'] } }, '/homeFor/roles/0'],
  ];
  for (const [what, change, path] of refusals) {
    it(`refuses ${what} with 400 at ${path}`, async () => {
      const response = await engine.request('POST', '/api/v1/meta/dashboards', { name: 'refused', ...change });
      expectError(response, 400, 'validation_failed');
      expect(detailPaths(response)).to.include(path);
    });
  }

  it('runs every component with the dashboard\'s filters on those whose object has the field, defaults included', async () => {
    const result = await runDashboard('sales_home', { filters: { sector: 'retail', closing: null } });
    expect(result.dashboard).to.deep.equal({ name: 'sales_home', label: 'Sales', columns: 12 });
    const pipeline = part(result, 'pipeline');
    expect(pipeline.filteredBy).to.deep.equal(['sector']);
    expect(pipeline.chart).to.deep.equal({ type: 'stackedBar', measure: 'sum:amount' });
    expect(pipeline.result.total).to.deep.equal({ count: 5, 'sum:amount': 1554.87 });
    // Accounts have no account.sector and no close_date: their component is not filtered.
    expect(part(result, 'accounts').filteredBy).to.deep.equal([]);
    expect(part(result, 'accounts').result.total.count).to.equal(3);
    const defaulted = await runDashboard('sales_home');
    const recent = DEALS.filter((deal) => deal.close_date !== undefined && Date.parse(deal.close_date) >= Date.parse(TODAY) - 50 * 86_400_000).length;
    expect(part(defaulted, 'pipeline').filteredBy).to.deep.equal(['closing']);
    expect(part(defaulted, 'pipeline').result.total.count).to.equal(recent);
  });

  it('compares a single number so far with the same days of the previous period', async () => {
    const closing = (from: string, to: string) => DEALS.filter((deal) => deal.close_date !== undefined && deal.close_date >= from && deal.close_date <= to).length;
    // On April 15th: April 1st to 15th (A4, April 1st) against March 1st to 15th; A3 (March 31st) is past them.
    const midMonth = part(await runDashboard('sales_home', { filters: { closing: null }, today: '2026-04-15' }), 'closed');
    expect(midMonth.result.total.count).to.equal(closing('2026-04-01', '2026-04-15')).and.to.be.greaterThan(0);
    expect(midMonth.previous.count).to.equal(closing('2026-03-01', '2026-03-15'));
    expect(closing('2026-03-31', '2026-03-31'), 'A3 closes on March 31st').to.equal(1);
    // On May 1st, April's first day; on April 30th, March's first 30 days, which still leave A3 out.
    expect(part(await runDashboard('sales_home', { filters: { closing: null }, today: '2026-05-01' }), 'closed').previous.count).to.equal(closing('2026-04-01', '2026-04-01'));
    expect(part(await runDashboard('sales_home', { filters: { closing: null }, today: '2026-04-30' }), 'closed').previous.count).to.equal(closing('2026-03-01', '2026-03-30'));
  });

  it('runs for a rep with their access: their records only, and the error of a report they may not run in its place', async () => {
    const result = await runDashboard('sales_home', { filters: { closing: null } }, org.rep.headers);
    expect(part(result, 'pipeline').result.total).to.deep.equal({ count: 2, 'sum:amount': 350.5 });
    expect(part(result, 'secret').error.code).to.equal('not_found');
    expect(part(result, 'secret').result).to.equal(undefined);
  });

  it('is the home page of the roles it names', async () => {
    expect((await engine.request('GET', '/api/v1/dashboards/home', undefined, org.rep.headers)).body).to.deep.equal({ dashboard: 'sales_home' });
    expect((await engine.request('GET', '/api/v1/dashboards/home')).body).to.deep.equal({ dashboard: null });
  });

  it('keeps a report a dashboard shows from being deleted', async () => {
    const response = await engine.request('DELETE', '/api/v1/meta/reports/accounts');
    expectError(response, 409, 'metadata_in_use');
    expect(detailPaths(response)).to.deep.equal(['/dashboards/sales_home/components/1/report']);
    expect((await engine.request('GET', '/api/v1/meta/reports/accounts')).status).to.equal(200);
  });

  it('refuses filters that are not an object, and answers 404 for a dashboard the reader may not see', async () => {
    expectError(await engine.request('POST', '/api/v1/dashboards/sales_home/run', { filters: [1] }), 400, 'validation_failed');
    expectError(await engine.request('POST', '/api/v1/dashboards/nope/run', {}), 404, 'not_found');
  });
});
