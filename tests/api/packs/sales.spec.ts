import { expect } from 'chai';
import { createTenant, OPERATOR_TOKEN, type TestTenant } from '../../support/tenant-helpers.js';
import { startTestEngine, type TestEngine } from '../../support/test-engine.js';
import { demoUser, ok, PLUGINS, type DemoUser, type Json } from './pack-tenant-helpers.js';

/** The names other department packs build on (docs/packs/sales.md): never renamed. */
const SHARED_FIELDS: Record<string, string[]> = {
  account: ['name', 'account_number', 'type', 'industry', 'region', 'parent_account', 'phone', 'website', 'billing_city', 'billing_country', 'annual_revenue'],
  contact: ['first_name', 'last_name', 'full_name', 'account', 'email', 'phone', 'title'],
  campaign: ['name', 'type', 'status', 'start_date', 'end_date', 'budget', 'expected_revenue'],
  lead: ['first_name', 'last_name', 'company', 'email', 'phone', 'source', 'status', 'rating', 'region', 'campaign', 'converted_account', 'converted_contact', 'converted_opportunity'],
  product: ['name', 'code', 'family', 'unit_price', 'active'],
  opportunity: ['name', 'account', 'contact', 'campaign', 'stage', 'probability', 'forecast_category', 'amount', 'close_date', 'lead_source', 'type'],
  opportunity_line: ['opportunity', 'product', 'quantity', 'unit_price', 'discount', 'total'],
};

/** Each stage's probability and forecast category, as the pack's stage rules set them. */
const STAGES: [string, number, string][] = [
  ['qualification', 25, 'pipeline'],
  ['proposal', 50, 'best_case'],
  ['negotiation', 75, 'commit'],
  ['closed_won', 100, 'closed'],
];

