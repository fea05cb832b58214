import { expect } from 'chai';
import { setupMessages } from '../../studio/src/app/setup/setup-messages.js';
import { e2e, screenshot, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

const RULE = { name: 'ce_first', condition: 'amount > 100', message: { en: 'Above 100 needs a reason', 'zh-CN': '超过 100 需要说明理由' } };

let seeded: Promise<void> | undefined;
function seed(env: E2e): Promise<void> {
  seeded ??= (async () => {
    await succeed(env, 'POST', '/api/v1/meta/roles', { name: 'ce_buyer', label: { en: 'Concurrent buyer', 'zh-CN': '并发采购员' } });
    await succeed(env, 'POST', '/api/v1/meta/objects', {
      name: 'ce_invoice',
      label: { en: 'Concurrent invoice', 'zh-CN': '并发发票' },
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'amount', type: 'number', label: { en: 'Amount', 'zh-CN': '金额' } },
      ],
      validationRules: [RULE],
    });
  })();
  return seeded;
}

const rulesOf = async (env: E2e) => ((await env.engine.request('GET', '/api/v1/meta/objects/ce_invoice')).body.definition.validationRules ?? []) as { name: string; condition: string }[];

/**
 * Two admins on one definition: what the other saved while this one edited is never overwritten
 * unseen. A whole definition is saved conditional on the version its editor opened (If-Match); an
 * object's validation rules are saved on top of what is stored, refusing only when the rule edited
 * itself changed meanwhile.
 */
