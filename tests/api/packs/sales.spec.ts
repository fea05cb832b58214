import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { createTenant, OPERATOR_TOKEN, type TestTenant } from '../../support/tenant-helpers.js';
import { startTestEngine, type TestEngine } from '../../support/test-engine.js';

type Json = Record<string, any>;

/** The repository's packs folder: the sales pack as shipped, with the company pack it requires. */
const PLUGINS = fileURLToPath(new URL('../../../plugins', import.meta.url));

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

describe('packs: sales', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine({ packsDir: PLUGINS, operatorToken: OPERATOR_TOKEN });
  });
  after(() => engine.stop());

  const install = (tenant: TestTenant, name: string, demoData = false) =>
    engine.request('POST', '/api/v1/packs/install', { name, demoData }, tenant.headers);

  describe('installed without demo data into a fresh tenant', () => {
    let tenant: TestTenant;
    before(async () => {
      tenant = await createTenant(engine, 'sales-plain');
    });

    it('needs the company pack first, then installs with the objects, fields and roles other packs name', async () => {
      const early = await install(tenant, 'sales');
      expect(early.status, JSON.stringify(early.body)).to.equal(409);
      expect(early.body.error.code).to.equal('pack_requirement');
      expect((await install(tenant, 'company')).status).to.equal(200);
      const installed = await install(tenant, 'sales');
      expect(installed.status, JSON.stringify(installed.body)).to.equal(200);

      for (const [object, fields] of Object.entries(SHARED_FIELDS)) {
        const read = await engine.request('GET', `/api/v1/meta/objects/${object}`, undefined, tenant.headers);
        expect(read.status, object).to.equal(200);
        const names = (read.body.definition.fields as Json[]).map((field) => field.name);
        expect(names, object).to.include.members(fields);
      }
      const stage = await fieldOf(tenant, 'opportunity', 'stage');
      expect(stage.values.map((value: Json) => value.value)).to.deep.equal(['prospecting', 'qualification', 'proposal', 'negotiation', 'closed_won', 'closed_lost']);
      expect(stage.label['zh-CN']).to.equal('阶段');
      for (const [role, reportsTo] of [['sales_director', 'ceo'], ['sales_manager', 'sales_director'], ['sales_rep', 'sales_manager']]) {
        const read = await engine.request('GET', `/api/v1/meta/roles/${role}`, undefined, tenant.headers);
        expect(read.body.definition.reportsTo, role).to.equal(reportsTo);
      }
    });

    it('totals an opportunity line as quantity × unit price less the discount and rolls the lines up to the amount', async () => {
      const headers = tenant.headers;
      const product = await created(tenant, 'product', { name: 'Edge gateway', code: 'EG-1', unit_price: 1200 });
      const deal = await created(tenant, 'opportunity', { name: 'Gateways for the plant', close_date: '2026-12-31' });
      const line = await created(tenant, 'opportunity_line', { opportunity: deal._id, product: product._id, quantity: 5, discount: 10 });
      expect(line.unit_price, 'the list price by default').to.equal(1200);
      expect(line.total).to.equal(5400);
      await created(tenant, 'opportunity_line', { opportunity: deal._id, product: product._id, quantity: 1, unit_price: 1000 });
      const read = await engine.request('GET', `/api/v1/records/opportunity/${deal._id}`, undefined, headers);
      expect(read.body.amount).to.equal(6400);
    });
  });

  async function fieldOf(tenant: TestTenant, object: string, name: string): Promise<Json> {
    const read = await engine.request('GET', `/api/v1/meta/objects/${object}`, undefined, tenant.headers);
    return (read.body.definition.fields as Json[]).find((field) => field.name === name)!;
  }
  async function created(tenant: TestTenant, object: string, values: Json): Promise<Json> {
    const response = await engine.request('POST', `/api/v1/records/${object}`, values, tenant.headers);
    expect(response.status, JSON.stringify(response.body)).to.equal(201);
    return response.body as Json;
  }
});
