import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { en } from '../../studio/src/shared/i18n/messages-en.js';
import { zhCN } from '../../studio/src/shared/i18n/messages-zh-cn.js';
import { loadTraditional, toTraditional } from '../../studio/src/shared/i18n/traditional.js';
import type { TestTenant } from '../support/tenant-helpers.js';
import { e2e, e2eTenant, linkRepoPacks, screenshot, seriousViolations, signedInPage, type E2e } from './support/e2e-environment.js';

type Language = 'en' | 'zh-CN' | 'zh-TW';
type Json = Record<string, any>;
const LANGUAGES: readonly Language[] = ['en', 'zh-CN', 'zh-TW'];
const PACKS = ['company', 'sales', 'service', 'manufacturing'];
const PASSWORD = 'a sales rep passphrase for the factory';

/** The pack's labels as each language shows them: zh-TW is zh-CN through OpenCC, as the studio derives it. */
const LABELS = {
  addToQuote: { en: 'Add to quote', 'zh-CN': '添加到报价单' },
  configuredUnitPrice: { en: 'Configured unit price', 'zh-CN': '配置单价' },
  added: { en: 'Added to quote', 'zh-CN': '已加入报价单' },
  contract: { en: 'Maintenance contract', 'zh-CN': '维保合同' },
  coveredAssets: { en: 'Covered assets', 'zh-CN': '覆盖设备数' },
  premium: { en: 'Premium', 'zh-CN': '高级' },
} as const;
const label = (language: Language, text: { en: string; 'zh-CN': string }) => (language === 'en' ? text.en : language === 'zh-CN' ? text['zh-CN'] : toTraditional(text['zh-CN']));
const studio = (language: Language) => (language === 'en' ? en : zhCN).record;
const say = (language: Language, text: string) => (language === 'zh-TW' ? toTraditional(text) : text);
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));

/**
 * The manufacturing pack's main path in Chromium, in a tenant of its own with company, sales,
 * service and manufacturing installed: a sales rep on a phone (390 px) opens a configured product
 * (a line controller with sensors and a licence), adds it to its quote with the keyboard, and sees
 * the quote's total include it; then opens an installed asset and follows its link to the
 * maintenance contract that covers it. In English, Simplified and Traditional Chinese, passing axe.
 */
