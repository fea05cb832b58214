import { expect } from 'chai';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installDemoTenant, type DemoTenant, type DemoUser } from '../../engine/demo/index.js';
import { DEFAULT_PACKS_DIR } from '../../engine/packs/index.js';
import { e2e, e2eTenant, openPage, screenshot, seriousViolations, signInThroughForm } from './support/e2e-environment.js';

const CASES = [
  { language: 'en', switch: 'ENG', role: 'coo', home: 'Company overview', width: 1280 },
  { language: 'zh-CN', switch: '简中', role: 'ceo', home: '公司概览', width: 1280 },
  { language: 'zh-TW', switch: '繁中', role: 'sales_rep', home: '銷售概覽', width: 390 },
] as const;

/**
 * What a new user of `npm start` meets: every pack of the repository's plugins/ folder installed by
 * the engine's own demo step with its generated demo data (in a tenant of its own on the shared
 * engine), a demo user signing in through the form with the password the demo gave them, and the
 * home dashboard of their role drawn with figures in their language (each demo user has one saved):
 * the executives' company overview across departments, a sales rep's sales overview on a phone. The first two screenshots
 * are the README's.
 */
describe('browser: the demo tenant of every department pack', function () {
  this.timeout(300_000);
  let packsDir: string;
  let tenantName: string;
  let demo: DemoTenant;
  const demoUser = (role: string): DemoUser => {
    const user = demo.users.find((candidate) => candidate.role === role);
    if (!user) throw new Error(`the demo has no user of role ${role}: ${demo.users.map((candidate) => candidate.role).join(', ')}`);
    return user;
  };

  before(async () => {
    const env = await e2e();
    // Links, so that the packs' code imports the engine from where it is (tsx reads a link's real path).
    packsDir = mkdtempSync(join(tmpdir(), 'crm-e2e-demo-tenant-'));
    const folders = readdirSync(DEFAULT_PACKS_DIR).filter((name) => existsSync(join(DEFAULT_PACKS_DIR, name, 'pack.json'))).sort();
    for (const name of folders) symlinkSync(join(DEFAULT_PACKS_DIR, name), join(packsDir, name), 'dir');
    const tenant = await e2eTenant(env, 'demo-tenant-e2e');
    tenantName = tenant.name;
    demo = await installDemoTenant(await env.engine.platform.tenant(tenant.name), packsDir, tenant.adminId);
    expect(demo.installed.map((pack) => pack.name).sort()).to.deep.equal(folders);
  });
  after(() => rmSync(packsDir, { recursive: true, force: true }));

  for (const case_ of CASES) {
    it(`signs in as the demo ${case_.role} with the keyboard and sees their home dashboard with figures (${case_.language}, ${case_.width} px), passing axe`, async () => {
      const env = await e2e();
            const { context, page, problems } = await openPage(env, { tenant: tenantName, width: case_.width, height: case_.width === 390 ? 844 : 1000 });
      try {
        await signInThroughForm(env, page, demoUser(case_.role), case_.switch);
        await page.getByRole('heading', { level: 2, name: case_.home }).waitFor({ timeout: 60_000 });
        await page.locator('.dashboard-component .report-chart svg').first().waitFor({ timeout: 60_000 });
        await page.waitForFunction(() => document.querySelectorAll('.dashboard-component .ant-spin-spinning').length === 0, undefined, { timeout: 60_000 });
        expect(await page.evaluate(() => document.documentElement.lang)).to.equal(case_.language);
        // Every component ran for this reader: none carries an error, and none is empty.
        expect(await page.locator('.dashboard-component .ant-alert').allInnerTexts(), 'components with an error').to.deep.equal([]);
        const components = await page.locator('.dashboard-component').count();
        expect(components, 'dashboard components').to.be.greaterThan(3);
        expect(await page.locator('.dashboard-component .ant-empty').count(), 'components without records').to.equal(0);
        if (case_.width === 390) expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
        await screenshot(page, `demo-home-${case_.language}-${case_.width}`);
        expect(await seriousViolations(page), 'axe on the home dashboard').to.deep.equal([]);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }
});
