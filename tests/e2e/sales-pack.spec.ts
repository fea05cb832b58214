import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { en } from '../../studio/src/shared/i18n/messages-en.js';
import { zhCN } from '../../studio/src/shared/i18n/messages-zh-cn.js';
import { loadTraditional, toTraditional } from '../../studio/src/shared/i18n/traditional.js';
import type { TestTenant } from '../support/tenant-helpers.js';
import { e2e, e2eTenant, screenshot, seriousViolations, signedInPage, type E2e, linkRepoPacks } from './support/e2e-environment.js';

type Language = 'en' | 'zh-CN' | 'zh-TW';
type Json = Record<string, any>;
const LANGUAGES: readonly Language[] = ['en', 'zh-CN', 'zh-TW'];
const PACKS = ['company', 'sales'];
const PASSWORD = 'a sales rep passphrase for the browser';

/** The pack's labels in each language: zh-TW is zh-CN through OpenCC, as the studio derives it. */
const LABELS = {
  en: { convert: 'Convert', stage: 'Stage', won: 'Closed won', proposal: 'Proposal', negotiation: 'Negotiation', probability: 'Probability' },
  'zh-CN': { convert: '转化', stage: '阶段', won: '赢单', proposal: '方案报价', negotiation: '商务谈判', probability: '赢单概率' },
} as const;
const label = (language: Language, key: keyof (typeof LABELS)['en']) => (language === 'en' ? LABELS.en[key] : language === 'zh-CN' ? LABELS['zh-CN'][key] : toTraditional(LABELS['zh-CN'][key]));
const studio = (language: Language) => (language === 'en' ? en : zhCN);
const say = (language: Language, text: string) => (language === 'zh-TW' ? toTraditional(text) : text);
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));