describe('packs: sales', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine({ packsDir: PLUGINS, operatorToken: OPERATOR_TOKEN });
  });
  after(() => engine.stop());

  const install = (tenant: TestTenant, name: string, demoData = false) => engine.request('POST', '/api/v1/packs/install', { name, demoData }, tenant.headers);
  const admin = (tenant: TestTenant) => (method: string, path: string, body?: unknown) => engine.request(method, path, body, tenant.headers);

  describe('installed without demo data into a fresh tenant', () => {
    let tenant: TestTenant;
    before(async () => {
      tenant = await createTenant(engine, 'sales-plain');
    });

    it('needs the company pack first, then installs with the objects, fields and roles other packs name', async () => {
      const early = await install(tenant, 'sales');
      expect(early.status, JSON.stringify(early.body)).to.equal(409);
      expect(early.body.error.code).to.equal('pack_requirement');
      ok(await install(tenant, 'company'));
      ok(await install(tenant, 'sales'));

      for (const [object, fields] of Object.entries(SHARED_FIELDS)) {
        const read = ok(await admin(tenant)('GET', `/api/v1/meta/objects/${object}`));
        expect((read.definition.fields as Json[]).map((field) => field.name), object).to.include.members(fields);
      }
      const stage = await fieldOf(tenant, 'opportunity', 'stage');
      expect(stage.values.map((value: Json) => value.value)).to.deep.equal(['prospecting', 'qualification', 'proposal', 'negotiation', 'closed_won', 'closed_lost']);
      expect(stage.label['zh-CN']).to.equal('阶段');
      for (const [role, reportsTo] of [['sales_director', 'ceo'], ['sales_manager', 'sales_director'], ['sales_rep', 'sales_manager']]) {
        expect(ok(await admin(tenant)('GET', `/api/v1/meta/roles/${role}`)).definition.reportsTo, role).to.equal(reportsTo);
      }
      expect((await admin(tenant)('GET', '/api/v1/records/opportunity')).body.records, 'no demo records unless asked').to.deep.equal([]);
    });

    it('totals an opportunity line as quantity × unit price less the discount, from the price book or the list price, and rolls the lines up to the amount', async () => {
      const as = admin(tenant);
      const product = ok(await as('POST', '/api/v1/records/product', { name: 'Edge gateway', code: 'EG-1', unit_price: 1200 }), 201);
      const other = ok(await as('POST', '/api/v1/records/product', { name: 'Sensor', code: 'SN-1', unit_price: 100 }), 201);
      const book = ok(await as('POST', '/api/v1/records/price_book', { name: 'Partners' }), 201);
      const entry = ok(await as('POST', '/api/v1/records/price_book_entry', { price_book: book._id, product: product._id, unit_price: 1000 }), 201);
      const deal = ok(await as('POST', '/api/v1/records/opportunity', { name: 'Gateways for the plant', close_date: '2026-12-31' }), 201);
      const listed = ok(await as('POST', '/api/v1/records/opportunity_line', { opportunity: deal._id, product: product._id, quantity: 5, discount: 10 }), 201);
      expect(listed).to.include({ unit_price: 1200, total: 5400 });
      const booked = ok(await as('POST', '/api/v1/records/opportunity_line', { opportunity: deal._id, product: product._id, price_book_entry: entry._id, quantity: 2 }), 201);
      expect(booked).to.include({ unit_price: 1000, total: 2000 });
      const wrong = await as('POST', '/api/v1/records/opportunity_line', { opportunity: deal._id, product: other._id, price_book_entry: entry._id });
      expect(wrong.status).to.equal(422);
      expect(wrong.body.error.details[0].path).to.equal('/price_book_entry');
      expect(ok(await as('GET', `/api/v1/records/opportunity/${deal._id}`))).to.include({ amount: 7400, stage: 'prospecting', probability: 10, forecast_category: 'pipeline' });
    });

    it('uninstalls with force, its records with it, and can be installed again', async () => {
      expect((await admin(tenant)('DELETE', '/api/v1/packs/sales')).body.error.code).to.equal('pack_has_records');
      ok(await admin(tenant)('DELETE', '/api/v1/packs/sales?force=true'));
      expect((await admin(tenant)('GET', '/api/v1/records/opportunity')).status).to.equal(404);
      expect((await admin(tenant)('GET', '/api/v1/meta/roles/sales_rep')).status).to.equal(404);
      ok(await install(tenant, 'sales'));
    });
  });

  describe('installed with demo data', () => {
    let tenant: TestTenant;
    let rep: DemoUser;
    let otherRep: DemoUser;
    let manager: DemoUser;
    before(async function () {
      this.timeout(300_000);
      tenant = await createTenant(engine, 'sales-demo');
      ok(await install(tenant, 'company'));
      const installed = ok(await install(tenant, 'sales', true));
      expect(installed.plan.demoData).to.include({ account: 300, contact: 600, opportunity: 1200, user: 16, quota: 180 });
      expect(installed.plan.demoData.opportunity_line).to.be.above(2000);
      expect(installed.plan.demoData.lead).to.equal(500);
      rep = await demoUser(engine, tenant, 'sales_rep@demo.crm.local');
      otherRep = await demoUser(engine, tenant, 'sales_rep2@demo.crm.local');
      manager = await demoUser(engine, tenant, 'sales_manager@demo.crm.local');
    });

    it('spreads a year of pipeline over the demo team, rep by rep, and its reports show it', async () => {
      const funnel = ok(await admin(tenant)('POST', '/api/v1/reports/pipeline_funnel/run', {}));
      expect(funnel.groups.map((group: Json) => group.key)).to.deep.equal(['prospecting', 'qualification', 'proposal', 'negotiation']);
      const winRate = ok(await admin(tenant)('POST', '/api/v1/reports/win_rate/run', {}));
      expect(winRate.groups, 'the twelve reps own the closed deals').to.have.length(12);
      for (const group of winRate.groups) expect(group.values['avg:is_won']).to.be.within(10, 70);
      const teams = ok(await admin(tenant)('POST', '/api/v1/reports/team_performance/run', {}));
      expect(teams.groups, 'three managers, four reps each').to.have.length(3);
      for (const team of teams.groups) expect(team.groups).to.have.length(4);
      const days = ok(await admin(tenant)('POST', '/api/v1/reports/days_to_close/run', {}));
      for (const month of days.groups) expect(month.values['avg:days_to_close']).to.be.above(0);
      // Private opportunities: a rep sees their own, their manager their team's.
      const mine = ok(await rep.as('GET', '/api/v1/records/opportunity?limit=200&total=true'));
      expect(mine.records.every((record: Json) => record._owner === rep.id)).to.equal(true);
      const team = ok(await manager.as('GET', '/api/v1/records/opportunity?limit=1&total=true'));
      expect(team.total).to.be.above(mine.total);
      // A contact is named by its full name (a text formula) in search.
      const contact = ok(await admin(tenant)('GET', '/api/v1/records/contact?limit=1')).records[0] as Json;
      const found = ok(await admin(tenant)('GET', `/api/v1/search?q=${encodeURIComponent(contact.full_name)}`)).results as Json[];
      expect(found.find((hit) => hit.id === contact._id)?.name).to.equal(contact.full_name);
    });

    it('assigns new leads: a region to its team, overseas to the managers\' queue, the rest to every rep in turn', async () => {
      const as = admin(tenant);
      const group = ok(await as('GET', '/api/v1/meta/groups/sales_team_east'));
      ok(await engine.request('PUT', '/api/v1/meta/groups/sales_team_east', { ...group.definition, users: [rep.id] }, { ...tenant.headers, 'if-match': group.etag ?? '*' }));
      const lead = async (region: string) => ok(await as('POST', '/api/v1/records/lead', { last_name: `Lead ${region}`, company: `${region} Co`, region }), 201);
      expect((await lead('east'))._owner).to.equal(rep.id);
      expect((await lead('east'))._owner).to.equal(rep.id);
      expect((await lead('overseas'))._owner).to.equal('queue:overseas_leads');
      const turns = [(await lead('north'))._owner, (await lead('north'))._owner, (await lead('west'))._owner];
      expect(new Set(turns).size, 'three reps in turn').to.equal(3);
      const reps = ok(await as('GET', `/api/v1/records/user?limit=200&filter=${encodeURIComponent(JSON.stringify({ role: 'sales_rep' }))}`)).records.map((user: Json) => user._id);
      expect(reps).to.include.members(turns);
      // A manager takes an overseas lead from the queue.
      const overseas = await lead('overseas');
      expect(ok(await manager.as('POST', `/api/v1/records/lead/${overseas._id}/take`))._owner).to.equal(manager.id);
    });

    it('converts a lead into an account, a contact and an opportunity, wins it through its stages with a quote, and the forecast against quota follows', async function () {
      this.timeout(60_000);
      const campaign = ok(await admin(tenant)('GET', '/api/v1/records/campaign?limit=1')).records[0] as Json;
      const lead = ok(await rep.as('POST', '/api/v1/records/lead', { first_name: 'Lan', last_name: 'Zhou', company: 'Zhou Robotics', email: 'lan@zhou.example', region: 'east', source: 'trade_show', campaign: campaign._id, rating: 'warm' }), 201);
      expect(lead._owner).to.equal(rep.id);
      ok(await rep.as('PATCH', `/api/v1/records/lead/${lead._id}`, { status: 'qualified' }));
      expect(ok(await rep.as('GET', `/api/v1/records/lead/${lead._id}/buttons`)).buttons.map((button: Json) => button.rule)).to.deep.equal(['lead_convert']);

      const converted = ok(await rep.as('POST', `/api/v1/records/lead/${lead._id}/buttons/lead_convert`));
      expect(converted.record).to.include({ status: 'converted', converted_on: today() });
      const made = Object.fromEntries((converted.created as Json[]).map((record) => [record.as, record._id as string]));
      const [account, contact, opportunity] = await Promise.all(['account', 'contact', 'opportunity'].map(async (object) => ok(await rep.as('GET', `/api/v1/records/${object}/${made[object]}`))));
      expect(converted.record).to.include({ converted_account: account!._id, converted_contact: contact!._id, converted_opportunity: opportunity!._id });
      expect(account).to.include({ name: 'Zhou Robotics', region: 'east', _owner: rep.id });
      expect(contact).to.include({ full_name: 'Lan Zhou', account: account!._id, lead: lead._id });
      expect(opportunity).to.include({ account: account!._id, contact: contact!._id, campaign: campaign._id, lead: lead._id, lead_source: 'trade_show', stage: 'qualification', probability: 25, forecast_category: 'pipeline' });
      const history = ok(await rep.as('GET', `/api/v1/records/lead/${lead._id}/history`)).entries as Json[];
      expect(history.filter((entry) => entry.field === 'status').map((entry) => entry.new)).to.deep.equal(['converted', 'qualified']);
      expect(ok(await rep.as('GET', `/api/v1/records/lead/${lead._id}/buttons`)).buttons, 'converted once').to.deep.equal([]);

      // Closing this month: the opportunity counts against the rep's quota of the month.
      const { end } = thisMonth();
      const deal = `/api/v1/records/opportunity/${opportunity!._id}`;
      const quota = ok(await rep.as('PATCH', deal, { close_date: end })).quota as string;
      const quotaRecord = ok(await rep.as('GET', `/api/v1/records/quota/${quota}`));
      expect(quotaRecord).to.include({ rep: rep.id, period_start: thisMonth().start });
      const products = ok(await rep.as('GET', '/api/v1/records/product?limit=3&sort=code')).records as Json[];
      ok(await rep.as('POST', '/api/v1/records/opportunity_line', { opportunity: opportunity!._id, product: products[0]!._id, quantity: 2, discount: 10 }), 201);
      ok(await rep.as('POST', '/api/v1/records/opportunity_line', { opportunity: opportunity!._id, product: products[1]!._id, quantity: 1 }), 201);
      const amount = products[0]!.unit_price * 2 * 0.9 + products[1]!.unit_price;
      expect(ok(await rep.as('GET', deal)).amount).to.equal(amount);

      const before = await forecastOf(rep.id, thisMonth().start);
      for (const [stage, probability, category] of STAGES.slice(1, 3)) {
        expect(ok(await rep.as('PATCH', deal, { stage })), stage).to.include({ probability, forecast_category: category });
      }
      const quoted = ok(await rep.as('POST', `${deal}/buttons/opportunity_create_quote`));
      const quote = ok(await rep.as('GET', `/api/v1/records/quote/${(quoted.created as Json[])[0]!._id}`));
      const quoteLines = ok(await rep.as('GET', `/api/v1/records/quote_line?filter=${encodeURIComponent(JSON.stringify({ quote: quote._id }))}`)).records as Json[];
      expect(quoteLines.map((line) => line.product)).to.have.members([products[0]!._id, products[1]!._id]);
      expect(ok(await rep.as('GET', `/api/v1/records/quote/${quote._id}`))).to.include({ subtotal: amount, status: 'draft', account: account!._id });
      const printed = await fetch(`${engine.url}/api/v1/records/quote/${quote._id}/print/quote_document`, { headers: rep.headers });
      expect(printed.status).to.equal(200);
      const html = await printed.text();
      expect(html).to.contain(quote.quote_number).and.contain(products[0]!.name.replace(/&/g, '&amp;')).and.contain('Grand total');

      const [stage, probability, category] = STAGES[3]!;
      expect(ok(await rep.as('PATCH', deal, { stage }))).to.include({ probability, forecast_category: category, won_amount: amount });
      const stages = (ok(await rep.as('GET', `${deal}/history`)).entries as Json[]).filter((entry) => entry.field === 'stage').map((entry) => entry.new);
      expect(stages.reverse()).to.deep.equal(['proposal', 'negotiation', 'closed_won']);

      const after = await forecastOf(rep.id, thisMonth().start);
      expect(after.quota).to.equal(before.quota);
      expect(after.won - before.won, 'the won deal counts against the quota').to.be.closeTo(amount, 0.01);
      expect(otherRep.id).to.not.equal(rep.id);
      expect((await otherRep.as('GET', deal)).status, 'another rep does not see it').to.equal(404);
      expect(ok(await manager.as('GET', deal))._owner, 'the rep\'s manager does').to.equal(rep.id);
    });

    /** The rep's row of the month in the forecast against quota: quota and won. */
    async function forecastOf(repId: string, month: string): Promise<{ quota: number; won: number }> {
      const run = ok(await admin(tenant)('POST', '/api/v1/reports/forecast_against_quota/run', {}));
      const row = (run.groups as Json[]).find((group) => group.key === month.slice(0, 7))?.groups.find((group: Json) => group.key === repId);
      expect(row, `a quota of ${month} for the rep`).to.not.equal(undefined);
      return { quota: row.values['sum:amount'], won: row.values['sum:opportunity.quota.won_amount'] };
    }
  });

  async function fieldOf(tenant: TestTenant, object: string, name: string): Promise<Json> {
    const read = ok(await engine.request('GET', `/api/v1/meta/objects/${object}`, undefined, tenant.headers));
    return (read.definition.fields as Json[]).find((field) => field.name === name)!;
  }
});

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function thisMonth(): { start: string; end: string } {
  const now = new Date();
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString().slice(0, 10);
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
  return { start, end };
}
