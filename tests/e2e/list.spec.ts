import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { DEAL_COUNT, XSS_NAME } from './support/e2e-seed.js';
import { ARTIFACTS, e2e, screenshot, seriousViolations, signedInPage } from './support/e2e-environment.js';

const LANGUAGES = [
  { language: 'en', title: 'Deals', amount: 'Amount', next: 'Next page', first: 'Deal name', search: 'Search Deals', stage: 'Negotiation' },
  { language: 'zh-CN', title: '商机', amount: '金额', next: '下一页', first: '商机名称', search: '搜索商机', stage: '商务谈判' },
  { language: 'zh-TW', title: '商機', amount: '金額', next: '下一頁', first: '商機名稱', search: '搜尋商機', stage: '商務談判' },
] as const;

// The first cell after the row's selection checkbox: the record's name.
const NAME_CELL = 'tbody tr.ant-table-row td:nth-child(2)';
const firstCells = (page: Page) => page.locator(NAME_CELL).allInnerTexts();

describe('browser: a list of records', function () {
  this.timeout(120_000);

  for (const case_ of LANGUAGES) {
    it(`lists, sorts by a column, pages to the end and searches (${case_.language}), passing axe`, async () => {
      const env = await e2e();
      const { context, page, problems } = await signedInPage(env, env.users[case_.language], '/o/deal');
      try {
        await page.getByRole('heading', { level: 2, name: case_.title }).waitFor();
        await page.getByRole('columnheader', { name: case_.first }).waitFor();
        await page.waitForFunction(() => document.querySelectorAll('tbody tr.ant-table-row').length === 20);
        await page.getByText(case_.stage).first().waitFor();

        // The views, the form (which cells are editable) and the counts arrive after the rows and
        // rebuild the header; a click in the middle of that rebuild may land on the old header.
        await page.waitForLoadState('networkidle');
        // Sort by amount, descending: the largest amount first, as the server sorts. The second
        // click comes while the first sort loads, as a quick user's would: the header stays live.
        await page.getByRole('columnheader', { name: case_.amount }).click();
        await page.waitForURL(/sort=amount/);
        await page.getByRole('columnheader', { name: case_.amount }).click();
        await page.waitForURL(/sort=-amount/);
        await page.waitForFunction((cell) => document.querySelector(cell)?.textContent === 'Deal 45', NAME_CELL);
        await screenshot(page, `list-${case_.language}`);
        expect(await seriousViolations(page), 'axe on the list').to.deep.equal([]);

        // Page to the end with the server's cursor: 20 + 20 + 5.
        const seen = new Set(await firstCells(page));
        for (let page_ = 2; page_ <= 3; page_++) {
          const before = (await firstCells(page))[0];
          await page.getByRole('button', { name: case_.next }).click();
          // The old page stays on screen, dimmed, while the next one loads.
          await page.waitForFunction(
            ({ cell, expected, before }) => document.querySelectorAll('tbody tr.ant-table-row').length === expected && document.querySelector(cell)?.textContent !== before && !document.querySelector('[aria-busy="true"]'),
            { cell: NAME_CELL, expected: page_ === 3 ? DEAL_COUNT - 40 : 20, before },
          );
          for (const name of await firstCells(page)) seen.add(name);
        }
        expect(seen.size).to.equal(DEAL_COUNT);
        expect(await page.getByRole('button', { name: case_.next }).isDisabled()).to.equal(true);

        await page.getByRole('searchbox', { name: case_.search }).fill('Deal 1');
        await page.getByRole('searchbox', { name: case_.search }).press('Enter');
        await page.waitForFunction(() => document.querySelectorAll('tbody tr.ant-table-row').length === 10);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }

  it('filters with the builder in 繁中 (zh-TW), its texts and the picklist values converted, passing axe', async () => {
    const env = await e2e();
    const expected = await env.engine.request('GET', `/api/v1/records/deal?limit=1&total=true&filter=${encodeURIComponent(JSON.stringify({ stage: 'negotiation' }))}`);
    const { context, page, problems } = await signedInPage(env, env.users['zh-TW'], '/o/deal');
    try {
      await page.waitForFunction(() => document.querySelectorAll('tbody tr.ant-table-row').length === 20);
      await page.waitForLoadState('networkidle');
      await page.getByRole('button', { name: '篩選' }).click();
      const pick = async (combobox: string, option: string) => {
        await page.getByRole('combobox', { name: combobox, exact: true }).click();
        await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${option}"]`).click();
      };
      await pick('條件 1 的欄位', '階段');
      await pick('條件 1 的值', '商務談判');
      await page.mouse.move(0, 0);
      await screenshot(page, 'list-filter-zh-TW');
      await page.getByRole('button', { name: '應用', exact: true }).click();
      await page.waitForURL((url) => url.searchParams.has('filter'));
      expect(JSON.parse(new URL(page.url()).searchParams.get('filter')!)).to.deep.equal({ stage: { eq: 'negotiation' } });
      await page.waitForFunction((count) => document.querySelectorAll('tbody tr.ant-table-row').length === count, Math.min(20, expected.body.total));
      const stages = await page.locator('tbody tr.ant-table-row td').filter({ hasText: /^商務談判$/ }).count();
      expect(stages).to.equal(Math.min(20, expected.body.total));
      // Off the Apply button: axe would judge its hover colours.
      await page.mouse.move(0, 0);
      expect(await seriousViolations(page), 'axe on the filtered list').to.deep.equal([]);
      expect(problems).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });

  it('shows a value with markup as text, running nothing', async () => {
    const env = await e2e();
    const { context, page } = await signedInPage(env, env.users.en, '/o/deal?sort=name');
    try {
      await page.getByRole('link', { name: XSS_NAME }).waitFor();
      expect(await page.locator('tbody img').count()).to.equal(0);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).to.equal(undefined);
    } finally {
      await context.close();
    }
  });

  for (const language of ['en', 'zh-CN'] as const) {
    it(`shows the list as cards in one column at 390 px, without sideways scrolling (${language})`, async () => {
      const env = await e2e();
      const { context, page } = await signedInPage(env, env.users[language], '/o/deal', { width: 390, height: 844 });
      try {
        await page.locator('.list-cards li').first().waitFor();
        expect(await page.locator('table').count()).to.equal(0);
        expect(await page.locator('.list-cards li').count()).to.equal(20);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
        await screenshot(page, `list-390-${language}`);
        expect(await seriousViolations(page), 'axe on the phone list').to.deep.equal([]);
        await page.getByRole('button', { name: language === 'en' ? 'Menu' : '菜单' }).click();
        await page.getByRole('dialog').getByRole('link', { name: language === 'en' ? 'Deals' : '商机' }).waitFor();
        // The drawer slides in: photograph it once it stands still.
        await page.waitForFunction(() => !document.querySelector('.ant-drawer [class*="-motion-"][class*="-active"]'));
        await page.screenshot({ path: `${ARTIFACTS}/menu-390-${language}.png` });
      } finally {
        await context.close();
      }
    });
  }
});
