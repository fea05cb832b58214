import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { pdfText } from '../support/pdf-text.js';
import { e2e, screenshot, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

/** This spec's own objects: a supplier, a purchase order pointing at it, and the order's lines. */
const OBJECTS = [
  {
    name: 'pt_supplier',
    label: { en: 'Vendor', 'zh-CN': '供应商' },
    fields: [
      { name: 'name', type: 'text', required: true, label: { en: 'Name', 'zh-CN': '名称' } },
      { name: 'city', type: 'text', label: { en: 'City', 'zh-CN': '城市' } },
    ],
  },
  {
    name: 'pt_order',
    label: { en: 'Purchase order', 'zh-CN': '采购订单' },
    pluralLabel: { en: 'Purchase orders', 'zh-CN': '采购订单' },
    fields: [
      { name: 'title', type: 'text', required: true, label: { en: 'Title', 'zh-CN': '标题' } },
      { name: 'supplier', type: 'lookup', target: 'pt_supplier', label: { en: 'Vendor', 'zh-CN': '供应商' } },
      { name: 'order_date', type: 'date', label: { en: 'Order date', 'zh-CN': '订购日期' } },
      { name: 'total', type: 'currency', currency: 'CNY', label: { en: 'Total', 'zh-CN': '总额' } },
    ],
  },
  {
    name: 'pt_line',
    label: { en: 'Order line', 'zh-CN': '订单行' },
    fields: [
      { name: 'order', type: 'masterdetail', target: 'pt_order' },
      { name: 'product', type: 'text', required: true, label: { en: 'Product', 'zh-CN': '产品' } },
      { name: 'quantity', type: 'number', label: { en: 'Quantity', 'zh-CN': '数量' } },
      { name: 'amount', type: 'currency', currency: 'CNY', label: { en: 'Amount', 'zh-CN': '金额' } },
    ],
  },
];

const TEMPLATE = {
  name: 'pt_order_print',
  object: 'pt_order',
  label: { en: 'Purchase order', 'zh-CN': '采购订单' },
  company: { name: { en: 'Acme Trading', 'zh-CN': '艾克米贸易' }, address: { en: '1 Harbour Road, Shanghai', 'zh-CN': '上海市海港路 1 号' } },
  header: '<p class="company">{{company.name}} · {{company.address}}</p>',
  body: [
    '<h1>{{record.title}}</h1>',
    '<p class="supplier">{{label "supplier"}}: {{record.supplier}} ({{record.supplier.city}})</p>',
    '<p class="date">{{label "order_date"}}: {{field "order_date"}}</p>',
    '<table>',
    '  <thead><tr><th>#</th><th>Product</th><th>Qty</th><th>Amount</th></tr></thead>',
    '  <tbody>',
    '    {{#each related.pt_line}}<tr><td>{{@index}}</td><td>{{product}}</td><td>{{number quantity}}</td><td>{{field "amount"}}</td></tr>{{/each}}',
    '  </tbody>',
    '</table>',
    '<p class="total">{{label "total"}}: {{money (sum related.pt_line "amount") "CNY"}}</p>',
    '<p class="capital">{{capitalAmount (sum related.pt_line "amount")}}</p>',
  ].join('\n'),
};

const TEXT = {
  en: { print: 'Print', download: 'Download PDF', date: 'Order date: Mar 1, 2017', total: 'Total: CN¥1,005.07', company: 'Acme Trading · 1 Harbour Road, Shanghai', preview: 'Preview', save: 'Save' },
  'zh-CN': { print: '打印', download: '下载 PDF', date: '订购日期: 2017年3月1日', total: '总额: ¥1,005.07', company: '艾克米贸易 · 上海市海港路 1 号', preview: '预览', save: '保存' },
} as const;
type Language = keyof typeof TEXT;
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];

let seeded: Promise<string> | undefined;
/** The objects, the template and one purchase order with two lines adding up to 1,005.07; the order's id. */
function seed(env: E2e): Promise<string> {
  seeded ??= (async () => {
    for (const object of OBJECTS) await succeed(env, 'POST', '/api/v1/meta/objects', object);
    await succeed(env, 'POST', '/api/v1/meta/print-templates', TEMPLATE);
    const supplier = await succeed(env, 'POST', '/api/v1/records/pt_supplier', { name: 'Shenzhen Parts', city: 'Shenzhen' });
    const order = await succeed(env, 'POST', '/api/v1/records/pt_order', { title: 'PO Laptops 2017', supplier: supplier._id, order_date: '2017-03-01', total: 1005.07 });
    await succeed(env, 'POST', '/api/v1/records/pt_line', { order: order._id, product: 'ThinkPad X1', quantity: 1, amount: 1000 });
    await succeed(env, 'POST', '/api/v1/records/pt_line', { order: order._id, product: 'USB cable', quantity: 1, amount: 5.07 });
    return order._id;
  })();
  return seeded;
}

/** The lines of the printed document in a frame, as a reader sees them. */
async function frameLines(page: Page, frame: string): Promise<string[]> {
  const body = page.frameLocator(frame).locator('body');
  await body.locator('h1').waitFor();
  return (await body.innerText()).split('\n').map((line) => line.trim()).filter(Boolean);
}

