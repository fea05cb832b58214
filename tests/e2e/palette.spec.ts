import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { createUser } from '../support/auth-helpers.js';
import { e2e, screenshot, seriousViolations, signedInPage, type E2e } from './support/e2e-environment.js';

/**
 * The command palette beyond records (views, apps, pages), a kanban view picked from it, a related
 * list's "View all" to a filtered list, and the CSV export naming lookups' parents. Its own objects,
 * views, apps and users: the shared seed stays as it is.
 */
const CLIENT = {
  name: 'pl_client',
  label: { en: 'Client', 'zh-CN': '委托方' },
  pluralLabel: { en: 'Clients', 'zh-CN': '委托方' },
  sharing: 'publicRead',
  fields: [{ name: 'name', type: 'text', required: true, label: { en: 'Client name', 'zh-CN': '委托方名称' } }],
};
const TICKET = {
  name: 'pl_ticket',
  label: { en: 'Ticket', 'zh-CN': '工单' },
  pluralLabel: { en: 'Tickets', 'zh-CN': '工单' },
  sharing: 'publicReadWrite',
  fields: [
    { name: 'name', type: 'text', required: true, label: { en: 'Subject', 'zh-CN': '主题' } },
    {
      name: 'state',
      type: 'picklist',
      values: [
        { value: 'new', label: { en: 'New', 'zh-CN': '新建' } },
        { value: 'working', label: { en: 'Working', 'zh-CN': '处理中' } },
        { value: 'solved', label: { en: 'Solved', 'zh-CN': '已解决' } },
      ],
      label: { en: 'State', 'zh-CN': '状态' },
    },
    { name: 'client', type: 'lookup', target: 'pl_client', label: { en: 'Client', 'zh-CN': '委托方' } },
  ],
};
const TICKETS_PER_CLIENT = 12;
const STATES = ['new', 'working', 'solved'];

const TEXT = {
  en: {
    client: 'Harbour Freight Ltd', clientColumn: 'Client', search: 'Search', views: 'Views', apps: 'Apps', pages: 'Pages', board: 'Ticket board', boardTyped: 'board', open: 'Open tickets',
    care: 'Client care', recycle: 'Recycle bin', recycleTyped: 'recycle', listView: 'List view', columns: ['New', 'Working', 'Solved'], viewAll: 'View all Tickets',
    total: (n: number) => `${n} records`, export: 'Export CSV', clear: 'Clear filter', filtered: 'Client equals Harbour Freight Ltd', oneOf: 'State is one of New, Working',
  },
  'zh-CN': {
    client: '蓝海物流有限公司', clientColumn: '委托方', search: '搜索', views: '视图', apps: '应用', pages: '页面', board: '工单看板', boardTyped: '看板', open: '未结工单',
    care: '客户关怀', recycle: '回收站', recycleTyped: '回收', listView: '列表视图', columns: ['新建', '处理中', '已解决'], viewAll: '查看全部工单',
    total: (n: number) => `共 ${n} 条记录`, export: '导出 CSV', clear: '清除筛选', filtered: '委托方 等于 蓝海物流有限公司', oneOf: '状态 属于 新建, 处理中',
  },
} as const;
type Language = keyof typeof TEXT;
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
const agent = (language: Language) => `pl.agent.${language.toLowerCase()}@example.com`;

let seeded: Promise<Record<Language, string>> | undefined;

