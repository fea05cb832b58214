import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { setupMessages } from '../../studio/src/app/setup/setup-messages.js';
import { chooseOption } from './support/choose-option.js';
import { e2e, screenshot, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

const TEXT = { en: setupMessages.en.setup, 'zh-CN': setupMessages.zhCN.setup } as const;
type Language = keyof typeof TEXT;
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
const tagOf = (language: Language) => (language === 'en' ? 'en' : 'zh');

/** Each language's run has its own order object and its lines (a master-detail child to roll up). */
function objectsOf(language: Language) {
  const tag = tagOf(language);
  return {
    order: {
      name: `sf_order_${tag}`,
      label: { en: 'Sales order', 'zh-CN': '销售订单' },
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'reference', type: 'text', label: { en: 'Reference', 'zh-CN': '参考号' } },
      ],
    },
    line: {
      name: `sf_line_${tag}`,
      label: { en: 'Order line', 'zh-CN': '订单行' },
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'order', type: 'masterdetail', target: `sf_order_${tag}` },
        { name: 'quantity', type: 'number', label: { en: 'Quantity', 'zh-CN': '数量' } },
      ],
    },
  };
}

let seeded: Promise<void> | undefined;
function seed(env: E2e): Promise<void> {
  seeded ??= (async () => {
    for (const language of LANGUAGES) {
      const { order, line } = objectsOf(language);
      await succeed(env, 'POST', '/api/v1/meta/objects', order);
      await succeed(env, 'POST', '/api/v1/meta/objects', line);
      await succeed(env, 'POST', `/api/v1/records/${order.name}`, { name: 'First', reference: '1200' });
      await succeed(env, 'POST', `/api/v1/records/${order.name}`, { name: 'Second', reference: 'PO-77' });
    }
  })();
  return seeded;
}

async function fieldOf(env: E2e, object: string, field: string): Promise<Record<string, unknown> | undefined> {
  const response = await env.engine.request('GET', `/api/v1/meta/objects/${object}`);
  return (response.body.definition.fields as Record<string, unknown>[]).find((candidate) => candidate.name === field);
}

/** Opens "New field", types the labels and picks the type by its name in the page's language. */
async function newField(page: Page, text: (typeof TEXT)[Language], labels: { en: string; zh: string }, type: keyof (typeof TEXT)['en']['fields']['types']) {
  await page.getByRole('button', { name: text.fieldEditor.new }).click();
  await page.locator('#field_labelEn').fill(labels.en);
  await page.locator('#field_labelZh').fill(labels.zh);
  await chooseOption(page, page.locator('#field_type'), text.fields.types[type]);
}

async function create(page: Page, text: (typeof TEXT)[Language]) {
  await page.getByRole('button', { name: text.fieldEditor.create }).click();
  await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
}