describe('browser: printing a purchase order', function () {
  this.timeout(180_000);
  let orderId: string;
  before(async function () {
    this.timeout(300_000);
    orderId = await seed(await e2e());
  });

  for (const language of LANGUAGES) {
    const text = TEXT[language];
    for (const width of [1280, 390]) {
      it(`prints it from the record page, shows the document and downloads its PDF (${language}, ${width} px)`, async () => {
        const env = await e2e();
        const { context, page, problems } = await signedInPage(env, env.users[language], `/o/pt_order/${orderId}`, { width, height: 844 });
        try {
          const print = page.getByRole('button', { name: text.print });
          await print.waitFor();
          // By keyboard: the button is reached and pressed like any other.
          await print.focus();
          await page.keyboard.press('Enter');
          const dialog = page.getByRole('dialog');
          await dialog.waitFor();
          const lines = await frameLines(page, '.print-dialog-frame');
          expect(lines).to.include.members([text.company, 'PO Laptops 2017', text.date, text.total, '壹仟零伍元零柒分']);
          await screenshot(page, `print-dialog-${language}-${width}`);
          expect(await seriousViolations(page), 'axe with the print dialog open').to.deep.equal([]);

          const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('link', { name: text.download }).click()]);
          expect(download.suggestedFilename()).to.match(/Laptops 2017\.pdf$/);
          const pdf = readFileSync((await download.path())!);
          expect(pdf.subarray(0, 5).toString()).to.equal('%PDF-');
          const printed = pdfText(pdf).split('\n').map((line) => line.trim());
          expect(printed).to.include.members([text.company, 'PO Laptops 2017', text.date, text.total, '壹仟零伍元零柒分']);
          expect(printed.join('\n')).to.match(/ThinkPad X1\s*1\s*(CN)?¥1,000\.00/);

          await page.keyboard.press('Escape');
          await dialog.waitFor({ state: 'hidden' });
          expect(problems).to.deep.equal([]);
        } finally {
          await context.close();
        }
      });
    }

    it(`edits the template with a live preview on a chosen record, and shows a broken line where it is (${language})`, async () => {
      const env = await e2e();
      const { context, page, problems } = await signedInPage(env, env.users[language], '/setup/print-templates/pt_order_print', { width: 1280, height: 900 });
      try {
        await previewOnOrder(page, language);
        // A line that names no field: the preview says so, and saving underlines line 2 of the body.
        const body = page.locator('.template-editor .cm-content').nth(1);
        await body.click();
        await page.keyboard.press('Control+Home');
        await page.keyboard.press('End');
        await page.keyboard.press('Enter');
        await page.keyboard.type('{{record.colour}}');
        await page.locator('.print-preview [role="alert"]', { hasText: "'colour'" }).waitFor();
        await page.getByRole('button', { name: TEXT[language].save }).click();
        await page.locator('.template-editor-error .cm-lintRange-error').first().waitFor();
        const explain = await page.locator('.ant-form-item-explain-error', { hasText: 'colour' }).first().innerText();
        expect(explain).to.match(language === 'en' ? /^line 2: 'colour' is not a field of pt_order/ : /^第 2 行：'colour' 不是 pt_order 的字段/);
        await screenshot(page, `print-template-editor-error-${language}`);
        expect(problems.filter((problem) => !problem.includes('400'))).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });

    it(`fits the template editor and its preview on a phone (${language}, 390 px)`, async () => {
      const env = await e2e();
      const { context, page, problems } = await signedInPage(env, env.users[language], '/setup/print-templates/pt_order_print', { width: 390, height: 844 });
      try {
        await previewOnOrder(page, language);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }
});

describe('browser: printing in Traditional Chinese', function () {
  this.timeout(180_000);
  it('labels the button and the dialog in 繁中 and prints the document, and its PDF, in Traditional characters', async () => {
    const env = await e2e();
    const orderId = await seed(env);
    const { context, page, problems } = await signedInPage(env, env.users['zh-TW'], `/o/pt_order/${orderId}`, { width: 1280, height: 844 });
    try {
      await page.getByRole('button', { name: '列印' }).click();
      const dialog = page.getByRole('dialog');
      const lines = await frameLines(page, '.print-dialog-frame');
      expect(lines).to.include.members(['艾克米貿易 · 上海市海港路 1 號', '訂購日期: 2017年3月1日', '壹仟零伍元零柒分']);
      expect(lines).to.not.include(TEXT['zh-CN'].company);
      expect(await dialog.getByRole('link', { name: '下載 PDF' }).getAttribute('href')).to.match(/format=pdf&download=true&lang=zh-TW$/);
      await screenshot(page, 'print-dialog-zh-TW-1280');
      expect(await seriousViolations(page), 'axe with the print dialog open in 繁中').to.deep.equal([]);
      expect(problems).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });
});

/** In the template editor: picks the purchase order to preview, checks the document in the page's language, then in the other one. */
async function previewOnOrder(page: Page, language: Language): Promise<void> {
  await page.getByRole('heading', { name: TEXT[language].preview }).waitFor();
  // The record to preview, found by its name as the admin types it.
  await page.locator('.print-preview .ant-select').click();
  await page.keyboard.type('PO Laptops');
  await page.locator('.ant-select-item-option', { hasText: 'PO Laptops 2017' }).click();
  const lines = await frameLines(page, '.print-frame');
  expect(lines).to.include.members([TEXT[language].company, TEXT[language].date, '壹仟零伍元零柒分']);
  // The other language, one click away.
  const other: Language = language === 'en' ? 'zh-CN' : 'en';
  await page.getByText(other === 'en' ? 'English' : '简体中文', { exact: true }).click();
  await page.frameLocator('.print-frame').locator('p.date', { hasText: TEXT[other].date }).waitFor();
  await screenshot(page, `print-template-editor-${language}-${page.viewportSize()?.width ?? 0}`);
  expect(await seriousViolations(page), 'axe on the template editor').to.deep.equal([]);
}
