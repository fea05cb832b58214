import { expect } from 'chai';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { createTenant, OPERATOR_TOKEN, type TestTenant } from '../../support/tenant-helpers.js';
import { startTestEngine, type TestEngine } from '../../support/test-engine.js';
import { nineInShanghai, oneMinute, refusal, shift, tenantCalls, TODAY, DAY } from './manufacturing-calls.js';
import { demoUser, ok, PLUGINS, relabel, releasePack, type DemoUser, type Json } from './pack-tenant-helpers.js';

/**
 * The manufacturing pack over the real server and store: installed on top of company, sales and
 * service with and without demo data; a bill of materials whose cost rolls up, approved by the
 * engineering manager, one active per product; a configured product added to a quote, which
 * changes the quote's totals and printed document; the installed base, contracts reminded of their
 * renewal on the right day by the test clock and expired, visits by the contract's technician.
 * Then an upgrade to 1.1.0 over a tenant's customisation, and the uninstall that leaves sales and
 * service working.
 */
describe('packs: manufacturing', function () {
  this.timeout(180_000);
  let engine: TestEngine;
  let tenant: TestTenant;
  const { admin, create, read, list, count, person, emailsAbout, runAllDue } = tenantCalls(() => engine, () => tenant);
  const install = (name: string, demoData = false) => admin('POST', '/api/v1/packs/install', { name, demoData });

  before(async () => {
    engine = await startTestEngine({ packsDir: PLUGINS, operatorToken: OPERATOR_TOKEN });
    // The test is the clock: jobs run when it says so.
    await engine.jobs.stop();
  });
  after(() => engine.stop());

  describe('installed with demo data on top of the sales and service demos', () => {
    before(async () => {
      tenant = await createTenant(engine, 'manufacturing-demo');
      ok(await install('company'));
      ok(await install('sales', true));
      ok(await install('service', true));
    });

    it("plans and installs its demo in well under a minute: BOMs of sales' products, the installed base at sales' accounts, contracts, visits, its people", async () => {
      const plan = ok(await admin('POST', '/api/v1/packs/plan', { name: 'manufacturing', demoData: true }));
      expect(plan.plan.demoData).to.include({ user: 7, bom: 13, quote: 12 });
      const started = Date.now();
      ok(await install('manufacturing', true));
      expect(Date.now() - started, 'installs in well under a minute').to.be.below(45_000);
      expect(await count('installed_asset')).to.be.within(90, 450);
      expect(await count('maintenance_contract')).to.be.within(40, 90);
      expect(await count('maintenance_visit')).to.be.above(60);
      for (const role of ['engineering_manager', 'product_engineer', 'field_technician']) {
        const [user] = await list('user', { email: `${role}@demo.crm.local` });
        expect(user, role).to.include({ role });
      }
      // The technicians are part of the service manager's team; engineering reports to the chief executive.
      expect(ok(await admin('GET', '/api/v1/meta/roles/field_technician')).definition.reportsTo).to.equal('service_manager');
      expect(ok(await admin('GET', '/api/v1/meta/roles/engineering_manager')).definition.reportsTo).to.equal('ceo');
    });

    it("rolls up each bill of materials' component cost from its lines, with one active version per product", async () => {
      const [gateway] = await list('product', { code: 'GW-100' });
      const boms = await list('bom', { product: gateway!._id }, '&sort=version');
      expect(boms.map((bom) => [bom.version, bom.status])).to.deep.equal([['1.0', 'obsolete'], ['2.0', 'active']]);
      const active = boms[1]!;
      const lines = await list('bom_line', { bom: active._id });
      expect(active.line_count).to.equal(lines.length);
      // The lines cost what the parts do (the main board with 2 % scrap), and add up to the BOM's cost.
      expect(active.component_cost).to.equal(2778);
      expect(lines.reduce((sum, line) => sum + line.line_cost, 0)).to.equal(2778);
      const activeByProduct = new Map<string, number>();
      for (const bom of await list('bom', { status: 'active' })) activeByProduct.set(bom.product, (activeByProduct.get(bom.product) ?? 0) + 1);
      expect([...activeByProduct.values()]).to.deep.equal([1, 1, 1, 1, 1, 1]);
    });

    it('counts the assets each contract covers, and has put configured products on their quotes', async () => {
      for (const contract of (await list('maintenance_contract', { status: 'active' })).slice(0, 15)) {
        expect(contract.covered_assets, contract.name).to.equal(await count('installed_asset', { contract: contract._id, status: { ne: 'decommissioned' } }));
      }
      const added = await list('product_configuration', { status: 'added' });
      expect(added).to.have.length(9);
      for (const configuration of added) {
        const line = await read('quote_line', configuration.quote_line);
        expect(line).to.include({ quote: configuration.quote, quantity: configuration.quantity, unit_price: configuration.configured_unit_price });
        expect((await read('quote', configuration.quote)).subtotal).to.equal(line.total);
      }
    });

    it('shows a working dashboard: fees under contract, contracts expiring by month, visits, the installed base by region, BOM cost', async () => {
      const dashboard = ok(await admin('POST', '/api/v1/dashboards/manufacturing_home/run', {}));
      for (const component of dashboard.components as Json[]) expect(component.error, component.key).to.equal(undefined);
      for (const report of ['contracts_expiring_by_month', 'visits_by_status', 'assets_by_product_region']) {
        expect((ok(await admin('POST', `/api/v1/reports/${report}/run`, {})).groups as Json[]).length, report).to.be.at.least(2);
      }
      // The six hardware products made, each with its active BOM's cost, under their family.
      const cost = ok(await admin('POST', '/api/v1/reports/bom_cost_by_product/run', {})).groups as Json[];
      expect(cost.map((group) => group.key)).to.deep.equal(['hardware']);
      expect(cost[0]!.groups).to.have.length(6);
    });

    it('lets a demo technician sign in and read the visits and contracts, not change a bill of materials', async () => {
      const technician = await demoUser(engine, tenant, 'field_technician@demo.crm.local');
      expect(ok(await technician.as('GET', '/api/v1/records/maintenance_visit?limit=1&total=true')).total).to.equal(await count('maintenance_visit'));
      expect((await technician.as('GET', '/api/v1/records/maintenance_contract?limit=1')).status).to.equal(200);
      const [sensor] = await list('product', { code: 'SN-010' });
      expect((await technician.as('POST', '/api/v1/records/bom', { product: sensor!._id, version: '9.0' })).status).to.equal(403);
    });
  });

  describe('installed without demo data: the main paths', () => {
    let team: Record<'engineer' | 'manager' | 'rep' | 'technician', DemoUser>;
    const products: Record<string, Json> = {};
    let firstBom: Json;

    before(async () => {
      tenant = await createTenant(engine, 'manufacturing-plain');
      ok(await install('company'));
      ok(await install('sales'));
    });

    it('needs the service pack, then installs its objects, roles under the ceo and the service manager, its app and dashboard', async () => {
      expect(refusal(await install('manufacturing'), 409, 'pack_requirement')).to.be.an('array');
      ok(await install('service'));
      ok(await install('manufacturing'));
      expect(ok(await admin('GET', '/api/v1/meta/objects/maintenance_contract')).definition.label['zh-CN']).to.equal('维保合同');
      for (const [role, reportsTo] of [['engineering_manager', 'ceo'], ['product_engineer', 'engineering_manager'], ['field_technician', 'service_manager']]) {
        expect(ok(await admin('GET', `/api/v1/meta/roles/${role}`)).definition.reportsTo, role).to.equal(reportsTo);
      }
      ok(await admin('GET', '/api/v1/meta/apps/manufacturing'));
      team = {
        engineer: await person('engineer', 'product_engineer', ['manufacturing_user']),
        manager: await person('manager', 'engineering_manager', ['manufacturing_manager']),
        rep: await person('rep', 'sales_rep', ['sales_user', 'manufacturing_user']),
        technician: await person('technician', 'field_technician', ['field_service']),
      };
      for (const [key, name, code, price] of [['controller', 'Line controller 产线控制器', 'MFG-CTRL', 5000], ['board', 'Controller board', 'MFG-PCB', 800], ['housing', 'Housing', 'MFG-HSG', 120], ['cable', 'Cable (m)', 'MFG-CBL', 10], ['sensor', 'Pressure sensor', 'MFG-SNS', 300], ['licence', 'Analytics licence', 'MFG-LIC', 2000], ['service', 'Site survey', 'MFG-SVY', 1000]] as const) {
        products[key] = await create('product', { name, code, unit_price: price, family: 'hardware' });
      }
    });

    it("rolls a BOM's component cost up from its lines: unit costs from the parts' prices, scrap added; a product is not its own component", async () => {
      firstBom = ok(await team.engineer.as('POST', '/api/v1/records/bom', { product: products.controller!._id, version: '1.0' }), 201);
      expect(firstBom).to.include({ status: 'draft', component_cost: 0, line_count: 0 });
      const line = async (component: string, values: Json = {}) => ok(await team.engineer.as('POST', '/api/v1/records/bom_line', { bom: firstBom._id, component: products[component]!._id, ...values }), 201);
      expect(await line('board')).to.include({ unit_cost: 800, line_cost: 800 });
      expect(await line('housing', { scrap_percent: 5 })).to.include({ line_cost: 126 });
      const cable = await line('cable', { quantity: 2.5, unit_of_measure: 'm' });
      expect(ok(await team.engineer.as('GET', `/api/v1/records/bom/${firstBom._id}`))).to.include({ component_cost: 951, line_count: 3 });
      ok(await team.engineer.as('PATCH', `/api/v1/records/bom_line/${cable._id}`, { quantity: 5 }));
      expect((await read('bom', firstBom._id)).component_cost).to.equal(976);
      const itself = await team.engineer.as('POST', '/api/v1/records/bom_line', { bom: firstBom._id, component: products.controller!._id });
      expect(refusal(itself, 422)).to.deep.equal([['/component', 'A product cannot be a component of its own bill of materials.']]);
      const inChinese = await admin('POST', '/api/v1/records/bom_line', { bom: firstBom._id, component: products.controller!._id }, { 'accept-language': 'zh-CN' });
      expect(refusal(inChinese, 422)[0]![1]).to.equal('产品不能作为其自身物料清单的物料。');
      expect((await read('bom', firstBom._id)).line_count, 'nothing stored').to.equal(3);
    });

    it('activates a BOM only through the engineering manager\'s approval, and one active BOM per product', async () => {
      const direct = await admin('PATCH', `/api/v1/records/bom/${firstBom._id}`, { status: 'active' });
      expect(refusal(direct, 422).map(([path]) => path)).to.deep.equal(['/status']);
      ok(await team.engineer.as('POST', `/api/v1/records/bom/${firstBom._id}/approval/submit`, {}));
      expect((await team.engineer.as('POST', `/api/v1/records/bom/${firstBom._id}/approval/approve`, {})).status, 'the engineer does not approve').to.equal(403);
      ok(await team.manager.as('POST', `/api/v1/records/bom/${firstBom._id}/approval/approve`, { comment: 'Good.' }));
      const active = await read('bom', firstBom._id);
      expect(active).to.include({ status: 'active', approved_on: TODAY, effective_from: TODAY });

      // A second version of the product's BOM waits until the first is obsolete.
      const second = ok(await team.engineer.as('POST', '/api/v1/records/bom', { product: products.controller!._id, version: '2.0' }), 201);
      ok(await team.engineer.as('POST', '/api/v1/records/bom_line', { bom: second._id, component: products.board!._id, quantity: 1 }), 201);
      ok(await team.engineer.as('POST', `/api/v1/records/bom/${second._id}/approval/submit`, {}));
      const blocked = await team.manager.as('POST', `/api/v1/records/bom/${second._id}/approval/approve`, {});
      expect(refusal(blocked, 422)).to.deep.equal([['/status', `${active.bom_number} (${active.name}) is the active bill of materials of this product: make it obsolete before activating another.`]]);
      expect((await read('bom', second._id)).status, 'nothing changed').to.equal('draft');
      ok(await team.manager.as('PATCH', `/api/v1/records/bom/${firstBom._id}`, { status: 'obsolete', effective_to: TODAY }));
      ok(await team.manager.as('POST', `/api/v1/records/bom/${second._id}/approval/approve`, {}));
      expect((await read('bom', second._id)).status).to.equal('active');
      expect(await count('bom', { product: products.controller!._id, status: 'active' })).to.equal(1);
      firstBom = await read('bom', second._id);
    });

    it("adds a configured product to a quote with the Add to quote button: the quote's totals and printed document include it", async () => {
      const quote = ok(await team.rep.as('POST', '/api/v1/records/quote', { name: 'Plant 3 controllers' }), 201);
      ok(await team.rep.as('POST', '/api/v1/records/quote_line', { quote: quote._id, product: products.service!._id, quantity: 1 }), 201);
      expect(ok(await team.rep.as('GET', `/api/v1/records/quote/${quote._id}`)).subtotal).to.equal(1000);

      const wrongBom = await team.rep.as('POST', '/api/v1/records/product_configuration', { name: 'Wrong', base_product: products.board!._id, bom: firstBom._id });
      expect(refusal(wrongBom, 422).map(([path]) => path)).to.deep.equal(['/bom']);
      const configuration = ok(await team.rep.as('POST', '/api/v1/records/product_configuration', { name: 'Line controller with pressure sensors', quote: quote._id, base_product: products.controller!._id, bom: firstBom._id, quantity: 2 }), 201);
      expect(configuration).to.include({ base_price: 5000, configured_unit_price: 5000, status: 'draft' });
      ok(await team.rep.as('POST', '/api/v1/records/configuration_option', { configuration: configuration._id, product: products.sensor!._id, quantity: 4 }), 201);
      ok(await team.rep.as('POST', '/api/v1/records/configuration_option', { configuration: configuration._id, product: products.licence!._id }), 201);
      const priced = ok(await team.rep.as('GET', `/api/v1/records/product_configuration/${configuration._id}`));
      expect(priced).to.include({ options_total: 3200, option_count: 2, configured_unit_price: 8200, total_price: 16400 });

      const path = `/api/v1/records/product_configuration/${configuration._id}/buttons`;
      expect((ok(await team.rep.as('GET', path)).buttons as Json[]).map((button) => button.rule)).to.deep.equal(['configuration_add_to_quote']);
      const pressed = ok(await team.rep.as('POST', `${path}/configuration_add_to_quote`, {}));
      expect(pressed.record).to.include({ status: 'added' });
      const line = ok(await team.rep.as('GET', `/api/v1/records/quote_line/${pressed.record.quote_line}`));
      expect(line).to.include({ quote: quote._id, product: products.controller!._id, description: 'Line controller with pressure sensors', quantity: 2, unit_price: 8200, total: 16400 });
      expect(ok(await team.rep.as('GET', `/api/v1/records/quote/${quote._id}`))).to.include({ subtotal: 17400, tax: 2262, grand_total: 19662 });
      // Added once: the button is gone, and pressing it again changes nothing.
      expect(ok(await team.rep.as('GET', path)).buttons).to.deep.equal([]);
      expect((await team.rep.as('POST', `${path}/configuration_add_to_quote`, {})).status).to.equal(409);
      expect(await count('quote_line', { quote: quote._id })).to.equal(2);
      const printed = await team.rep.as('GET', `/api/v1/records/quote/${quote._id}/print/quote_document`);
      expect(printed.status).to.equal(200);
      expect(String(printed.body)).to.contain('Line controller with pressure sensors').and.contain('19,662');
    });

    it('counts the assets a contract covers as assets join it, leave it or are decommissioned; an asset takes only its own account\'s contract', async () => {
      const account = await create('account', { name: '苏州精工机械有限公司', region: 'east' });
      const other = await create('account', { name: 'Harbour Foods', region: 'south' });
      const contract = await create('maintenance_contract', { account: account._id, level: 'standard', annual_fee: 15000, technician: team.technician.id });
      expect(contract).to.include({ status: 'active', visits_per_year: 2, start_date: TODAY, end_date: shift(TODAY, 364), covered_assets: 0, renewal_status: 'not_due' });
      const asset = (serial: string, values: Json = {}) => create('installed_asset', { serial_number: serial, product: products.controller!._id, account: account._id, ...values });
      const first = await asset('CTRL-0001', { contract: contract._id });
      const second = await asset('CTRL-0002', { contract: contract._id });
      expect((await read('maintenance_contract', contract._id)).covered_assets).to.equal(2);
      ok(await admin('PATCH', `/api/v1/records/installed_asset/${second._id}`, { status: 'decommissioned' }));
      expect((await read('maintenance_contract', contract._id)).covered_assets).to.equal(1);
      ok(await admin('PATCH', `/api/v1/records/installed_asset/${first._id}`, { contract: null }));
      expect((await read('maintenance_contract', contract._id)).covered_assets).to.equal(0);
      const foreign = await create('maintenance_contract', { account: other._id });
      expect(refusal(await admin('PATCH', `/api/v1/records/installed_asset/${first._id}`, { contract: foreign._id }), 422).map(([p]) => p)).to.deep.equal(['/contract']);
      const again = await admin('POST', '/api/v1/records/installed_asset', { serial_number: 'CTRL-0001', product: products.controller!._id, account: account._id });
      expect(refusal(again, 409, 'duplicate_value').map(([p]) => p), "the serial number is the asset's external id").to.deep.equal(['/serial_number']);
    });

    it('gives a visit the contract\'s technician; one without a technician waits in the field service queue; a visit completes with its report', async () => {
      const [contract] = await list('maintenance_contract', { technician: team.technician.id });
      const supportCase = await create('case', { subject: 'Controller shows error E42', account: contract!.account, category: 'technical', priority: 'high' });
      const visit = ok(await admin('POST', '/api/v1/records/maintenance_visit', { contract: contract!._id, case: supportCase._id, visit_type: 'corrective', scheduled_date: shift(TODAY, 2) }), 201);
      expect(visit).to.include({ technician: team.technician.id, status: 'scheduled' });
      const unplanned = await create('maintenance_visit', { scheduled_date: shift(TODAY, 5) });
      expect(unplanned._owner).to.equal('queue:field_service');
      const path = `/api/v1/records/maintenance_visit/${visit._id}`;
      expect(refusal(await team.technician.as('PATCH', path, { status: 'completed' }), 422).map(([p]) => p)).to.deep.equal(['/report']);
      const done = ok(await team.technician.as('PATCH', path, { status: 'completed', report: 'Replaced the relay; tested with the operator.' }));
      expect(done).to.include({ status: 'completed', completed_on: TODAY });
      const printed = await team.technician.as('GET', `${path}/print/visit_report`);
      expect(printed.status).to.equal(200);
      expect(String(printed.body)).to.contain('Replaced the relay; tested with the operator.').and.contain(visit.name);
      // The technician reads the case the visit answers.
      expect(ok(await team.technician.as('GET', `/api/v1/records/case/${supportCase._id}`)).subject).to.equal('Controller shows error E42');
    });

    it('expires an active contract whose end has passed at the scheduled run', async () => {
      const [account] = await list('account', { name: 'Harbour Foods' });
      const ended = await create('maintenance_contract', { account: account!._id, start_date: shift(TODAY, -400), end_date: shift(TODAY, -1) });
      expect(ended.status).to.equal('active');
      await runAllDue(new Date(Date.now() + DAY + 60 * 60_000));
      expect((await read('maintenance_contract', ended._id)).status).to.equal('expired');
    });

    it('reminds the owner of a contract 60 days before it ends, at 09:00 Beijing time, not a minute before, and once', async () => {
      const [account] = await list('account', { name: 'Harbour Foods' });
      const contract = await create('maintenance_contract', { account: account!._id, level: 'premium', annual_fee: 30000, end_date: shift(TODAY, 90) });
      expect(contract.visits_per_year).to.equal(4);
      const occasion = nineInShanghai(shift(contract.end_date, -60));
      await runAllDue(oneMinute(occasion, -1));
      expect(await emailsAbout(contract.name)).to.have.length(0);
      expect((await read('maintenance_contract', contract._id)).renewal_status).to.equal('not_due');
      await runAllDue(oneMinute(occasion, 1));
      expect((await read('maintenance_contract', contract._id)).renewal_status).to.equal('due');
      const [email, ...more] = await emailsAbout(contract.name);
      expect(more).to.have.length(0);
      expect(email!.to).to.deep.equal([tenant.adminEmail]);
      expect(email!.subject).to.contain(`ends on ${contract.end_date}`);
      await runAllDue(new Date(occasion.getTime() + DAY));
      expect(await emailsAbout(contract.name)).to.have.length(1);
      const renewals = ok(await admin('GET', `/api/v1/records/maintenance_contract?filter=${encodeURIComponent(JSON.stringify({ renewal_status: 'due' }))}`)).records as Json[];
      expect(renewals.map((record) => record._id)).to.deep.equal([contract._id]);
    });

    it('reminds the owner 30 days before an asset\'s warranty ends while no contract covers it', async () => {
      const [account] = await list('account', { name: 'Harbour Foods' });
      const uncovered = await create('installed_asset', { serial_number: 'CTRL-0100', product: products.controller!._id, account: account!._id, warranty_end: shift(TODAY, 40) });
      const occasion = nineInShanghai(shift(TODAY, 10));
      await runAllDue(oneMinute(occasion, -1));
      expect(await emailsAbout(uncovered.serial_number)).to.have.length(0);
      await runAllDue(oneMinute(occasion, 1));
      expect(await emailsAbout(uncovered.serial_number)).to.have.length(1);
    });

    it('runs its reports and dashboard over what happened', async () => {
      const visits = ok(await admin('POST', '/api/v1/reports/visits_by_status/run', {}));
      const byStatus = Object.fromEntries((visits.groups as Json[]).map((group) => [group.key, group.values?.count ?? group.measures?.count]));
      expect(byStatus).to.include({ completed: 1, scheduled: 1 });
      const cost = ok(await admin('POST', '/api/v1/reports/bom_cost_by_product/run', {}));
      expect(JSON.stringify(cost.groups)).to.contain(products.controller!._id);
      const dashboard = ok(await admin('POST', '/api/v1/dashboards/manufacturing_home/run', {}));
      for (const component of dashboard.components as Json[]) expect(component.error, component.key).to.equal(undefined);
    });
  });
});