describe('browser: setup of fields', function () {
  this.timeout(180_000);
  before(async function () {
    this.timeout(300_000);
    await seed(await e2e());
  });

  for (const language of LANGUAGES) {
    const text = TEXT[language];
    const editor = text.fieldEditor;
    const { order } = objectsOf(language);
    const tag = tagOf(language);

    it(`creates a picklist with reordered values, an auto-number, a roll-up and a formula, and is refused deleting what a formula reads (${language}), passing axe`, async () => {
      const env = await e2e();
      const { context, page, problems } = await signedInPage(env, env.users[language], `/setup/objects/${order.name}`);
      try {
        await page.getByRole('button', { name: editor.new }).waitFor();

        // A picklist: three values typed, the third moved above the second.
        await newField(page, text, { en: 'Priority', zh: '优先级' }, 'picklist');
        expect(await page.locator('#field_name').inputValue()).to.equal('priority');
        for (const [position, [en, zh]] of [['Low', '低'], ['High', '高'], ['Medium', '中']].entries()) {
          await page.getByRole('button', { name: editor.addValue }).click();
          await page.getByRole('textbox', { name: `${editor.valueLabelEn} ${position + 1}` }).fill(en!);
          await page.getByRole('textbox', { name: `${editor.valueLabelZh} ${position + 1}` }).fill(zh!);
        }
        await page.getByRole('button', { name: fill(editor.moveUp, { value: 'Medium' }) }).click();
        await screenshot(page, `setup-field-picklist-${language}`);
        expect(await seriousViolations(page), 'axe on the field editor').to.deep.equal([]);
        await create(page, text);
        expect((await fieldOf(env, order.name, 'priority'))?.values).to.deep.equal([
          { value: 'low', label: { en: 'Low', 'zh-CN': '低' } },
          { value: 'medium', label: { en: 'Medium', 'zh-CN': '中' } },
          { value: 'high', label: { en: 'High', 'zh-CN': '高' } },
        ]);

        // An auto-number shows the first record's number as its format is typed.
        await newField(page, text, { en: 'Order number', zh: '订单编号' }, 'autonumber');
        await page.locator('#field_format').fill('SO-{00000}');
        await page.getByText(fill(editor.preview, { value: 'SO-00001' })).waitFor();
        await create(page, text);
        expect(await fieldOf(env, order.name, 'order_number')).to.deep.include({ type: 'autonumber', format: 'SO-{00000}' });

        // A roll-up of the lines' quantities.
        await newField(page, text, { en: 'Total quantity', zh: '总数量' }, 'rollup');
        await chooseOption(page, page.locator('#field_child'), language === 'en' ? 'Order line' : '订单行');
        await page.getByRole('radio', { name: editor.functions.sum }).check();
        await chooseOption(page, page.locator('#field_field'), language === 'en' ? 'Quantity' : '数量');
        await screenshot(page, `setup-field-rollup-${language}`);
        await create(page, text);
        expect(await fieldOf(env, order.name, 'total_quantity')).to.deep.include({ type: 'rollup', child: `sf_line_${tag}`, function: 'sum', field: 'quantity' });

        // A formula reading the roll-up.
        await newField(page, text, { en: 'Boxes', zh: '箱数' }, 'formula');
        await chooseOption(page, page.locator('#field_resultType'), text.fields.types.number);
        await page.locator('#field_expression').fill('$ceil(total_quantity / 12)');
        await create(page, text);
        expect(await fieldOf(env, order.name, 'boxes')).to.deep.include({ type: 'formula', resultType: 'number', expression: '$ceil(total_quantity / 12)' });

        // The roll-up is read by the formula: deleting it is refused, with what reads it.
        await page.getByRole('button', { name: language === 'en' ? 'Total quantity' : '总数量' }).click();
        await page.getByRole('button', { name: editor.delete }).click();
        await page.locator('.ant-popconfirm').getByRole('button', { name: editor.delete }).click();
        const refusal = page.locator('.setup-form-alert');
        await refusal.waitFor();
        expect(await refusal.innerText()).to.include(fill(editor.readers.fields, { name: language === 'en' ? 'Boxes' : '箱数' }));
        await screenshot(page, `setup-field-delete-refused-${language}`);
        expect(await fieldOf(env, order.name, 'total_quantity'), 'still there').to.not.equal(undefined);
        expect(problems.filter((problem) => !/\b(400|409)\b/.test(problem))).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }

  it('shows before a type change how many stored values would not convert, with the records (en)', async () => {
    const env = await e2e();
    const { context, page } = await signedInPage(env, env.users.en, `/setup/objects/${objectsOf('en').order.name}`);
    try {
      await page.getByRole('button', { name: 'Reference' }).click();
      await chooseOption(page, page.locator('#field_type'), TEXT.en.fields.types.number);
      // i18next picks the plural by the count of records: 2.
      await page.getByText(fill(TEXT.en.fieldEditor.impactFailing_other, { failing: '1', count: '2' })).waitFor();
      expect(await page.locator('.setup-form-alert').innerText()).to.include('Second');
      await screenshot(page, 'setup-field-type-impact-en');
      expect((await fieldOf(env, objectsOf('en').order.name, 'reference'))?.type, 'nothing changed').to.equal('text');
    } finally {
      await context.close();
    }
  });

  it('fits the field editor at 390 px, the picklist values wrapping, without scrolling sideways', async () => {
    const env = await e2e();
    const { context, page } = await signedInPage(env, env.users.en, `/setup/objects/${objectsOf('en').order.name}`, { width: 390, height: 844 });
    try {
      await newField(page, TEXT.en, { en: 'Channel', zh: '渠道' }, 'picklist');
      await page.getByRole('button', { name: TEXT.en.fieldEditor.addValue }).click();
      await page.getByRole('textbox', { name: `${TEXT.en.fieldEditor.valueLabelEn} 1` }).fill('Web');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
      await screenshot(page, 'setup-field-en-390');
      expect(await seriousViolations(page), 'axe at 390 px').to.deep.equal([]);
    } finally {
      await context.close();
    }
  });
});
