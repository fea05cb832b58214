import { expect } from 'chai';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { TestTenant } from '../support/tenant-helpers.js';
import { e2e, e2eTenant, screenshot, seriousViolations, signedInPage, type E2e, linkRepoPacks } from './support/e2e-environment.js';

/** The repository's packs: finance and the company and sales packs it requires. */
const PASSWORD = 'finance browser tests password';
const TODAY = new Date().toISOString().slice(0, 10);

const TEXT = {
  en: { home: 'Finance', newPayment: 'New Payment', create: 'Create', print: 'Print', balance: 'Balance due', name: 'Fiona Finance' },
  'zh-CN': { home: '财务', newPayment: '新建收款', create: '创建', print: '打印', balance: '未收余额', name: '钱财务' },
  'zh-TW': { home: '財務', newPayment: /^新(建|增)收款$/, create: /^(創建|建立)$/, print: '列印', balance: '未收餘額', name: '錢財務' },
} as const;
type Language = keyof typeof TEXT;
const RUNS: readonly { language: Language; width: number }[] = [
  { language: 'en', width: 1280 },
  { language: 'zh-CN', width: 390 },
  { language: 'zh-TW', width: 390 },
];

async function ok(env: E2e, tenant: TestTenant, method: string, path: string, body?: unknown): Promise<Record<string, any>> {
  const response = await env.engine.request(method, path, body, tenant.headers);
  expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).to.be.within(200, 299);
  return response.body;
}

interface Seeded {
  tenant: TestTenant;
  /** Per language: the invoice a won opportunity became, and the finance manager who works on it. */
  invoices: Record<Language, { _id: string; name: string }>;
  users: Record<Language, string>;
}

let seeded: Promise<Seeded> | undefined;
/**
 * A tenant of its own with the company, sales and finance packs from the repository's packs
 * folder; a finance manager per language; per language an opportunity with two lines won over the
 * API, which the pack's rule turns into an order and an invoice of 7,910.00 (7,000 and 13 % VAT).
 */
let unlinkPacks: (() => void) | undefined;
function seed(env: E2e): Promise<Seeded> {
  seeded ??= (async () => {
    unlinkPacks = linkRepoPacks(env, ['company', 'sales', 'finance']);
    const tenant = await e2eTenant(env, 'finance-e2e');
    for (const name of ['company', 'sales', 'finance']) await ok(env, tenant, 'POST', '/api/v1/packs/install', { name });
    const account = await ok(env, tenant, 'POST', '/api/v1/records/account', { name: '杭州云栖科技有限公司', billing_city: '杭州', billing_country: '中国' });
    const gateway = await ok(env, tenant, 'POST', '/api/v1/records/product', { name: 'Edge gateway', code: 'E2E-GW', unit_price: 1200, family: 'hardware' });
    const service = await ok(env, tenant, 'POST', '/api/v1/records/product', { name: 'Installation', code: 'E2E-INST', unit_price: 800, family: 'service' });
    const invoices = {} as Seeded['invoices'];
    const users = {} as Seeded['users'];
    for (const { language } of RUNS) {
      const email = `finance.${language.toLowerCase()}@finance-e2e.example`;
      const user = await ok(env, tenant, 'POST', '/api/v1/records/user', { full_name: TEXT[language].name, email, language, role: 'finance_manager', permission_sets: ['standard_user', 'finance_manager'] });
      await ok(env, tenant, 'POST', `/api/v1/auth/users/${user._id}/password`, { password: PASSWORD });
      users[language] = email;
      const deal = await ok(env, tenant, 'POST', '/api/v1/records/opportunity', { name: `Gateways ${language}`, account: account._id, stage: 'negotiation', close_date: TODAY });
      await ok(env, tenant, 'POST', '/api/v1/records/opportunity_line', { opportunity: deal._id, product: gateway._id, quantity: 5, unit_price: 1200, discount: 10 });
      await ok(env, tenant, 'POST', '/api/v1/records/opportunity_line', { opportunity: deal._id, product: service._id, quantity: 2, unit_price: 800 });
      await ok(env, tenant, 'PATCH', `/api/v1/records/opportunity/${deal._id}`, { stage: 'closed_won' });
      const found = await ok(env, tenant, 'GET', `/api/v1/records/invoice?filter=${encodeURIComponent(JSON.stringify({ opportunity: deal._id }))}`);
      expect(found.records, 'the won opportunity became an invoice').to.have.length(1);
      invoices[language] = found.records[0];
    }
    return { tenant, invoices, users };
  })();
  return seeded;
}

