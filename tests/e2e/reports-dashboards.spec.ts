import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { setupMessages } from '../../studio/src/app/setup/setup-messages.js';
import { en } from '../../studio/src/shared/i18n/messages-en.js';
import { zhCN } from '../../studio/src/shared/i18n/messages-zh-cn.js';
import { chooseOption } from './support/choose-option.js';
import { e2e, screenshot, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

type Language = 'en' | 'zh-CN';
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
const SETUP = { en: setupMessages.en.setup, 'zh-CN': setupMessages.zhCN.setup } as const;
const STUDIO = { en, 'zh-CN': zhCN } as const;
const TAG = { en: 'en', 'zh-CN': 'zh' } as const;
const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');

/** This spec's own object, so other specs' deals stay as they are. */
const ORDER = {
  name: 'rpd_order',
  label: { en: 'Order', 'zh-CN': '订单' },
  pluralLabel: { en: 'Shop orders', 'zh-CN': '网店订单' },
  fields: [
    { name: 'name', type: 'text', required: true, label: { en: 'Order number', 'zh-CN': '订单号' } },
    {
      name: 'status',
      type: 'picklist',
      values: [
        { value: 'new', label: { en: 'New', 'zh-CN': '新建' } },
        { value: 'paid', label: { en: 'Paid', 'zh-CN': '已付款' } },
        { value: 'shipped', label: { en: 'Shipped', 'zh-CN': '已发货' } },
      ],
      label: { en: 'Status', 'zh-CN': '状态' },
    },
    { name: 'amount', type: 'currency', label: { en: 'Order amount', 'zh-CN': '订单金额' } },
    { name: 'ordered_on', type: 'date', label: { en: 'Ordered on', 'zh-CN': '下单日期' } },
  ],
};
const ORDERS = [
  ['SO-1', 'new', 120.5, '2026-01-10'],
  ['SO-2', 'paid', 300, '2026-02-03'],
  ['SO-3', 'paid', 80.25, '2026-02-20'],
  ['SO-4', 'shipped', 999.99, '2026-03-01'],
  ['SO-5', 'shipped', 45, '2026-03-15'],
  ['SO-6', 'shipped', 10, '2026-03-30'],
] as const;
const sumOf = (status: string) => ORDERS.filter((order) => order[1] === status).reduce((sum, order) => sum + Math.round(order[2] * 100), 0) / 100;

let seeded: Promise<void> | undefined;
function seed(env: E2e): Promise<void> {
  seeded ??= (async () => {
    await succeed(env, 'POST', '/api/v1/meta/objects', ORDER);
    for (const [name, status, amount, ordered_on] of ORDERS) await succeed(env, 'POST', '/api/v1/records/rpd_order', { name, status, amount, ordered_on });
  })();
  return seeded;
}

/** The preview's or a component's figures table (kept for screen readers), row by row. */
async function figures(page: Page, scope: string): Promise<string[][]> {
  return page.locator(`${scope} table.figures-table tr`).evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())));
}

