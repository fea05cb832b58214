import { expect } from 'chai';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { en } from '../../studio/src/shared/i18n/messages-en.js';
import { zhCN } from '../../studio/src/shared/i18n/messages-zh-cn.js';
import { loadTraditional, toTraditional } from '../../studio/src/shared/i18n/traditional.js';
import type { TestTenant } from '../support/tenant-helpers.js';
import { e2e, e2eTenant, screenshot, seriousViolations, signedInPage, type E2e, linkRepoPacks } from './support/e2e-environment.js';

type Language = 'en' | 'zh-CN' | 'zh-TW';
const LANGUAGES: readonly Language[] = ['en', 'zh-CN', 'zh-TW'];
const PASSWORD = 'a service agent passphrase';

/** The pack's labels as each language shows them: zh-TW is zh-CN through OpenCC, as the studio derives it. */
const LABELS = {
  billing: { en: 'Billing', 'zh-CN': '账单' },
  urgent: { en: 'Urgent', 'zh-CN': '紧急' },
  prioritySupport: { en: 'Priority support', 'zh-CN': '优先支持' },
  onTrack: { en: 'On track', 'zh-CN': '正常' },
  waiting: { en: 'Waiting on customer', 'zh-CN': '等待客户' },
  paused: { en: 'Paused', 'zh-CN': '已暂停' },
  escalated: { en: 'Escalated', 'zh-CN': '已升级' },
  breached: { en: 'Breached', 'zh-CN': '已违约' },
  dashboard: { en: 'Service', 'zh-CN': '客户服务' },
  backlog: { en: 'Backlog by queue', 'zh-CN': '各队列积压' },
} as const;
const label = (language: Language, text: { en: string; 'zh-CN': string }) => (language === 'en' ? text.en : language === 'zh-CN' ? text['zh-CN'] : toTraditional(text['zh-CN']));
const studio = (language: Language) => (language === 'en' ? en : zhCN).record;
const sharing = (language: Language) => (language === 'en' ? en : zhCN).sharing;
const SECOND = 1000;
const shown = (language: Language, text: string) => (language === 'zh-TW' ? toTraditional(text) : text);

