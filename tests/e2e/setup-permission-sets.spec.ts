import { expect } from 'chai';
import { setupMessages } from '../../studio/src/app/setup/setup-messages.js';
import { chooseOption } from './support/choose-option.js';
import { e2e, screenshot, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

/** The page texts, from the app's own catalogues. */
const TEXT = { en: setupMessages.en.setup.permissionSets, 'zh-CN': setupMessages.zhCN.setup.permissionSets } as const;
type Language = keyof typeof TEXT;
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');

/** This spec's own object: its plural label is what the matrix names it by. */
const REQUEST = {
  name: 'sp_request',
  label: { en: 'Spend request', 'zh-CN': '支出申请' },
  pluralLabel: { en: 'Spend requests', 'zh-CN': '支出申请' },
  fields: [
    { name: 'name', type: 'text', required: true, label: { en: 'Title', 'zh-CN': '标题' } },
    { name: 'amount', type: 'number', label: { en: 'Amount', 'zh-CN': '金额' } },
  ],
};
const PLURAL = { en: REQUEST.pluralLabel.en, 'zh-CN': REQUEST.pluralLabel['zh-CN'] } as const;
const FIELD = { en: 'Amount', 'zh-CN': '金额' } as const;

let seeded: Promise<void> | undefined;
function seed(env: E2e): Promise<void> {
  seeded ??= succeed(env, 'POST', '/api/v1/meta/objects', REQUEST).then(() => undefined);
  return seeded;
}

async function definitionOf(env: E2e, name: string): Promise<Record<string, unknown> | undefined> {
  const response = await env.engine.request('GET', `/api/v1/meta/permission-sets/${name}`);
  return response.status === 200 ? response.body.definition : undefined;
}

describe('browser: setup of permission sets', function () {
  this.timeout(120_000);
  before(async function () {
    this.timeout(300_000);
    await seed(await e2e());
  });

  for (const language of LANGUAGES) {
    const text = TEXT[language];
    const right = (name: keyof typeof text.rights) => text.rights[name];
    const cell = (name: keyof typeof text.rights) => fill(text.cell, { object: PLURAL[language], right: right(name) });

    it(`creates a permission set with object rights, a bulk column, a narrowed field and the server's error on the API name (${language}), passing axe`, async () => {
      const env = await e2e();
      const apiName = `sp_purchasing_${language === 'en' ? 'en' : 'zh'}`;
      const { context, page, problems } = await signedInPage(env, env.users[language], '/setup/permission-sets');
      try {
        await page.getByRole('heading', { level: 2, name: text.title }).waitFor();
        await page.getByRole('button', { name: text.new }).click();
        await page.waitForURL((url) => url.pathname === '/setup/permission-sets/new');
        await page.locator('#labelEn').fill('Spend desk');
        expect(await page.locator('#name').inputValue()).to.equal('spend_desk');
        await page.locator('#labelZh').fill('支出台');

        // Only this spec's object in the matrix: the bulk box of a column then touches it alone.
        await page.getByRole('textbox', { name: text.searchObjects }).fill(PLURAL[language]);
        await page.getByRole('checkbox', { name: cell('delete') }).check();
        // Delete ticks what it needs.
        expect(await page.getByRole('checkbox', { name: cell('edit') }).isChecked()).to.equal(true);
        expect(await page.getByRole('checkbox', { name: cell('read') }).isChecked()).to.equal(true);
        // Unticking edit takes delete with it; then the keyboard ticks edit again.
        await page.getByRole('checkbox', { name: cell('edit') }).uncheck();
        expect(await page.getByRole('checkbox', { name: cell('delete') }).isChecked()).to.equal(false);
        await page.getByRole('checkbox', { name: cell('edit') }).focus();
        await page.keyboard.press('Space');
        expect(await page.getByRole('checkbox', { name: cell('edit') }).isChecked()).to.equal(true);
        await page.getByRole('checkbox', { name: fill(text.allOf, { right: right('create') }) }).check();
        expect(await page.getByRole('checkbox', { name: cell('create') }).isChecked()).to.equal(true);

        // The amount is read only for this set.
        await chooseOption(page, page.getByRole('combobox', { name: text.pickObject }), PLURAL[language]);
        const edit = page.getByRole('checkbox', { name: fill(text.fieldCell, { field: FIELD[language], right: right('edit') }) });
        await edit.waitFor();
        expect(await edit.isChecked()).to.equal(true);
        await edit.uncheck();
        await page.locator('.permission-narrowed').first().waitFor();

        // A name already taken: the server's refusal lands under the API name, nothing is saved.
        await page.locator('#name').fill('standard_user');
        await page.getByRole('button', { name: text.create }).click();
        const nameItem = page.locator('.ant-form-item', { has: page.locator('#name') });
        await nameItem.locator('.ant-form-item-explain-error').waitFor();
        await screenshot(page, `setup-permission-set-error-${language}`);
        expect(await seriousViolations(page), 'axe on the permission set editor').to.deep.equal([]);

        await page.locator('#name').fill(apiName);
        await page.getByRole('button', { name: text.create }).click();
        await page.waitForURL((url) => url.pathname === `/setup/permission-sets/${apiName}`);
        expect(await definitionOf(env, apiName)).to.deep.equal({
          name: apiName,
          label: { en: 'Spend desk', 'zh-CN': '支出台' },
          objects: { sp_request: { create: true, read: true, edit: true } },
          fields: { sp_request: { amount: { read: true, edit: false } } },
        });
        await screenshot(page, `setup-permission-set-saved-${language}`);

        // The list names it, with how many objects it opens.
        await page.getByRole('link', { name: text.back }).click();
        await page.getByRole('link', { name: language === 'en' ? 'Spend desk' : '支出台' }).first().waitFor();
        await screenshot(page, `setup-permission-sets-${language}`);
        expect(await seriousViolations(page), 'axe on the list').to.deep.equal([]);
        expect(problems.filter((problem) => !problem.includes('409'))).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }

  it('keeps the matrix usable at 390 px: the rights scroll inside it, the page does not scroll sideways', async () => {
    const env = await e2e();
    const { context, page } = await signedInPage(env, env.users.en, '/setup/permission-sets/new', { width: 390, height: 844 });
    try {
      await page.getByRole('checkbox', { name: fill(TEXT.en.cell, { object: PLURAL.en, right: 'Modify all' }) }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
      const scroll = page.locator('.permission-matrix-scroll').first();
      expect(await scroll.evaluate((element) => element.scrollWidth > element.clientWidth)).to.equal(true);
      await screenshot(page, 'setup-permission-set-en-390');
      expect(await seriousViolations(page), 'axe at 390 px').to.deep.equal([]);
    } finally {
      await context.close();
    }
  });
});
