import { expect } from 'chai';
import { startConfiguredEngine, type ConfiguredEngine } from '../../support/configured-engine.js';
import { createTenant, OPERATOR_TOKEN, type TestTenant } from '../../support/tenant-helpers.js';
import { demoUser, ok, PLUGINS, type DemoUser, type Json } from './pack-tenant-helpers.js';

const DAY = 86_400_000;
const TODAY = new Date().toISOString().slice(0, 10);
/** The day (YYYY-MM-DD) `days` after `day`. */
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
/** The first and last day of the month `months` from this one. */
const monthOf = (months: number) => {
  const now = new Date();
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1)).toISOString().slice(0, 10);
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months + 1, 0)).toISOString().slice(0, 10);
  return { start, end };
};
const REQUIRED = ['company', 'sales', 'service', 'finance', 'procurement'];
const DASHBOARDS = ['management_home', 'management_kpis', 'management_cash'];

type Period = { start: string; end: string };
/** Whole cents, so that adding many amounts does not drift. */
const sum = (records: readonly Json[], field: string) => records.reduce((total, record) => total + Math.round((Number(record[field]) || 0) * 100), 0) / 100;
const average = (values: readonly number[]) => (values.length === 0 ? null : values.reduce((total, value) => total + value, 0) / values.length);
const onDays = (field: string, period: Period) => ({ [field]: { gte: period.start, lte: period.end } });
/** A date-time in the period: from its first day's midnight (UTC) up to the next day after its last. */
const atTimes = (field: string, period: Period) => ({ [field]: { gte: `${period.start}T00:00:00.000Z`, lt: `${shift(period.end, 1)}T00:00:00.000Z` } });

/**
 * The management pack over the API, in a fresh tenant with every pack it requires and all their
 * demo data: each dashboard component runs with figures; a KPI target's actual, refreshed by its
 * button, on creation and by the morning schedule (test clock), equals the figure the test computes
 * itself from the records; the status follows the KPI's direction and thresholds; executives read
 * every department and change nothing.
 */