/** Picks an option of an antd select: opened, then the option clicked. */
async function pick(page: Page, select: ReturnType<Page['locator']>, option: string): Promise<void> {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/**
 * The service pack's main path in Chromium, in a tenant of its own with the company, sales and
 * service packs installed: an agent on a phone (390 px) opens an urgent case, which goes to the
 * priority queue with its SLA on track, then waits on the customer (the SLA paused); a case whose
 * (shortened) target runs out is escalated by the engine's own job loop and taken from the queue;
 * the service dashboard shows the backlog; in English, Simplified and Traditional Chinese, from the
 * keyboard, passing axe.
 */
describe('browser: the service pack', function () {
  this.timeout(240_000);
  let env: E2e;
  let tenant: TestTenant;
  const agents: Partial<Record<Language, string>> = {};
  const asAdmin = async (method: string, path: string, body?: unknown) => {
    const response = await env.engine.request(method, path, body, tenant.headers);
    if (response.status < 200 || response.status > 299) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };

  let unlinkPacks: (() => void) | undefined;
  after(() => unlinkPacks?.());
  before(async function () {
    this.timeout(300_000);
    env = await e2e();
    unlinkPacks = linkRepoPacks(env, ['company', 'sales', 'service']);
    tenant = await e2eTenant(env, 'service-e2e');
    for (const pack of ['company', 'sales', 'service']) await asAdmin('POST', '/api/v1/packs/install', { name: pack });
    const manager = await asAdmin('POST', '/api/v1/records/user', { full_name: 'Service manager', email: 'manager@service-e2e.example', role: 'service_manager', permission_sets: ['standard_user', 'service_manager'] });
    for (const language of LANGUAGES) {
      const email = `agent-${language.toLowerCase()}@service-e2e.example`;
      const agent = await asAdmin('POST', '/api/v1/records/user', {
        full_name: `Agent ${language}`, email, language, role: 'service_agent', permission_sets: ['standard_user', 'service_user'], manager: manager._id,
      });
      await asAdmin('POST', `/api/v1/auth/users/${agent._id}/password`, { password: PASSWORD });
      agents[language] = email;
    }
    // The admin shortens high-priority cases' targets to seconds: a breach the engine's own job loop reaches while the page is open.
    const target = await env.engine.request('GET', '/api/v1/meta/sla-targets/case_high', undefined, tenant.headers);
    const shortened = { ...target.body.definition, firstResponseHours: 8 / 3600, resolutionHours: 12 / 3600 };
    const saved = await env.engine.request('PUT', '/api/v1/meta/sla-targets/case_high', shortened, { ...tenant.headers, 'if-match': target.headers.get('etag')! });
    if (saved.status !== 200) throw new Error(`shortening the target: ${saved.status} ${JSON.stringify(saved.body)}`);
    await loadTraditional();
  });

  for (const language of LANGUAGES) {
    it(`opens an urgent case on a phone: routed to the priority queue, its SLA paused while waiting on the customer (${language}), from the keyboard, passing axe`, async () => {
      const subject = `Line down at the plant (${language})`;
      const { context, page, problems } = await signedInPage(env, agents[language]!, '/o/case/new', { tenant: tenant.name, password: PASSWORD, width: 390, height: 844 });
      try {
        await page.locator('#root_subject').fill(subject);
        await pick(page, page.locator('#root_category'), label(language, LABELS.billing));
        await pick(page, page.locator('#root_priority'), label(language, LABELS.urgent));
        await screenshot(page, `service-case-new-${language}`);
        expect(await seriousViolations(page), 'axe on the new case').to.deep.equal([]);
        // Created from the keyboard: the button focused and pressed with Enter.
        await page.getByRole('button', { name: shown(language, studio(language).create), exact: true }).focus();
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 2, name: subject }).waitFor();
        const details = page.locator('main');
        await details.getByText(label(language, LABELS.prioritySupport), { exact: true }).first().waitFor();
        await details.getByText(label(language, LABELS.onTrack), { exact: true }).first().waitFor();
        const [stored] = (await asAdmin('GET', `/api/v1/records/case?filter=${encodeURIComponent(JSON.stringify({ subject }))}`)).records as Record<string, any>[];
        expect(stored).to.include({ queue: 'priority', _owner: 'queue:priority_support', sla_status: 'on_track' });
        expect(Date.parse(stored!.resolution_due) - Date.parse(stored!.opened_at)).to.equal(4 * 3_600_000);
        await screenshot(page, `service-case-${language}`);
        expect(await seriousViolations(page), 'axe on the case').to.deep.equal([]);

        // The customer is asked: the case waits, and its SLA clock stops.
        await page.getByRole('button', { name: shown(language, studio(language).edit) }).click();
        await pick(page, page.locator('#root_status'), label(language, LABELS.waiting));
        await page.getByRole('button', { name: shown(language, studio(language).save), exact: true }).click();
        await page.getByRole('button', { name: shown(language, studio(language).edit) }).waitFor();
        await details.getByText(label(language, LABELS.paused), { exact: true }).first().waitFor();
        const paused = await asAdmin('GET', `/api/v1/records/case/${stored!._id}`);
        expect(paused.sla_status).to.equal('paused');
        expect(paused.sla_paused_at).to.be.a('string');
        await screenshot(page, `service-case-paused-${language}`);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });

    it(`shows a case that breached its SLA escalated to the manager, and the agent takes it from the queue with the keyboard (${language}), passing axe`, async () => {
      const subject = `Invoice export fails (${language})`;
      const opened = await asAdmin('POST', '/api/v1/records/case', { subject, category: 'technical', priority: 'high' });
      const { context, page, problems } = await signedInPage(env, agents[language]!, `/o/case/${opened._id}`, { tenant: tenant.name, password: PASSWORD, width: 390, height: 844 });
      try {
        await page.getByRole('heading', { level: 2, name: subject }).waitFor();
        // The engine's job loop fires the breach rules at the due times, seconds away; the page shows it once reloaded.
        const deadline = Date.now() + 60 * SECOND;
        while ((await asAdmin('GET', `/api/v1/records/case/${opened._id}`)).escalated !== true) {
          if (Date.now() > deadline) throw new Error('the case was not escalated within a minute');
          await new Promise((resolve) => setTimeout(resolve, SECOND));
        }
        await page.reload();
        const main = page.locator('main');
        await main.getByText(label(language, LABELS.escalated), { exact: true }).first().waitFor();
        await main.getByText(label(language, LABELS.breached), { exact: true }).first().waitFor();
        await main.getByText('Service manager', { exact: true }).first().waitFor();
        // Taken from the queue from the keyboard.
        await page.getByRole('button', { name: shown(language, sharing(language).take) }).focus();
        await page.keyboard.press('Enter');
        await page.getByText(shown(language, sharing(language).taken)).first().waitFor();
        const taken = await asAdmin('GET', `/api/v1/records/case/${opened._id}`);
        expect(taken).to.include({ status: 'escalated', sla_status: 'breached', escalated: true });
        expect(taken.first_responded_at, 'an escalation is no answer to the customer').to.equal(undefined);
        expect(taken._owner).to.not.match(/^queue:/);
        await screenshot(page, `service-case-escalated-${language}`);
        expect(await seriousViolations(page), 'axe on the escalated case').to.deep.equal([]);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });

    it(`shows the service dashboard with the backlog (${language}), passing axe`, async () => {
      const { context, page, problems } = await signedInPage(env, agents[language]!, '/dashboards/service_home', { tenant: tenant.name, password: PASSWORD, width: 390, height: 844 });
      try {
        await page.getByRole('heading', { name: label(language, LABELS.dashboard) }).first().waitFor();
        await page.getByText(label(language, LABELS.backlog)).first().waitFor();
        await page.locator('svg').first().waitFor();
        await screenshot(page, `service-dashboard-${language}`);
        expect(await seriousViolations(page), 'axe on the dashboard').to.deep.equal([]);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }
});
