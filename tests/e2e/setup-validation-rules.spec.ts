import { expect } from 'chai';
import { setupMessages } from '../../studio/src/app/setup/setup-messages.js';
import { e2e, screenshot, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

const TEXT = { en: setupMessages.en.setup.validationRules, 'zh-CN': setupMessages.zhCN.setup.validationRules } as const;
type Language = keyof typeof TEXT;
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
const objectOf = (language: Language) => `vr_invoice_${language === 'en' ? 'en' : 'zh'}`;

let seeded: Promise<void> | undefined;
function seed(env: E2e): Promise<void> {
  seeded ??= (async () => {
    for (const language of LANGUAGES) {
      await succeed(env, 'POST', '/api/v1/meta/objects', {
        name: objectOf(language),
        label: { en: 'Invoice', 'zh-CN': '发票' },
        fields: [
          { name: 'name', type: 'text', required: true },
          { name: 'amount', type: 'number', label: { en: 'Amount', 'zh-CN': '金额' } },
        ],
      });
    }
  })();
  return seeded;
}

describe('browser: setup of validation rules', function () {
  this.timeout(120_000);
  before(async function () {
    this.timeout(300_000);
    await seed(await e2e());
  });

  for (const language of LANGUAGES) {
    const text = TEXT[language];
    const object = objectOf(language);

    it(`adds a rule whose broken condition the server underlines, then refuses records that break it (${language}), passing axe`, async () => {
      const env = await e2e();
      const { context, page, problems } = await signedInPage(env, env.users[language], `/setup/objects/${object}`);
      try {
        await page.getByRole('button', { name: text.new }).click();
        await page.locator('#rule_name').fill('too_big');
        // The code editor replaces the text area when its chunk arrives: typing waits for it.
        await page.locator('.cm-content#rule_condition').waitFor();
        await page.locator('#rule_condition').fill('amount >');
        await page.locator('#rule_messageEn').fill('Invoices above 1,000 need a purchase order');
        await page.locator('#rule_messageZh').fill('超过 1,000 的发票需要采购订单');
        await page.locator('#rule_field').fill(language === 'en' ? 'Amount' : '金额');
        await page.keyboard.press('Enter');
        await page.getByRole('button', { name: text.create }).click();
        // The server's parse error lands on the condition; nothing is saved.
        const condition = page.locator('.ant-form-item', { has: page.locator('#rule_condition') });
        await condition.locator('.ant-form-item-explain-error').waitFor();
        // ... and is underlined in the code editor where the parse stopped (the `>` with nothing after it):
        // the whole expression at first, from the save's refusal, then exactly once the live check has answered.
        await condition.locator('.cm-lintRange-error', { hasText: /^>$/ }).waitFor();
        await screenshot(page, `setup-validation-rule-error-${language}`);
        expect(await seriousViolations(page), 'axe on the rule editor').to.deep.equal([]);
        expect((await env.engine.request('GET', `/api/v1/meta/objects/${object}`)).body.definition.validationRules ?? []).to.deep.equal([]);

        await page.locator('#rule_condition').fill('amount > 1000');
        await page.getByRole('button', { name: text.create }).click();
        await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
        await page.getByRole('button', { name: 'too_big' }).waitFor();
        await screenshot(page, `setup-validation-rules-${language}`);
        expect((await env.engine.request('GET', `/api/v1/meta/objects/${object}`)).body.definition.validationRules).to.deep.equal([
          { name: 'too_big', condition: 'amount > 1000', message: { en: 'Invoices above 1,000 need a purchase order', 'zh-CN': '超过 1,000 的发票需要采购订单' }, field: 'amount' },
        ]);
        const refused = await env.engine.request('POST', `/api/v1/records/${object}`, { name: 'Big', amount: 5000 }, { 'accept-language': language });
        expect(refused.status).to.equal(422);
        expect(JSON.stringify(refused.body)).to.include(language === 'en' ? 'need a purchase order' : '需要采购订单');
        expect((await env.engine.request('POST', `/api/v1/records/${object}`, { name: 'Small', amount: 50 })).status).to.equal(201);
        expect(problems.filter((problem) => !problem.includes('400'))).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }
});
