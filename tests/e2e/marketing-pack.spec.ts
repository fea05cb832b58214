import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { en } from '../../studio/src/shared/i18n/messages-en.js';
import { zhCN } from '../../studio/src/shared/i18n/messages-zh-cn.js';
import { loadTraditional, toTraditional } from '../../studio/src/shared/i18n/traditional.js';
import type { TestTenant } from '../support/tenant-helpers.js';
import { e2e, e2eTenant, screenshot as capture, seriousViolations, signedInPage, type E2e, linkRepoPacks } from './support/e2e-environment.js';

type Language = 'en' | 'zh-CN' | 'zh-TW';
type Json = Record<string, any>;
const LANGUAGES: readonly Language[] = ['en', 'zh-CN', 'zh-TW'];
const tagOf = (language: Language) => ({ en: 'en', 'zh-CN': 'cn', 'zh-TW': 'tw' })[language];
const shown = (language: Language, text: string) => (language === 'zh-TW' ? toTraditional(text) : text);
const app = (language: Language) => (language === 'en' ? en : zhCN);
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
/** The pack's label of the results' and segments' button, as each language shows it (zh-TW derived from zh-CN). */
const refresh = (language: Language) => (language === 'en' ? 'Refresh now' : shown(language, '立即刷新'));
const PACKS = ['company', 'sales', 'marketing'];
const PASSWORD = 'marketing browser password 1';

/** The tenant with the packs installed, and a marketing manager per language. */
interface MarketingTenant {
  readonly tenant: TestTenant;
  readonly users: Readonly<Record<Language, string>>;
}

let prepared: Promise<MarketingTenant> | undefined;
/**
 * A tenant of its own with the company, sales and marketing packs, installed from the repository's
 * folders (linked into the engine's packs folder for the install, as a release folder is linked).
 */
let unlinkPacks: (() => void) | undefined;
function marketingTenant(env: E2e): Promise<MarketingTenant> {
  prepared ??= (async () => {
    const tenant = await e2eTenant(env, 'marketing-e2e');
    unlinkPacks = linkRepoPacks(env, PACKS);
    for (const name of PACKS) await as(env, tenant, 'POST', '/api/v1/packs/install', { name });
    const users = {} as Record<Language, string>;
    const names = { en: 'Emma Clarke', 'zh-CN': '周晓岚', 'zh-TW': '林嘉怡' } as const;
    for (const language of LANGUAGES) {
      const email = `marketing.${tagOf(language)}@marketing-e2e.example`;
      const user = await as(env, tenant, 'POST', '/api/v1/records/user', {
        full_name: names[language], email, language, role: 'marketing_manager', permission_sets: ['standard_user', 'marketing_user', 'marketing_manager'],
      });
      await as(env, tenant, 'POST', `/api/v1/auth/users/${user._id}/password`, { password: PASSWORD });
      users[language] = email;
    }
    return { tenant, users };
  })();
  return prepared;
}

/** An administrator's call in the tenant that must succeed: its answer. */
async function as(env: E2e, tenant: TestTenant, method: string, path: string, body?: unknown): Promise<Json> {
  const response = await env.engine.request(method, path, body, tenant.headers);
  if (response.status < 200 || response.status > 299) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Json;
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await capture(page, name);
}

/** Presses the record's button from the keyboard and waits for the page to say it is done. */
async function pressRefresh(page: Page, language: Language): Promise<void> {
  const button = page.getByRole('group', { name: shown(language, app(language).record.buttons) }).getByRole('button', { name: refresh(language) });
  await button.focus();
  await page.keyboard.press('Enter');
  await page.getByText(fill(shown(language, app(language).record.buttonDone), { label: refresh(language) })).first().waitFor();
}

