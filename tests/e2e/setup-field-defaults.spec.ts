import { expect } from 'chai';
import { setupMessages } from '../../studio/src/app/setup/setup-messages.js';
import { chooseOption } from './support/choose-option.js';
import { e2e, screenshot, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

const TEXT = { en: setupMessages.en.setup, 'zh-CN': setupMessages.zhCN.setup } as const;
type Language = keyof typeof TEXT;
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
const objectOf = (language: Language) => `fd_ticket_${language === 'en' ? 'en' : 'zh'}`;
const RECORDS = 3;

let seeded: Promise<void> | undefined;
function seed(env: E2e): Promise<void> {
  seeded ??= (async () => {
    for (const language of LANGUAGES) {
      await succeed(env, 'POST', '/api/v1/meta/objects', {
        name: objectOf(language),
        label: { en: 'Help ticket', 'zh-CN': '帮助工单' },
        fields: [{ name: 'name', type: 'text', required: true }],
      });
      for (let i = 1; i <= RECORDS; i++) await succeed(env, 'POST', `/api/v1/records/${objectOf(language)}`, { name: `Ticket ${i}` });
    }
  })();
  return seeded;
}

async function storedValues(env: E2e, object: string, field: string): Promise<unknown[]> {
  const response = await env.engine.request('GET', `/api/v1/records/${object}?sort=name&limit=50`);
  return (response.body.records as Record<string, unknown>[]).map((record) => record[field]);
}

describe('browser: setup of a field default', function () {
  this.timeout(180_000);
  before(async function () {
    this.timeout(300_000);
    await seed(await e2e());
  });

  for (const language of LANGUAGES) {
    const text = TEXT[language];
    const editor = text.fieldEditor;
    const defaults = text.fieldDefault;
    const object = objectOf(language);

    it(`adds a picklist with a default, gives it to the existing records, and refuses a default too long for the field on its control (${language}), passing axe`, async () => {
      const env = await e2e();
      const { context, page, problems } = await signedInPage(env, env.users[language], `/setup/objects/${object}`);
      try {
        await page.getByRole('button', { name: editor.new }).click();
        await page.locator('#field_labelEn').fill('Queue');
        await page.locator('#field_labelZh').fill('队列');
        await chooseOption(page, page.locator('#field_type'), text.fields.types.picklist);
        for (const [position, [en, zh]] of [['General', '综合'], ['Billing', '账务']].entries()) {
          await page.getByRole('button', { name: editor.addValue }).click();
          await page.getByRole('textbox', { name: `${editor.valueLabelEn} ${position + 1}` }).fill(en!);
          await page.getByRole('textbox', { name: `${editor.valueLabelZh} ${position + 1}` }).fill(zh!);
        }
        await page.locator('.field-default-mode').getByText(defaults.modes.value, { exact: true }).click();
        await chooseOption(page, page.locator('#field_defaultValue'), language === 'en' ? 'Billing' : '账务');
        await screenshot(page, `setup-field-default-${language}`);
        expect(await seriousViolations(page), 'axe on the default').to.deep.equal([]);
        await page.getByRole('button', { name: editor.create }).click();
        await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
        const field = (await env.engine.request('GET', `/api/v1/meta/objects/${object}/fields/queue`)).body.definition;
        expect(field).to.deep.include({ type: 'picklist', default: 'billing' });
        // A default set after the records were created is not theirs yet.
        expect(await storedValues(env, object, 'queue')).to.deep.equal([undefined, undefined, undefined]);

        // Reopened: the saved default is offered to the records without a value.
        await page.getByRole('button', { name: language === 'en' ? 'Queue' : '队列', exact: true }).click();
        await page.getByRole('button', { name: defaults.apply }).click();
        await page.locator('.ant-modal-confirm').getByRole('button', { name: defaults.apply }).click();
        await page.getByText(defaults.applied_other.replace('{{count}}', String(RECORDS))).waitFor();
        expect(await storedValues(env, object, 'queue')).to.deep.equal(['billing', 'billing', 'billing']);
        await screenshot(page, `setup-field-default-applied-${language}`);

        // A code of at most 3 characters whose default is longer: the server's refusal is under the default.
        await page.getByRole('button', { name: editor.cancel }).click();
        await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
        await page.getByRole('button', { name: editor.new }).click();
        await page.locator('#field_labelEn').fill('Code');
        await page.locator('#field_maxLength').fill('3');
        await page.locator('.field-default-mode').getByText(defaults.modes.expression, { exact: true }).click();
        await page.locator('.field-default-mode').getByText(defaults.modes.value, { exact: true }).click();
        await page.locator('#field_defaultValue').fill('GENERAL');
        await page.getByRole('button', { name: editor.create }).click();
        const explained = page.locator('.ant-form-item', { has: page.locator('#field_defaultValue') }).locator('.ant-form-item-explain-error');
        await explained.waitFor();
        await screenshot(page, `setup-field-default-refused-${language}`);
        expect((await env.engine.request('GET', `/api/v1/meta/objects/${object}/fields/code`)).status).to.equal(404);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }
});
