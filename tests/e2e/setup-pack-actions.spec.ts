import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { setupMessages } from '../../studio/src/app/setup/setup-messages.js';
import { chooseOption } from './support/choose-option.js';
import { e2e, screenshot as capture, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

const TEXT = { en: setupMessages.en.setup.automation, 'zh-CN': setupMessages.zhCN.setup.automation } as const;
type Language = keyof typeof TEXT;
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
const PACK = 'e2e-triage';
const OBJECT = 'tr_ticket';
const ACTION_LABEL = { en: 'Tag the priority', 'zh-CN': '标记优先级' } as const;
const errorsModule = pathToFileURL(join(import.meta.dirname, '..', '..', 'engine', 'errors', 'index.ts')).href;

/** A pack with an object and one action, `tagPriority`, whose params must name a level of the object's picklist; version 2.0.0 drops the action. */
function writeTriagePack(env: E2e, version = '1.0.0'): void {
  const dir = join(env.packsDir, PACK);
  mkdirSync(join(dir, 'metadata', 'objects'), { recursive: true });
  writeFileSync(join(dir, 'pack.json'), JSON.stringify({ name: PACK, version, label: { en: 'Triage', 'zh-CN': '分诊' } }));
  const ticket = { name: OBJECT, label: { en: 'Ticket', 'zh-CN': '工单' }, fields: [{ name: 'title', type: 'text' }, { name: 'priority', type: 'picklist', values: ['low', 'high'], default: 'low' }] };
  writeFileSync(join(dir, 'metadata', 'objects', `${OBJECT}.json`), JSON.stringify(ticket));
  if (version !== '1.0.0') {
    writeFileSync(join(dir, 'index.mjs'), 'export default { actions: {} };\n');
    return;
  }
  writeFileSync(
    join(dir, 'index.mjs'),
    `import { ValidationError } from '${errorsModule}';
export default { actions: { tagPriority: {
  label: ${JSON.stringify(ACTION_LABEL)},
  params: { type: 'object', required: ['level'], additionalProperties: false, properties: { level: { enum: ['low', 'high'] } } },
  async run(_ctx, { params }) { return { set: { priority: params.level } }; },
} } };
`,
  );
}

let installed: Promise<void> | undefined;
function install(env: E2e): Promise<void> {
  installed ??= (async () => {
    writeTriagePack(env);
    await succeed(env, 'POST', '/api/v1/packs/install', { name: PACK });
  })();
  return installed;
}

/** From the top of the page: a full-page capture draws the fixed header where the page was scrolled to. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await capture(page, name);
}

describe('browser: a pack\'s action in an automation rule', function () {
  this.timeout(180_000);
  before(async function () {
    this.timeout(300_000);
    await install(await e2e());
  });

  for (const language of LANGUAGES) {
    const text = TEXT[language];
    const name = `tr_${language === 'en' ? 'en' : 'zh'}_tag`;

    it(`picks the pack's action by its label, shows the server's refusal of its params on them, and saves a rule the engine runs (${language}), passing axe`, async () => {
      const env = await e2e();
      const { context, page, problems } = await signedInPage(env, env.users[language], `/setup/automation/new?object=${OBJECT}`);
      const control = (part: string) => page.getByRole('combobox', { name: `${fill(text.actionTitle, { position: 1 })}: ${part}` });
      try {
        await page.locator('.cm-content#condition').waitFor();
        await page.locator('#labelEn').fill(`Tag tickets ${language}`);
        await page.locator('#name').fill(name);
        await chooseOption(page, page.getByRole('combobox', { name: fill(text.actionType, { position: 1 }) }), text.types.packAction);
        await chooseOption(page, control(text.packAction), ACTION_LABEL[language], `${ACTION_LABEL[language]} (${PACK})`);
        await page.locator('.ant-form-item', { has: page.locator('#actions_0_params') }).getByText('level').waitFor();
        await page.locator('#actions_0_params').fill('{ "level": "urgent" }');
        await page.getByRole('button', { name: text.create }).click();
        // The engine checks the params against the action's schema: its message is under them.
        await page.locator('.ant-form-item', { has: page.locator('#actions_0_params') }).locator('.ant-form-item-explain-error').waitFor();
        expect((await env.engine.request('GET', `/api/v1/meta/automation-rules/${name}`)).status, 'nothing saved').to.equal(404);
        await screenshot(page, `setup-pack-action-refused-${language}`);
        expect(await seriousViolations(page), 'axe on the pack action').to.deep.equal([]);

        await page.locator('#actions_0_params').fill('{ "level": "high" }');
        await page.getByRole('button', { name: text.create }).click();
        await page.waitForURL((url) => url.pathname === `/setup/automation/${name}`);
        const saved = (await env.engine.request('GET', `/api/v1/meta/automation-rules/${name}`)).body.definition;
        expect(saved.actions).to.deep.equal([{ packAction: { pack: PACK, action: 'tagPriority', params: { level: 'high' } } }]);
        // Opened again, the editor shows the action it saved.
        await page.reload();
        await control(text.packAction).locator('xpath=ancestor::div[contains(@class,"ant-select")][1]').getByText(`${ACTION_LABEL[language]} (${PACK})`).waitFor();
        await screenshot(page, `setup-pack-action-saved-${language}`);
        const ticket = await succeed(env, 'POST', `/api/v1/records/${OBJECT}`, { title: `Printer ${language}` });
        expect(ticket).to.include({ priority: 'high' });
        expect(problems.filter((problem) => !problem.includes('400'))).to.deep.equal([]);
      } finally {
        await succeed(env, 'DELETE', `/api/v1/meta/automation-rules/${name}`).catch(() => undefined);
        await context.close();
      }
    });
  }

  it(`lists in the upgrade's plan the rule a new version would break, and keeps the upgrade from running (zh-CN, 390 px), passing axe`, async () => {
    const env = await e2e();
    const packs = setupMessages.zhCN.setup.packs;
    const rule = 'tr_uses_tag';
    await succeed(env, 'POST', '/api/v1/meta/automation-rules', {
      name: rule,
      object: OBJECT,
      label: { en: 'Tag every ticket' },
      on: 'create',
      actions: [{ packAction: { pack: PACK, action: 'tagPriority', params: { level: 'high' } } }],
    });
    writeTriagePack(env, '2.0.0');
    const viewport = { width: 390, height: 844 };
    const { context, page, problems } = await signedInPage(env, env.users['zh-CN'], '/setup/packs', viewport);
    try {
      const available = page.locator('tbody tr.ant-table-row', { hasText: PACK }).last();
      await available.getByRole('button', { name: `${packs.planUpgrade}: 分诊` }).click();
      const drawer = page.locator('.ant-drawer-open');
      await drawer.locator('.ant-drawer-title', { hasText: '2.0.0' }).waitFor();
      const alert = drawer.getByRole('alert');
      await alert.getByText(fill(packs.problemsTitle_other, { count: 1 })).waitFor();
      await alert.getByText(rule, { exact: false }).first().waitFor();
      await drawer.getByText(packs.installBroken, { exact: true }).waitFor();
      expect(await drawer.getByRole('button', { name: packs.upgrade, exact: true }).isDisabled(), 'nothing installs while the plan has problems').to.equal(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scroll').to.be.at.most(viewport.width);
      await screenshot(page, 'setup-pack-action-upgrade-broken-zh-CN-390');
      expect(await seriousViolations(page), 'axe on the plan with problems').to.deep.equal([]);
      const { installed } = (await succeed(env, 'GET', '/api/v1/packs')) as unknown as { installed: { name: string; version: string }[] };
      expect(installed.find((pack) => pack.name === PACK)?.version, 'still the version installed').to.equal('1.0.0');
      expect(problems).to.deep.equal([]);
    } finally {
      await context.close();
      await succeed(env, 'DELETE', `/api/v1/meta/automation-rules/${rule}`).catch(() => undefined);
      writeTriagePack(env);
    }
  });
});
