import { expect } from 'chai';
import { setupMessages } from '../../studio/src/app/setup/setup-messages.js';
import { e2e, screenshot, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

const LANGUAGES = ['en', 'zh-CN', 'zh-TW'] as const;
type Language = (typeof LANGUAGES)[number];
const objectOf = (language: Language) => `enc_client_${language.replace('-', '_').toLowerCase()}`;
/** What the cost notice says, in each language (zh-TW is the studio's conversion of zh-CN: these words are the same). */
const COST: Record<Language, RegExp> = { en: /no sorting/, 'zh-CN': /不能排序/, 'zh-TW': /不能排序/ };

let seeded: Promise<void> | undefined;
function seed(env: E2e): Promise<void> {
  seeded ??= (async () => {
    for (const language of LANGUAGES) {
      await succeed(env, 'POST', '/api/v1/meta/objects', {
        name: objectOf(language),
        label: { en: 'Client', 'zh-CN': '客户' },
        fields: [
          { name: 'name', type: 'text', required: true },
          { name: 'passport', type: 'text', label: { en: 'Passport', 'zh-CN': '护照' } },
        ],
      });
      await succeed(env, 'POST', `/api/v1/records/${objectOf(language)}`, { name: 'Ada', passport: 'P-1234567' });
    }
  })();
  return seeded;
}

describe('browser: the encrypted flag of a field', function () {
  this.timeout(180_000);
  before(async function () {
    this.timeout(300_000);
    await seed(await e2e());
  });

  for (const language of LANGUAGES) {
    it(`offers the flag on a text field and says what it costs, then saves it with the deterministic mode by keyboard (${language}, 390 px), passing axe`, async () => {
      const env = await e2e();
      const object = objectOf(language);
      const { context, page, problems } = await signedInPage(env, env.users[language], `/setup/objects/${object}`, { width: 390, height: 844 });
      try {
        await page.getByRole('button', { name: /^(Passport|护照|護照)$/ }).click();
        const flags = page.locator('.field-encryption');
        await flags.waitFor();
        expect(await page.locator('.field-encryption-cost').count(), 'no notice before the flag is on').to.equal(0);
        const encrypted = flags.getByRole('checkbox').first();
        await encrypted.focus();
        await page.keyboard.press('Space');
        const cost = page.locator('.field-encryption-cost');
        await cost.waitFor();
        expect(await cost.innerText()).to.match(COST[language]);
        await flags.getByRole('checkbox').nth(1).focus();
        await page.keyboard.press('Space');
        expect(await flags.getByRole('checkbox').nth(1).isChecked()).to.equal(true);
        await screenshot(page, `setup-field-encryption-${language}`);
        expect(await seriousViolations(page), `axe (${language})`).to.deep.equal([]);
        // zh-TW's labels are the studio's conversion of zh-CN's: its save button is found by its kind.
        const drawer = page.locator('.ant-drawer-open');
        const save = language === 'zh-TW' ? drawer.locator('button[type=submit]') : drawer.getByRole('button', { name: setupMessages[language === 'en' ? 'en' : 'zhCN'].setup.fieldEditor.save });
        await save.click();
        await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
        const field = (await env.engine.request('GET', `/api/v1/meta/objects/${object}/fields/passport`)).body.definition;
        expect(field).to.deep.include({ encrypted: true, deterministic: true });
        const backfills = (await env.engine.request('GET', `/api/v1/meta/backfills?object=${object}`)).body.backfills as { reseal?: string[] }[];
        expect(backfills.some((backfill) => backfill.reseal?.includes('passport')), 'the existing value is encrypted in the background').to.equal(true);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }
});
