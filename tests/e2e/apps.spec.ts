import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { createUser } from '../support/auth-helpers.js';
import { ARTIFACTS, e2e, screenshot, seriousViolations, signedInPage, type E2e } from './support/e2e-environment.js';

/** This spec's own objects, permission sets, apps and users: the shared seed is left as it is. */
const LEAD = {
  name: 'sales_lead',
  label: { en: 'Lead', 'zh-CN': '线索' },
  pluralLabel: { en: 'Leads', 'zh-CN': '销售线索' },
  fields: [
    { name: 'name', type: 'text', required: true, label: { en: 'Lead name', 'zh-CN': '线索名称' } },
    {
      name: 'status',
      type: 'picklist',
      values: [
        { value: 'open', label: { en: 'Open', 'zh-CN': '跟进中' } },
        { value: 'won', label: { en: 'Won', 'zh-CN': '已赢单' } },
      ],
      label: { en: 'Status', 'zh-CN': '状态' },
    },
    { name: 'amount', type: 'number', label: { en: 'Amount', 'zh-CN': '金额' } },
    { name: 'source', type: 'text', label: { en: 'Source', 'zh-CN': '来源' } },
  ],
};
const ITEM = {
  name: 'purchase_item',
  label: { en: 'Purchase item', 'zh-CN': '采购项目' },
  pluralLabel: { en: 'Purchase items', 'zh-CN': '采购项目' },
  fields: [{ name: 'name', type: 'text', required: true, label: { en: 'Item', 'zh-CN': '物品' } }],
};

const TEXT = {
  en: { sales: 'Sales', procurement: 'Procurement', leads: 'Leads', items: 'Purchase items', won: 'Won leads', view: 'List view', all: 'All records', saveAs: 'Save as my view', viewName: 'View name', save: 'Save', home: 'Home', more: 'More', nothing: 'There is nothing here for you yet', delete: 'Delete' },
  'zh-CN': { sales: '销售', procurement: '采购', leads: '销售线索', items: '采购项目', won: '已赢单线索', view: '列表视图', all: '全部记录', saveAs: '另存为我的视图', viewName: '视图名称', save: '保存', home: '首页', more: '更多', nothing: '这里暂时没有您可以使用的内容', delete: '删除' },
  'zh-TW': { sales: '銷售', procurement: '採購', leads: '銷售線索', items: '採購專案' },
} as const;
type Language = 'en' | 'zh-CN';
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];

/** One user per persona and language, their language saved on their record. */
const email = (persona: string, language: string) => `e2e.${persona}.${language.toLowerCase()}@example.com`;

const rows = (page: Page) => page.locator('tbody tr.ant-table-row');

async function seed(env: E2e): Promise<void> {
  const ok = async (method: string, path: string, body: unknown) => {
    const response = await env.engine.request(method, path, body);
    expect(response.status, `${path}: ${JSON.stringify(response.body)}`).to.be.oneOf([200, 201]);
  };
  await ok('POST', '/api/v1/meta/objects', LEAD);
  await ok('POST', '/api/v1/meta/objects', ITEM);
  await ok('POST', '/api/v1/meta/permission-sets', { name: 'e2e_sales', objects: { sales_lead: { read: true, create: true, edit: true } } });
  await ok('POST', '/api/v1/meta/permission-sets', { name: 'e2e_buyer', objects: { purchase_item: { read: true, create: true } } });
  await ok('POST', '/api/v1/meta/apps', {
    name: 'e2e_sales',
    label: { en: 'Sales', 'zh-CN': '销售' },
    icon: 'DollarOutlined',
    tabs: [{ page: '/' }, { object: 'sales_lead' }, { object: 'purchase_item' }],
    permissionSets: ['e2e_sales'],
  });
  await ok('POST', '/api/v1/meta/apps', { name: 'e2e_procurement', label: { en: 'Procurement', 'zh-CN': '采购' }, icon: 'ShoppingCartOutlined', order: 1, tabs: [{ object: 'purchase_item' }], permissionSets: ['e2e_buyer'] });
  await ok('POST', '/api/v1/meta/list-views', {
    name: 'won_leads',
    object: 'sales_lead',
    label: { en: 'Won leads', 'zh-CN': '已赢单线索' },
    columns: ['name', 'status', 'source'],
    filter: { status: 'won' },
    sort: ['name'],
  });
  for (const [index, status] of ['won', 'open', 'won', 'open', 'open', 'won'].entries()) {
    await ok('POST', '/api/v1/records/sales_lead', { name: `Lead ${index + 1}`, status, amount: (index + 1) * 100, source: index % 2 ? 'Fair' : 'Web' });
  }
  await ok('POST', '/api/v1/records/purchase_item', { name: 'Laptops' });
  const password = env.users.password;
  for (const language of ['en', 'zh-CN', 'zh-TW'] as const) {
    await createUser(env.engine, { full_name: `Seller ${language}`, email: email('seller', language), language, permission_sets: ['e2e_sales'] }, password);
    await createUser(env.engine, { full_name: `Buyer ${language}`, email: email('buyer', language), language, permission_sets: ['e2e_buyer'] }, password);
    await createUser(env.engine, { full_name: `Manager ${language}`, email: email('manager', language), language, permission_sets: ['e2e_sales', 'e2e_buyer'] }, password);
    await createUser(env.engine, { full_name: `Newcomer ${language}`, email: email('newcomer', language), language, permission_sets: [] }, password);
  }
}