describe('browser: the marketing pack (segments refreshed, a campaign\'s ROI from its won deal, the dashboard)', function () {
  this.timeout(300_000);
  before(async function () {
    this.timeout(300_000);
    await loadTraditional();
    await marketingTenant(await e2e());
  });
  after(async () => {
    const env = await e2e();
    // The packs stay installed in the tenant; the packs folder goes back to what the other specs expect.
    unlinkPacks?.();
  });

  for (const language of LANGUAGES) {
    const tag = tagOf(language);

    it(`refreshes a segment with its button from the keyboard: a lead that started matching joins (${language}), passing axe`, async () => {
      const env = await e2e();
      const { tenant, users } = await marketingTenant(env);
      const company = `Huadong Robotics ${tag}`;
      const segment = await as(env, tenant, 'POST', '/api/v1/records/segment', { name: `Robotics leads ${tag}`, target: 'lead', criteria: { company } });
      expect(segment.member_count).to.equal(0);
      await as(env, tenant, 'POST', '/api/v1/records/lead', { first_name: 'Wei', last_name: `Zhang ${tag}`, company, rating: 'hot' });
      const { context, page, problems } = await signedInPage(env, users[language], `/o/segment/${segment._id}`, { tenant: tenant.name, password: PASSWORD });
      try {
        await pressRefresh(page, language);
        const refreshed = await as(env, tenant, 'GET', `/api/v1/records/segment/${segment._id}`);
        expect(refreshed.member_count).to.equal(1);
        await page.getByText(`Wei Zhang ${tag}`).first().waitFor();
        await screenshot(page, `marketing-segment-refreshed-${language}`);
        expect(await seriousViolations(page), 'axe on the segment page').to.deep.equal([]);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });

    it(`counts a campaign's won deal into its results and ROI on "Refresh now" (${language}), passing axe`, async () => {
      const env = await e2e();
      const { tenant, users } = await marketingTenant(env);
      const campaign = await as(env, tenant, 'POST', '/api/v1/records/campaign', { name: `Spring webinar ${tag}`, type: 'webinar', status: 'active', budget: 10000 });
      const lead = await as(env, tenant, 'POST', '/api/v1/records/lead', { last_name: `Li ${tag}`, company: `Xi'an Pumps ${tag}`, campaign: campaign._id, status: 'working' });
      const member = await as(env, tenant, 'POST', '/api/v1/records/campaign_member', { campaign: campaign._id, lead: lead._id, status: 'sent' });
      await as(env, tenant, 'PATCH', `/api/v1/records/campaign_member/${member._id}`, { status: 'responded' });
      await as(env, tenant, 'POST', `/api/v1/records/lead/${lead._id}/buttons/lead_convert`, {});
      const opportunity = (await as(env, tenant, 'GET', `/api/v1/records/lead/${lead._id}`)).converted_opportunity as string;
      const product = await as(env, tenant, 'POST', '/api/v1/records/product', { name: `Pump ${tag}`, code: `PUMP-${tag}`, unit_price: 30000 });
      await as(env, tenant, 'POST', '/api/v1/records/opportunity_line', { opportunity, product: product._id, quantity: 1 });
      await as(env, tenant, 'PATCH', `/api/v1/records/opportunity/${opportunity}`, { stage: 'closed_won' });
      const [result] = (await as(env, tenant, 'GET', `/api/v1/records/campaign_result?filter=${encodeURIComponent(JSON.stringify({ campaign: campaign._id }))}`)).records as Json[];
      expect(result!.won_revenue, 'not counted before the refresh').to.equal(0);

      const { context, page, problems } = await signedInPage(env, users[language], `/o/campaign_result/${result!._id}`, { tenant: tenant.name, password: PASSWORD });
      try {
        await pressRefresh(page, language);
        const counted = await as(env, tenant, 'GET', `/api/v1/records/campaign_result/${result!._id}`);
        expect(counted).to.include({ responses: 1, converted_leads: 1, won_opportunities: 1, won_revenue: 30000, roi: 200 });
        await page.getByText(/200(\.0)?\s?%/).first().waitFor();
        await screenshot(page, `marketing-campaign-result-${language}`);
        expect(await seriousViolations(page), 'axe on the results page').to.deep.equal([]);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }

  for (const language of LANGUAGES) {
    it(`shows the marketing dashboard as the marketing manager's home at 390 px without sideways scroll (${language}), passing axe`, async () => {
      const env = await e2e();
      const { tenant, users } = await marketingTenant(env);
      const { context, page, problems } = await signedInPage(env, users[language], '/dashboards/marketing_home', { tenant: tenant.name, password: PASSWORD, width: 390, height: 844 });
      try {
        await page.getByRole('heading', { name: shown(language, language === 'en' ? 'Marketing' : '市场营销') }).first().waitFor();
        await page.getByText(shown(language, language === 'en' ? 'Won revenue by campaign' : '各市场活动的赢单收入')).first().waitFor();
        // the four charts drawn (echarts loads once, lazily)
        await page.waitForFunction(() => document.querySelectorAll('.dashboard-component .report-chart svg').length === 4);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scroll at 390 px').to.be.at.most(390);
        await screenshot(page, `marketing-dashboard-${language}-390`);
        expect(await seriousViolations(page), 'axe on the dashboard').to.deep.equal([]);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }
});