/** The objects, views, apps and users of this spec, once: the clients' ids by language. */
function seed(env: E2e): Promise<Record<Language, string>> {
  seeded ??= (async () => {
    const ok = async (method: string, path: string, body: unknown): Promise<Record<string, any>> => {
      const response = await env.engine.request(method, path, body);
      expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).to.be.oneOf([200, 201]);
      return response.body;
    };
    await ok('POST', '/api/v1/meta/objects', CLIENT);
    await ok('POST', '/api/v1/meta/objects', TICKET);
    await ok('POST', '/api/v1/meta/layouts', { name: 'pl_client_page', object: 'pl_client', isDefault: true, sections: [{ fields: ['name'] }], relatedLists: [{ object: 'pl_ticket', columns: ['state'] }] });
    await ok('POST', '/api/v1/meta/permission-sets', { name: 'pl_support', objects: { pl_client: { read: true, create: true, edit: true }, pl_ticket: { read: true, create: true, edit: true } } });
    await ok('POST', '/api/v1/meta/apps', {
      name: 'pl_helpdesk',
      label: { en: 'Helpdesk', 'zh-CN': '服务台' },
      icon: 'AppstoreOutlined',
      tabs: [{ page: '/' }, { object: 'pl_ticket' }, { object: 'pl_client' }],
      permissionSets: ['pl_support'],
    });
    await ok('POST', '/api/v1/meta/apps', { name: 'pl_care', label: { en: 'Client care', 'zh-CN': '客户关怀' }, icon: 'AppstoreOutlined', order: 1, tabs: [{ object: 'pl_client' }], permissionSets: ['pl_support'] });
    const columns = ['name', 'state', 'client'];
    await ok('POST', '/api/v1/meta/list-views', { name: 'pl_open', object: 'pl_ticket', label: { en: 'Open tickets', 'zh-CN': '未结工单' }, columns, filter: { state: { in: ['new', 'working'] } }, sort: ['name'] });
    await ok('POST', '/api/v1/meta/list-views', { name: 'pl_board', object: 'pl_ticket', label: { en: 'Ticket board', 'zh-CN': '工单看板' }, columns, kanbanField: 'state' });
    const clients = {} as Record<Language, string>;
    for (const language of LANGUAGES) {
      await createUser(env.engine, { full_name: `Agent ${language}`, email: agent(language), language, permission_sets: ['standard_user', 'pl_support'] }, env.users.password);
      const client = await ok('POST', '/api/v1/records/pl_client', { name: TEXT[language].client });
      clients[language] = client._id;
      for (let index = 1; index <= TICKETS_PER_CLIENT; index++) {
        await ok('POST', '/api/v1/records/pl_ticket', { name: `Ticket ${language} ${String(index).padStart(2, '0')}`, state: STATES[index % 3], client: client._id });
      }
    }
    return clients;
  })();
  return seeded;
}

const palette = (page: Page) => page.getByRole('dialog');
const searchBox = (page: Page) => palette(page).getByRole('combobox');

/** Types in the palette, then moves with the arrow keys to the option and opens it with Enter. */
async function openFromPalette(page: Page, typed: string, option: string): Promise<void> {
  await page.keyboard.press('Control+k');
  await searchBox(page).waitFor();
  await searchBox(page).pressSequentially(typed);
  const target = palette(page).getByRole('option', { name: option });
  await target.waitFor();
  const count = await palette(page).getByRole('option').count();
  for (let step = 0; step <= count && (await target.getAttribute('aria-selected')) !== 'true'; step++) await searchBox(page).press('ArrowDown');
  expect(await target.getAttribute('aria-selected'), `${option} is active`).to.equal('true');
  await searchBox(page).press('Enter');
  await palette(page).waitFor({ state: 'detached' });
}

