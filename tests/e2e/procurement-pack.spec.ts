import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { en } from '../../studio/src/shared/i18n/messages-en.js';
import { zhCN } from '../../studio/src/shared/i18n/messages-zh-cn.js';
import { loadTraditional, toTraditional } from '../../studio/src/shared/i18n/traditional.js';
import { tenantUserHeaders, type TestTenant } from '../support/tenant-helpers.js';
import { e2e, e2eTenant, screenshot, seriousViolations, signedInPage, type E2e, linkRepoPacks } from './support/e2e-environment.js';

type Json = Record<string, any>;
type Language = 'en' | 'zh-CN' | 'zh-TW';
const LANGUAGES: readonly Language[] = ['en', 'zh-CN', 'zh-TW'];
const PASSWORD = 'a demo user passphrase for browsers';
const ROLES = ['buyer', 'procurement_manager', 'finance_controller', 'cfo'] as const;
type Role = (typeof ROLES)[number];

/** The studio's texts of a language: zh-TW is zh-CN through OpenCC, as the studio derives it. */
const messages = (language: Language) => (language === 'en' ? en : zhCN);
const shown = (language: Language, text: string) => (language === 'zh-TW' ? toTraditional(text) : text);
/** The pack's own texts, in the language the page shows them. */
const PACK = {
  release: { en: 'Release for payment', zh: '放行付款' },
  blocked: { en: 'blocked by the three-way match', zh: '三单匹配不符而冻结付款' },
} as const;
const packText = (language: Language, text: { en: string; zh: string }) => (language === 'en' ? text.en : shown(language, text.zh));

interface Procurement {
  readonly tenant: TestTenant;
  readonly people: Record<Role, { id: string; email: string; headers: Record<string, string> }>;
}

let installed: Promise<Procurement> | undefined;
/** A tenant of its own with the company and procurement packs and their demo data; the demo users signed in. */
let unlinkPacks: (() => void) | undefined;
function procurement(env: E2e): Promise<Procurement> {
  installed ??= (async () => {
    unlinkPacks = linkRepoPacks(env, ['company', 'procurement']);
    const tenant = await e2eTenant(env, 'procurement-e2e');
    const admin = (method: string, path: string, body?: unknown) => call(env, method, path, body, tenant.headers);
    await admin('POST', '/api/v1/packs/install', { name: 'company' });
    await admin('POST', '/api/v1/packs/install', { name: 'procurement', demoData: true });
    const people = {} as Procurement['people'];
    for (const role of ROLES) {
      const email = `${role}@demo.crm.local`;
      const [user] = (await admin('GET', `/api/v1/records/user?filter=${encodeURIComponent(JSON.stringify({ email }))}`)).records as Json[];
      await admin('POST', `/api/v1/auth/users/${user!._id}/password`, { password: PASSWORD });
      people[role] = { id: user!._id, email, headers: await tenantUserHeaders(env.engine, tenant.name, email, PASSWORD) };
    }
    return { tenant, people };
  })();
  return installed;
}

/** A call that must succeed (any 2xx): its answer's body. */
async function call(env: E2e, method: string, path: string, body: unknown, headers: Record<string, string>): Promise<Json> {
  const response = await env.engine.request(method, path, body, headers);
  if (response.status < 200 || response.status > 299) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Json;
}

