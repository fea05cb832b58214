import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { setupMessages } from '../../studio/src/app/setup/setup-messages.js';
import { en } from '../../studio/src/shared/i18n/messages-en.js';
import { zhCN } from '../../studio/src/shared/i18n/messages-zh-cn.js';
import { createUser } from '../support/auth-helpers.js';
import { chooseOption } from './support/choose-option.js';
import { e2e, screenshot, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

type Language = 'en' | 'zh-CN';
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
const SETUP = { en: setupMessages.en.setup, 'zh-CN': setupMessages.zhCN.setup } as const;
const STUDIO = { en, 'zh-CN': zhCN } as const;
const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');

/** This spec's own object, permission sets, apps and users: other specs' navigation stays as it is. */
const TICKET = {
  name: 'lva_ticket',
  label: { en: 'Ticket', 'zh-CN': '服务请求' },
  pluralLabel: { en: 'Help tickets', 'zh-CN': '服务请求' },
  fields: [
    { name: 'name', type: 'text', required: true, label: { en: 'Subject', 'zh-CN': '主题' } },
    { name: 'priority', type: 'picklist', values: ['high', 'low'], label: { en: 'Priority', 'zh-CN': '优先级' } },
    { name: 'hours', type: 'number', label: { en: 'Hours', 'zh-CN': '工时' } },
    { name: 'channel', type: 'text', label: { en: 'Channel', 'zh-CN': '渠道' } },
  ],
};
const label = (field: string, language: Language) => TICKET.fields.find((candidate) => candidate.name === field)!.label[language];
const TAG = { en: 'en', 'zh-CN': 'zh' } as const;
const APP_LABEL = { en: 'Help desk', 'zh-CN': '服务台' } as const;
/** Each run's view has labels of its own: both views are shared, and each agent sees both in the picker. */
const VIEW_LABEL = { en: { en: 'Urgent long tickets', zh: '紧急且耗时的请求' }, 'zh-CN': { en: 'Long high-priority tickets', zh: '高优先级长工单' } } as const;
const agent = (language: Language) => `lva.agent.${TAG[language]}@example.com`;

let seeded: Promise<void> | undefined;
function seed(env: E2e): Promise<void> {
  seeded ??= (async () => {
    await succeed(env, 'POST', '/api/v1/meta/objects', TICKET);
    for (const language of LANGUAGES) {
      const set = `lva_agent_${TAG[language]}`;
      await succeed(env, 'POST', '/api/v1/meta/permission-sets', { name: set, objects: { lva_ticket: { read: true } } });
      // Each language's run edits its own app, seen only by its own agent.
      await succeed(env, 'POST', '/api/v1/meta/apps', { name: `lva_desk_${TAG[language]}`, label: { en: APP_LABEL.en, 'zh-CN': APP_LABEL['zh-CN'] }, icon: 'CustomerServiceOutlined', tabs: [{ page: '/' }], permissionSets: [set] });
      await createUser(env.engine, { full_name: `Agent ${language}`, email: agent(language), language, permission_sets: ['standard_user', set] }, env.users.password);
    }
    const tickets = [
      ['Printer jam', 'high', 3, 'phone'],
      ['VPN down', 'high', 1, 'mail'],
      ['New laptop', 'low', 5, 'portal'],
      ['Password reset', 'high', 8, 'portal'],
    ] as const;
    for (const [name, priority, hours, channel] of tickets) await succeed(env, 'POST', '/api/v1/records/lva_ticket', { name, priority, hours, channel });
  })();
  return seeded;
}

/** The column headers of the end user's list, left to right, without the selection column. */
const headers = (page: Page) => page.locator('thead th').allInnerTexts().then((texts) => texts.map((text) => text.trim()).filter(Boolean));

describe('browser: setup of list views and apps', function () {
  this.timeout(150_000);
  before(async function () {
    this.timeout(300_000);
    await seed(await e2e());
  });

  for (const language of LANGUAGES) {
    const text = SETUP[language];
    const filter = STUDIO[language].filter;
    const tag = TAG[language];
    const viewName = `lva_${tag}_urgent`;
    const labels = VIEW_LABEL[language];
    const viewLabel = language === 'en' ? labels.en : labels.zh;

    it(`creates a shared list view with three ordered columns and two conditions, and an agent picks it above the list (${language}), passing axe`, async () => {
      const env = await e2e();
      const { context, page, problems } = await signedInPage(env, env.users[language], '/setup/list-views');
      try {
        await page.getByRole('heading', { level: 2, name: text.listViews.title }).waitFor();
        await chooseOption(page, page.locator('#list-views-object'), TICKET.pluralLabel[language]);
        await page.waitForURL((url) => url.searchParams.get('object') === 'lva_ticket');
        await page.getByRole('button', { name: text.listViews.new }).click();
        await page.locator('#labelEn').fill(labels.en);
        await page.locator('#labelZh').fill(labels.zh);
        await page.locator('#name').fill(viewName);

        // Columns: the object's first three to start; Hours out, Channel in and moved first by the
        // buttons, then Subject moved down by the keyboard on its handle (space, arrow, space).
        const columns = page.getByRole('list', { name: text.listViews.columns });
        expect(await columns.getByRole('listitem').allInnerTexts()).to.deep.equal(['name', 'priority', 'hours'].map((field) => label(field, language)));
        await page.getByRole('button', { name: fill(text.orderedList.remove, { name: label('hours', language) }) }).click();
        await chooseOption(page, page.getByRole('combobox', { name: text.listViews.addColumn }), label('channel', language));
        for (let step = 0; step < 2; step++) await page.getByRole('button', { name: fill(text.orderedList.moveUp, { name: label('channel', language) }) }).click();
        const handle = page.getByRole('button', { name: fill(text.orderedList.drag, { name: label('name', language) }) });
        await handle.focus();
        await page.keyboard.press('Space');
        // dnd-kit listens for the arrows only once the drag has started (a tick after the key).
        await page.locator('.ordered-item-dragging').waitFor();
        await page.waitForTimeout(150);
        await page.keyboard.press('ArrowDown');
        await page.waitForTimeout(300);
        await page.keyboard.press('Space');
        await page.waitForFunction(
          (expected) => [...document.querySelectorAll('.ordered-list .ordered-item-name')].map((item) => item.textContent).join('|') === expected,
          ['channel', 'priority', 'name'].map((field) => label(field, language)).join('|'),
        );

        // Two conditions built with the list's filter builder: high priority, more than two hours.
        await page.getByRole('button', { name: filter.add }).click();
        await chooseOption(page, page.getByRole('combobox', { name: fill(filter.field, { position: '1' }) }), label('priority', language));
        await page.getByRole('combobox', { name: fill(filter.value, { position: '1' }) }).click();
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'high' }).click();
        await page.getByRole('button', { name: filter.add }).click();
        await chooseOption(page, page.getByRole('combobox', { name: fill(filter.field, { position: '2' }) }), label('hours', language));
        await page.getByRole('combobox', { name: fill(filter.operator, { position: '2' }) }).click();
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: new RegExp(`^${filter.op.gt}$`) }).click();
        await page.getByRole('spinbutton', { name: fill(filter.value, { position: '2' }) }).fill('2');
        await chooseOption(page, page.locator('#sortField'), label('hours', language));
        await page.getByRole('radio', { name: text.listViews.descending }).check();
        await screenshot(page, `setup-list-view-${language}`);
        expect(await seriousViolations(page), 'axe on the view editor').to.deep.equal([]);
        await page.getByRole('button', { name: text.listViews.create }).click();
        await page.waitForURL((url) => url.pathname === `/setup/list-views/${viewName}`);

        const saved = (await env.engine.request('GET', `/api/v1/meta/list-views/${viewName}`)).body.definition;
        expect(saved).to.deep.include({ object: 'lva_ticket', columns: ['channel', 'priority', 'name'], filter: { and: [{ priority: { eq: 'high' } }, { hours: { gt: 2 } }] }, sort: ['-hours'] });
        expect(saved).to.not.have.property('permissionSets');
        await page.getByRole('button', { name: text.listViews.cancel }).click();
        await page.getByRole('link', { name: viewLabel }).waitFor();
        await screenshot(page, `setup-list-views-${language}`);
        expect(await seriousViolations(page), 'axe on the list of views').to.deep.equal([]);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }

      // The agent, who may only read tickets, picks the shared view above the list.
      const seen = await signedInPage(env, agent(language), '/o/lva_ticket');
      try {
        const { page } = seen;
        await page.waitForFunction(() => document.querySelectorAll('tbody tr.ant-table-row').length === 4);
        await page.getByRole('combobox', { name: STUDIO[language].views.label }).click();
        await page.locator('.ant-select-item-option', { hasText: viewLabel }).click();
        await page.waitForURL((url) => url.searchParams.get('view') === viewName);
        await page.waitForFunction(() => document.querySelectorAll('tbody tr.ant-table-row').length === 2);
        // High priority, more than two hours, the longest first.
        const rows = await page.locator('tbody tr.ant-table-row').allInnerTexts();
        expect(rows.map((row) => ['Password reset', 'Printer jam'].find((ticket) => row.includes(ticket)))).to.deep.equal(['Password reset', 'Printer jam']);
        expect(await headers(page)).to.deep.equal(['channel', 'priority', 'name'].map((field) => label(field, language)));
        await screenshot(page, `setup-list-view-seen-${language}`);
        expect(await seriousViolations(page), 'axe on the list with the view').to.deep.equal([]);
      } finally {
        await seen.context.close();
      }
    });

    it(`adds an object's tab to an app, which its users then see in the navigation; a taken API name is refused on its control (${language}), passing axe`, async () => {
      const env = await e2e();
      const app = `lva_desk_${tag}`;
      const { context, page, problems } = await signedInPage(env, env.users[language], `/setup/apps/${app}`);
      try {
        await page.getByRole('heading', { level: 2, name: text.apps.title }).waitFor();
        const tabs = page.getByRole('list', { name: text.apps.tabs });
        await tabs.getByText(text.apps.homePage).waitFor();
        await chooseOption(page, page.getByRole('combobox', { name: text.apps.addTab }), TICKET.pluralLabel[language]);
        await page.getByRole('button', { name: fill(text.orderedList.moveUp, { name: TICKET.pluralLabel[language] }) }).click();
        expect(await tabs.locator('.ordered-item-name').allTextContents()).to.deep.equal([TICKET.pluralLabel[language], `${text.apps.homePage}${text.apps.pageTab}`]);
        await screenshot(page, `setup-app-${language}`);
        expect(await seriousViolations(page), 'axe on the app editor').to.deep.equal([]);
        await page.getByRole('button', { name: text.apps.save }).click();
        await page.getByText(text.apps.saved).waitFor();
        expect((await env.engine.request('GET', `/api/v1/meta/apps/${app}`)).body.definition.tabs).to.deep.equal([{ object: 'lva_ticket' }, { page: '/' }]);
        await page.getByRole('button', { name: text.apps.cancel }).click();
        await page.getByRole('cell', { name: TICKET.pluralLabel[language] }).first().waitFor();
        await screenshot(page, `setup-apps-${language}`);
        expect(await seriousViolations(page), 'axe on the list of apps').to.deep.equal([]);

        // A new app under a name already taken: the server's refusal lands on the API name.
        await page.getByRole('button', { name: text.apps.new }).click();
        await page.locator('#labelEn').fill('Help desk');
        await page.locator('#name').fill(app);
        await page.getByRole('button', { name: text.apps.create }).click();
        await page.locator('.ant-form-item-has-error #name').waitFor();
        expect(problems.filter((problem) => !problem.includes('409'))).to.deep.equal([]);
      } finally {
        await context.close();
      }

      const seen = await signedInPage(env, agent(language), '/');
      try {
        const menu = seen.page.getByRole('navigation', { name: APP_LABEL[language] });
        await menu.getByRole('link', { name: TICKET.pluralLabel[language] }).click();
        await seen.page.getByRole('heading', { level: 2, name: TICKET.pluralLabel[language] }).waitFor();
        await screenshot(seen.page, `setup-app-seen-${language}`);
      } finally {
        await seen.context.close();
      }
    });
  }

  it('fits the view and app editors on a phone at 390 px, without scrolling sideways', async () => {
    const env = await e2e();
    const { context, page } = await signedInPage(env, env.users.en, '/setup/list-views/new?object=lva_ticket', { width: 390, height: 844 });
    try {
      await page.getByRole('list', { name: SETUP.en.listViews.columns }).waitFor();
      await page.getByRole('button', { name: STUDIO.en.filter.add }).click();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
      await screenshot(page, 'setup-list-view-en-390');
      expect(await seriousViolations(page), 'axe on the view editor at 390 px').to.deep.equal([]);
      await page.goto(`${env.engine.url}/setup/list-views?object=lva_ticket`);
      await page.getByRole('heading', { level: 2, name: SETUP.en.listViews.title }).waitFor();
      await page.locator('tbody tr.ant-table-row, .ant-table-placeholder').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
      await screenshot(page, 'setup-list-views-en-390');
      expect(await seriousViolations(page), 'axe on the list of views at 390 px').to.deep.equal([]);
      await page.goto(`${env.engine.url}/setup/apps/lva_desk_en`);
      await page.getByRole('list', { name: SETUP.en.apps.tabs }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
      await screenshot(page, 'setup-app-en-390');
      expect(await seriousViolations(page), 'axe on the app editor at 390 px').to.deep.equal([]);
    } finally {
      await context.close();
    }
  });
});
