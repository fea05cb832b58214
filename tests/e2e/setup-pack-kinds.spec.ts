import { expect } from 'chai';
import { rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { setupMessages } from '../../studio/src/app/setup/setup-messages.js';
import { loadTraditional, toTraditional } from '../../studio/src/shared/i18n/traditional.js';
import { e2e, screenshot, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'pack-kinds', '1.0.0', 'sla-desk');
const KIND_LABEL = { en: 'SLA policy', 'zh-CN': 'SLA 策略' };

const runs: readonly { language: 'en' | 'zh-CN' | 'zh-TW'; viewport?: { width: number; height: number } }[] = [
  { language: 'en' },
  { language: 'zh-CN' },
  { language: 'zh-TW', viewport: { width: 390, height: 844 } },
];

/** The SLA desk pack (tests/fixtures/pack-kinds) adds the kind slaPolicy: the studio names it as the pack labels it. */
describe('browser: a kind of metadata a pack adds, in the history and on the packs page', function () {
  this.timeout(180_000);
  let env: E2e;

  before(async function () {
    this.timeout(300_000);
    env = await e2e();
    symlinkSync(FIXTURE, join(env.packsDir, 'sla-desk'), 'dir');
    await succeed(env, 'POST', '/api/v1/packs/install', { name: 'sla-desk' });
    const gold = { name: 'gold', object: 'sd_ticket', label: { en: 'Gold', 'zh-CN': '金牌' }, responseHours: 4 };
    await succeed(env, 'POST', '/api/v1/meta/sla-policies', gold);
    await succeed(env, 'PUT', '/api/v1/meta/sla-policies/gold', { ...gold, responseHours: 3 });
    await loadTraditional();
  });
  after(async () => {
    await env.engine.request('DELETE', '/api/v1/packs/sla-desk?force=true');
    rmSync(join(env.packsDir, 'sla-desk'), { force: true });
  });

  for (const { language, viewport } of runs) {
    const text = (language === 'en' ? setupMessages.en : setupMessages.zhCN).setup;
    const shown = (message: string) => (language === 'zh-TW' ? toTraditional(message) : message);
    const kindLabel = shown(language === 'en' ? KIND_LABEL.en : KIND_LABEL['zh-CN']);

    it(`names the pack's kind by its label in the history, opens a definition's versions by keyboard, and lists it with its pack (${language}${viewport ? ', 390 px' : ''}), passing axe`, async () => {
      const { context, page, problems } = await signedInPage(env, env.users[language], '/setup/history?kind=slaPolicy', viewport);
      try {
        await page.getByRole('heading', { level: 2, name: shown(text.history.title) }).waitFor();
        // The filter names the kind as the pack labels it, among the platform's kinds.
        await page.locator('.history-kind .ant-select-content', { hasText: kindLabel }).waitFor();
        const rows = page.locator('tbody tr.ant-table-row');
        await rows.filter({ hasText: `${kindLabel} gold` }).first().waitFor();
        expect(await rows.count(), 'the policy\'s two changes and the pack\'s own').to.equal(3);
        if (viewport) expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scroll').to.be.at.most(viewport.width);
        await screenshot(page, `setup-pack-kinds-history-${language}${viewport ? '-390' : ''}`);
        expect(await seriousViolations(page), 'axe on the history').to.deep.equal([]);

        await rows.filter({ hasText: 'gold' }).first().getByRole('link', { name: 'gold' }).focus();
        await page.keyboard.press('Enter');
        const title = shown(text.history.itemTitle.replace('{{kind}}', kindLabel).replace('{{name}}', 'gold'));
        await page.getByRole('heading', { level: 2, name: title }).waitFor();
        // Its earlier version can be put back: the studio knows where the tenant serves the kind.
        await page.getByRole('button', { name: shown(text.history.revert) }).first().waitFor();
        await screenshot(page, `setup-pack-kinds-versions-${language}${viewport ? '-390' : ''}`);
        expect(await seriousViolations(page), 'axe on the versions').to.deep.equal([]);

        if (!viewport) {
          await page.goto(`${env.engine.url}/setup/packs`);
          const installed = page.locator('tbody tr.ant-table-row', { hasText: 'sla-desk' }).first();
          await installed.locator('.setup-packs-kinds .ant-tag', { hasText: kindLabel }).waitFor();
          await screenshot(page, `setup-pack-kinds-packs-${language}`);
          expect(await seriousViolations(page), 'axe on the packs page').to.deep.equal([]);
        }
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }
});