describe('browser: a report with a chart, put on a dashboard', function () {
  this.timeout(200_000);
  before(async function () {
    this.timeout(300_000);
    await seed(await e2e());
  });

  for (const language of LANGUAGES) {
    const text = SETUP[language];
    const studio = STUDIO[language];
    const tag = TAG[language];
    const report = `rpd_${tag}_by_status`;
    const dashboard = `rpd_${tag}_board`;
    // Each run's labels are its own in both languages: the pickers list both runs' reports.
    const reportLabels = language === 'en' ? { en: 'Orders by status', zh: '订单按状态' } : { en: 'Order status counts', zh: '按状态统计订单' };
    const boardLabels = language === 'en' ? { en: 'Shop overview', zh: '网店总览' } : { en: 'Shop summary', zh: '网店概览' };
    const reportLabel = language === 'en' ? reportLabels.en : reportLabels.zh;
    const boardLabel = language === 'en' ? boardLabels.en : boardLabels.zh;
    const status = (value: 'new' | 'paid' | 'shipped') => ORDER.fields[1]!.values!.find((one) => (one as { value: string }).value === value) as { label: Record<Language, string> };

    it(`builds a summary report with a chart and a live preview (${language}), passing axe`, async () => {
      const env = await e2e();
      const { context, page, problems } = await signedInPage(env, env.users[language], '/setup/reports/new');
      try {
        await page.getByRole('heading', { level: 2, name: text.reports.new }).waitFor();
        await page.locator('#labelEn').fill(reportLabels.en);
        await page.locator('#labelZh').fill(reportLabels.zh);
        await page.locator('#name').fill(report);
        await chooseOption(page, page.locator('#object'), ORDER.pluralLabel[language]);
        // Fields go to the groupings from the keyboard; the order date by month, then moved below the status.
        const addGrouping = page.getByRole('combobox', { name: `${text.reports.groupings}: ${text.reports.addGrouping}` });
        await chooseOption(page, addGrouping, ORDER.fields[3]!.label[language]);
        await chooseOption(page, addGrouping, ORDER.fields[1]!.label[language]);
        const moveUp = page.getByRole('button', { name: fill(text.orderedList.moveUp, { name: ORDER.fields[1]!.label[language] }) });
        await moveUp.focus();
        await page.keyboard.press('Enter');
        await page.waitForFunction((first) => document.querySelector('.ordered-list .ordered-item-name')?.textContent?.startsWith(first) === true, ORDER.fields[1]!.label[language]);
        await chooseOption(page, page.getByRole('combobox', { name: fill(text.reports.bucket, { name: ORDER.fields[3]!.label[language] }) }), text.reports.buckets.month);
        await page.getByRole('button', { name: text.reports.addMeasure }).click();
        await page.locator('.report-measure-field').click();
        await chooseOption(page, page.getByRole('combobox', { name: fill(text.reports.measureField, { position: '2' }) }), ORDER.fields[2]!.label[language]);
        await chooseOption(page, page.locator('#chartType'), text.reports.charts.stackedBar);

        // The preview runs on the server: the chart is drawn, and its figures are in a table for screen readers.
        await page.locator('.report-preview .report-chart svg').waitFor();
        // The preview follows the builder a moment later: wait for the run with both measures and both levels.
        await page.waitForFunction(() => {
          const rows = [...document.querySelectorAll('.report-preview table.figures-table tbody tr')];
          return rows.length >= 7 && rows.every((row) => row.querySelectorAll('th, td').length === 3);
        });
        const rows = await figures(page, '.report-preview');
        const shipped = rows.find((row) => row[0] === status('shipped').label[language])!;
        expect(shipped[1], 'three shipped orders').to.equal('3');
        expect(shipped[2]).to.contain(language === 'en' ? '1,054.99' : '1,054.99');
        expect(rows[rows.length - 1]![1], 'the grand total counts every order').to.equal(String(ORDERS.length));
        await screenshot(page, `report-builder-${language}`);
        expect(await seriousViolations(page), 'axe on the report builder').to.deep.equal([]);
        await page.getByRole('button', { name: text.reports.create }).click();
        await page.waitForURL((url) => url.pathname === `/setup/reports/${report}`);
        const saved = (await env.engine.request('GET', `/api/v1/meta/reports/${report}`)).body.definition;
        expect(saved).to.deep.include({
          object: 'rpd_order',
          type: 'summary',
          groupings: [{ field: 'status' }, { field: 'ordered_on', bucket: 'month' }],
          measures: [{ aggregate: 'count' }, { aggregate: 'sum', field: 'amount' }],
          chart: { type: 'stackedBar' },
        });
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });

    it(`puts the report on a dashboard, placed and resized from the keyboard, and shows its chart and figures (${language}), on a phone too`, async () => {
      const env = await e2e();
      const { context, page, problems } = await signedInPage(env, env.users[language], '/setup/dashboards/new');
      try {
        await page.getByRole('heading', { level: 2, name: text.dashboards.new }).waitFor();
        await page.locator('#labelEn').fill(boardLabels.en);
        await page.locator('#labelZh').fill(boardLabels.zh);
        await page.locator('#name').fill(dashboard);
        await chooseOption(page, page.getByRole('combobox', { name: text.dashboards.addComponent }), reportLabel);
        const wider = page.getByRole('button', { name: `${text.dashboards.wider}: ${reportLabel}` });
        await wider.focus();
        for (let step = 0; step < 2; step++) await page.keyboard.press('Enter');
        await page.getByRole('button', { name: `${text.dashboards.taller}: ${reportLabel}` }).click();
        await chooseOption(page, page.locator('#filterFields'), ORDER.fields[3]!.label[language]);
        await page.keyboard.press('Escape');
        await screenshot(page, `dashboard-editor-${language}`);
        expect(await seriousViolations(page), 'axe on the dashboard editor').to.deep.equal([]);
        await page.getByRole('button', { name: text.dashboards.create }).click();
        await page.waitForURL((url) => url.pathname === `/setup/dashboards/${dashboard}`);
        const saved = (await env.engine.request('GET', `/api/v1/meta/dashboards/${dashboard}`)).body.definition;
        expect(saved.components).to.deep.equal([{ key: 'c1', report, x: 0, y: 0, w: 8, h: 4 }]);
        expect(saved.filters).to.deep.equal([{ name: 'ordered_on', field: 'ordered_on' }]);

        await page.goto(`${env.engine.url}/dashboards/${dashboard}`);
        await page.getByRole('heading', { level: 1, name: boardLabel }).waitFor();
        // The filter is named after its field, in the reader's language, and offers periods for a date.
        await page.getByText(ORDER.fields[3]!.label[language], { exact: true }).waitFor();
        await page.locator('.dashboard-component .report-chart svg').waitFor();
        const rows = await figures(page, '.dashboard-component');
        expect(rows.find((row) => row[0] === status('paid').label[language])?.[1]).to.equal('2');
        expect(rows.find((row) => row[0] === status('paid').label[language])?.[2]).to.contain(String(sumOf('paid')));
        await screenshot(page, `dashboard-${language}`);
        expect(await seriousViolations(page), 'axe on the dashboard').to.deep.equal([]);
        // The figures on request, for everyone.
        await page.getByRole('button', { name: studio.reports.showFigures }).click();
        await page.locator('.dashboard-component table.figures-table:not(.sr-only)').waitFor();
        await screenshot(page, `dashboard-${language}-figures`);
        expect(await seriousViolations(page), 'axe with the figures shown').to.deep.equal([]);

        await page.setViewportSize({ width: 390, height: 844 });
        await page.locator('.dashboard-component .report-chart svg').waitFor();
        const width = await page.locator('.dashboard-component').evaluate((element) => element.getBoundingClientRect().width);
        expect(width, 'the component fits the phone').to.be.at.most(390);
        await screenshot(page, `dashboard-${language}-390`);
        expect(await seriousViolations(page), 'axe on the phone').to.deep.equal([]);

        // A group's button opens its records in the object's list, filtered as the drill-down says.
        await page.getByRole('button', { name: fill(studio.reports.drill, { label: status('paid').label[language] }) }).click();
        await page.waitForURL((url) => url.pathname === '/o/rpd_order' && url.searchParams.has('filter'));
        // On the phone the list shows cards: the two paid orders, and no other.
        await page.getByText('SO-2', { exact: true }).first().waitFor();
        await page.getByText('SO-3', { exact: true }).first().waitFor();
        for (const other of ['SO-1', 'SO-4', 'SO-5', 'SO-6']) expect(await page.getByText(other, { exact: true }).count(), other).to.equal(0);
        await screenshot(page, `dashboard-drill-${language}-390`);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }

  it('shows the dashboard in Traditional Chinese: its labels and figures converted, axe passing', async () => {
    const env = await e2e();
    const { context, page, problems } = await signedInPage(env, env.users['zh-TW'], '/dashboards/rpd_zh_board');
    try {
      await page.getByRole('heading', { level: 1, name: '網店概覽' }).waitFor();
      await page.locator('.dashboard-component .report-chart svg').waitFor();
      const rows = await figures(page, '.dashboard-component');
      expect(rows.map((row) => row[0])).to.include.members(['新建', '已付款', '已發貨']);
      await screenshot(page, 'dashboard-zh-TW');
      expect(await seriousViolations(page)).to.deep.equal([]);
      expect(problems).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });
});
