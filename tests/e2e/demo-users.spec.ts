import { expect } from 'chai';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installDemoTenant, type DemoTenant, type DemoUser } from '../../engine/demo/index.js';
import { e2e, e2eTenant, openPage, screenshot, seriousViolations, signInThroughForm } from './support/e2e-environment.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/packs', import.meta.url));

const CASES = [
  { language: 'en', switch: 'ENG', user: 'ds_clerk', orders: 'Orders', width: 1280 },
  { language: 'zh-CN', switch: '简中', user: 'ds_manager', orders: '订单', width: 1280 },
  { language: 'zh-TW', switch: '繁中', user: 'ds_clerk', orders: '訂單', width: 390 },
] as const;

/**
 * The demo tenant's users in the browser: a tenant of its own on the shared engine (never the
 * default tenant, whose labels other specs find rows by) made a demo by the engine's own demo
 * step, over the fixture packs; its users sign in through the form with the passwords it generated.
 */
describe('browser: demo users sign in with their generated passwords', function () {
  this.timeout(120_000);
  let packsDir: string;
  let tenantName: string;
  let demo: DemoTenant;
  const demoUser = (role: string): DemoUser => demo.users.find((user) => user.role === role)!;

  before(async () => {
    const env = await e2e();
    packsDir = mkdtempSync(join(tmpdir(), 'crm-e2e-demo-packs-'));
    for (const name of ['demo-base', 'demo-shop']) symlinkSync(join(FIXTURES, name), join(packsDir, name), 'dir');
    const tenant = await e2eTenant(env, 'demo-users-e2e');
    tenantName = tenant.name;
    demo = await installDemoTenant(await env.engine.platform.tenant(tenant.name), packsDir, tenant.adminId);
    expect(demo.installed.map((pack) => pack.name)).to.deep.equal(['demo-base', 'demo-shop']);
  });
  after(() => rmSync(packsDir, { recursive: true, force: true }));

  for (const case_ of CASES) {
    it(`signs in as the ${case_.user} demo user with the keyboard (${case_.language}, ${case_.width} px) and sees the demo orders, passing axe`, async () => {
      const env = await e2e();
            const { context, page, problems } = await openPage(env, { tenant: tenantName, width: case_.width, height: case_.width === 390 ? 844 : 800 });
      try {
        await signInThroughForm(env, page, demoUser(case_.user), case_.switch, '/o/ds_order');
        await page.waitForURL((url) => url.pathname === '/o/ds_order');
        await page.getByRole('heading', { level: 2, name: case_.orders }).waitFor();
        const rows = case_.width === 390 ? '.list-cards li' : 'tbody tr.ant-table-row';
        await page.waitForFunction((selector) => document.querySelectorAll(selector).length === 20, rows);
        expect(await page.evaluate(() => document.documentElement.lang)).to.equal(case_.language);
        if (case_.width === 390) expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
        await screenshot(page, `demo-users-${case_.language}-${case_.width}`);
        expect(await seriousViolations(page), 'axe on the demo orders').to.deep.equal([]);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }
});