/** The lines of the printed document in the print dialog's frame, as a reader sees them. */
async function printedLines(page: Page): Promise<string[]> {
  const body = page.frameLocator('.print-dialog-frame').locator('body');
  await body.locator('h1').waitFor();
  return (await body.innerText()).split('\n').map((line) => line.trim()).filter(Boolean);
}

describe('browser: the finance pack, from a won opportunity\'s invoice to a part payment and the printed invoice', function () {
  this.timeout(240_000);
  let env: E2e;
  let data: Seeded;
  before(async function () {
    this.timeout(600_000);
    env = await e2e();
    data = await seed(env);
  });
  after(() => unlinkPacks?.());

  for (const { language, width } of RUNS) {
    const text = TEXT[language];
    it(`records a part payment by keyboard and prints the invoice with its amount in capital numerals (${language}, ${width} px), passing axe`, async () => {
      const invoice = data.invoices[language];
      const { context, page, problems } = await signedInPage(env, data.users[language], '/', { tenant: data.tenant.name, password: PASSWORD, width, height: 844 });
      try {
        // A finance manager's home is the finance dashboard.
        await page.getByRole('heading', { name: text.home }).first().waitFor();
        await page.locator('.dashboard-component .report-chart svg').first().waitFor();
        await page.waitForFunction(() => document.querySelectorAll('.dashboard-component .ant-spin-spinning').length === 0);
        await screenshot(page, `finance-home-${language}-${width}`);
        expect(await seriousViolations(page), 'axe on the finance home').to.deep.equal([]);

        await page.goto(`${env.engine.url}/o/invoice/${invoice._id}`);
        await page.getByRole('heading', { level: 2, name: invoice.name }).waitFor();
        await page.getByText('7,910.00').first().waitFor();

        // The payment, by keyboard: its invoice filled in from the related list, today's date by default.
        const newPayment = page.getByRole('button', { name: text.newPayment });
        await newPayment.focus();
        await page.keyboard.press('Enter');
        await page.waitForURL((url) => url.pathname === '/o/payment/new' && url.searchParams.get('invoice') === invoice._id);
        await page.locator('#root_amount').focus();
        await page.keyboard.type('3000');
        await page.getByRole('button', { name: text.create, exact: typeof text.create === 'string' }).focus();
        await page.keyboard.press('Enter');
        await page.waitForURL(/\/o\/payment\/[0-9a-f]{24}$/);
        const stored = await env.engine.request('GET', `/api/v1/records/invoice/${invoice._id}`, undefined, data.tenant.headers);
        expect(stored.body).to.include({ amount_paid: 3000, balance_due: 4910 });

        await page.goto(`${env.engine.url}/o/invoice/${invoice._id}`);
        await page.getByRole('heading', { level: 2, name: invoice.name }).waitFor();
        await page.getByText('4,910.00').first().waitFor();
        await screenshot(page, `finance-invoice-${language}-${width}`);
        expect(await seriousViolations(page), 'axe on the invoice').to.deep.equal([]);
        if (width <= 390) expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling on a phone').to.be.at.most(390);

        const print = page.getByRole('button', { name: text.print });
        await print.focus();
        await page.keyboard.press('Enter');
        await page.getByRole('dialog').waitFor();
        const lines = await printedLines(page);
        expect(lines.join('\n')).to.contain(invoice.name).and.to.contain('杭州云栖科技有限公司').and.to.contain('Edge gateway').and.to.contain('柒仟玖佰壹拾元整');
        await screenshot(page, `finance-invoice-print-${language}-${width}`);
        expect(await seriousViolations(page), 'axe with the printed invoice open').to.deep.equal([]);
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'hidden' });
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }
});
