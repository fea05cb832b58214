import { expect } from 'chai';
import { en } from '../../studio/src/shared/i18n/messages-en.js';
import { zhCN } from '../../studio/src/shared/i18n/messages-zh-cn.js';
import { loadTraditional, toTraditional } from '../../studio/src/shared/i18n/traditional.js';
import type { TestTenant } from '../support/tenant-helpers.js';
import { e2e, e2eTenant, linkRepoPacks, screenshot, seriousViolations, signedInPage, type E2e } from './support/e2e-environment.js';

type Language = 'en' | 'zh-CN' | 'zh-TW';
type Json = Record<string, any>;
const PACKS = ['company', 'sales', 'service', 'finance', 'procurement', 'management'];
const PASSWORD = 'an executive passphrase for the browser';
const RUNS: readonly { language: Language; width: number }[] = [
  { language: 'en', width: 1280 },
  { language: 'zh-CN', width: 390 },
  { language: 'zh-TW', width: 1280 },
];

/** The pack's texts in English and Simplified Chinese; zh-TW is zh-CN through OpenCC, as the studio derives it. */
const LABELS = {
  en: { home: 'Company overview', refresh: 'Refresh actual', booked: 'Booked this month', kpis: 'KPI attainment this month (%)' },
  'zh-CN': { home: '公司概览', refresh: '刷新实际值', booked: '本月签约额', kpis: '本月指标达成率（%）' },
} as const;
const label = (language: Language, key: keyof (typeof LABELS)['en']) => (language === 'en' ? LABELS.en[key] : language === 'zh-CN' ? LABELS['zh-CN'][key] : toTraditional(LABELS['zh-CN'][key]));
const studio = (language: Language) => (language === 'en' ? en : zhCN);
const say = (language: Language, text: string) => (language === 'zh-TW' ? toTraditional(text) : text);
/** A number field's value as the studio writes it: grouped thousands, up to its two decimals. */
const formatted = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 2 });

/**
 * The management pack in Chromium, in a tenant of its own with every pack it requires and their
 * demo data: an executive (chief operating officer, who also keeps the KPIs) lands on the company
 * overview, then refreshes this month's bookings target from its button, in each language.
 */
describe('browser: the management pack, the company overview and a KPI target refreshed', function () {
  this.timeout(300_000);
  let env: E2e;
  let tenant: TestTenant;
  let unlinkPacks: (() => void) | undefined;
  const executives: Partial<Record<Language, string>> = {};

  const admin = async (method: string, path: string, body?: unknown): Promise<Json> => {
    const response = await env.engine.request(method, path, body, tenant.headers);
    if (response.status < 200 || response.status > 299) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Json;
  };
  const bookingsTarget = async (): Promise<Json> => {
    const [kpi] = (await admin('GET', `/api/v1/records/kpi?filter=${encodeURIComponent(JSON.stringify({ name: 'Bookings 签约额' }))}`)).records as Json[];
    const month = new Date().toISOString().slice(0, 7);
    const [target] = (await admin('GET', `/api/v1/records/kpi_target?filter=${encodeURIComponent(JSON.stringify({ kpi: kpi!._id, period_type: 'month', period_start: `${month}-01` }))}`)).records as Json[];
    return target!;
  };

  before(async function () {
    this.timeout(600_000);
    await loadTraditional();
    env = await e2e();
    unlinkPacks = linkRepoPacks(env, PACKS);
    tenant = await e2eTenant(env, 'management-e2e');
    for (const name of PACKS) await admin('POST', '/api/v1/packs/install', { name, demoData: true });
    for (const { language } of RUNS) {
      const email = `coo-${language.toLowerCase()}@management-e2e.example`;
      const user = await admin('POST', '/api/v1/records/user', { full_name: `COO ${language}`, email, language, role: 'coo', permission_sets: ['standard_user', 'executive', 'kpi_manager'] });
      const set = await env.engine.request('POST', `/api/v1/auth/users/${user._id}/password`, { password: PASSWORD }, tenant.headers);
      expect(set.status).to.equal(204);
      executives[language] = email;
    }
  });
  after(() => unlinkPacks?.());

  for (const { language, width } of RUNS) {
    it(`shows the company overview and refreshes a KPI target from its button by keyboard (${language}, ${width} px), passing axe`, async () => {
      const { context, page, problems } = await signedInPage(env, executives[language]!, '/', { tenant: tenant.name, password: PASSWORD, width, height: 844 });
      try {
        // The chief operating officer's home is the management pack's overview.
        await page.getByRole('heading', { level: 2, name: label(language, 'home') }).waitFor();
        await page.getByText(label(language, 'booked')).first().waitFor();
        await page.getByText(label(language, 'kpis')).first().waitFor();
        await page.locator('.dashboard-component .report-chart svg').first().waitFor();
        await page.waitForFunction(() => document.querySelectorAll('.dashboard-component .ant-spin-spinning').length === 0);
        expect(await page.locator('.dashboard-component [role=alert]').count(), 'no component failed').to.equal(0);
        if (width <= 390) expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling on a phone').to.be.at.most(390);
        await screenshot(page, `management-home-${language}-${width}`);
        expect(await seriousViolations(page), 'axe on the company overview').to.deep.equal([]);

        // This month's bookings target, its actual put wrong over the API so that the refresh shows.
        const target = await bookingsTarget();
        await admin('PATCH', `/api/v1/records/kpi_target/${target._id}`, { actual: 1234.5 });
        await page.goto(`${env.engine.url}/o/kpi_target/${target._id}`);
        // The record's name is data: it reads the same in every language.
        await page.getByRole('heading', { level: 2, name: target.name as string }).waitFor();
        await page.locator('.ant-descriptions').getByText(formatted(1234.5), { exact: true }).first().waitFor();
        const refresh = page.getByRole('group', { name: say(language, studio(language).record.buttons) }).getByRole('button', { name: label(language, 'refresh') });
        await refresh.focus();
        await page.keyboard.press('Enter');
        await page.getByText(say(language, studio(language).record.buttonDone).replace('{{label}}', label(language, 'refresh'))).waitFor();
        const refreshed = await bookingsTarget();
        expect(refreshed.actual).to.not.equal(1234.5);
        await page.locator('.ant-descriptions').getByText(formatted(refreshed.actual as number), { exact: true }).first().waitFor();
        if (width <= 390) expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling on a phone').to.be.at.most(390);
        await screenshot(page, `management-kpi-target-${language}-${width}`);
        expect(await seriousViolations(page), 'axe on the refreshed target').to.deep.equal([]);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }

  it('shows the KPI scorecard with this period\'s targets (en), passing axe', async () => {
    const { context, page, problems } = await signedInPage(env, executives.en!, '/dashboards/management_kpis', { tenant: tenant.name, password: PASSWORD });
    try {
      await page.getByRole('heading', { level: 1, name: 'KPI scorecard' }).waitFor();
      await page.getByText("This period's KPIs").first().waitFor();
      await page.locator('.dashboard-component .report-chart svg').first().waitFor();
      await page.waitForFunction(() => document.querySelectorAll('.dashboard-component .ant-spin-spinning').length === 0);
      await screenshot(page, 'management-kpis-en');
      expect(await seriousViolations(page), 'axe on the scorecard').to.deep.equal([]);
      expect(problems).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });
});