/**
 * Version 1.1.0 of the pack (a copy in a packs folder beside plugins/, the others linked) over a
 * tenant that customised its contract's labels: the tenant's change stays, the pack's lands beside
 * it, a change of the same label by both is a conflict listed and nothing changes until it is
 * settled. Then the uninstall: refused while its objects hold records (each named), forced after
 * an export that holds them; sales' quotes and service's cases read and print as before, and the
 * pack installs again.
 */
describe('packs: manufacturing upgraded to 1.1.0 over a customised tenant, then uninstalled', function () {
  this.timeout(180_000);
  let engine: TestEngine;
  let tenant: TestTenant;
  let packsDir: string;
  const { admin, create, read, count } = tenantCalls(() => engine, () => tenant);
  const made = {} as Record<'contract' | 'asset' | 'case' | 'quote', Json>;
  const contractField = async (name: string) => ((ok(await admin('GET', '/api/v1/meta/objects/maintenance_contract')).definition.fields as Json[]).find((field) => field.name === name));

  before(async () => {
    // Beside plugins/, at the same depth: the packs' code imports the engine by relative paths (../../engine).
    packsDir = mkdtempSync(join(PLUGINS, '..', '.tmp-manufacturing-'));
    for (const name of ['company', 'sales', 'service']) symlinkSync(join(PLUGINS, name), join(packsDir, name), 'dir');
    cpSync(join(PLUGINS, 'manufacturing'), join(packsDir, 'manufacturing'), { recursive: true });
    engine = await startTestEngine({ packsDir, operatorToken: OPERATOR_TOKEN });
    tenant = await createTenant(engine, 'manufacturing-upgrade');
    for (const name of ['company', 'sales', 'service', 'manufacturing']) ok(await admin('POST', '/api/v1/packs/install', { name }));
    // A little of everything: a BOM, the installed base, a visit answering a case, a configured product on a quote.
    const account = await create('account', { name: '青岛海川装备有限公司', region: 'north' });
    const gateway = await create('product', { name: 'Gateway', code: 'UPG-GW', unit_price: 4000 });
    const part = await create('product', { name: 'Board', code: 'UPG-PCB', unit_price: 900 });
    const bom = await create('bom', { product: gateway._id });
    await create('bom_line', { bom: bom._id, component: part._id, quantity: 2 });
    made.contract = await create('maintenance_contract', { account: account._id, annual_fee: 12000 });
    made.asset = await create('installed_asset', { serial_number: 'UPG-0001', product: gateway._id, account: account._id, contract: made.contract._id });
    made.case = await create('case', { subject: 'Gateway offline', account: account._id, category: 'technical' });
    await create('maintenance_visit', { contract: made.contract._id, asset: made.asset._id, case: made.case._id, scheduled_date: TODAY });
    made.quote = await create('quote', { name: 'Gateways for Qingdao', account: account._id });
    const configuration = await create('product_configuration', { name: 'Gateway with two boards', quote: made.quote._id, base_product: gateway._id, quantity: 3 });
    await create('configuration_option', { configuration: configuration._id, product: part._id, quantity: 2 });
    ok(await admin('POST', `/api/v1/records/product_configuration/${configuration._id}/buttons/configuration_add_to_quote`, {}));
    made.quote = await read('quote', made.quote._id);
    expect(made.quote.subtotal).to.equal(3 * (4000 + 1800));
  });
  after(async () => {
    await engine.stop();
    rmSync(packsDir, { recursive: true, force: true });
  });

  it("upgrades to 1.1.0: the tenant's label stays, the pack's change and new field land, a label both changed is a conflict until settled", async () => {
    const current = ok(await admin('GET', '/api/v1/meta/objects/maintenance_contract'));
    const customised = { ...current.definition, fields: relabel(relabel(current.definition.fields, 'level', 'Service tier'), 'annual_fee', 'Yearly fee') };
    ok(await admin('PUT', '/api/v1/meta/objects/maintenance_contract', customised, { 'if-match': current.etag }));

    // Version 1.1.0: a label the tenant left alone changes, one the tenant changed too changes differently, a field is added.
    releasePack(join(packsDir, 'manufacturing'), '1.1.0', 'maintenance_contract', (shipped) => ({
      ...shipped,
      fields: [...relabel(relabel(shipped.fields, 'visits_per_year', 'Visits a year'), 'annual_fee', 'Annual fee (before tax)'), { name: 'response_hours', type: 'number', min: 0, label: { en: 'Response time (hours)', 'zh-CN': '响应时限（小时）' } }],
    }));

    const plan = ok(await admin('POST', '/api/v1/packs/plan', { name: 'manufacturing' })).plan as Json;
    expect(plan).to.include({ from: '1.0.0', to: '1.1.0', conflicts: 1 });
    const item = (plan.items as Json[]).find((candidate) => candidate.kind === 'object' && candidate.name === 'maintenance_contract')!;
    expect(item.action).to.equal('conflict');
    expect(item.conflicts.map((conflict: Json) => conflict.path)).to.deep.equal(['/fields/annual_fee/label/en']);

    const refused = await admin('POST', '/api/v1/packs/install', { name: 'manufacturing', upgrade: true });
    expect(refusal(refused, 409, 'pack_conflicts').map(([path]) => path)).to.deep.equal(['/object:maintenance_contract/fields/annual_fee/label/en']);
    expect((ok(await admin('GET', '/api/v1/packs')).installed as Json[]).find((pack) => pack.name === 'manufacturing')!.version, 'nothing changed').to.equal('1.0.0');
    expect(await contractField('response_hours')).to.equal(undefined);
    expect((await contractField('visits_per_year'))!.label.en).to.equal('Visits per year');

    const resolutions = { 'object:maintenance_contract': { '/fields/annual_fee/label/en': 'ours' } };
    const upgraded = ok(await admin('POST', '/api/v1/packs/install', { name: 'manufacturing', upgrade: true, resolutions }));
    expect(upgraded.plan).to.include({ from: '1.0.0', to: '1.1.0', conflicts: 0 });
    expect((await contractField('level'))!.label.en, "the tenant's label").to.equal('Service tier');
    expect((await contractField('annual_fee'))!.label.en, "the tenant's side of the conflict").to.equal('Yearly fee');
    expect((await contractField('visits_per_year'))!.label.en, "the pack's change").to.equal('Visits a year');
    expect((await contractField('response_hours'))!.label['zh-CN']).to.equal('响应时限（小时）');
    // The records and the hooks of the new version's code carry on.
    ok(await admin('PATCH', `/api/v1/records/maintenance_contract/${made.contract._id}`, { response_hours: 8 }));
    expect((await read('maintenance_contract', made.contract._id)).covered_assets).to.equal(1);
  });

  it('refuses the uninstall while its objects hold records, naming each; forced after an export that holds them', async () => {
    const refused = await admin('DELETE', '/api/v1/packs/manufacturing');
    const named = refusal(refused, 409, 'pack_has_records').map(([path]) => path);
    expect(named).to.include.members(['/objects/bom', '/objects/bom_line', '/objects/installed_asset', '/objects/maintenance_contract', '/objects/maintenance_visit', '/objects/product_configuration', '/objects/configuration_option']);
    expect(await count('installed_asset'), 'nothing changed').to.equal(1);

    const objects = ['bom', 'bom_line', 'product_configuration', 'configuration_option', 'maintenance_contract', 'installed_asset', 'maintenance_visit'];
    const manifest = { name: 'manufacturing-records', version: '1.0.0', label: { en: 'Manufacturing records' } };
    const exported = ok(await admin('POST', '/api/v1/packs/export', { manifest, objects, data: objects })).pack as Json;
    expect(exported.data.installed_asset.map((record: Json) => record.serial_number)).to.deep.equal(['UPG-0001']);
    expect(exported.data.maintenance_visit).to.have.length(1);
    expect(exported.data.bom_line).to.have.length(1);

    ok(await admin('DELETE', '/api/v1/packs/manufacturing?force=true'));
    for (const object of objects) expect((await admin('GET', `/api/v1/records/${object}?limit=1`)).status, object).to.equal(404);
    expect((await admin('GET', '/api/v1/meta/roles/field_technician')).status).to.equal(404);
  });

  it('leaves sales and service working as before: the quote with its configured line reads and prints, the case reads', async () => {
    const quote = await read('quote', made.quote._id);
    expect(quote).to.include({ subtotal: made.quote.subtotal, grand_total: made.quote.grand_total });
    expect(await count('quote_line', { quote: quote._id })).to.equal(1);
    const printed = await admin('GET', `/api/v1/records/quote/${quote._id}/print/quote_document`);
    expect(printed.status).to.equal(200);
    expect(String(printed.body)).to.contain('Gateway with two boards');
    expect((await read('case', made.case._id)).subject).to.equal('Gateway offline');
    expect(ok(await admin('GET', '/api/v1/records/case?limit=5')).records).to.have.length(1);
    expect(ok(await admin('GET', `/api/v1/records/account/${made.contract.account}`)).name).to.equal('青岛海川装备有限公司');
    const installed = (ok(await admin('GET', '/api/v1/packs')).installed as Json[]).map((pack) => pack.name).sort();
    expect(installed).to.deep.equal(['company', 'sales', 'service']);
  });

  it('installs again', async () => {
    const again = ok(await admin('POST', '/api/v1/packs/install', { name: 'manufacturing' }));
    expect(again.plan).to.include({ from: null, to: '1.1.0' });
    expect(await count('maintenance_contract')).to.equal(0);
    expect((await contractField('response_hours'))!.type).to.equal('number');
  });
});