describe('browser: two admins editing the same metadata', function () {
  this.timeout(120_000);
  before(async function () {
    this.timeout(300_000);
    await seed(await e2e());
  });

  it('refuses to save a role another admin changed since it was opened, keeping theirs, and saves once reloaded (zh-CN), passing axe', async () => {
    const env = await e2e();
    const text = setupMessages.zhCN.setup.roles;
    const { context, page, problems } = await signedInPage(env, env.users['zh-CN'], '/setup/roles');
    try {
      await page.locator('.ant-tree-node-content-wrapper', { hasText: '并发采购员' }).click();
      await page.getByRole('heading', { level: 3, name: '并发采购员' }).waitFor();
      await page.locator('#labelZh').fill('并发采购员（我的）');
      // Meanwhile another admin renames it.
      await succeed(env, 'PUT', '/api/v1/meta/roles/ce_buyer', { name: 'ce_buyer', label: { en: 'Concurrent buyer', 'zh-CN': '并发采购员（对方的）' } });
      await page.getByRole('button', { name: text.save }).click();
      await page.getByRole('alert').filter({ hasText: /在你打开后已被他人修改；未保存任何内容/ }).waitFor();
      await screenshot(page, 'setup-concurrent-role-zh-CN');
      expect(await seriousViolations(page), 'axe with the refusal shown').to.deep.equal([]);
      expect((await env.engine.request('GET', '/api/v1/meta/roles/ce_buyer')).body.definition.label['zh-CN']).to.equal('并发采购员（对方的）');

      // Reloaded, the admin sees the other's change and applies theirs on top of it.
      await page.reload();
      await page.locator('.ant-tree-node-content-wrapper', { hasText: '并发采购员（对方的）' }).click();
      await page.getByRole('heading', { level: 3, name: '并发采购员（对方的）' }).waitFor();
      await page.locator('#labelZh').fill('并发采购员（我的）');
      await page.getByRole('button', { name: text.save }).click();
      await page.getByText(text.saved).first().waitFor();
      // Left open after its own save, the editor saves again without a refusal.
      await page.locator('#labelEn').fill('Concurrent buyer (mine)');
      await page.getByRole('button', { name: text.save }).click();
      for (let tries = 0; tries < 100 && (await env.engine.request('GET', '/api/v1/meta/roles/ce_buyer')).body.definition.label.en !== 'Concurrent buyer (mine)'; tries++) {
        await page.waitForTimeout(100);
      }
      await page.getByRole('alert').filter({ hasText: /在你打开后已被他人修改/ }).waitFor({ state: 'detached' });
      expect((await env.engine.request('GET', '/api/v1/meta/roles/ce_buyer')).body.definition.label).to.deep.equal({ en: 'Concurrent buyer (mine)', 'zh-CN': '并发采购员（我的）' });
      expect(problems.filter((problem) => !problem.includes('412'))).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });

  it("saves an object's properties twice in a row, and refuses a change of the properties another admin changed meanwhile (en)", async () => {
    const env = await e2e();
    const text = setupMessages.en.setup.object;
    const label = async () => (await env.engine.request('GET', '/api/v1/meta/objects/ce_invoice')).body.definition.label;
    const { context, page, problems } = await signedInPage(env, env.users.en, '/setup/objects/ce_invoice');
    try {
      const form = page.locator('form', { has: page.locator('#labelEn') });
      await page.locator('#labelEn').fill('Concurrent invoice (first)');
      await form.getByRole('button', { name: text.save, exact: true }).click();
      await page.getByText(text.saved).first().waitFor();
      // Its own change is not someone else's: the second save lands too.
      await page.locator('#description').fill('Saved twice in one visit');
      await form.getByRole('button', { name: text.save, exact: true }).click();
      await page.waitForFunction(() => document.querySelectorAll('.ant-message-notice').length >= 2);
      expect((await env.engine.request('GET', '/api/v1/meta/objects/ce_invoice')).body.definition).to.deep.include({ label: { en: 'Concurrent invoice (first)', 'zh-CN': '并发发票' }, description: 'Saved twice in one visit' });

      // Another admin renames it: this admin's rename is refused, theirs stays.
      await succeed(env, 'PATCH', '/api/v1/meta/objects/ce_invoice', { label: { en: 'Concurrent invoice (theirs)', 'zh-CN': '并发发票' } });
      await page.locator('#labelEn').fill('Concurrent invoice (mine)');
      await form.getByRole('button', { name: text.save, exact: true }).click();
      await page.getByRole('alert').filter({ hasText: setupMessages.en.setup.changedElsewhere }).waitFor();
      expect((await label()).en).to.equal('Concurrent invoice (theirs)');
      expect(problems).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });

  it("keeps another admin's validation rule added meanwhile, and refuses to overwrite a rule they changed (en)", async () => {
    const env = await e2e();
    const text = setupMessages.en.setup.validationRules;
    const { context, page, problems } = await signedInPage(env, env.users.en, '/setup/objects/ce_invoice');
    try {
      // A new rule, while another admin adds one of their own: both are kept.
      await page.getByRole('button', { name: text.new }).click();
      await page.locator('#rule_name').fill('ce_mine');
      await page.locator('.cm-content#rule_condition').waitFor();
      await page.locator('#rule_condition').fill('amount > 5000');
      await page.locator('#rule_messageEn').fill('Above 5,000 needs a second signature');
      await succeed(env, 'PATCH', '/api/v1/meta/objects/ce_invoice', { validationRules: [...(await rulesOf(env)), { name: 'ce_theirs', condition: 'amount < 0', message: { en: 'No negative amounts' } }] });
      await page.getByRole('button', { name: text.create }).click();
      await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
      expect((await rulesOf(env)).map((rule) => rule.name)).to.deep.equal(['ce_first', 'ce_theirs', 'ce_mine']);

      // The first rule, changed by the other admin while this one edits it: refused, theirs stays.
      await page.getByRole('button', { name: 'ce_first' }).click();
      await page.locator('.cm-content#rule_condition').waitFor();
      await page.locator('#rule_condition').fill('amount > 200');
      const stored = await rulesOf(env);
      await succeed(env, 'PATCH', '/api/v1/meta/objects/ce_invoice', { validationRules: stored.map((rule) => (rule.name === 'ce_first' ? { ...rule, condition: 'amount > 150' } : rule)) });
      await page.locator('#rule').getByRole('button', { name: text.save }).click();
      await page.locator('.ant-drawer-open').getByRole('alert').filter({ hasText: setupMessages.en.setup.changedElsewhere }).waitFor();
      await screenshot(page, 'setup-concurrent-rule-en');
      expect((await rulesOf(env)).find((rule) => rule.name === 'ce_first')?.condition).to.equal('amount > 150');
      expect(problems).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });
});
