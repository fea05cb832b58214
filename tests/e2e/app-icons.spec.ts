import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { createUser } from '../support/auth-helpers.js';
import { e2e, screenshot, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

/**
 * Two apps of this spec's own; the server's answer is given an icon name this build does not know
 * (as a newer server, or a plugin's app, would send): the app must still show an icon.
 */
const TEXT = {
  en: { field: 'Field service', office: 'Back office' },
  'zh-CN': { field: '现场服务', office: '后台' },
} as const;
type Language = keyof typeof TEXT;
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
const worker = (language: Language) => `ai.worker.${language.toLowerCase()}@example.com`;

let seeded: Promise<void> | undefined;
function seed(env: E2e): Promise<void> {
  seeded ??= (async () => {
    await succeed(env, 'POST', '/api/v1/meta/objects', { name: 'ai_visit', label: { en: 'Visit', 'zh-CN': '上门' }, pluralLabel: { en: 'Visits', 'zh-CN': '上门记录' }, fields: [{ name: 'name', type: 'text' }] });
    await succeed(env, 'POST', '/api/v1/meta/permission-sets', { name: 'ai_worker', objects: { ai_visit: { read: true } } });
    await succeed(env, 'POST', '/api/v1/meta/apps', { name: 'ai_field', label: { en: TEXT.en.field, 'zh-CN': TEXT['zh-CN'].field }, icon: 'ToolOutlined', tabs: [{ object: 'ai_visit' }], permissionSets: ['ai_worker'] });
    await succeed(env, 'POST', '/api/v1/meta/apps', { name: 'ai_office', label: { en: TEXT.en.office, 'zh-CN': TEXT['zh-CN'].office }, icon: 'BankOutlined', order: 1, tabs: [{ object: 'ai_visit' }], permissionSets: ['ai_worker'] });
    for (const language of LANGUAGES) await createUser(env.engine, { full_name: `Worker ${language}`, email: worker(language), language, permission_sets: ['ai_worker'] }, env.users.password);
  })();
  return seeded;
}

/** The apps' answer with icon names no build knows. */
async function unknownIcons(page: Page): Promise<void> {
  await page.route('**/api/v1/ui/apps*', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { apps: { icon: string }[] };
    await route.fulfill({ response, json: { ...body, apps: body.apps.map((app, index) => ({ ...app, icon: ['PlaneOutlined', 'constructor'][index % 2] })) } });
  });
}

/** The drawn size of the icon inside an element: 0 when nothing is drawn there. */
const iconWidth = (page: Page, selector: string) => page.locator(selector).locator('svg').first().evaluate((svg) => svg.getBoundingClientRect().width);

describe('browser: an app whose icon name is unknown still shows an icon', function () {
  this.timeout(120_000);
  before(async function () {
    this.timeout(300_000);
    await seed(await e2e());
  });

  for (const language of LANGUAGES) {
    const text = TEXT[language];
    it(`draws the generic app icon in the phone header's switcher and in the app menu (${language}, 390 px), passing axe`, async () => {
      const env = await e2e();
      const { context, page, problems } = await signedInPage(env, worker(language), '/', { width: 390, height: 844 });
      try {
        await unknownIcons(page);
        await page.reload();
        const switcher = page.getByRole('button', { name: new RegExp(text.field) });
        await switcher.waitFor();
        await page.waitForFunction(() => document.querySelector('.app-switcher svg') !== null);
        expect(await iconWidth(page, '.app-switcher'), 'an icon in the switcher').to.be.greaterThan(8);
        await screenshot(page, `app-icons-header-${language}-390`);
        await switcher.click();
        for (const name of [text.field, text.office]) {
          const item = page.getByRole('menuitem', { name, exact: true });
          await item.waitFor();
          expect(await item.locator('svg').count(), `an icon for ${name}`).to.equal(1);
        }
        await screenshot(page, `app-icons-menu-${language}-390`);
        expect(await seriousViolations(page), 'axe with the app menu open').to.deep.equal([]);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }
});