describe('browser: the manufacturing pack, a configured product added to a quote and an asset\'s contract', function () {
  this.timeout(240_000);
  let env: E2e;
  let tenant: TestTenant;
  let unlinkPacks: (() => void) | undefined;
  const reps: Partial<Record<Language, { id: string; email: string }>> = {};
  const products: Record<string, Json> = {};
  let asset: Json;
  let contract: Json;

  /** A call as the tenant's administrator that must succeed. */
  const admin = async (method: string, path: string, body?: unknown): Promise<Json> => {
    const response = await env.engine.request(method, path, body, tenant.headers);
    if (response.status < 200 || response.status > 299) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Json;
  };
  /** A record made by the administrator and given to the rep (quotes and configurations are private to their owner). */
  const forRep = async (language: Language, object: string, values: Json): Promise<Json> => {
    const made = await admin('POST', `/api/v1/records/${object}`, values);
    await admin('PUT', `/api/v1/records/${object}/${made._id}/owner`, { owner: reps[language]!.id });
    return made;
  };

  before(async function () {
    this.timeout(300_000);
    await loadTraditional();
    env = await e2e();
    unlinkPacks = linkRepoPacks(env, PACKS);
    tenant = await e2eTenant(env, 'manufacturing-e2e');
    for (const pack of PACKS) await admin('POST', '/api/v1/packs/install', { name: pack });
    for (const [key, name, code, price] of [['controller', 'Line controller 产线控制器', 'E2E-CTRL', 5000], ['sensor', 'Pressure sensor 压力传感器', 'E2E-SNS', 300], ['licence', 'Analytics licence 分析许可', 'E2E-LIC', 2000]] as const) {
      products[key] = await admin('POST', '/api/v1/records/product', { name, code, unit_price: price, family: 'hardware' });
    }
    for (const language of LANGUAGES) {
      const email = `rep-${language.toLowerCase()}@manufacturing-e2e.example`;
      const user = await admin('POST', '/api/v1/records/user', { full_name: `Rep ${language}`, email, language, role: 'sales_rep', permission_sets: ['standard_user', 'sales_user', 'manufacturing_user'] });
      const set = await env.engine.request('POST', `/api/v1/auth/users/${user._id}/password`, { password: PASSWORD }, tenant.headers);
      expect(set.status).to.equal(204);
      reps[language] = { id: user._id, email };
    }
    const account = await admin('POST', '/api/v1/records/account', { name: '苏州精工机械 Suzhou Precision', region: 'east' });
    contract = await admin('POST', '/api/v1/records/maintenance_contract', { account: account._id, level: 'premium', annual_fee: 32000 });
    asset = await admin('POST', '/api/v1/records/installed_asset', { serial_number: 'CTRL-E2E-0001', product: products.controller!._id, account: account._id, location: '三号产线 Line 3', contract: contract._id });
  });
  after(() => {
    unlinkPacks?.();
  });

  /** The width of the page's content: no sideways scroll on a phone. */
  const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

  for (const language of LANGUAGES) {
    it(`adds a configured product to its quote from the keyboard on a phone, and the quote's total includes it (${language}), passing axe`, async () => {
      const quote = await forRep(language, 'quote', { name: `Plant 3 controllers (${language})` });
      const name = `Controller with sensors (${language})`;
      const configuration = await forRep(language, 'product_configuration', { name, quote: quote._id, base_product: products.controller!._id, quantity: 2 });
      await admin('POST', '/api/v1/records/configuration_option', { configuration: configuration._id, product: products.sensor!._id, quantity: 4 });
      await admin('POST', '/api/v1/records/configuration_option', { configuration: configuration._id, product: products.licence!._id });

      const { context, page, problems } = await signedInPage(env, reps[language]!.email, `/o/product_configuration/${configuration._id}`, { tenant: tenant.name, password: PASSWORD, width: 390, height: 844 });
      try {
        await page.getByRole('heading', { level: 2, name }).waitFor();
        const main = page.locator('main');
        await main.getByText(label(language, LABELS.configuredUnitPrice), { exact: true }).first().waitFor();
        await main.getByText('8,200', { exact: false }).first().waitFor();
        const add = page.getByRole('group', { name: say(language, studio(language).buttons) }).getByRole('button', { name: label(language, LABELS.addToQuote) });
        await add.waitFor();
        expect(await scrollWidth(page), 'no sideways scroll at 390 px').to.be.at.most(390);
        await screenshot(page, `manufacturing-configuration-${language}`);
        expect(await seriousViolations(page), 'axe on the configuration').to.deep.equal([]);

        await add.focus();
        await page.keyboard.press('Enter');
        await page.getByText(fill(say(language, studio(language).buttonCreated_one), { label: label(language, LABELS.addToQuote), count: 1 })).waitFor();
        await add.waitFor({ state: 'detached' });
        await main.getByText(label(language, LABELS.added), { exact: true }).first().waitFor();
        const stored = await admin('GET', `/api/v1/records/product_configuration/${configuration._id}`);
        expect(stored).to.include({ status: 'added', configured_unit_price: 8200, total_price: 16400 });

        await page.goto(`${env.engine.url}/o/quote/${quote._id}`);
        await page.getByRole('heading', { level: 2, name: `Plant 3 controllers (${language})` }).waitFor();
        // 16,400 plus 13 % tax.
        await main.getByText('18,532', { exact: false }).first().waitFor();
        expect(await scrollWidth(page), 'no sideways scroll at 390 px').to.be.at.most(390);
        await screenshot(page, `manufacturing-quote-${language}`);
        expect(await seriousViolations(page), 'axe on the quote').to.deep.equal([]);
        const totals = await admin('GET', `/api/v1/records/quote/${quote._id}`);
        expect(totals).to.include({ subtotal: 16400, grand_total: 18532 });
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });

    it(`opens an installed asset and follows it to its maintenance contract with the keyboard (${language}), passing axe`, async () => {
      const { context, page, problems } = await signedInPage(env, reps[language]!.email, `/o/installed_asset/${asset._id}`, { tenant: tenant.name, password: PASSWORD, width: 390, height: 844 });
      try {
        await page.getByRole('heading', { level: 2, name: asset.name }).waitFor();
        const main = page.locator('main');
        await main.getByText(label(language, LABELS.contract), { exact: true }).first().waitFor();
        const link = main.getByRole('link', { name: contract.name, exact: true }).first();
        await link.waitFor();
        expect(await scrollWidth(page), 'no sideways scroll at 390 px').to.be.at.most(390);
        await screenshot(page, `manufacturing-asset-${language}`);
        expect(await seriousViolations(page), 'axe on the asset').to.deep.equal([]);

        await link.focus();
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 2, name: contract.name }).waitFor();
        await main.getByText(label(language, LABELS.coveredAssets), { exact: true }).first().waitFor();
        await main.getByText(label(language, LABELS.premium), { exact: true }).first().waitFor();
        expect(await scrollWidth(page), 'no sideways scroll at 390 px').to.be.at.most(390);
        await screenshot(page, `manufacturing-contract-${language}`);
        expect(await seriousViolations(page), 'axe on the contract').to.deep.equal([]);
        expect((await admin('GET', `/api/v1/records/maintenance_contract/${contract._id}`)).covered_assets).to.equal(1);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }
});
