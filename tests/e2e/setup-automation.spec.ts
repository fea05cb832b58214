import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { setupMessages } from '../../studio/src/app/setup/setup-messages.js';
import { chooseOption } from './support/choose-option.js';
import { e2e, screenshot as capture, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

const TEXT = { en: setupMessages.en.setup.automation, 'zh-CN': setupMessages.zhCN.setup.automation } as const;
type Language = keyof typeof TEXT;
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
const tagOf = (language: Language) => (language === 'en' ? 'en' : 'zh');
/** Each language's run has its own object, so one run's rule never does the other's work. */
const objectOf = (language: Language) => `au_order_${tagOf(language)}`;
const ORDER_LABEL = { en: 'Big-order test', 'zh-CN': '大单测试' } as const;
const PRIORITY = { en: 'Priority', 'zh-CN': '优先级' } as const;
const HIGH = { en: 'High', 'zh-CN': '高' } as const;

let seeded: Promise<void> | undefined;
function seed(env: E2e): Promise<void> {
  seeded ??= (async () => {
    for (const language of LANGUAGES) {
      await succeed(env, 'POST', '/api/v1/meta/objects', {
        name: objectOf(language),
        label: { en: `${ORDER_LABEL.en} ${tagOf(language)}`, 'zh-CN': `${ORDER_LABEL['zh-CN']} ${tagOf(language)}` },
        fields: [
          { name: 'name', type: 'text', required: true },
          { name: 'amount', type: 'number', label: { en: 'Amount', 'zh-CN': '金额' } },
          {
            name: 'priority',
            type: 'picklist',
            label: PRIORITY,
            values: [
              { value: 'low', label: { en: 'Low', 'zh-CN': '低' } },
              { value: 'high', label: HIGH },
            ],
            default: 'low',
          },
        ],
      });
    }
  })();
  return seeded;
}

async function createOrder(env: E2e, language: Language, amount: number): Promise<Record<string, unknown>> {
  return succeed(env, 'POST', `/api/v1/records/${objectOf(language)}`, { name: `Order of ${amount}`, amount });
}

/** From the top of the page: a full-page capture draws the fixed header where the page was scrolled to. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await capture(page, name);
}

/** The error the form shows under the control with this id. */
function errorUnder(page: Page, id: string) {
  return page.locator('.ant-form-item', { has: page.locator(`#${id}`) }).locator('.ant-form-item-explain-error');
}

/** An expression control once the code editor is in it: typed into the plain text area it replaces, the text would be lost. */
async function codeEditor(page: Page, id: string) {
  const editor = page.locator(`.cm-content#${id}`);
  await editor.waitFor();
  return editor;
}

describe('browser: setup of automation rules', function () {
  this.timeout(180_000);
  before(async function () {
    this.timeout(300_000);
    await seed(await e2e());
  });

  for (const language of LANGUAGES) {
    const text = TEXT[language];
    const tag = tagOf(language);
    const object = objectOf(language);
    const name = `au_${tag}_big_order`;
    const objectLabel = `${ORDER_LABEL[language]} ${tag}`;
    // Both runs' rules are in the list: each has labels of its own.
    const label = { en: `Escalate big orders ${tag}`, 'zh-CN': `大额订单升级 ${tag}` };
    const shown = label[language];

    it(`builds "when an order goes above 1000, set priority to high" from the UI and the engine runs it (${language}), passing axe`, async () => {
      const env = await e2e();
      const { context, page, problems } = await signedInPage(env, env.users[language], '/setup/automation');
      try {
        await page.getByRole('heading', { level: 2, name: text.title }).waitFor();
        await page.getByRole('button', { name: text.new }).click();
        await page.locator('#labelEn').fill(label.en);
        await page.locator('#labelZh').fill(label['zh-CN']);
        await page.locator('#name').fill(name);
        await chooseOption(page, page.locator('#object'), objectLabel);
        // A broken condition: the server's parse error lands on the condition, and nothing is saved.
        await (await codeEditor(page, 'condition')).fill('amount >');
        await chooseOption(page, page.getByRole('combobox', { name: `${fill(text.actionTitle, { position: 1 })}: ${text.field}` }), PRIORITY[language]);
        await page.getByRole('combobox', { name: `${fill(text.actionTitle, { position: 1 })}: ${text.value}` }).click();
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: HIGH[language] }).click();
        await page.getByRole('button', { name: text.create }).click();
        await errorUnder(page, 'condition').waitFor();
        expect((await env.engine.request('GET', `/api/v1/meta/automation-rules/${name}`)).status, 'nothing saved').to.equal(404);

        await (await codeEditor(page, 'condition')).fill('amount > 1000');
        await screenshot(page, `setup-automation-rule-${language}`);
        expect(await seriousViolations(page), 'axe on the rule editor').to.deep.equal([]);
        await page.getByRole('button', { name: text.create }).click();
        await page.waitForURL((url) => url.pathname === `/setup/automation/${name}`);

        const saved = (await env.engine.request('GET', `/api/v1/meta/automation-rules/${name}`)).body.definition;
        expect(saved).to.deep.equal({
          name,
          label,
          object,
          condition: 'amount > 1000',
          actions: [{ setField: 'priority', value: 'high' }],
        });
        expect(await createOrder(env, language, 1500), 'above 1000: the rule sets the priority').to.include({ priority: 'high' });
        expect(await createOrder(env, language, 800), 'not above: it stays as it was').to.include({ priority: 'low' });

        // Switched off from the list, the rule stops running; switched on, it runs again.
        await page.getByRole('link', { name: text.backToList }).click();
        const active = page.getByRole('switch', { name: fill(text.activeOf, { name: shown }) });
        await active.click();
        await page.getByText(fill(text.deactivated, { name: shown })).waitFor();
        expect((await env.engine.request('GET', `/api/v1/meta/automation-rules/${name}`)).body.definition.active).to.equal(false);
        expect(await createOrder(env, language, 5000), 'an inactive rule does nothing').to.include({ priority: 'low' });
        await screenshot(page, `setup-automation-list-${language}`);
        expect(await seriousViolations(page), 'axe on the list').to.deep.equal([]);
        await active.click();
        await page.getByText(fill(text.activated, { name: shown })).waitFor();
        expect(await createOrder(env, language, 5000)).to.include({ priority: 'high' });
        expect(problems.filter((problem) => !problem.includes('400'))).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }

  it('edits each action with the form of its type and puts a wrong field of a created record on its row', async () => {
    const env = await e2e();
    const { context, page, problems } = await signedInPage(env, env.users.en, `/setup/automation/new?object=${objectOf('en')}`);
    const text = TEXT.en;
    const action = (position: number, part: string) => page.getByRole('combobox', { name: `${fill(text.actionTitle, { position })}: ${part}` });
    try {
      await page.locator('#labelEn').fill('Tell and track');
      await page.locator('#name').fill('au_en_tell_track');
      await (await codeEditor(page, 'condition')).fill("priority = 'high'");
      await chooseOption(page, page.getByRole('combobox', { name: fill(text.actionType, { position: 1 }) }), text.types.email);
      await chooseOption(page, action(1, text.to), text.recipients.owner);
      await page.keyboard.press('Escape');
      await page.locator('#actions_0_subject').fill('Big order {{name}}');
      await page.locator('#actions_0_body').fill('Amount: {{amount}}');
      // The Chinese version, for recipients whose saved language is Chinese.
      await page.getByRole('button', { name: 'In other languages (optional)' }).click();
      await page.locator('[id="actions_0_translations_zh-CN_subject"]').fill('大额订单 {{name}}');
      await page.locator('[id="actions_0_translations_zh-CN_body"]').fill('金额：{{amount}}');
      await page.getByRole('button', { name: text.addAction }).click();
      await chooseOption(page, page.getByRole('combobox', { name: fill(text.actionType, { position: 2 }) }), text.types.createRecord);
      await chooseOption(page, action(2, text.createObject), `${ORDER_LABEL.en} en`);
      await page.getByRole('button', { name: text.addValue }).click();
      await chooseOption(page, page.getByRole('combobox', { name: fill(text.valueField, { position: 1 }) }), 'Amount');
      await (await codeEditor(page, 'actions_1_values_0_expression')).fill('amount +');
      await page.getByRole('button', { name: text.addAction }).click();
      await chooseOption(page, page.getByRole('combobox', { name: fill(text.actionType, { position: 3 }) }), text.types.webhook);
      await page.locator('#actions_2_url').fill('http://127.0.0.1:9/hooks/orders');
      await page.getByRole('button', { name: text.create }).click();
      // The engine compiles every action: the broken expression of the created record's value is on its row.
      await errorUnder(page, 'actions_1_values_0_expression').waitFor();
      // The created record needs a name the action does not give: said on the object picked.
      await errorUnder(page, 'actions_1_object').waitFor();
      await screenshot(page, 'setup-automation-actions-en');
      expect(await seriousViolations(page), 'axe on the actions').to.deep.equal([]);
      expect((await env.engine.request('GET', '/api/v1/meta/automation-rules/au_en_tell_track')).status).to.equal(404);

      await (await codeEditor(page, 'actions_1_values_0_expression')).fill('amount + 1');
      await page.getByRole('button', { name: text.addValue }).click();
      await chooseOption(page, page.getByRole('combobox', { name: fill(text.valueField, { position: 2 }) }), 'name');
      await (await codeEditor(page, 'actions_1_values_1_expression')).fill("'Follow-up of ' & name");
      // The webhook goes first: moved up twice.
      await page.getByRole('button', { name: fill(text.moveUp, { position: 3 }) }).click();
      await page.getByRole('button', { name: fill(text.moveUp, { position: 2 }) }).click();
      await page.getByRole('button', { name: text.create }).click();
      await page.waitForURL((url) => url.pathname === '/setup/automation/au_en_tell_track');
      const saved = (await env.engine.request('GET', '/api/v1/meta/automation-rules/au_en_tell_track')).body.definition;
      expect(saved.actions).to.deep.equal([
        { webhook: { url: 'http://127.0.0.1:9/hooks/orders' } },
        { email: { to: ['owner'], subject: 'Big order {{name}}', body: 'Amount: {{amount}}', translations: { 'zh-CN': { subject: '大额订单 {{name}}', body: '金额：{{amount}}' } } } },
        { createRecord: { object: objectOf('en'), values: { amount: 'amount + 1', name: "'Follow-up of ' & name" } } },
      ]);
      await page.getByRole('button', { name: text.delete }).click();
      await page.locator('.ant-popover').getByRole('button', { name: text.delete }).click();
      await page.waitForURL((url) => url.pathname === '/setup/automation');
      expect((await env.engine.request('GET', '/api/v1/meta/automation-rules/au_en_tell_track')).status).to.equal(404);
      expect(problems.filter((problem) => !problem.includes('400'))).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });

  it('fits the rule editor on a phone at 390 px, without scrolling sideways', async () => {
    const env = await e2e();
    const { context, page } = await signedInPage(env, env.users['zh-CN'], `/setup/automation/new?object=${objectOf('zh-CN')}`, { width: 390, height: 844 });
    try {
      await page.locator('.cm-content#condition').waitFor();
      await chooseOption(page, page.getByRole('combobox', { name: fill(TEXT['zh-CN'].actionType, { position: 1 }) }), TEXT['zh-CN'].types.createRecord);
      await chooseOption(page, page.getByRole('combobox', { name: `${fill(TEXT['zh-CN'].actionTitle, { position: 1 })}: ${TEXT['zh-CN'].createObject}` }), `${ORDER_LABEL['zh-CN']} zh`);
      await page.getByRole('button', { name: TEXT['zh-CN'].addValue }).click();
      await (await codeEditor(page, 'actions_0_values_0_expression')).fill('amount * 2');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
      await screenshot(page, 'setup-automation-rule-zh-CN-390');
      expect(await seriousViolations(page), 'axe at 390 px').to.deep.equal([]);
    } finally {
      await context.close();
    }
  });
});
