import { expect } from 'chai';
import type { Locator, Page } from 'playwright-core';
import { setupMessages } from '../../studio/src/app/setup/setup-messages.js';
import { chooseOption } from './support/choose-option.js';
import { e2e, screenshot, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

const TEXT = { en: setupMessages.en.setup.layouts, 'zh-CN': setupMessages.zhCN.setup.layouts } as const;
type Language = keyof typeof TEXT;
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
/** Each run picks its own object by its label, so the two labels differ in both languages. */
const OBJECT_LABEL = { en: { en: 'Travel request', 'zh-CN': '差旅申请' }, 'zh-CN': { en: 'Trip request', 'zh-CN': '出差申请' } } as const;
const objectOf = (language: Language) => `lo_request_${language === 'en' ? 'en' : 'zh'}`;
const LABELS = {
  name: { en: 'Title', 'zh-CN': '标题' },
  amount: { en: 'Amount', 'zh-CN': '金额' },
  needed_by: { en: 'Needed by', 'zh-CN': '需要日期' },
  notes: { en: 'Notes', 'zh-CN': '备注' },
} as const;

let seeded: Promise<Record<Language, string>> | undefined;
function seed(env: E2e): Promise<Record<Language, string>> {
  seeded ??= (async () => {
    const records = {} as Record<Language, string>;
    for (const language of LANGUAGES) {
      const label = (field: keyof typeof LABELS) => ({ en: LABELS[field].en, 'zh-CN': LABELS[field]['zh-CN'] });
      await succeed(env, 'POST', '/api/v1/meta/objects', {
        name: objectOf(language),
        label: OBJECT_LABEL[language],
        fields: [
          { name: 'name', type: 'text', required: true, label: label('name') },
          { name: 'amount', type: 'number', label: label('amount') },
          { name: 'needed_by', type: 'date', label: label('needed_by') },
          { name: 'notes', type: 'longtext', label: label('notes') },
        ],
      });
      records[language] = (await succeed(env, 'POST', `/api/v1/records/${objectOf(language)}`, { name: 'Laptops', amount: 1200 }))._id;
    }
    return records;
  })();
  return seeded;
}

/** Picks a field in a section's "Add field" from the keyboard. */
const addByKeyboard = (page: Page, name: string, label: string) => chooseOption(page, page.getByRole('combobox', { name }), label);

/** A drag with the mouse, in steps, as dnd-kit's pointer sensor needs to see movement. */
async function drag(page: Page, handle: Locator, target: Locator): Promise<void> {
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 12, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
}

describe('browser: setup of layouts', function () {
  this.timeout(120_000);
  before(async function () {
    this.timeout(300_000);
    await seed(await e2e());
  });

  for (const language of LANGUAGES) {
    const text = TEXT[language];
    const object = objectOf(language);
    const label = (field: keyof typeof LABELS) => LABELS[field][language];

    it(`builds a two-section layout by drag and drop and from the keyboard, marks a field read only, and the record page shows it (${language}), passing axe`, async () => {
      const env = await e2e();
      const records = await seed(env);
      const { context, page, problems } = await signedInPage(env, env.users[language], '/setup/layouts');
      try {
        await chooseOption(page, page.getByRole('combobox', { name: text.pickObject }), OBJECT_LABEL[language][language]);
        await page.waitForURL((url) => url.pathname === '/setup/layouts/new');
        await page.locator('#layout_labelEn').fill('Request form');
        await page.locator('#layout_labelZh').fill('申请表单');
        await page.getByRole('switch', { name: text.isDefault }).click();
        await page.getByRole('textbox', { name: `${text.sectionTitleEn} 1` }).fill('Request');
        await page.getByRole('textbox', { name: `${text.sectionTitleZh} 1` }).fill('申请');

        // Two fields from the keyboard, through the section's "Add field".
        for (const field of ['name', 'amount'] as const) await addByKeyboard(page, `${text.addField} 1`, label(field));
        // One by drag and drop from the palette.
        const chip = page.locator('.layout-palette .layout-chip-handle', { hasText: label('needed_by') });
        expect(await chip.getAttribute('aria-label')).to.equal(fill(text.drag, { field: label('needed_by') }));
        await drag(page, chip, page.locator('.layout-section').first().locator('.layout-fields'));
        await page.locator('.layout-section').first().getByText(label('needed_by')).waitFor();

        await page.getByRole('button', { name: text.addSection }).click();
        await page.getByRole('textbox', { name: `${text.sectionTitleEn} 2` }).fill('Details');
        await page.getByRole('textbox', { name: `${text.sectionTitleZh} 2` }).fill('详细信息');
        await page.getByRole('radiogroup', { name: `${text.columns} 2` }).getByText(text.oneColumn).click();
        await addByKeyboard(page, `${text.addField} 2`, label('notes'));
        await page.getByRole('checkbox', { name: `${label('amount')}: ${text.readOnly}` }).check();
        await screenshot(page, `setup-layout-${language}`);
        expect(await seriousViolations(page), 'axe on the layout editor').to.deep.equal([]);

        await page.getByRole('button', { name: text.create }).click();
        await page.waitForURL((url) => url.pathname === `/setup/layouts/${object}_layout`);
        const saved = (await env.engine.request('GET', `/api/v1/meta/layouts/${object}_layout`)).body.definition;
        expect(saved).to.deep.include({ object, isDefault: true, label: { en: 'Request form', 'zh-CN': '申请表单' } });
        expect(saved.sections).to.deep.equal([
          { title: { en: 'Request', 'zh-CN': '申请' }, columns: 2, fields: ['name', { field: 'amount', readOnly: true }, 'needed_by'] },
          { title: { en: 'Details', 'zh-CN': '详细信息' }, columns: 1, fields: ['notes'] },
        ]);

        // The record page is arranged by it at once.
        await page.goto(`${env.engine.url}/o/${object}/${records[language]}`);
        await page.getByText(language === 'en' ? 'Details' : '详细信息', { exact: true }).first().waitFor();
        await screenshot(page, `setup-layout-record-${language}`);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }

  it('stacks the palette above the sections at 390 px, without scrolling sideways', async () => {
    const env = await e2e();
    const { context, page } = await signedInPage(env, env.users.en, `/setup/layouts/new?object=${objectOf('en')}`, { width: 390, height: 844 });
    try {
      await page.getByRole('button', { name: TEXT.en.addSection }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
      await screenshot(page, 'setup-layout-en-390');
      expect(await seriousViolations(page), 'axe at 390 px').to.deep.equal([]);
    } finally {
      await context.close();
    }
  });
});
