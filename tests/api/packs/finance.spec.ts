import { expect } from 'chai';
import { startConfiguredEngine, type ConfiguredEngine } from '../../support/configured-engine.js';
import { createTenant, OPERATOR_TOKEN, type TestTenant } from '../../support/tenant-helpers.js';
import { demoUser, ok, PLUGINS, type Json } from './pack-tenant-helpers.js';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** The day (YYYY-MM-DD) `days` after `day`. */
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
/** 09:00 in Shanghai (UTC+8) on a day: when the finance pack's reminders go out. */
const nineInShanghai = (day: string) => new Date(Date.parse(`${day}T01:00:00Z`));
const TODAY = new Date().toISOString().slice(0, 10);

/**
 * The finance pack end to end over the API, in a fresh tenant with the company and sales packs and
 * every pack's demo data: a won opportunity becomes an order and an invoice with its lines; the
 * invoice is reminded before its due date and dunned after it on the right days (the job
 * scheduler run at chosen times: a test clock), paid in two parts, and moves through the aging
 * report's ranges as days pass; expense claims are approved by amount; the invoice prints with its
 * amount in Chinese capital numerals.
 */
describe('packs: finance', () => {
  let engine: ConfiguredEngine;
  let tenant: TestTenant;
  const as = (headers: Record<string, string>) => ({
    get: (path: string) => engine.request('GET', path, undefined, headers),
    post: (path: string, body: unknown = {}) => engine.request('POST', path, body, headers),
    patch: (path: string, body: unknown) => engine.request('PATCH', path, body, headers),
  });
  const admin = () => as(tenant.headers);
  const create = async (object: string, values: Json) => ok(await admin().post(`/api/v1/records/${object}`, values), 201);
  const read = async (object: string, id: string) => ok(await admin().get(`/api/v1/records/${object}/${id}`));
  const list = async (object: string, filter: Json, extra = '') =>
    ok(await admin().get(`/api/v1/records/${object}?filter=${encodeURIComponent(JSON.stringify(filter))}&limit=200${extra}`)).records as Json[];
  const count = async (object: string) => ok(await admin().get(`/api/v1/records/${object}?limit=1&total=true`)).total as number;
  /** Runs every job due at `when`, again while any ran (a job may enqueue another due at once). */
  const runAllDue = async (when: Date) => {
    while ((await engine.jobs.runDue(when)) > 0);
  };
  const emailsAbout = async (text: string) =>
    (ok(await admin().get('/api/v1/outbox/email?limit=200')).messages as Json[]).filter((message) => String(message.subject).includes(text));

  before(async function () {
    this.timeout(180_000);
    engine = await startConfiguredEngine({ http: { packsDir: PLUGINS, operatorToken: OPERATOR_TOKEN } });
    tenant = await createTenant(engine, 'finance-pack');
    for (const name of ['company', 'sales', 'finance']) {
      ok(await admin().post('/api/v1/packs/install', { name, demoData: true }));
    }
  });
  after(() => engine.stop(true));

  describe('installed with demo data into a fresh tenant', () => {
    it('needs the sales pack, and brings a year of orders, invoices and payments naming sales\' demo accounts and products', async () => {
      const other = await createTenant(engine, 'finance-alone');
      ok(await as(other.headers).post('/api/v1/packs/install', { name: 'company' }));
      const refused = await as(other.headers).post('/api/v1/packs/install', { name: 'finance' });
      expect(refused.status, JSON.stringify(refused.body)).to.equal(409);
      expect(refused.body.error.code).to.equal('pack_requirement');

      for (const object of ['sales_order', 'sales_order_line', 'invoice', 'invoice_line', 'payment', 'expense_claim']) {
        expect(await count(object), object).to.be.greaterThan(50);
      }
      const invoices = await list('invoice', {}, '&sort=invoice_date');
      expect(invoices[0]!.invoice_date >= shift(TODAY, -366), 'a year of history').to.equal(true);
      expect(invoices.every((invoice) => typeof invoice.account === 'string'), 'each names an account of the sales demo').to.equal(true);
      const accounts = await list('account', { _id: { in: [...new Set(invoices.map((invoice) => invoice.account))].slice(0, 50) } });
      expect(accounts.length).to.be.greaterThan(10);
      const paid = await list('invoice', { paid: true });
      const partly = (await list('invoice', { amount_paid: { gt: 0 }, balance_due: { gt: 0 } }));
      expect(paid.length, 'paid in full').to.be.greaterThan(10);
      expect(partly.length, 'partly paid').to.be.greaterThan(0);
      for (const role of ['finance_director', 'finance_manager', 'finance_clerk']) {
        const [user] = await list('user', { email: `${role}@demo.crm.local` });
        expect(user, role).to.include({ role });
      }
      // The aging report sees the demo receivables in several ranges.
      const aging = ok(await admin().post('/api/v1/reports/ar_aging/run', {}));
      expect(aging.groups.length).to.be.greaterThan(2);
    });
  });

  describe('a won opportunity, invoiced, reminded, dunned and paid in two parts', () => {
    let opportunity: Json;
    let order: Json;
    let invoice: Json;

    before(async () => {
      const account = await create('account', { name: '杭州云栖科技有限公司', billing_city: '杭州', billing_country: '中国' });
      const gateway = await create('product', { name: 'Edge gateway', code: 'FIN-EG-1', unit_price: 1200, family: 'hardware' });
      const service = await create('product', { name: 'Installation', code: 'FIN-INST-1', unit_price: 800, family: 'service' });
      opportunity = await create('opportunity', { name: 'Gateways for the plant', account: account._id, stage: 'negotiation', close_date: TODAY });
      await create('opportunity_line', { opportunity: opportunity._id, product: gateway._id, quantity: 5, unit_price: 1200, discount: 10 });
      await create('opportunity_line', { opportunity: opportunity._id, product: service._id, quantity: 2, unit_price: 800 });
    });

    it('becomes a sales order and an issued invoice due in 30 days when won, its lines copied into both', async () => {
      ok(await admin().patch(`/api/v1/records/opportunity/${opportunity._id}`, { stage: 'closed_won' }));
      const orders = await list('sales_order', { opportunity: opportunity._id });
      expect(orders).to.have.length(1);
      order = orders[0]!;
      expect(order).to.include({ account: opportunity.account, order_date: TODAY, status: 'invoiced', amount: 7000, line_count: 2 });
      const orderLines = await list('sales_order_line', { sales_order: order._id }, '&sort=total');
      expect(orderLines.map((line) => [line.quantity, line.unit_price, line.discount, line.total])).to.deep.equal([[2, 800, 0, 1600], [5, 1200, 10, 5400]]);

      const invoices = await list('invoice', { opportunity: opportunity._id });
      expect(invoices).to.have.length(1);
      invoice = invoices[0]!;
      // 7,000 net, 13 % VAT by default on each line.
      expect(invoice).to.include({ sales_order: order._id, status: 'issued', invoice_date: TODAY, due_date: shift(TODAY, 30), subtotal: 7000, tax_amount: 910, total: 7910, balance_due: 7910, paid: false, dunning_level: 'none' });
      expect(await list('invoice_line', { invoice: invoice._id })).to.have.length(2);

      // Saving the opportunity again converts nothing twice: the rule fires when it becomes won.
      ok(await admin().patch(`/api/v1/records/opportunity/${opportunity._id}`, { next_step: 'Kick-off' }));
      expect(await list('invoice', { opportunity: opportunity._id })).to.have.length(1);
    });

    it('reminds 3 days before the due date at 09:00 Beijing time, not a minute before, and once', async () => {
      const occasion = nineInShanghai(shift(invoice.due_date, -3));
      await runAllDue(new Date(occasion.getTime() - MINUTE));
      expect(await emailsAbout(invoice.name)).to.have.length(0);
      expect((await read('invoice', invoice._id)).dunning_level).to.equal('none');
      await runAllDue(new Date(occasion.getTime() + MINUTE));
      const reminded = await read('invoice', invoice._id);
      expect(reminded).to.include({ dunning_level: 'reminder', reminders_sent: 1 });
      const [email, ...more] = await emailsAbout(invoice.name);
      expect(more).to.have.length(0);
      expect(email!.subject).to.contain(`falls due on ${invoice.due_date}`);
      expect(email!.to).to.deep.equal([tenant.adminEmail]);
      await runAllDue(new Date(occasion.getTime() + DAY));
      expect(await emailsAbout(invoice.name)).to.have.length(1);
    });

    it('takes a first part payment: the balance due falls, the invoice stays open', async () => {
      await create('payment', { invoice: invoice._id, payment_date: TODAY, amount: 3000, method: 'bank_transfer', reference: 'CMB-0001' });
      expect(await read('invoice', invoice._id)).to.include({ amount_paid: 3000, balance_due: 4910, paid: false });
    });

    it('moves the invoice through the aging ranges as days pass: current, 1–30, 31–60, 61–90, over 90', async () => {
      const rangeOn = async (today: string) => {
        const result = ok(await admin().post('/api/v1/reports/ar_aging/run', { today, filter: { name: invoice.name } }));
        expect(result.groups, today).to.have.length(1);
        expect(result.groups[0].values['sum:balance_due'], today).to.equal(4910);
        return result.groups[0].label as string;
      };
      const due = invoice.due_date as string;
      expect(await rangeOn(TODAY)).to.equal('Current');
      expect(await rangeOn(due)).to.equal('Current');
      expect(await rangeOn(shift(due, 1))).to.equal('1–30 days');
      expect(await rangeOn(shift(due, 30))).to.equal('1–30 days');
      expect(await rangeOn(shift(due, 31))).to.equal('31–60 days');
      expect(await rangeOn(shift(due, 75))).to.equal('61–90 days');
      expect(await rangeOn(shift(due, 91))).to.equal('Over 90 days');
    });

    it('raises the dunning level a day and 15 days after the due date while a balance is due, each with an e-mail', async () => {
      const due = invoice.due_date as string;
      await runAllDue(new Date(nineInShanghai(shift(due, 1)).getTime() - MINUTE));
      expect((await read('invoice', invoice._id)).dunning_level).to.equal('reminder');
      await runAllDue(new Date(nineInShanghai(shift(due, 1)).getTime() + MINUTE));
      expect(await read('invoice', invoice._id)).to.include({ dunning_level: 'level_1', reminders_sent: 2 });
      await runAllDue(new Date(nineInShanghai(shift(due, 15)).getTime() + MINUTE));
      expect(await read('invoice', invoice._id)).to.include({ dunning_level: 'level_2', reminders_sent: 3 });
      const subjects = (await emailsAbout(invoice.name)).map((email) => email.subject as string);
      expect(subjects.some((subject) => subject.startsWith('Overdue:'))).to.equal(true);
      expect(subjects.some((subject) => subject.startsWith('Second notice:'))).to.equal(true);
    });

    it('is paid in full by the second part: no final notice goes out, and it leaves the aging report', async () => {
      await create('payment', { invoice: invoice._id, payment_date: shift(invoice.due_date, 16), amount: 4910, method: 'alipay' });
      expect(await read('invoice', invoice._id)).to.include({ amount_paid: 7910, balance_due: 0, paid: true });
      await runAllDue(new Date(nineInShanghai(shift(invoice.due_date, 30)).getTime() + MINUTE));
      expect(await read('invoice', invoice._id)).to.include({ dunning_level: 'level_2', reminders_sent: 3 });
      expect((await emailsAbout(invoice.name)).filter((email) => String(email.subject).startsWith('Final notice'))).to.have.length(0);
      const result = ok(await admin().post('/api/v1/reports/ar_aging/run', { today: shift(invoice.due_date, 31), filter: { name: invoice.name } }));
      expect(result.groups).to.have.length(0);
    });

    it('prints the invoice with its lines, tax and the total in Chinese capital numerals, and the payment reminder', async () => {
      const page = await fetch(`${engine.url}/api/v1/records/invoice/${invoice._id}/print/invoice_print?lang=zh-CN`, { headers: tenant.headers });
      expect(page.status).to.equal(200);
      const html = await page.text();
      expect(html).to.contain(invoice.name).and.to.contain('杭州云栖科技有限公司').and.to.contain('Edge gateway').and.to.contain('Installation');
      expect(html).to.contain('柒仟玖佰壹拾元整');
      expect(html).to.contain('价税合计');
      const reminder = await fetch(`${engine.url}/api/v1/records/invoice/${invoice._id}/print/payment_reminder?lang=en`, { headers: tenant.headers });
      expect(reminder.status).to.equal(200);
      const letter = await reminder.text();
      expect(letter).to.contain('Payment reminder').and.to.contain('零元整').and.to.contain('Balance due');
    });

    it('revenue by month and by product count the invoice', async () => {
      const byMonth = ok(await admin().post('/api/v1/reports/revenue_by_month/run', {}));
      const month = byMonth.groups.find((group: Json) => group.key === TODAY.slice(0, 7));
      expect(month.values['sum:subtotal']).to.be.at.least(7000);
      const byProduct = ok(await admin().post('/api/v1/reports/revenue_by_product/run', {}));
      const hardware = byProduct.groups.find((group: Json) => group.key === 'hardware');
      const gateway = hardware.groups.find((group: Json) => group.label === 'Edge gateway');
      expect(gateway.values['sum:net']).to.equal(5400);
    });
  });

  describe('expense claims approved by amount', () => {
    /** The demo's user of that finance role, signed in. */
    const userHeaders = async (role: string) => (await demoUser(engine, tenant, `${role}@demo.crm.local`)).headers;
    const approval = (id: string, action: string, headers: Record<string, string>, body: Json = {}) =>
      engine.request('POST', `/api/v1/records/expense_claim/${id}/approval/${action}`, body, headers);

    it('a claim up to 10,000 needs the finance manager only', async () => {
      const clerk = await userHeaders('finance_clerk');
      const claim = ok(await as(clerk).post('/api/v1/records/expense_claim', { name: 'Taxis to customer visits', claim_date: TODAY, category: 'transport', amount: 860 }), 201);
      const submitted = ok(await approval(claim._id, 'submit', clerk));
      expect(submitted).to.include({ status: 'pending', step: 'finance_manager' });
      expect((await read('expense_claim', claim._id)).status).to.equal('submitted');
      const approved = ok(await approval(claim._id, 'approve', await userHeaders('finance_manager'), { comment: 'ok' }));
      expect(approved.status).to.equal('approved');
      expect(await read('expense_claim', claim._id)).to.include({ status: 'approved', approved_on: TODAY });
    });

    it('a claim above 10,000 goes on to the finance director, who may return it', async () => {
      const clerk = await userHeaders('finance_clerk');
      const claim = ok(await as(clerk).post('/api/v1/records/expense_claim', { name: 'IFRS 16 training course', claim_date: TODAY, category: 'training', amount: 12800 }), 201);
      ok(await approval(claim._id, 'submit', clerk));
      const director = await userHeaders('finance_director');
      // Not the director's turn yet.
      expect((await approval(claim._id, 'approve', director, { comment: 'early' })).status).to.be.oneOf([403, 409]);
      const onward = ok(await approval(claim._id, 'approve', await userHeaders('finance_manager'), { comment: 'ok' }));
      expect(onward).to.include({ status: 'pending', step: 'finance_director' });
      const returned = ok(await approval(claim._id, 'reject', director, { comment: 'Attach the invoice of the course' }));
      expect(returned.status).to.not.equal('approved');
      expect((await read('expense_claim', claim._id)).status).to.equal('rejected');
    });
  });

  describe('without demo data, and uninstalled', () => {
    it('installs cleanly without demo data and uninstalls with force, leaving sales in place', async () => {
      const plain = await createTenant(engine, 'finance-plain');
      for (const name of ['company', 'sales', 'finance']) ok(await as(plain.headers).post('/api/v1/packs/install', { name }));
      expect(ok(await as(plain.headers).get('/api/v1/records/invoice?limit=1&total=true')).total).to.equal(0);
      const account = ok(await as(plain.headers).post('/api/v1/records/account', { name: 'Acme' }), 201);
      ok(await as(plain.headers).post('/api/v1/records/invoice', { account: account._id, invoice_date: TODAY, due_date: TODAY }), 201);
      const refused = await engine.request('DELETE', '/api/v1/packs/finance', undefined, plain.headers);
      expect(refused.status, JSON.stringify(refused.body)).to.equal(409);
      ok(await engine.request('DELETE', '/api/v1/packs/finance?force=true', undefined, plain.headers));
      expect((await as(plain.headers).get('/api/v1/meta/objects/invoice')).status).to.equal(404);
      expect((await as(plain.headers).get('/api/v1/meta/objects/account')).status).to.equal(200);
    });

    it('uninstalls with force from the demo tenant, its demo records with it, the sales demo kept', async () => {
      const accounts = await count('account');
      ok(await engine.request('DELETE', '/api/v1/packs/finance?force=true', undefined, tenant.headers));
      expect((await admin().get('/api/v1/meta/objects/invoice')).status).to.equal(404);
      expect((await admin().get('/api/v1/meta/automation-rules/won_opportunity_to_order')).status).to.equal(404);
      expect(await count('account')).to.equal(accounts);
      // The demo's finance users let go of the roles and permission sets that went with the pack.
      const [clerk] = await list('user', { email: 'finance_clerk@demo.crm.local' });
      expect(clerk!.role).to.equal(undefined);
      expect(clerk!.permission_sets).to.deep.equal([]);
    });
  });
});
