import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { expectError } from '../../support/api-helpers.js';
import { createTenant, OPERATOR_TOKEN, tenantUserHeaders, type TestTenant } from '../../support/tenant-helpers.js';
import { startTestEngine, type TestEngine } from '../../support/test-engine.js';

type Json = Record<string, any>;

/** The repository's packs folder: the procurement pack and the company pack it requires. */
const PLUGINS = fileURLToPath(new URL('../../../plugins', import.meta.url));
const PASSWORD = 'a demo user passphrase for tests';

/**
 * The procurement pack installed with its demo data into a fresh tenant, then its main path over
 * the API: a purchase request approved up to the CFO, turned into a purchase order with its lines,
 * partly received, invoiced above the received goods (payment blocked by the three-way match),
 * then completed and released to finance.
 */
describe('procurement pack', () => {
  let engine: TestEngine;
  let tenant: TestTenant;
  const people: Record<string, { id: string; headers: Record<string, string> }> = {};
  const admin = (method: string, path: string, body?: unknown) => engine.request(method, path, body, tenant.headers);
  const ok = async (response: Promise<{ status: number; body: any }>, status = 200) => {
    const answered = await response;
    expect(answered.status, JSON.stringify(answered.body)).to.equal(status);
    return answered.body as Json;
  };
  const as = (who: string, method: string, path: string, body?: unknown) => engine.request(method, path, body, people[who]!.headers);
  const record = (object: string, id: string) => ok(admin('GET', `/api/v1/records/${object}/${id}`));
  const list = async (object: string, filter: Json, who?: string) => {
    const path = `/api/v1/records/${object}?limit=200&filter=${encodeURIComponent(JSON.stringify(filter))}`;
    return (await ok(who ? as(who, 'GET', path) : admin('GET', path))).records as Json[];
  };

  /** A demo user, by the e-mail the demo data gave them, given a password and signed in with a token. */
  const signInDemoUser = async (email: string) => {
    const [user] = await list('user', { email });
    expect(user, email).to.not.equal(undefined);
    expect((await admin('POST', `/api/v1/auth/users/${user!._id}/password`, { password: PASSWORD })).status).to.equal(204);
    return { id: user!._id as string, headers: await tenantUserHeaders(engine, tenant.name, email, PASSWORD) };
  };

  before(async function () {
    this.timeout(180_000);
    engine = await startTestEngine({ packsDir: PLUGINS, operatorToken: OPERATOR_TOKEN });
    tenant = await createTenant(engine, 'procurement-pack');
    await ok(admin('POST', '/api/v1/packs/install', { name: 'company' }));
    await ok(admin('POST', '/api/v1/packs/install', { name: 'procurement', demoData: true }));
    for (const role of ['buyer', 'procurement_manager', 'finance_controller', 'cfo']) people[role] = await signInDemoUser(`${role}@demo.crm.local`);
  });
  after(() => engine.stop());

  it('installs with a year of demo purchasing: suppliers, catalogue, requests, orders, receipts, invoices, payments and users per role', async () => {
    const counts = Object.fromEntries(
      await Promise.all(['supplier', 'supplier_contact', 'catalogue_item', 'purchase_request', 'purchase_order', 'purchase_order_line', 'goods_receipt', 'supplier_invoice', 'payment_request'].map(
        async (object) => [object, (await ok(admin('GET', `/api/v1/records/${object}?limit=1&total=true`))).total as number] as const,
      )),
    );
    expect(counts.supplier).to.equal(40);
    expect(counts.catalogue_item).to.be.greaterThan(30);
    expect(counts.purchase_request).to.equal(180);
    expect(counts.purchase_order).to.be.within(100, 170);
    for (const object of ['supplier_contact', 'purchase_order_line', 'goods_receipt', 'supplier_invoice', 'payment_request']) expect(counts[object], object).to.be.greaterThan(0);

    const blocked = await list('supplier_invoice', { payment_blocked: true });
    expect(blocked.length, 'a few demo invoices wait on the three-way match').to.be.greaterThan(0);
    expect(blocked.every((invoice) => invoice.status === 'received')).to.equal(true);

    const reportsTo = async (role: string) => (await ok(admin('GET', `/api/v1/meta/roles/${role}`))).definition.reportsTo as string;
    expect(await Promise.all(['procurement_director', 'procurement_manager', 'buyer', 'cfo', 'finance_controller'].map(reportsTo))).to.deep.equal(['ceo', 'procurement_director', 'procurement_manager', 'ceo', 'cfo']);

    const spend = await ok(admin('GET', '/api/v1/reports/spend_by_supplier/run'));
    expect(spend.groups.length).to.be.greaterThan(5);
    const byCategory = await ok(admin('GET', '/api/v1/reports/spend_by_category/run'));
    expect(byCategory.groups.length).to.equal(10);
    const dashboard = await ok(admin('POST', '/api/v1/dashboards/procurement_spend/run', {}));
    expect(dashboard.components.filter((component: Json) => component.error)).to.deep.equal([]);
  });

  it('approves a large request through manager, finance and CFO, and the approval orders it with the lines copied', async () => {
    const [supplier] = await list('supplier', { status: 'active' });
    const [rack] = await list('catalogue_item', { code: 'IT-HW-005' });
    const [monitor] = await list('catalogue_item', { code: 'IT-HW-002' });
    const request = await ok(as('buyer', 'POST', '/api/v1/records/purchase_request', { title: 'Racks for the new server room', supplier: supplier!._id, department: 'it', needed_by: '2030-01-15' }), 201);
    await ok(as('buyer', 'POST', '/api/v1/records/purchase_request_line', { purchase_request: request._id, item: rack!._id, description: 'Server rack 42U', quantity: 3, unit_price: 40000 }), 201);
    await ok(as('buyer', 'POST', '/api/v1/records/purchase_request_line', { purchase_request: request._id, item: monitor!._id, description: 'Monitor 27"', quantity: 4, unit_price: 2000 }), 201);
    expect((await record('purchase_request', request._id)).amount, 'the lines roll up').to.equal(128000);

    const approval = `/api/v1/records/purchase_request/${request._id}/approval`;
    const submitted = await ok(as('buyer', 'POST', `${approval}/submit`, {}));
    expect(submitted).to.deep.include({ process: 'purchase_request_approval', status: 'pending', step: 'manager' });
    expect(submitted.pending.map((item: Json) => item.approver), 'the buyer\'s manager').to.deep.equal([people.procurement_manager!.id]);
    expect((await ok(as('procurement_manager', 'POST', `${approval}/approve`, { comment: 'needed' }))).step).to.equal('finance');
    expect((await ok(as('finance_controller', 'POST', `${approval}/approve`, {}))).step).to.equal('cfo');
    const done = await ok(as('cfo', 'POST', `${approval}/approve`, {}));
    expect(done.status).to.equal('approved');

    const approved = await record('purchase_request', request._id);
    expect(approved).to.include({ status: 'ordered', approved_on: new Date().toISOString().slice(0, 10) });
    const order = await record('purchase_order', approved.purchase_order);
    expect(order).to.include({ title: 'Racks for the new server room', supplier: supplier!._id, purchase_request: request._id, expected_date: '2030-01-15', status: 'issued', amount: 128000, received_amount: 0 });
    expect(order.number).to.match(/^PO-\d{5}$/);
    const lines = await list('purchase_order_line', { purchase_order: order._id });
    expect(lines.map((line) => [line.item, line.description, line.quantity, line.unit_price, line.total])).to.have.deep.members([
      [rack!._id, 'Server rack 42U', 3, 40000, 120000],
      [monitor!._id, 'Monitor 27"', 4, 2000, 8000],
    ]);
  });

  it('blocks the payment of an invoice above the received goods, and releases it to finance once the rest arrived', async () => {
    const [request] = await list('purchase_request', { title: 'Racks for the new server room' });
    const order = await record('purchase_order', request!.purchase_order);
    const lines = await list('purchase_order_line', { purchase_order: order._id });
    const rackLine = lines.find((line) => line.quantity === 3)!;
    const monitorLine = lines.find((line) => line.quantity === 4)!;

    // A partial delivery: one rack of three, all monitors.
    await ok(as('buyer', 'POST', '/api/v1/records/goods_receipt', { purchase_order_line: rackLine._id, quantity: 1, delivery_note: 'DN-1' }), 201);
    await ok(as('buyer', 'POST', '/api/v1/records/goods_receipt', { purchase_order_line: monitorLine._id, quantity: 4, delivery_note: 'DN-1' }), 201);
    expect(await record('purchase_order_line', rackLine._id)).to.include({ received_quantity: 1, open_quantity: 2, received_value: 40000 });
    expect(await record('purchase_order', order._id)).to.include({ received_amount: 48000, received_percent: 38 });

    // The supplier bills the whole order (and 1% freight): far above what was received.
    const invoice = await ok(as('buyer', 'POST', '/api/v1/records/supplier_invoice', { invoice_number: 'INV-77001', purchase_order: order._id, supplier: order.supplier, amount: 129280, due_date: '2030-02-15' }), 201);
    expect(invoice).to.include({ ordered_amount: 128000, received_amount: 48000, variance: 81280, tolerance_percent: 2, payment_blocked: true, status: 'received' });

    const release = `/api/v1/records/supplier_invoice/${invoice._id}/buttons/release_for_payment`;
    const refused = await as('buyer', 'POST', release, {});
    expect(refused.status, JSON.stringify(refused.body)).to.equal(422);
    expect(JSON.stringify(refused.body)).to.match(/blocked/);
    expect(await record('supplier_invoice', invoice._id), 'nothing changed').to.include({ status: 'received' });
    expect(await list('payment_request', { supplier_invoice: invoice._id })).to.deep.equal([]);
    const byHand = await as('buyer', 'POST', '/api/v1/records/payment_request', { supplier_invoice: invoice._id, supplier: order.supplier, amount: 129280 });
    expect(expectError(byHand, 422).map((detail) => detail.path)).to.include('/supplier_invoice');
    const marked = await as('buyer', 'PATCH', `/api/v1/records/supplier_invoice/${invoice._id}`, { status: 'released' });
    expect(expectError(marked, 422).map((detail) => detail.path)).to.include('/status');

    // The other two racks arrive: the invoice is within the 2 % tolerance of the received goods.
    await ok(as('buyer', 'POST', '/api/v1/records/goods_receipt', { purchase_order_line: rackLine._id, quantity: 2, delivery_note: 'DN-2' }), 201);
    expect(await record('purchase_order', order._id)).to.include({ received_amount: 128000, received_percent: 100 });
    expect(await record('supplier_invoice', invoice._id)).to.include({ received_amount: 128000, variance: 1280, payment_blocked: false });

    const released = await ok(as('buyer', 'POST', release, {}));
    expect(released.record).to.include({ status: 'released' });
    expect(released.created.map((created: Json) => created.object)).to.deep.equal(['payment_request']);
    const payment = await record('payment_request', released.record.payment_request);
    expect(payment).to.include({ supplier_invoice: invoice._id, supplier: order.supplier, amount: 129280, due_date: '2030-02-15', status: 'requested' });

    // Finance sees it among the payments to make and pays it; the buyer may not.
    const byBuyer = await as('buyer', 'PATCH', `/api/v1/records/payment_request/${payment._id}`, { status: 'paid', paid_on: '2030-02-10' });
    expect(byBuyer.status, JSON.stringify(byBuyer.body)).to.equal(403);
    const toPay = await list('payment_request', { status: { in: ['requested', 'scheduled'] } }, 'finance_controller');
    expect(toPay.map((entry) => entry._id)).to.include(payment._id);
    const paid = await ok(as('finance_controller', 'PATCH', `/api/v1/records/payment_request/${payment._id}`, { status: 'paid', paid_on: '2030-02-10' }));
    expect(paid.status).to.equal('paid');
  });

  it('skips finance and the CFO for a small request, and an administrator moves the thresholds in the process', async () => {
    const [supplier] = await list('supplier', { status: 'active' });
    const request = await ok(as('buyer', 'POST', '/api/v1/records/purchase_request', { title: 'Chairs', supplier: supplier!._id }), 201);
    await ok(as('buyer', 'POST', '/api/v1/records/purchase_request_line', { purchase_request: request._id, description: 'Office chair', quantity: 5, unit_price: 1000 }), 201);
    const path = async () => (await ok(admin('POST', '/api/v1/meta/approval-processes/purchase_request_approval/simulate', { recordId: request._id, submitter: people.buyer!.id }))).path as string[];
    expect(await path()).to.deep.equal(['manager', 'approved']);

    const process = await ok(admin('GET', '/api/v1/meta/approval-processes/purchase_request_approval'));
    const definition = process.definition as Json;
    definition.steps[1].condition = 'amount > 2000';
    await ok(admin('PUT', '/api/v1/meta/approval-processes/purchase_request_approval', definition));
    expect(await path(), 'finance now looks at requests above 2,000').to.deep.equal(['manager', 'finance', 'approved']);
  });

  it('reminds the buyer the day after the expected delivery of an order not fully received, and not of a received one (test clock)', async () => {
    const [request] = await list('purchase_request', { status: 'ordered' });
    const due = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const order = async (title: string) =>
      ok(admin('POST', '/api/v1/records/purchase_order', { title, supplier: request!.supplier, purchase_request: request!._id, buyer: people.buyer!.id, expected_date: due }), 201);
    const late = await order('Cables, late');
    const onTime = await order('Cables, on time');
    for (const placed of [late, onTime]) {
      await ok(admin('POST', '/api/v1/records/purchase_order_line', { purchase_order: placed._id, description: 'Patch cable', quantity: 10, unit_price: 12 }), 201);
    }
    const [onTimeLine] = await list('purchase_order_line', { purchase_order: onTime._id });
    await ok(admin('POST', '/api/v1/records/goods_receipt', { purchase_order_line: onTimeLine!._id, quantity: 10 }), 201);

    // The day after the expected delivery, 09:00 in Shanghai (01:00 UTC).
    const occasion = new Date(Date.parse(`${due}T01:00:00Z`) + 86_400_000);
    const runUntil = async (when: Date) => {
      while ((await engine.jobs.runDue(when)) > 0);
    };
    const reminders = async () =>
      ((await ok(admin('GET', '/api/v1/outbox/email?limit=200'))).messages as Json[]).filter((message) => /Cables/.test(String(message.subject)));
    await runUntil(new Date(occasion.getTime() - 60_000));
    expect(await reminders(), 'not before its time').to.deep.equal([]);
    await runUntil(new Date(occasion.getTime() + 60_000));
    const sent = await reminders();
    expect(sent.map((message) => [message.to, message.subject])).to.deep.equal([[['buyer@demo.crm.local'], `Late delivery: ${late.number} Cables, late`]]);
  });

  it('prints the purchase order with its lines, total and the amount in Chinese capital numerals', async () => {
    const [request] = await list('purchase_request', { title: 'Racks for the new server room' });
    const order = await record('purchase_order', request!.purchase_order);
    const printed = await admin('GET', `/api/v1/records/purchase_order/${order._id}/print/purchase_order_print`);
    expect(printed.status, JSON.stringify(printed.body)).to.equal(200);
    const html = String(printed.body);
    expect(html).to.include(order.number).and.to.include('Server rack 42U').and.to.include('Monitor 27&quot;').and.to.include('壹拾贰万捌仟元整');
  });

  it('uninstalls with force, and installs cleanly without demo data', async () => {
    const other = await createTenant(engine, 'procurement-bare');
    const headers = other.headers;
    expect((await engine.request('POST', '/api/v1/packs/install', { name: 'procurement' }, headers)).status, 'company first').to.equal(409);
    await ok(engine.request('POST', '/api/v1/packs/install', { name: 'company' }, headers));
    await ok(engine.request('POST', '/api/v1/packs/install', { name: 'procurement' }, headers));
    expect((await ok(engine.request('GET', '/api/v1/records/supplier?limit=1&total=true', undefined, headers))).total).to.equal(0);

    const refused = await admin('DELETE', '/api/v1/packs/procurement');
    expect(refused.status, 'demo records stand in the way').to.equal(409);
    // The demo users are the tenant's users, which outlive the pack: force takes the pack's
    // permission sets and roles off them, and they keep the rest.
    const packSets = ['procurement_requester', 'procurement_user', 'procurement_manager', 'procurement_payables'];
    await ok(admin('DELETE', '/api/v1/packs/procurement?force=true'));
    for (const user of await list('user', { email: { contains: '@demo.crm.local' } })) {
      expect((user.permission_sets as string[]).filter((set) => packSets.includes(set)), user.email as string).to.deep.equal([]);
      expect(user.role ?? null, user.email as string).to.not.be.oneOf(['buyer', 'cfo', 'finance_controller', 'procurement_director', 'procurement_manager']);
    }
    expect((await admin('GET', '/api/v1/records/supplier')).status).to.equal(404);
    expect((await admin('GET', '/api/v1/meta/roles/buyer')).status).to.equal(404);
  });
});