describe('packs: management', function () {
  this.timeout(120_000);
  let engine: ConfiguredEngine;
  let tenant: TestTenant;
  let ceo: DemoUser;
  let coo: DemoUser;
  const admin = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => engine.request(method, path, body, { ...tenant.headers, ...headers });
  /** Every record of the object the filter matches, page after page, as the administrator reads them. */
  const all = async (object: string, filter: Json = {}): Promise<Json[]> => {
    const records: Json[] = [];
    let cursor: string | null = null;
    do {
      const page: Json = ok(await admin('GET', `/api/v1/records/${object}?limit=200&filter=${encodeURIComponent(JSON.stringify(filter))}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
      records.push(...(page.records as Json[]));
      cursor = page.next as string | null;
    } while (cursor);
    return records;
  };
  const count = async (object: string, headers = tenant.headers) => ok(await engine.request('GET', `/api/v1/records/${object}?limit=1&total=true`, undefined, headers)).total as number;
  const kpiByKey = async (name: string) => (await all('kpi', { name }))[0]!;
  const targetOf = async (kpi: Json, period: Period) => (await all('kpi_target', { kpi: kpi._id, period_start: period.start, period_end: period.end }))[0]!;
  const press = (target: Json, user?: DemoUser) =>
    user ? user.as('POST', `/api/v1/records/kpi_target/${target._id}/buttons/kpi_target_refresh_now`, {}) : admin('POST', `/api/v1/records/kpi_target/${target._id}/buttons/kpi_target_refresh_now`, {});

  /**
   * Each demo KPI's figure for a period, computed here from the records themselves (not through a
   * report): what the pack's refresh must find with the KPI's report.
   */
  const INDEPENDENT: Record<string, (period: Period) => Promise<number | null>> = {
    'Bookings 签约额': async (p) => sum(await all('opportunity', { stage: 'closed_won', ...onDays('close_date', p) }), 'amount'),
    'Deals won 赢单数': async (p) => (await all('opportunity', { stage: 'closed_won', ...onDays('close_date', p) })).length,
    'Win rate 赢单率': async (p) => average((await all('opportunity', { stage: { in: ['closed_won', 'closed_lost'] }, ...onDays('close_date', p) })).map((deal) => (deal.stage === 'closed_won' ? 100 : 0))),
    'Leads converted 线索转化数': async (p) => (await all('lead', { status: 'converted', ...onDays('converted_on', p) })).length,
    'Revenue from campaigns 市场活动赢单收入': async (p) => sum(await all('opportunity', { stage: 'closed_won', campaign: { isNull: false }, ...onDays('close_date', p) }), 'amount'),
    'SLA breaches SLA 违约数': async (p) => (await all('case', { sla_status: 'breached', ...atTimes('opened_at', p) })).length,
    'Customer satisfaction 客户满意度': async (p) => average((await all('case_survey', { status: 'answered', ...atTimes('answered_at', p) })).map((survey) => survey.score as number)),
    'Invoiced revenue 开票收入': async (p) => sum(await all('invoice', { status: 'issued', ...onDays('invoice_date', p) }), 'subtotal'),
    'Cash collected 回款': async (p) => sum(await all('payment', onDays('payment_date', p)), 'amount'),
    'Expense claims 费用报销': async (p) => sum(await all('expense_claim', { status: { in: ['approved', 'paid'] }, ...onDays('claim_date', p) }), 'amount'),
    'Purchase spend 采购支出': async (p) => sum(await all('purchase_order', { status: { ne: 'cancelled' }, ...onDays('order_date', p) }), 'amount'),
  };
  const expectFigure = (actual: unknown, expected: number | null, what: string) => {
    if (expected === null) expect(actual ?? null, what).to.equal(null);
    else expect(actual, what).to.be.closeTo(expected, 0.006);
  };

  before(async function () {
    this.timeout(600_000);
    engine = await startConfiguredEngine({ http: { packsDir: PLUGINS, operatorToken: OPERATOR_TOKEN } });
    tenant = await createTenant(engine, 'management-pack');
    for (const name of REQUIRED) ok(await admin('POST', '/api/v1/packs/install', { name, demoData: true }));
    ok(await admin('POST', '/api/v1/packs/install', { name: 'management', demoData: true }));
    ceo = await demoUser(engine, tenant, 'ceo@demo.crm.local');
    coo = await demoUser(engine, tenant, 'coo@demo.crm.local');
  });
  after(() => engine.stop(true));

  describe('installed with demo data after the packs it requires', () => {
    it('needs every department it reports on: refused while procurement is missing', async () => {
      const other = await createTenant(engine, 'management-alone');
      for (const name of ['company', 'sales', 'service', 'finance']) ok(await engine.request('POST', '/api/v1/packs/install', { name }, other.headers));
      const refused = await engine.request('POST', '/api/v1/packs/install', { name: 'management' }, other.headers);
      expect(refused.status, JSON.stringify(refused.body)).to.equal(409);
      expect(refused.body.error.code).to.equal('pack_requirement');
      expect(JSON.stringify(refused.body)).to.contain('procurement');
    });

    it('brings eleven KPIs across the five areas, a target for each of the last twelve months and the quarter, all measured at the install', async () => {
      const kpis = await all('kpi');
      expect(kpis).to.have.length(11);
      expect([...new Set(kpis.map((kpi) => kpi.area))].sort()).to.deep.equal(['finance', 'marketing', 'procurement', 'sales', 'service']);
      const targets = await all('kpi_target');
      expect(targets).to.have.length(11 * 13);
      expect(targets.filter((target) => target.period_type === 'quarter')).to.have.length(11);
      expect(targets.every((target) => typeof target.actual === 'number' && typeof target.last_refreshed === 'string'), 'every target measured').to.equal(true);
      const statuses = new Set(targets.map((target) => target.status));
      expect([...statuses].sort(), 'targets near the figures: some months met, some not').to.deep.equal(['at_risk', 'off_track', 'on_track']);
      for (const role of ['ceo', 'coo', 'performance_analyst']) {
        const [user] = await all('user', { email: `${role}@demo.crm.local` });
        expect(user, role).to.include({ role });
      }
    });
  });

  describe('dashboards across the departments', () => {
    for (const name of DASHBOARDS) {
      it(`runs every component of ${name} without an error and with figures`, async () => {
        const run = ok(await admin('POST', `/api/v1/dashboards/${name}/run`, {}));
        expect(run.components.length).to.be.greaterThan(3);
        for (const component of run.components as Json[]) {
          expect(component.error, `${component.key}: ${JSON.stringify(component.error)}`).to.equal(undefined);
          const result = component.result as Json;
          if (component.chart.type === 'number') {
            expect(result.total[component.chart.measure ?? result.measures[0].key], component.key).to.be.a('number');
          } else {
            expect(result.groups.length + result.rows.length, `${component.key} has figures`).to.be.greaterThan(0);
          }
        }
      });
    }

    it('shows bookings with the previous month, the receivables by age with the overdue total, and filters by region what belongs to an account', async () => {
      const home = ok(await admin('POST', '/api/v1/dashboards/management_home/run', {}));
      const component = (run: Json, key: string) => (run.components as Json[]).find((one) => one.key === key)!;
      expect(component(home, 'booked').previous).to.have.property('sum:amount');
      const aging = component(home, 'aging').result;
      expect(aging.groups.map((group: Json) => group.key).every((key: number) => key >= 0 && key <= 4)).to.equal(true);
      const overdue = component(home, 'overdue').result.total['sum:balance_due'] as number;
      const current = aging.groups.find((group: Json) => group.key === 0)?.values['sum:balance_due'] ?? 0;
      expect(overdue, 'overdue: every range but the current one').to.be.closeTo(aging.total['sum:balance_due'] - current, 0.01);
      expect(overdue).to.be.greaterThan(0);

      const east = ok(await admin('POST', '/api/v1/dashboards/management_home/run', { filters: { region: 'east' } }));
      expect(component(east, 'funnel').filteredBy).to.deep.equal(['region']);
      expect(component(east, 'aging').filteredBy).to.deep.equal(['region']);
      expect(component(east, 'breaches').filteredBy).to.deep.equal(['region']);
      expect(component(east, 'spend').filteredBy, 'purchase orders belong to no account').to.deep.equal([]);
      const pipeline = (run: Json) => component(run, 'pipeline-total').result.total['sum:amount'] as number;
      expect(pipeline(east)).to.be.greaterThan(0).and.lessThan(pipeline(home));
      const eastAccounts = (await all('account', { region: 'east' })).map((account) => account._id);
      const open = await all('opportunity', { stage: { nin: ['closed_won', 'closed_lost'] }, account: { in: eastAccounts } });
      expect(pipeline(east)).to.be.closeTo(sum(open, 'amount'), 0.01);
    });
  });

  describe('KPI actuals measured by their reports', () => {
    it('measured each target at the install as the test computes it from the records: last month and this quarter of every KPI', async () => {
      const quarterStart = monthOf(-(new Date().getUTCMonth() % 3)).start;
      const quarter = { start: quarterStart, end: monthOf(2 - (new Date().getUTCMonth() % 3)).end };
      const figures: (number | null)[] = [];
      for (const [name, figure] of Object.entries(INDEPENDENT)) {
        const kpi = await kpiByKey(name);
        for (const period of [monthOf(-1), quarter]) {
          const target = await targetOf(kpi, period);
          figures.push(await figure(period));
          expectFigure(target.actual, figures[figures.length - 1]!, `${name} ${period.start}`);
        }
      }
      expect(figures.filter((figure) => figure !== null && figure > 0).length, 'the demo gives figures to compare').to.be.at.least(20);
    });

    it('refreshes an actual from its button after the records changed: a deal won today adds to this month\'s bookings', async () => {
      const kpi = await kpiByKey('Bookings 签约额');
      const target = await targetOf(kpi, monthOf(0));
      const before = target.actual as number;
      const [account] = await all('account', { region: 'east' });
      const deal = ok(await admin('POST', '/api/v1/records/opportunity', { name: 'Management spec deal', account: account!._id, stage: 'negotiation', close_date: TODAY }), 201);
      const [product] = await all('product', { active: true });
      ok(await admin('POST', '/api/v1/records/opportunity_line', { opportunity: deal._id, product: product!._id, quantity: 3, unit_price: 12345.67 }), 201);
      ok(await admin('PATCH', `/api/v1/records/opportunity/${deal._id}`, { stage: 'closed_won' }));
      expect((await targetOf(kpi, monthOf(0))).actual, 'nothing moves before the refresh').to.equal(before);

      const buttons = ok(await coo.as('GET', `/api/v1/records/kpi_target/${target._id}/buttons`));
      expect(buttons.buttons.map((button: Json) => button.rule)).to.include('kpi_target_refresh_now');
      const pressed = ok(await press(target, coo));
      expect(pressed.record.actual).to.be.closeTo(before + 37037.01, 0.006);
      expectFigure(pressed.record.actual, await INDEPENDENT['Bookings 签约额']!(monthOf(0)), 'bookings this month');
      expect(Date.parse(pressed.record.last_refreshed)).to.be.closeTo(Date.now(), 60_000);
    });

    it('refreshes the targets whose period includes today every morning, and leaves past periods as they were (test clock)', async () => {
      const kpi = await kpiByKey('Cash collected 回款');
      const current = await targetOf(kpi, monthOf(0));
      const past = await targetOf(kpi, monthOf(-2));
      for (const target of [current, past]) ok(await admin('PATCH', `/api/v1/records/kpi_target/${target._id}`, { actual: 1 }));
      const next = new Date(`${TODAY}T00:30:00.000Z`);
      if (next.getTime() <= Date.now()) next.setTime(next.getTime() + DAY);
      await engine.jobs.runDue(new Date(next.getTime() - 60_000));
      expect((await targetOf(kpi, monthOf(0))).actual, 'not before 00:30').to.equal(1);
      while ((await engine.jobs.runDue(new Date(next.getTime() + 60_000))) > 0);
      expectFigure((await targetOf(kpi, monthOf(0))).actual, await INDEPENDENT['Cash collected 回款']!(monthOf(0)), 'this month, measured again');
      expect((await targetOf(kpi, monthOf(-2))).actual, 'a past month keeps its last actual').to.equal(1);
      ok(await press(past));
      expectFigure((await targetOf(kpi, monthOf(-2))).actual, await INDEPENDENT['Cash collected 回款']!(monthOf(-2)), 'two months ago, on request');
    });

    it('refuses a KPI whose report, measure or date field does not exist, at its field, in the reader\'s language', async () => {
      const base = { name: 'Broken KPI', area: 'sales', unit: 'count', direction: 'higher' };
      const cases: [Json, string][] = [
        [{ report: 'no_such_report', measure: 'count', date_field: 'close_date' }, '/report'],
        [{ report: 'mgmt_won_business', measure: 'sum:probability', date_field: 'close_date' }, '/measure'],
        [{ report: 'mgmt_won_business', measure: 'count', date_field: 'stage' }, '/date_field'],
        [{ report: 'mgmt_won_business', measure: 'count', date_field: 'account.no_such_field' }, '/date_field'],
      ];
      for (const [measurement, path] of cases) {
        const refused = await admin('POST', '/api/v1/records/kpi', { ...base, ...measurement });
        expect(refused.status, JSON.stringify(refused.body)).to.equal(400);
        expect(refused.body.error.details.map((detail: Json) => detail.path)).to.deep.equal([path]);
      }
      const chinese = await admin('POST', '/api/v1/records/kpi', { ...base, report: 'mgmt_won_business', measure: 'sum:nothing', date_field: 'close_date' }, { 'accept-language': 'zh-CN' });
      expect(chinese.body.error.details[0].message).to.contain('必须是报表“mgmt_won_business”的度量之一');
      expect(await all('kpi', { name: 'Broken KPI' })).to.deep.equal([]);
    });

    it('measures a KPI by a report an administrator adds (a date-time field), and refuses the refresh at /kpi/report once that report is gone', async () => {
      ok(await admin('POST', '/api/v1/meta/reports', { name: 'spec_cases_opened', object: 'case', type: 'summary', groupings: [{ field: 'priority' }], measures: [{ aggregate: 'count' }] }), 201);
      const kpi = ok(await admin('POST', '/api/v1/records/kpi', { name: 'Cases opened', area: 'service', report: 'spec_cases_opened', measure: 'count', date_field: 'opened_at', unit: 'count', direction: 'lower' }), 201);
      const period = monthOf(-1);
      const target = ok(await admin('POST', '/api/v1/records/kpi_target', { kpi: kpi._id, period_type: 'month', period_start: period.start, period_end: period.end, target: 100 }), 201);
      expect(target.actual, 'measured as it was made').to.equal((await all('case', atTimes('opened_at', period))).length).and.to.be.greaterThan(0);

      const report = ok(await admin('GET', '/api/v1/meta/reports/spec_cases_opened'));
      const deleted = await admin('DELETE', '/api/v1/meta/reports/spec_cases_opened', undefined, { 'if-match': report.etag as string });
      expect(deleted.status, JSON.stringify(deleted.body)).to.be.within(200, 204);
      const refused = await press(target, undefined);
      expect(refused.status, JSON.stringify(refused.body)).to.equal(400);
      expect(refused.body.error.details.map((detail: Json) => detail.path)).to.deep.equal(['/kpi/report']);
      expect(refused.body.error.message).to.contain("KPI 'Cases opened' cannot be measured");
      expect(ok(await admin('GET', `/api/v1/records/kpi_target/${target._id}`)).last_refreshed, 'nothing changed').to.equal(target.last_refreshed);
    });

    it('sets the status by the KPI\'s direction and thresholds, and by the share of the period gone for a KPI that builds up', async () => {
      const kpi = async (name: string, direction: string, cumulative: boolean) =>
        ok(await admin('POST', '/api/v1/records/kpi', { name, area: 'finance', report: 'mgmt_won_business', measure: 'count', date_field: 'close_date', unit: 'count', direction, cumulative }), 201);
      const higher = await kpi('Status: higher', 'higher', false);
      const lower = await kpi('Status: lower', 'lower', false);
      const building = await kpi('Status: builds up', 'higher', true);
      /** A January target of 100, its actual and last refresh set by hand (an administrator may), and what the formulas make of it. */
      const judged = async (of: Json, actual: number, refreshed = '2026-02-03T06:00:00.000Z') => {
        const target = ok(await admin('POST', '/api/v1/records/kpi_target', { kpi: of._id, period_type: 'month', period_start: '2026-01-01', period_end: '2026-01-31', target: 100 }), 201);
        return ok(await admin('PATCH', `/api/v1/records/kpi_target/${target._id}`, { actual, last_refreshed: refreshed }));
      };
      const table: [Json, number, number, string][] = [
        [higher, 120, 120, 'on_track'], [higher, 100, 100, 'on_track'], [higher, 95, 95, 'at_risk'], [higher, 80, 80, 'off_track'],
        [lower, 80, 125, 'on_track'], [lower, 105, 95.2, 'at_risk'], [lower, 130, 76.9, 'off_track'], [lower, 0, 100, 'on_track'],
      ];
      for (const [of, actual, attainment, status] of table) {
        const target = await judged(of, actual);
        expect([target.attainment, target.status], `${of.name} at ${actual}`).to.deep.equal([attainment, status]);
      }
      // Ten of January's 31 days gone: 32.26 of the 100 are due so far, and 31 of them is at risk (96 %), 25 off track.
      const early = await judged(building, 31, '2026-01-10T06:00:00.000Z');
      expect(early).to.include({ expected_to_date: 32.26, attainment: 31, status: 'at_risk' });
      expect((await judged(building, 25, '2026-01-10T06:00:00.000Z')).status).to.equal('off_track');
      expect((await judged(building, 40, '2026-01-10T06:00:00.000Z')).status).to.equal('on_track');
      // The month over, the whole target is due.
      expect(await judged(building, 31)).to.include({ expected_to_date: 100, status: 'off_track' });
      // Thresholds are the KPI's: at risk from 25 %, on track from 30 %.
      ok(await admin('PATCH', `/api/v1/records/kpi/${building._id}`, { on_track_at: 30, at_risk_at: 25 }));
      expect((await judged(building, 31)).status).to.equal('on_track');
      const wrong = await admin('PATCH', `/api/v1/records/kpi/${building._id}`, { at_risk_at: 50 });
      expect(wrong.status, JSON.stringify(wrong.body)).to.equal(422);
    });
  });

  describe('executives read everything and change nothing', () => {
    const DEPARTMENTS = ['account', 'opportunity', 'lead', 'case', 'case_survey', 'invoice', 'payment', 'expense_claim', 'sales_order', 'purchase_order', 'purchase_request', 'supplier', 'kpi', 'kpi_target'];

    it("reads every department's records, as many as the administrator", async () => {
      for (const object of DEPARTMENTS) {
        const theirs = await count(object, ceo.headers);
        expect(theirs, object).to.be.greaterThan(0).and.to.equal(await count(object));
      }
    });

    it('opens the management dashboards at home and runs every department\'s dashboard without an error', async () => {
      expect(ok(await ceo.as('GET', '/api/v1/dashboards/home?app=management')).dashboard).to.equal('management_home');
      expect(ok(await ceo.as('GET', '/api/v1/dashboards/home')).dashboard, "the chief executive's role's home").to.equal('management_home');
      for (const name of [...DASHBOARDS, 'sales_overview', 'service_home', 'finance_home', 'procurement_spend']) {
        const run = ok(await ceo.as('POST', `/api/v1/dashboards/${name}/run`, {}));
        expect((run.components as Json[]).filter((component) => component.error).map((component) => `${component.key}: ${component.error.message}`), name).to.deep.equal([]);
      }
      const apps = ok(await ceo.as('GET', '/api/v1/ui/apps'));
      expect(JSON.stringify(apps)).to.contain('"management"');
    });

    it('is refused every write with 403: create, update, delete, approve, and the KPI refresh; nothing changes', async () => {
      const [invoice] = await all('invoice', { status: 'issued' });
      const [deal] = await all('opportunity', { stage: 'negotiation' });
      const [supportCase] = await all('case', { status: 'working' });
      const target = await targetOf(await kpiByKey('Bookings 签约额'), monthOf(-1));
      const clerk = await demoUser(engine, tenant, 'finance_clerk@demo.crm.local');
      const claim = ok(await clerk.as('POST', '/api/v1/records/expense_claim', { name: 'Client dinner', claim_date: TODAY, category: 'meals', amount: 640 }), 201);
      ok(await clerk.as('POST', `/api/v1/records/expense_claim/${claim._id}/approval/submit`, {}));
      const writes: [string, string, unknown?][] = [
        ['POST', '/api/v1/records/opportunity', { name: 'A CEO deal', account: deal!.account, close_date: TODAY }],
        ['POST', '/api/v1/records/kpi_target', { kpi: target.kpi, period_type: 'month', period_start: '2027-01-01', period_end: '2027-01-31', target: 1 }],
        ['PATCH', `/api/v1/records/invoice/${invoice!._id}`, { notes: 'paid soon' }],
        ['PATCH', `/api/v1/records/opportunity/${deal!._id}`, { stage: 'closed_won' }],
        ['PATCH', `/api/v1/records/kpi_target/${target._id}`, { target: 1 }],
        ['DELETE', `/api/v1/records/case/${supportCase!._id}`],
        ['POST', `/api/v1/records/expense_claim/${claim._id}/approval/approve`, { comment: 'fine by me' }],
        ['POST', `/api/v1/records/kpi_target/${target._id}/buttons/kpi_target_refresh_now`, {}],
      ];
      for (const [method, path, body] of writes) {
        const refused = await ceo.as(method, path, body);
        expect(refused.status, `${method} ${path}: ${JSON.stringify(refused.body)}`).to.equal(403);
      }
      expect(ok(await admin('GET', `/api/v1/records/opportunity/${deal!._id}`)).stage).to.equal('negotiation');
      expect(ok(await admin('GET', `/api/v1/records/case/${supportCase!._id}`))._id).to.equal(supportCase!._id);
      expect(ok(await admin('GET', `/api/v1/records/expense_claim/${claim._id}`)).status).to.equal('submitted');
      expect(ok(await admin('GET', `/api/v1/records/kpi_target/${target._id}`)).target).to.equal(target.target);
    });

    it('lets a KPI manager set targets, and nothing of the departments', async () => {
      const kpi = await kpiByKey('Deals won 赢单数');
      const year = { start: `${TODAY.slice(0, 4)}-01-01`, end: `${TODAY.slice(0, 4)}-12-31` };
      const made = ok(await coo.as('POST', '/api/v1/records/kpi_target', { kpi: kpi._id, period_type: 'year', period_start: year.start, period_end: year.end, target: 500 }), 201);
      expectFigure(made.actual, await INDEPENDENT['Deals won 赢单数']!(year), 'measured as it was made');
      expect((await coo.as('POST', '/api/v1/records/case', { subject: 'A COO case' })).status).to.equal(403);
    });

    it("measures a target as the company's figure even for a KPI manager who may read no department's records", async () => {
      ok(await admin('POST', '/api/v1/records/user', { full_name: 'Target Keeper', email: 'keeper@management-pack.example', permission_sets: ['standard_user', 'kpi_manager'] }), 201);
      const keeper = await demoUser(engine, tenant, 'keeper@management-pack.example');
      expect((await keeper.as('GET', '/api/v1/records/opportunity?limit=1')).status, 'no access to opportunities').to.equal(403);
      const kpi = await kpiByKey('Bookings 签约额');
      const period = monthOf(-3);
      const made = ok(await keeper.as('POST', '/api/v1/records/kpi_target', { kpi: kpi._id, period_type: 'month', period_start: period.start, period_end: period.end, target: 1 }), 201);
      expectFigure(made.actual, await INDEPENDENT['Bookings 签约额']!(period), 'every won deal of the month, not the none the keeper may see');
      expect(made.actual).to.be.greaterThan(0);
    });
  });

  describe('without demo data, and uninstalled', () => {
    it('installs cleanly without demo data, then uninstalls; with demo records only by force, taking its roles and sets off the demo users', async () => {
      const bare = await createTenant(engine, 'management-bare');
      for (const name of [...REQUIRED, 'management']) ok(await engine.request('POST', '/api/v1/packs/install', { name }, bare.headers));
      expect(await count('kpi', bare.headers)).to.equal(0);
      ok(await engine.request('POST', '/api/v1/dashboards/management_home/run', {}, bare.headers));
      ok(await engine.request('DELETE', '/api/v1/packs/management', undefined, bare.headers));
      expect((await engine.request('GET', '/api/v1/meta/objects/kpi', undefined, bare.headers)).status).to.equal(404);

      expect((await admin('DELETE', '/api/v1/packs/management')).status, 'demo records stand in the way').to.equal(409);
      ok(await admin('DELETE', '/api/v1/packs/management?force=true'));
      for (const user of await all('user', { email: { in: ['ceo@demo.crm.local', 'coo@demo.crm.local', 'performance_analyst@demo.crm.local'] } })) {
        expect(user.permission_sets, user.email).to.not.include('kpi_manager');
        expect(user.role ?? null, user.email).to.not.be.oneOf(['coo', 'performance_analyst']);
      }
      expect((await admin('GET', '/api/v1/records/kpi_target')).status).to.equal(404);
      expect(await count('opportunity')).to.be.greaterThan(0);
    });
  });
});