/** Sends the open approval dialog. */
async function decide(page: Page, button: string, comment: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.locator('#approval-comment').fill(comment);
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('browser: the procurement pack, from purchase request to payment', function () {
  this.timeout(300_000);
  before(async function () {
    this.timeout(600_000);
    await loadTraditional();
    await procurement(await e2e());
  });
  after(() => unlinkPacks?.());

  for (const language of LANGUAGES) {
    // Traditional Chinese on a phone; the others on a desktop.
    const width = language === 'zh-TW' ? 390 : 1280;
    const say = (text: string) => shown(language, text);
    const text = messages(language);

    it(`approves a request up to the CFO, orders it, prints the PO, and blocks then releases the invoice's payment (${language}, ${width} px), passing axe`, async () => {
      const env = await e2e();
      const { tenant, people } = await procurement(env);
      const as = (role: Role, method: string, path: string, body?: unknown) => call(env, method, path, body, people[role].headers);
      const open = (role: Role, path: string) => signedInPage(env, people[role].email, path, { tenant: tenant.name, password: PASSWORD, width, height: 844 });
      for (const role of ROLES) await call(env, 'PATCH', `/api/v1/records/user/${people[role].id}`, { language }, tenant.headers);

      const title = `Server room racks (${language})`;
      const [supplier] = (await as('buyer', 'GET', `/api/v1/records/supplier?limit=1&filter=${encodeURIComponent(JSON.stringify({ status: 'active' }))}`)).records as Json[];
      const request = await as('buyer', 'POST', '/api/v1/records/purchase_request', { title, supplier: supplier!._id, department: 'it', needed_by: '2030-01-15' });
      await as('buyer', 'POST', '/api/v1/records/purchase_request_line', { purchase_request: request._id, description: 'Server rack 42U', quantity: 3, unit_price: 40000 });
      await as('buyer', 'POST', '/api/v1/records/purchase_request_line', { purchase_request: request._id, description: 'Monitor 27 inch', quantity: 4, unit_price: 2000 });

      // The buyer submits from the record page, by keyboard.
      const buyer = await open('buyer', `/o/purchase_request/${request._id}`);
      try {
        const panel = buyer.page.locator('.approval-panel');
        const submit = panel.getByRole('button', { name: say(text.approvals.action.submit) });
        await submit.waitFor();
        await buyer.page.getByText('Server rack 42U').waitFor();
        await screenshot(buyer.page, `procurement-request-${language}`);
        expect(await seriousViolations(buyer.page), 'axe on the request').to.deep.equal([]);
        await submit.focus();
        await buyer.page.keyboard.press('Enter');
        await decide(buyer.page, say(text.approvals.action.submit), 'For the new server room');
        await panel.locator('.approval-status').filter({ hasText: say(text.approvals.status.pending) }).waitFor();
        expect(buyer.problems).to.deep.equal([]);
      } finally {
        await buyer.context.close();
      }

      const approval = `/api/v1/records/purchase_request/${request._id}/approval`;
      expect((await as('procurement_manager', 'POST', `${approval}/approve`, {})).step).to.equal('finance');
      expect((await as('finance_controller', 'POST', `${approval}/approve`, {})).step).to.equal('cfo');

      // The CFO gives the last approval on the record page.
      const cfo = await open('cfo', `/o/purchase_request/${request._id}`);
      try {
        const panel = cfo.page.locator('.approval-panel');
        await panel.getByRole('button', { name: say(text.approvals.action.approve), exact: true }).click();
        await decide(cfo.page, say(text.approvals.action.approve), 'Budgeted');
        await panel.locator('.approval-status').filter({ hasText: say(text.approvals.status.approved) }).waitFor();
        await screenshot(cfo.page, `procurement-request-approved-${language}`);
        expect(cfo.problems).to.deep.equal([]);
      } finally {
        await cfo.context.close();
      }

      const ordered = await as('buyer', 'GET', `/api/v1/records/purchase_request/${request._id}`);
      expect(ordered.status).to.equal('ordered');
      const order = await as('buyer', 'GET', `/api/v1/records/purchase_order/${ordered.purchase_order}`);
      expect(order.amount).to.equal(128000);

      // The order with its copied lines, and its print.
      const po = await open('buyer', `/o/purchase_order/${order._id}`);
      try {
        await po.page.getByText('Server rack 42U').first().waitFor();
        await po.page.getByText('Monitor 27 inch').first().waitFor();
        await screenshot(po.page, `procurement-order-${language}`);
        expect(await seriousViolations(po.page), 'axe on the order').to.deep.equal([]);
        const print = po.page.getByRole('button', { name: say(text.record.print) });
        await print.focus();
        await po.page.keyboard.press('Enter');
        const dialog = po.page.getByRole('dialog');
        await dialog.waitFor();
        const body = po.page.frameLocator('.print-dialog-frame').locator('body');
        await body.locator('h1').waitFor();
        const printed = await body.innerText();
        // The amount in capital numerals, in the reader's script: a Traditional Chinese reader's print says 貳 and 萬.
        expect(printed).to.include(order.number).and.to.include('Server rack 42U').and.to.include(language === 'zh-TW' ? '壹拾貳萬捌仟元整' : '壹拾贰万捌仟元整');
        await screenshot(po.page, `procurement-order-print-${language}`);
        expect(await seriousViolations(po.page), 'axe with the print dialog').to.deep.equal([]);
        await po.page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
        expect(po.problems).to.deep.equal([]);
      } finally {
        await po.context.close();
      }

      // One rack of three and the monitors arrive; the supplier bills the whole order.
      const lines = (await as('buyer', 'GET', `/api/v1/records/purchase_order_line?filter=${encodeURIComponent(JSON.stringify({ purchase_order: order._id }))}`)).records as Json[];
      const rackLine = lines.find((line) => line.quantity === 3)!;
      const monitorLine = lines.find((line) => line.quantity === 4)!;
      await as('buyer', 'POST', '/api/v1/records/goods_receipt', { purchase_order_line: rackLine._id, quantity: 1 });
      await as('buyer', 'POST', '/api/v1/records/goods_receipt', { purchase_order_line: monitorLine._id, quantity: 4 });
      const invoice = await as('buyer', 'POST', '/api/v1/records/supplier_invoice', { invoice_number: `INV-${language}`, purchase_order: order._id, supplier: order.supplier, amount: 129280 });
      expect(invoice.payment_blocked).to.equal(true);

      const bill = await open('buyer', `/o/supplier_invoice/${invoice._id}`);
      try {
        const release = bill.page.getByRole('group', { name: say(text.record.buttons) }).getByRole('button', { name: packText(language, PACK.release) });
        await release.waitFor();
        await screenshot(bill.page, `procurement-invoice-blocked-${language}`);
        expect(await seriousViolations(bill.page), 'axe on the blocked invoice').to.deep.equal([]);
        await release.focus();
        await bill.page.keyboard.press('Enter');
        await bill.page.locator('.ant-message-error').filter({ hasText: packText(language, PACK.blocked) }).waitFor();
        await screenshot(bill.page, `procurement-invoice-refused-${language}`);
        expect((await as('buyer', 'GET', `/api/v1/records/supplier_invoice/${invoice._id}`)).status, 'nothing changed').to.equal('received');

        // The other two racks arrive: within the tolerance, the release hands the payment to finance.
        await as('buyer', 'POST', '/api/v1/records/goods_receipt', { purchase_order_line: rackLine._id, quantity: 2 });
        await bill.page.reload();
        await release.waitFor();
        await release.focus();
        await bill.page.keyboard.press('Enter');
        await bill.page.getByText(say(text.record.buttonCreated_one).replace('{{label}}', packText(language, PACK.release)).replace('{{count}}', '1')).waitFor();
        await release.waitFor({ state: 'detached' });
        await screenshot(bill.page, `procurement-invoice-released-${language}`);
        const released = await as('buyer', 'GET', `/api/v1/records/supplier_invoice/${invoice._id}`);
        expect(released.status).to.equal('released');
        expect((await as('finance_controller', 'GET', `/api/v1/records/payment_request/${released.payment_request}`)).status).to.equal('requested');
        expect(bill.problems).to.deep.equal([]);
      } finally {
        await bill.context.close();
      }
    });
  }

  it('shows the spend dashboard to the procurement manager (zh-CN, 390 px), passing axe', async () => {
    const env = await e2e();
    const { tenant, people } = await procurement(env);
    await call(env, 'PATCH', `/api/v1/records/user/${people.procurement_manager.id}`, { language: 'zh-CN' }, tenant.headers);
    const { context, page, problems } = await signedInPage(env, people.procurement_manager.email, '/dashboards/procurement_spend', { tenant: tenant.name, password: PASSWORD, width: 390, height: 844 });
    try {
      await page.getByRole('heading', { name: '采购支出' }).first().waitFor();
      await page.getByText('按供应商的支出').first().waitFor();
      await page.locator('svg').first().waitFor();
      await screenshot(page, 'procurement-dashboard-zh-CN-390');
      expect(await seriousViolations(page), 'axe on the dashboard').to.deep.equal([]);
      expect(problems).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });
});