describe('browser: the command palette to views, apps and pages; related lists to filtered lists', function () {
  this.timeout(120_000);
  before(async function () {
    this.timeout(300_000);
    await seed(await e2e());
  });

  for (const language of LANGUAGES) {
    const text = TEXT[language];

    it(`jumps to a kanban view, an app and a page from the palette, and a plain view returns to the table (${language}), passing axe`, async () => {
      const env = await e2e();
      const { context, page, problems } = await signedInPage(env, agent(language), '/');
      try {
        await page.getByRole('button', { name: text.search }).waitFor();
        await page.keyboard.press('Control+k');
        // Nothing typed: the current app's views, the apps and the pages, each under its heading.
        for (const group of [text.views, text.apps, text.pages]) await palette(page).getByRole('group', { name: group }).waitFor();
        await palette(page).getByRole('group', { name: text.views }).getByRole('option', { name: text.board }).waitFor();
        await palette(page).getByRole('group', { name: text.apps }).getByRole('option', { name: text.care }).waitFor();
        await screenshot(page, `palette-destinations-${language}`);
        expect(await seriousViolations(page), 'axe on the palette').to.deep.equal([]);
        await searchBox(page).press('Escape');
        await palette(page).waitFor({ state: 'detached' });

        await openFromPalette(page, text.boardTyped, text.board);
        await page.waitForURL((url) => url.searchParams.get('view') === 'pl_board' && url.searchParams.get('mode') === 'kanban' && url.searchParams.get('group') === 'state');
        for (const column of text.columns) await page.locator('.kanban-column').filter({ has: page.getByRole('heading', { name: column }) }).waitFor();
        // A card's lookup shows the parent's name, as the table does.
        await page.locator('.kanban-card').filter({ hasText: `Ticket ${language} 01` }).getByRole('link', { name: text.client }).waitFor();
        await screenshot(page, `palette-kanban-view-${language}`);

        // A view without a kanban field, picked on the list: back to the table, the view's filter shown.
        await page.getByRole('combobox', { name: text.listView }).click();
        await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${text.open}"]`).click();
        await page.waitForURL((url) => url.searchParams.get('view') === 'pl_open' && !url.searchParams.has('mode') && !url.searchParams.has('group'));
        await page.locator('tbody tr.ant-table-row').first().waitFor();
        expect(await page.locator('.kanban-column').count(), 'no board').to.equal(0);
        await page.getByRole('status').filter({ hasText: text.oneOf }).waitFor();

        // An app by its API name: the switcher shows it and its first tab opens.
        await openFromPalette(page, 'pl_care', text.care);
        await page.waitForURL((url) => url.pathname === '/o/pl_client');
        await page.locator('.app-switcher').filter({ hasText: text.care }).waitFor();

        await openFromPalette(page, text.recycleTyped, text.recycle);
        await page.waitForURL((url) => url.pathname === '/recycle-bin');
        await page.getByRole('heading', { level: 2, name: text.recycle }).waitFor();
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });

    it(`opens all of a related list as the filtered child list, exports it with the client's name and clears the filter (${language}), passing axe`, async () => {
      const env = await e2e();
      const clients = await seed(env);
      const { context, page, problems } = await signedInPage(env, agent(language), `/o/pl_client/${clients[language]}`);
      try {
        const viewAll = page.getByRole('link', { name: text.viewAll });
        await viewAll.waitFor();
        await screenshot(page, `palette-related-view-all-${language}`);
        await viewAll.click();
        await page.waitForURL((url) => url.pathname === '/o/pl_ticket' && url.searchParams.has('filter'));
        expect(JSON.parse(new URL(page.url()).searchParams.get('filter')!)).to.deep.equal({ client: { eq: clients[language] } });
        await page.getByText(text.total(TICKETS_PER_CLIENT), { exact: true }).waitFor();
        // The filter says what it is, with the client's name rather than its id.
        await page.getByRole('status').filter({ hasText: text.filtered }).waitFor();
        await page.mouse.move(0, 0);
        await screenshot(page, `palette-filtered-list-${language}`);
        expect(await seriousViolations(page), 'axe on the filtered list').to.deep.equal([]);

        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: text.export }).click()]);
        const lines = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').trim().split(/\r\n/);
        const header = lines[0]!.split(',');
        // The column under the lookup's label in the reader's language, as the list heads it.
        expect(header).to.include(text.clientColumn);
        const cells = lines.slice(1).map((line) => line.split(',')[header.indexOf(text.clientColumn)]);
        expect(cells, 'every ticket names its client').to.deep.equal(Array.from({ length: TICKETS_PER_CLIENT }, () => text.client));

        await page.getByRole('button', { name: text.clear }).click();
        await page.waitForURL((url) => !url.searchParams.has('filter'));
        await page.getByText(text.total(TICKETS_PER_CLIENT * LANGUAGES.length), { exact: true }).waitFor();
        expect(await page.getByRole('status').filter({ hasText: text.filtered }).count(), 'the filter is gone').to.equal(0);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });

    it(`shows the palette's groups and the filtered list at 390 px without sideways scrolling (${language})`, async () => {
      const env = await e2e();
      const clients = await seed(env);
      const filter = encodeURIComponent(JSON.stringify({ client: { eq: clients[language] } }));
      const { context, page } = await signedInPage(env, agent(language), `/o/pl_ticket?filter=${filter}`, { width: 390, height: 844 });
      try {
        await page.getByRole('status').filter({ hasText: text.filtered }).waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
        await screenshot(page, `palette-filtered-list-390-${language}`);
        await page.locator('header').getByRole('button', { name: text.search, exact: true }).click();
        await palette(page).getByRole('group', { name: text.apps }).waitFor();
        await palette(page).getByRole('option', { name: text.board }).waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
        await screenshot(page, `palette-destinations-390-${language}`);
        expect(await seriousViolations(page), 'axe on the phone palette').to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }
});