describe('browser: the sales pack, a lead converted and its opportunity won, in a tenant of its own', function () {
  this.timeout(240_000);
  let env: E2e;
  let tenant: TestTenant;
  let unlinkPacks: (() => void) | undefined;
  const reps: Partial<Record<Language, { id: string; email: string }>> = {};
  let product: Json;
  let campaign: Json;

  /** A call as the tenant's administrator that must succeed. */
  const admin = async (method: string, path: string, body?: unknown): Promise<Json> => {
    const response = await env.engine.request(method, path, body, tenant.headers);
    if (response.status < 200 || response.status > 299) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Json;
  };

  before(async function () {
    this.timeout(300_000);
    await loadTraditional();
    env = await e2e();
    unlinkPacks = linkRepoPacks(env, PACKS);
    tenant = await e2eTenant(env, 'sales-e2e');
    for (const pack of PACKS) await admin('POST', '/api/v1/packs/install', { name: pack });
    product = await admin('POST', '/api/v1/records/product', { name: 'Edge gateway 边缘网关', code: 'GW-100', unit_price: 4800, family: 'hardware' });
    campaign = await admin('POST', '/api/v1/records/campaign', { name: 'IoT Summit 工业互联网峰会', status: 'active' });
    const month = thisMonth();
    for (const language of LANGUAGES) {
      const email = `rep-${language.toLowerCase()}@sales-e2e.example`;
      const user = await admin('POST', '/api/v1/records/user', { full_name: `Rep ${language}`, email, language, role: 'sales_rep', permission_sets: ['standard_user', 'sales_user'] });
      const set = await env.engine.request('POST', `/api/v1/auth/users/${user._id}/password`, { password: PASSWORD }, tenant.headers);
      expect(set.status).to.equal(204);
      await admin('POST', '/api/v1/records/quota', { rep: user._id, period_start: month.start, period_end: month.end, amount: 100_000 });
      reps[language] = { id: user._id, email };
    }
  });
  after(() => {
    unlinkPacks?.();
  });

  /** A lead of the rep's, of the campaign, qualified: assigned by the pack's rules, then given to the rep. */
  async function leadOf(language: Language): Promise<Json> {
    const lead = await admin('POST', '/api/v1/records/lead', { first_name: 'Lan', last_name: `Zhou ${language}`, company: `Zhou Robotics ${language}`, region: 'east', source: 'trade_show', campaign: campaign._id, status: 'qualified' });
    await admin('PUT', `/api/v1/records/lead/${lead._id}/owner`, { owner: reps[language]!.id });
    return lead;
  }

  /** Edits the stage of the record page's opportunity and saves it. */
  async function moveTo(page: Page, language: Language, stage: 'proposal' | 'negotiation' | 'won'): Promise<void> {
    await page.getByRole('button', { name: say(language, studio(language).record.edit) }).click();
    await page.locator('#root_stage').click();
    await page.locator('.ant-select-item-option').filter({ hasText: label(language, stage) }).click();
    await page.getByRole('button', { name: say(language, studio(language).record.save), exact: true }).click();
    await page.getByRole('button', { name: say(language, studio(language).record.edit) }).waitFor();
    await page.locator('.ant-descriptions').getByText(label(language, stage), { exact: true }).waitFor();
  }

  for (const language of LANGUAGES) {
    const narrow = language === 'zh-CN';
    it(`converts a lead with the Convert button from the keyboard and wins the opportunity through its stages (${language}${narrow ? ', 390 px' : ''}), passing axe`, async () => {
      const lead = await leadOf(language);
      const size = narrow ? { width: 390, height: 844 } : {};
      const { context, page, problems } = await signedInPage(env, reps[language]!.email, `/o/lead/${lead._id}`, { tenant: tenant.name, password: PASSWORD, ...size });
      try {
        const convert = page.getByRole('group', { name: say(language, studio(language).record.buttons) }).getByRole('button', { name: label(language, 'convert') });
        await convert.waitFor();
        if (narrow) expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scroll at 390 px').to.be.at.most(390);
        await screenshot(page, `sales-lead-${language}${narrow ? '-390' : ''}`);
        expect(await seriousViolations(page), 'axe on the lead').to.deep.equal([]);
        await convert.focus();
        await page.keyboard.press('Enter');
        await page.getByText(fill(say(language, studio(language).record.buttonCreated_other), { label: label(language, 'convert'), count: 3 })).waitFor();
        await convert.waitFor({ state: 'detached' });

        const converted = await admin('GET', `/api/v1/records/lead/${lead._id}`);
        expect(converted.status).to.equal('converted');
        const opportunity = await admin('GET', `/api/v1/records/opportunity/${converted.converted_opportunity as string}`);
        expect(opportunity).to.include({ campaign: campaign._id, lead: lead._id, _owner: reps[language]!.id, stage: 'qualification' });
        await admin('POST', '/api/v1/records/opportunity_line', { opportunity: opportunity._id, product: product._id, quantity: 3 });
        await admin('PATCH', `/api/v1/records/opportunity/${opportunity._id}`, { close_date: thisMonth().end });

        await page.goto(`${env.engine.url}/o/opportunity/${opportunity._id}`);
        await page.locator('.ant-descriptions').getByText(say(language, `Zhou Robotics ${language}`), { exact: false }).first().waitFor();
        await moveTo(page, language, 'proposal');
        await moveTo(page, language, 'negotiation');
        await moveTo(page, language, 'won');
        await page.locator('.ant-descriptions').getByText('100').first().waitFor();
        if (narrow) expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scroll at 390 px').to.be.at.most(390);
        await screenshot(page, `sales-opportunity-won-${language}${narrow ? '-390' : ''}`);
        expect(await seriousViolations(page), 'axe on the won opportunity').to.deep.equal([]);

        const won = await admin('GET', `/api/v1/records/opportunity/${opportunity._id}`);
        expect(won).to.include({ stage: 'closed_won', probability: 100, forecast_category: 'closed', amount: 14_400, won_amount: 14_400 });
        const forecast = await admin('POST', '/api/v1/reports/forecast_against_quota/run', {});
        const row = (forecast.groups as Json[]).find((group) => group.key === thisMonth().start.slice(0, 7))!.groups.find((group: Json) => group.key === reps[language]!.id);
        expect(row.values, 'the forecast against quota counts the won deal').to.include({ 'sum:amount': 100_000, 'sum:opportunity.quota.won_amount': 14_400 });
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }

  it('shows the sales dashboard of the Sales app with the won deals (en), passing axe', async () => {
    const { context, page, problems } = await signedInPage(env, reps.en!.email, '/dashboards/sales_overview', { tenant: tenant.name, password: PASSWORD });
    try {
      await page.getByRole('heading', { level: 1, name: 'Sales overview' }).waitFor();
      await page.getByText('Forecast against quota').first().waitFor();
      await page.locator('.dashboard-component .report-chart svg').first().waitFor();
      await screenshot(page, 'sales-dashboard-en');
      expect(await seriousViolations(page), 'axe on the dashboard').to.deep.equal([]);
      expect(problems).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });
});

function thisMonth(): { start: string; end: string } {
  const now = new Date();
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString().slice(0, 10);
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
  return { start, end };
}
