import { expect } from 'chai';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setupMessages } from '../../studio/src/app/setup/setup-messages.js';
import { loadTraditional, toTraditional } from '../../studio/src/shared/i18n/traditional.js';
import { e2e, screenshot, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

const TEXT = { en: setupMessages.en.setup, 'zh-CN': setupMessages.zhCN.setup } as const;
type Language = keyof typeof TEXT;
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];

/** One pack per language, so the runs never meet: `site-kit-en` with its object `kit_visit_en`. */
const packName = (language: Language) => `site-kit-${language === 'en' ? 'en' : 'zh'}`;
const objectName = (language: Language) => `kit_visit_${language === 'en' ? 'en' : 'zh'}`;
const PACK_LABEL = { en: 'Site visits kit', 'zh-CN': '现场拜访套件' };

/** Writes the pack's folder into the engine's packs folder: its version, and the label the pack gives its object. */
function writePack(env: E2e, language: Language, version: string, objectLabel: string): void {
  const dir = join(env.packsDir, packName(language));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'metadata', 'objects'), { recursive: true });
  mkdirSync(join(dir, 'metadata', 'layouts'), { recursive: true });
  writeFileSync(join(dir, 'pack.json'), JSON.stringify({ name: packName(language), version, label: PACK_LABEL, description: { en: 'Visits to customer sites, with their address.', 'zh-CN': '客户现场拜访及其地址。' } }));
  const object = { name: objectName(language), label: { en: objectLabel, 'zh-CN': '现场拜访' }, fields: [{ name: 'address', type: 'text', label: { en: 'Address', 'zh-CN': '地址' } }] };
  writeFileSync(join(dir, 'metadata', 'objects', `${objectName(language)}.json`), JSON.stringify(object));
  const layout = { name: `${objectName(language)}_default`, object: objectName(language), isDefault: true, sections: [{ fields: ['address'] }] };
  writeFileSync(join(dir, 'metadata', 'layouts', `${objectName(language)}_default.json`), JSON.stringify(layout));
}

/** A pack with demo data: one object and two demo records of it. */
function writeDemoPack(env: E2e, name: string, object: string): void {
  const dir = join(env.packsDir, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'metadata', 'objects'), { recursive: true });
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, 'pack.json'), JSON.stringify({ name, version: '1.0.0', label: { en: 'Demo kit', 'zh-CN': '演示套件' } }));
  writeFileSync(join(dir, 'metadata', 'objects', `${object}.json`), JSON.stringify({ name: object, label: { en: 'Demo visit', 'zh-CN': '演示拜访' }, fields: [{ name: 'address', type: 'text', label: { en: 'Address', 'zh-CN': '地址' } }] }));
  writeFileSync(join(dir, 'data', `${object}.json`), JSON.stringify([{ _key: 'first', address: '1 Harbour Road' }, { _key: 'second', address: '上海市浦东新区' }]));
}