describe('browser: apps and list views', function () {
  this.timeout(90_000);
  before(async function () {
    this.timeout(300_000);
    await seed(await e2e());
  });

  for (const language of LANGUAGES) {
    const text = TEXT[language];

    it(`shows a seller the Sales app and not Procurement, and a buyer the reverse (${language}), passing axe`, async () => {
      const env = await e2e();
      for (const [persona, mine, theirs, tab, notTab] of [
        ['seller', text.sales, text.procurement, text.leads, text.items],
        ['buyer', text.procurement, text.sales, text.items, text.leads],
      ] as const) {
        const { context, page, problems } = await signedInPage(env, email(persona, language), '/');
        try {
          const switcher = page.getByRole('button', { name: new RegExp(mine) });
          await switcher.waitFor();
          const menu = page.getByRole('navigation', { name: mine });
          await menu.getByRole('link', { name: tab }).waitFor();
          if (notTab) expect(await menu.getByRole('link', { name: notTab }).count()).to.equal(0);
          await switcher.click();
          await page.getByRole('menuitem', { name: mine, exact: true }).waitFor();
          expect(await page.getByRole('menuitem', { name: theirs, exact: true }).count(), `${persona} does not see ${theirs}`).to.equal(0);
          await page.keyboard.press('Escape');
          await menu.getByRole('link', { name: tab }).click();
          await page.getByRole('heading', { level: 2, name: tab }).waitFor();
          await screenshot(page, `apps-${persona}-${language}`);
          expect(await seriousViolations(page), `axe for the ${persona}`).to.deep.equal([]);
          expect(problems).to.deep.equal([]);
        } finally {
          await context.close();
        }
      }
    });

    it(`gives a user with no app and no object a page that says so and whom to ask (${language})`, async () => {
      const env = await e2e();
      const { context, page } = await signedInPage(env, email('newcomer', language), '/');
      try {
        await page.getByRole('heading', { level: 1, name: text.nothing }).waitFor();
        await page.getByText(email('newcomer', language)).waitFor();
        await screenshot(page, `apps-no-access-${language}`);
        expect(await seriousViolations(page), 'axe on the page without apps').to.deep.equal([]);
      } finally {
        await context.close();
      }
    });

    it(`applies a shared view, saves a personal one that is there again after a reload, and deletes it (${language})`, async () => {
      const env = await e2e();
      const { context, page, problems } = await signedInPage(env, email('seller', language), '/o/sales_lead');
      try {
        await page.waitForFunction(() => document.querySelectorAll('tbody tr.ant-table-row').length === 6);
        const picker = page.getByRole('combobox', { name: text.view });
        await picker.click();
        await page.locator('.ant-select-item-option', { hasText: text.won }).click();
        await page.waitForURL(/view=won_leads/);
        await page.waitForFunction(() => document.querySelectorAll('tbody tr.ant-table-row').length === 3);
        expect(await rows(page).getByRole('link').allInnerTexts()).to.deep.equal(['Lead 1', 'Lead 3', 'Lead 6']);
        await page.getByRole('columnheader', { name: language === 'en' ? 'Source' : '来源' }).waitFor();
        expect(await page.getByRole('columnheader', { name: language === 'en' ? 'Amount' : '金额' }).count(), 'the view has no amount column').to.equal(0);
        await screenshot(page, `views-shared-${language}`);
        expect(await seriousViolations(page), 'axe on a list with a view').to.deep.equal([]);

        // The view's filter and sort with a sort of the user's own, saved as their view.
        await page.goto(`${env.engine.url}/o/sales_lead?view=won_leads&filter=${encodeURIComponent('{"status":"won"}')}&sort=-name`);
        await page.waitForFunction(() => document.querySelector('tbody tr.ant-table-row a')?.textContent === 'Lead 6');
        await page.getByRole('button', { name: text.saveAs }).click();
        const mine = `Mine ${language}`;
        await page.getByRole('dialog').getByLabel(text.viewName).fill(mine);
        await page.getByRole('dialog').getByRole('button', { name: text.save }).click();
        await page.waitForURL((url) => /^my_/.test(url.searchParams.get('view') ?? ''));
        await page.getByRole('dialog').waitFor({ state: 'detached' });

        await page.reload();
        await page.waitForFunction(() => document.querySelector('tbody tr.ant-table-row a')?.textContent === 'Lead 6');
        await page.locator('.view-picker-select').getByText(mine).waitFor();
        expect(await rows(page).count()).to.equal(3);
        await screenshot(page, `views-personal-${language}`);

        // Back to every record, then the saved view from the picker: its sort comes back with it.
        await picker.click();
        await page.locator('.ant-select-item-option', { hasText: text.all }).click();
        await page.waitForFunction(() => document.querySelectorAll('tbody tr.ant-table-row').length === 6);
        await picker.click();
        await page.locator('.ant-select-item-option', { hasText: mine }).click();
        await page.waitForURL(/sort=-name/);
        await page.waitForFunction(() => document.querySelectorAll('tbody tr.ant-table-row').length === 3);

        await page.getByRole('button', { name: new RegExp(`${text.delete}.*${mine}`) }).click();
        await page.getByRole('tooltip').getByRole('button', { name: text.delete }).click();
        await page.waitForURL((url) => !url.searchParams.has('view'));
        await page.waitForFunction(() => document.querySelectorAll('tbody tr.ant-table-row').length === 6);
        await picker.click();
        await page.locator('.ant-select-item-option', { hasText: text.won }).waitFor();
        expect(await page.locator('.ant-select-item-option', { hasText: mine }).count(), 'the deleted view is gone').to.equal(0);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });

    it(`puts the app's first tabs at the bottom of a phone's screen, with More for the menu (${language})`, async () => {
      const env = await e2e();
      const { context, page } = await signedInPage(env, email('seller', language), '/', { width: 390, height: 844 });
      try {
        const bar = page.getByRole('navigation', { name: language === 'en' ? 'Tabs' : '标签页' });
        await bar.getByRole('link', { name: text.home }).waitFor();
        await bar.getByRole('link', { name: text.leads }).click();
        await page.locator('.list-cards li').first().waitFor();
        expect(await bar.getByRole('link', { name: text.leads }).getAttribute('aria-current')).to.equal('page');
        const box = await bar.boundingBox();
        expect(box!.y + box!.height, 'the bar sits at the bottom of the screen').to.be.closeTo(844, 1);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
        await screenshot(page, `apps-390-${language}`);
        expect(await seriousViolations(page), 'axe with the bottom bar').to.deep.equal([]);
        await bar.getByRole('button', { name: text.more }).click();
        await page.getByRole('dialog').getByRole('link', { name: text.leads }).waitFor();
        await page.waitForFunction(() => !document.querySelector('.ant-drawer [class*="-motion-"][class*="-active"]'));
        await page.screenshot({ path: `${ARTIFACTS}/apps-390-more-${language}.png` });
      } finally {
        await context.close();
      }
    });
  }

  it('lets a user with two apps switch between them, remembers the app after a reload, in 繁中 (zh-TW)', async () => {
    const env = await e2e();
    const text = TEXT['zh-TW'];
    const { context, page, problems } = await signedInPage(env, email('manager', 'zh-TW'), '/');
    try {
      await page.getByRole('navigation', { name: text.sales }).getByRole('link', { name: text.leads }).waitFor();
      await page.getByRole('button', { name: new RegExp(text.sales) }).click();
      await page.getByRole('menuitem', { name: text.procurement, exact: true }).click();
      await page.waitForURL(/\/o\/purchase_item$/);
      const menu = page.getByRole('navigation', { name: text.procurement });
      await menu.getByRole('link', { name: text.items }).waitFor();
      // A name the menu cuts short shows whole on hover.
      expect(await menu.getByRole('link', { name: text.items }).getAttribute('title')).to.equal(text.items);
      expect(await menu.getByRole('link', { name: text.leads }).count()).to.equal(0);
      await page.reload();
      await page.getByRole('navigation', { name: text.procurement }).getByRole('link', { name: text.items }).waitFor();
      await page.getByRole('button', { name: new RegExp(text.procurement) }).waitFor();
      await screenshot(page, 'apps-zh-TW');
      expect(await seriousViolations(page), 'axe in zh-TW').to.deep.equal([]);
      expect(problems).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });
});
