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
const dealOf = (language: Language) => `ee_deal_${tagOf(language)}`;
/** CodeMirror autocompletion's default `interactionDelay`. */
const COMPLETION_INTERACTION_DELAY_MS = 75;

/** Each language has a deal object whose lookup reaches an account, and one deal of 5,000 at an energy account. */
let seeded: Promise<void> | undefined;
function seed(env: E2e): Promise<void> {
  seeded ??= (async () => {
    for (const language of LANGUAGES) {
      const account = `ee_account_${tagOf(language)}`;
      await succeed(env, 'POST', '/api/v1/meta/objects', {
        name: account,
        label: { en: 'Account', 'zh-CN': '客户' },
        fields: [
          { name: 'name', type: 'text', required: true },
          { name: 'industry', type: 'text', label: { en: 'Industry', 'zh-CN': '行业' } },
        ],
      });
      await succeed(env, 'POST', '/api/v1/meta/objects', {
        name: dealOf(language),
        label: { en: 'Deal', 'zh-CN': '商机' },
        fields: [
          { name: 'name', type: 'text', required: true },
          { name: 'amount', type: 'number', label: { en: 'Amount', 'zh-CN': '金额' } },
          { name: 'account', type: 'lookup', target: account, label: { en: 'Account', 'zh-CN': '客户' } },
        ],
      });
      const acme = await succeed(env, 'POST', `/api/v1/records/${account}`, { name: 'Acme', industry: 'Energy' });
      await succeed(env, 'POST', `/api/v1/records/${dealOf(language)}`, { name: 'Big deal', amount: 5000, account: acme._id });
    }
  })();
  return seeded;
}

/** Replaces the editor's whole text from the keyboard, as an admin would type it. */
async function retype(page: Page, source: string) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(source);
}

describe('browser: the expression editor', function () {
  this.timeout(180_000);
  before(async function () {
    this.timeout(300_000);
    await seed(await e2e());
  });

  for (const language of LANGUAGES) {
    const text = TEXT[language];
    const object = dealOf(language);

    it(`completes a parent path, underlines the server's error where it is and previews the value on a picked record (${language}), passing axe`, async () => {
      const env = await e2e();
      const { context, page, problems } = await signedInPage(env, env.users[language], `/setup/objects/${object}`);
      try {
        await page.getByRole('button', { name: text.validationRules.new }).click();
        // The code editor replaces the text area once its chunk has loaded, keeping the form's id and the label's name.
        const editor = page.locator('.cm-content');
        await editor.waitFor();
        expect(await editor.getAttribute('id')).to.equal('rule_condition');
        expect(await editor.getAttribute('aria-label')).to.equal(text.validationRules.condition);

        // A parent path through the lookup is offered and inserted from the keyboard.
        await editor.click();
        await page.keyboard.type('account.ind');
        const option = page.locator('.cm-tooltip-autocomplete li', { hasText: 'account.industry' });
        await option.waitFor();
        await screenshot(page, `setup-expression-completion-${language}`);
        // CodeMirror ignores keys meant for a completion during its first 75 ms (interactionDelay), so that
        // a key pressed before a person sees the list does not pick from it: an Enter then is a new line.
        await page.waitForTimeout(COMPLETION_INTERACTION_DELAY_MS + 50);
        await page.keyboard.press('Enter');
        expect(await editor.textContent()).to.equal('account.industry');

        // The engine's error on an unknown parent field is underlined on that field's name, and said under the editor.
        await retype(page, 'account.industri = "Energy"');
        const underline = page.locator('.cm-lintRange-error');
        await underline.waitFor();
        expect(await underline.textContent()).to.equal('industri');
        expect(await editor.getAttribute('aria-invalid')).to.equal('true');
        await page.locator('.expression-preview-problem').waitFor();
        await screenshot(page, `setup-expression-error-${language}`);
        expect(await seriousViolations(page), 'axe with the error underlined').to.deep.equal([]);

        // Fixed, the expression's value on the record picked in the preview.
        await retype(page, 'account.industry = "Energy" and amount > 1000');
        await underline.waitFor({ state: 'detached' });
        expect(await editor.textContent()).to.equal('account.industry = "Energy" and amount > 1000');
        await chooseOption(page, page.locator('#rule_condition_preview'), 'Big', 'Big deal');
        await page.locator('.expression-preview-value', { hasText: fill(text.expressions.previewValue, { value: 'true' }) }).waitFor();
        await retype(page, 'amount * 2');
        await page.locator('.expression-preview-value', { hasText: fill(text.expressions.previewValue, { value: '10000' }) }).waitFor();
        await screenshot(page, `setup-expression-preview-${language}`);
        expect(await seriousViolations(page), 'axe with the preview').to.deep.equal([]);

        // Tab leaves the editor for the next control (the preview's record picker): the keyboard is never trapped.
        await editor.click();
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.id)).to.equal('rule_condition_preview');
        expect(await editor.textContent(), 'Tab inserted nothing').to.equal('amount * 2');
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }

  it('fits a phone: the preview wraps under the editor at 390 px', async () => {
    const env = await e2e();
    const { context, page } = await signedInPage(env, env.users.en, `/setup/objects/${dealOf('en')}`, { width: 390, height: 844 });
    try {
      await page.getByRole('button', { name: TEXT.en.validationRules.new }).click();
      await page.locator('.cm-content').waitFor();
      await retype(page, 'amount >');
      await page.locator('.cm-lintRange-error').waitFor();
      await page.locator('.expression-preview-problem').waitFor();
      for (const part of ['.cm-editor', '.expression-preview .ant-select', '.expression-preview-outcome']) {
        const box = await page.locator(part).boundingBox();
        expect(box!.x + box!.width, `${part} stays inside the screen`).to.be.at.most(390);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling').to.be.at.most(390);
      await screenshot(page, 'setup-expression-phone-en');
    } finally {
      await context.close();
    }
  });
});