describe('browser: setup of packs', function () {
  this.timeout(180_000);
  before(async function () {
    this.timeout(300_000);
    await e2e();
  });

  for (const language of LANGUAGES) {
    const text = TEXT[language].packs;
    const label = PACK_LABEL[language];

    it(`plans and installs a pack, then upgrades it choosing the pack's side of a conflict, and uninstalls it (${language}), passing axe`, async () => {
      const env = await e2e();
      writePack(env, language, '1.0.0', 'Site visit');
      const { context, page, problems } = await signedInPage(env, env.users[language], '/setup/packs');
      try {
        await page.getByRole('heading', { level: 2, name: text.title }).waitFor();
        await page.getByRole('link', { name: text.nav, exact: true }).waitFor();
        const available = page.locator('tbody tr.ant-table-row', { hasText: packName(language) }).last();
        await available.getByText(text.notInstalled, { exact: true }).waitFor();
        await available.getByRole('button', { name: `${text.planInstall}: ${label}` }).click();
        const drawer = page.locator('.ant-drawer-open');
        await drawer.locator('.ant-drawer-title', { hasText: '1.0.0' }).waitFor();
        await drawer.getByText(`object:${objectName(language)}`).waitFor();
        expect(await drawer.getByText(text.actions.create, { exact: true }).count()).to.equal(2);
        await screenshot(page, `setup-packs-plan-${language}`);
        expect(await seriousViolations(page), 'axe on the plan').to.deep.equal([]);
        await drawer.getByRole('button', { name: text.install, exact: true }).click();
        await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
        const installedRow = page.locator('tbody tr.ant-table-row', { hasText: packName(language) }).first();
        await installedRow.getByText('1.0.0', { exact: true }).waitFor();
        await available.getByText(text.upToDate, { exact: true }).waitFor();
        expect((await env.engine.request('GET', `/api/v1/meta/objects/${objectName(language)}`)).status).to.equal(200);
        await screenshot(page, `setup-packs-installed-${language}`);

        // The tenant renames the object; the pack's next version renames it too, differently.
        const current = (await succeed(env, 'GET', `/api/v1/meta/objects/${objectName(language)}`)).definition as Record<string, any>;
        await succeed(env, 'PUT', `/api/v1/meta/objects/${objectName(language)}`, { ...current, label: { ...current.label, en: 'Our visit' } });
        writePack(env, language, '1.1.0', 'Customer visit');
        await page.reload();
        await available.getByText(text.upgradable.replace('{{version}}', '1.0.0'), { exact: true }).waitFor();
        await available.getByRole('button', { name: `${text.planUpgrade}: ${label}` }).click();
        await drawer.locator('fieldset', { hasText: '/label/en' }).waitFor();
        await drawer.getByText('Our visit', { exact: true }).waitFor();
        await drawer.getByText('Customer visit', { exact: true }).waitFor();
        const upgrade = drawer.getByRole('button', { name: text.upgrade, exact: true });
        expect(await upgrade.isDisabled(), 'nothing installs while a conflict is unsettled').to.equal(true);
        await screenshot(page, `setup-packs-conflict-${language}`);
        expect(await seriousViolations(page), 'axe on the conflict').to.deep.equal([]);
        await drawer.getByRole('radio', { name: text.takeTheirs }).check();
        await page.waitForFunction(() => !document.querySelector('.ant-drawer-open .ant-drawer-footer .ant-btn-primary')?.hasAttribute('disabled'));
        await upgrade.click();
        await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
        await installedRow.getByText('1.1.0', { exact: true }).waitFor();
        const upgraded = (await succeed(env, 'GET', `/api/v1/meta/objects/${objectName(language)}`)).definition as Record<string, any>;
        expect(upgraded.label.en).to.equal('Customer visit');

        // Uninstall asks first; the keyboard confirms as the mouse does.
        await installedRow.getByRole('button', { name: `${text.uninstall}: ${label}` }).click();
        await page.getByRole('tooltip').getByText(text.uninstallConfirm).waitFor();
        await page.getByRole('tooltip').getByRole('button', { name: text.uninstall }).click();
        await page.getByText(text.uninstalled.replace('{{pack}}', label).replace('{{count}}', '2')).waitFor();
        expect((await env.engine.request('GET', `/api/v1/meta/objects/${objectName(language)}`)).status).to.equal(404);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
        rmSync(join(env.packsDir, packName(language)), { recursive: true, force: true });
      }
    });
  }

  const demoRuns: readonly { language: 'en' | 'zh-TW'; viewport?: { width: number; height: number } }[] = [{ language: 'en' }, { language: 'zh-TW', viewport: { width: 390, height: 844 } }];
  for (const { language, viewport } of demoRuns) {
    it(`offers a pack's demo data in the plan, counts it per object and creates it (${language}${viewport ? ', 390 px' : ''}), passing axe`, async () => {
      const env = await e2e();
      const [name, object] = language === 'en' ? ['demo-kit-en', 'demo_visit_en'] : ['demo-kit-tw', 'demo_visit_tw'];
      writeDemoPack(env, name, object);
      await loadTraditional();
      const text = TEXT[language === 'en' ? 'en' : 'zh-CN'].packs;
      const shown = (message: string) => (language === 'zh-TW' ? toTraditional(message) : message);
      const { context, page, problems } = await signedInPage(env, env.users[language], '/setup/packs', viewport);
      try {
        const row = page.locator('tbody tr.ant-table-row', { hasText: name }).last();
        await row.getByRole('button').first().click();
        const drawer = page.locator('.ant-drawer-open');
        const choice = drawer.getByRole('checkbox', { name: shown(text.demoData_other.replace('{{count}}', '2')) });
        await choice.check();
        const counts = shown(text.demoDataPlan.replace('{{list}}', text.demoDataObject.replace('{{object}}', object).replace('{{count}}', '2')));
        await drawer.getByText(counts, { exact: true }).waitFor();
        if (viewport) expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scroll').to.be.at.most(viewport.width);
        await screenshot(page, `setup-packs-demo-${language}${viewport ? '-390' : ''}`);
        expect(await seriousViolations(page), 'axe on the plan with demo data').to.deep.equal([]);
        await drawer.getByRole('button', { name: shown(text.install), exact: true }).click();
        await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
        const records = (await succeed(env, 'GET', `/api/v1/records/${object}?sort=_createdAt`)).records as { address: string }[];
        expect(records.map((record) => record.address)).to.deep.equal(['1 Harbour Road', '上海市浦东新区']);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
        await env.engine.request('DELETE', `/api/v1/packs/${name}?force=true`);
        rmSync(join(env.packsDir, name), { recursive: true, force: true });
      }
    });
  }

  it('shows a pack that cannot be installed with its problems, at 390 px, in Traditional Chinese', async () => {
    const env = await e2e();
    const broken = join(env.packsDir, 'half-done');
    mkdirSync(join(broken, 'metadata', 'objects'), { recursive: true });
    writeFileSync(join(broken, 'pack.json'), JSON.stringify({ name: 'half-done', version: '0.1.0', label: { en: 'Half done', 'zh-CN': '未完成' } }));
    writeFileSync(join(broken, 'metadata', 'objects', 'widget.json'), JSON.stringify({ name: 'gizmo', fields: [] }));
    const { context, page, problems } = await signedInPage(env, env.users['zh-TW'], '/setup/packs', { width: 390, height: 844 });
    try {
      await loadTraditional();
      await page.getByRole('heading', { level: 2, name: toTraditional(TEXT['zh-CN'].packs.title) }).waitFor();
      const row = page.locator('tbody tr.ant-table-row', { hasText: 'half-done' });
      await row.getByText('/metadata/objects/widget.json/name', { exact: false }).waitFor();
      expect(await row.getByRole('button').count(), 'no plan for a broken pack').to.equal(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scroll').to.be.at.most(390);
      await screenshot(page, 'setup-packs-broken-390-zh-TW');
      expect(await seriousViolations(page)).to.deep.equal([]);
      expect(problems).to.deep.equal([]);
    } finally {
      await context.close();
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
