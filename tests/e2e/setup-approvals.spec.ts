import { expect } from 'chai';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { setupMessages } from '../../studio/src/app/setup/setup-messages.js';
import { createUser } from '../support/auth-helpers.js';
import { chooseOption } from './support/choose-option.js';
import { ARTIFACTS, e2e, screenshot, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

const TEXT = { en: setupMessages.en.setup.approvals, 'zh-CN': setupMessages.zhCN.setup.approvals } as const;
type Language = keyof typeof TEXT;
type Text = (typeof TEXT)[Language];
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');

/** The approvers' roles, each with one user so that the simulation names someone. */
/** Labels no other spec gives a role: the engine is shared, and the picker would find another's first. */
const ROLES = {
  sa_manager: { en: 'Deal desk manager', 'zh-CN': '交易台经理', user: 'Mark Manager' },
  sa_finance: { en: 'Deal desk finance', 'zh-CN': '交易台财务', user: 'Fiona Finance' },
  sa_cfo: { en: 'Group CFO', 'zh-CN': '集团首席财务官', user: 'Carl CFO' },
} as const;
type Role = keyof typeof ROLES;
/** The deal object of the browser seed, by its label in each language. */
const DEAL = { en: 'Deal', 'zh-CN': '商机' } as const;

let seeded: Promise<void> | undefined;
function seed(env: E2e): Promise<void> {
  seeded ??= (async () => {
    for (const [name, role] of Object.entries(ROLES)) {
      await succeed(env, 'POST', '/api/v1/meta/roles', { name, label: { en: role.en, 'zh-CN': role['zh-CN'] } });
      await createUser(env.engine, { full_name: role.user, email: `${name}@example.com`, role: name }, env.users.password);
    }
  })();
  return seeded;
}

/** Adds a step from the side panel: its English label, one role as approver, and a condition if given. */
async function addStep(page: Page, text: Text, language: Language, step: { label: string; role: Role; condition?: string; refused?: string }): Promise<void> {
  await page.getByRole('button', { name: text.addStep }).click();
  const drawer = page.locator('.ant-drawer-open');
  await drawer.locator('.ant-drawer-title', { hasText: text.stepTitleNew }).waitFor();
  await page.locator('#step_labelEn').fill(step.label);
  await chooseOption(page, page.getByRole('combobox', { name: `${text.approverKind} 1`, exact: true }), text.kinds.role);
  await chooseOption(page, page.getByRole('combobox', { name: `${text.approverValue} 1`, exact: true }), ROLES[step.role][language]);
  // The code editor replaces the plain text area once its chunk is in: typed before that, the text would be lost.
  const condition = drawer.locator('.cm-content#step_condition');
  await condition.waitFor();
  if (step.refused) {
    // The server refuses the expression: its message lands under the condition, and the panel stays open.
    await condition.fill(step.refused);
    await drawer.getByRole('button', { name: text.saveStep }).click();
    await drawer
      .locator('.ant-form-item-has-error', { has: page.locator('#step_condition') })
      .locator('.ant-form-item-explain-error')
      .waitFor();
  }
  if (step.condition) await condition.fill(step.condition);
  await drawer.getByRole('button', { name: text.saveStep }).click();
  await drawer.waitFor({ state: 'detached' });
  await page.locator('.approvals-step-list li', { hasText: step.label }).waitFor();
}

/** The steps the simulation result lists, each as "label: status". */
async function simulatedPath(page: Page): Promise<string[]> {
  const items = page.locator('.approvals-path-step');
  return await items.evaluateAll((nodes) => nodes.map((node) => `${node.querySelector('strong')?.textContent}:${node.classList.contains('is-entered') ? 'entered' : 'skipped'}`));
}

describe('browser: the approval process designer', function () {
  this.timeout(180_000);
  before(async function () {
    this.timeout(300_000);
    await seed(await e2e());
  });

  for (const language of LANGUAGES) {
    const text = TEXT[language];
    const tag = language === 'en' ? 'en' : 'zh';
    const name = `sa_big_deals_${tag}`;

    it(`builds manager → finance → CFO above 50000 from the UI and simulates a large and a small deal on the diagram (${language}), passing axe`, async () => {
      const env = await e2e();
      const { context, page, problems } = await signedInPage(env, env.users[language], '/setup/approval-processes');
      try {
        await page.getByRole('heading', { level: 2, name: text.title }).waitFor();
        await page.getByRole('button', { name: text.new }).click();
        await page.getByRole('heading', { level: 2, name: text.newTitle }).waitFor();
        await page.locator('#process_labelEn').fill(`Big deals ${tag}`);
        await page.locator('#process_labelZh').fill(`大额商机 ${tag}`);
        await page.locator('#process_name').fill(name);
        await chooseOption(page, page.locator('#process_object'), DEAL[language]);

        // The first step saves the process: the address becomes the process's own.
        await addStep(page, text, language, { label: 'Manager', role: 'sa_manager' });
        await page.waitForURL((url) => url.pathname === `/setup/approval-processes/${name}`);
        await addStep(page, text, language, { label: 'Finance', role: 'sa_finance' });
        // The CFO step goes last, asked only above 50000.
        await addStep(page, text, language, { label: 'CFO', role: 'sa_cfo', condition: 'amount > 50000', refused: 'amount >' });

        const saved = (await env.engine.request('GET', `/api/v1/meta/approval-processes/${name}`)).body.definition;
        expect(saved).to.deep.include({ name, object: 'deal', active: true, label: { en: `Big deals ${tag}`, 'zh-CN': `大额商机 ${tag}` } });
        expect(saved.steps).to.deep.equal([
          { name: 'manager', label: { en: 'Manager' }, approvers: [{ role: 'sa_manager' }] },
          { name: 'finance', label: { en: 'Finance' }, approvers: [{ role: 'sa_finance' }] },
          { name: 'cfo', label: { en: 'CFO' }, condition: 'amount > 50000', approvers: [{ role: 'sa_cfo' }] },
        ]);

        // The diagram: submitted, the three steps, approved and returned (no step rejects for good), the steps reachable from the keyboard.
        const node = (id: string) => page.locator(`.react-flow__node.approvals-node-${id}`);
        await node('cfo').waitFor();
        expect(await page.locator('.react-flow__node').count()).to.equal(6);
        await node('returned').waitFor();
        // Only the CFO's step can be skipped: one dashed arrow, past it. Edges are drawn again each time
        // the nodes are measured, so the count is awaited rather than read once after the first one shows.
        await page.waitForFunction(() => document.querySelectorAll('.react-flow__edge.approvals-edge-skip').length === 1);
        await node('manager').focus();
        expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).to.equal('Manager');
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).to.be.oneOf(['Finance', 'CFO']);
        // Enter on a focused step opens its panel, as a click does.
        await page.keyboard.press('Enter');
        const panel = page.locator('.ant-drawer-open');
        await panel.locator('.ant-drawer-title', { hasText: /Finance|CFO/ }).waitFor();
        await panel.getByRole('button', { name: text.cancel }).click();
        await panel.waitFor({ state: 'detached' });

        // A large deal goes through all three steps; the CFO's role names its one user.
        await page.locator('#sample_amount').fill('80000');
        await page.getByRole('button', { name: text.simulateRun }).click();
        await page.locator('.approvals-path-step').first().waitFor();
        expect(await simulatedPath(page)).to.deep.equal(['Manager:entered', 'Finance:entered', 'CFO:entered']);
        await page.locator('.approvals-path-step', { hasText: ROLES.sa_cfo.user }).waitFor();
        await page.locator('.approvals-node-cfo.is-lit').waitFor();
        await page.locator('.approvals-node-approved.is-lit').waitFor();
        await screenshot(page, `setup-approvals-designer-${language}`);
        // The full-page capture draws the diagram's canvas blank: the diagram as the admin sees it, once the messages are gone.
        await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
        await page.locator('.approvals-diagram').evaluate((figure) => figure.scrollIntoView({ block: 'center' }));
        await page.screenshot({ path: join(ARTIFACTS, `setup-approvals-diagram-${language}.png`) });
        expect(await seriousViolations(page), 'axe on the designer with a simulation').to.deep.equal([]);

        // A small one skips the CFO: dimmed on the diagram, said so in the list.
        await page.locator('#sample_amount').fill('900');
        await page.getByRole('button', { name: text.simulateRun }).click();
        await page.locator('.approvals-node-cfo.is-dim').waitFor();
        expect(await simulatedPath(page)).to.deep.equal(['Manager:entered', 'Finance:entered', 'CFO:skipped']);
        await page.locator('.approvals-path-step.is-skipped', { hasText: text.skipped }).waitFor();

        // The side panel of a step from the list: the condition is there to edit.
        await page.getByRole('button', { name: fill(text.editStep, { name: 'CFO' }) }).click();
        const condition = page.locator('.ant-drawer-open .cm-content#step_condition');
        await condition.waitFor();
        expect(await condition.getAttribute('aria-label')).to.equal(text.condition);
        expect(await condition.textContent()).to.equal('amount > 50000');
        await screenshot(page, `setup-approvals-step-${language}`);
        expect(await seriousViolations(page), 'axe on the step panel').to.deep.equal([]);
        await page.locator('.ant-drawer-open').getByRole('button', { name: text.cancel }).click();

        // The list: deactivated from its switch, and the process says so.
        await page.getByRole('link', { name: text.back }).click();
        const toggle = page.getByRole('switch', { name: fill(text.activate, { name: language === 'en' ? `Big deals ${tag}` : `大额商机 ${tag}` }) });
        await toggle.click();
        await page.getByText(fill(text.deactivated, { name: language === 'en' ? `Big deals ${tag}` : `大额商机 ${tag}` })).waitFor();
        expect((await env.engine.request('GET', `/api/v1/meta/approval-processes/${name}`)).body.definition.active).to.equal(false);
        await screenshot(page, `setup-approvals-list-${language}`);
        expect(await seriousViolations(page), 'axe on the list').to.deep.equal([]);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }

  it('adds an e-mail on final approval and a field change when a step starts, the server refusing a broken template on its control, and simulates them (en), passing axe', async () => {
    const env = await e2e();
    const text = TEXT.en;
    const auto = setupMessages.en.setup.automation;
    const name = 'sa_big_deals_en';
    const stored = async () => (await env.engine.request('GET', `/api/v1/meta/approval-processes/${name}`)).body.definition;
    const { context, page, problems } = await signedInPage(env, env.users.en, `/setup/approval-processes/${name}`);
    try {
      // On final approval: an e-mail to the submitter, its subject a template that does not compile at first.
      const approved = page.locator('.approvals-action-list', { has: page.locator('#process-actions-onApprove') });
      await approved.getByRole('button', { name: auto.addAction }).click();
      await chooseOption(page, approved.getByRole('combobox', { name: fill(auto.actionType, { position: '1' }) }), auto.types.email);
      await chooseOption(page, approved.getByRole('combobox', { name: `${fill(auto.actionTitle, { position: '1' })}: ${auto.to}` }), auto.approvalRecipients.submitter);
      await page.keyboard.press('Escape');
      await page.locator('#process_onApprove_0_subject').fill('Approved: {{#if name}}{{name}}');
      await page.locator('#process_onApprove_0_body').fill('{{name}} is approved for {{amount}}.');
      await page.getByRole('button', { name: text.save }).click();
      await page.locator('.ant-form-item-has-error', { has: page.locator('#process_onApprove_0_subject') }).locator('.ant-form-item-explain-error').waitFor();
      expect(await stored(), 'nothing saved').to.not.have.property('onApprove');
      await page.locator('#process_onApprove_0_subject').fill('Approved: {{name}}');
      await page.getByRole('button', { name: text.save }).click();
      await page.getByText(text.saved).first().waitFor();
      expect((await stored()).onApprove).to.deep.equal([{ email: { to: ['submitter'], subject: 'Approved: {{name}}', body: '{{name}} is approved for {{amount}}.' } }]);

      // When the finance step starts: the deal moves to negotiation.
      await page.getByRole('button', { name: fill(text.editStep, { name: 'Finance' }) }).click();
      const drawer = page.locator('.ant-drawer-open');
      const entering = drawer.locator('.approvals-action-list', { has: page.locator('#step-actions-onEnter') });
      await entering.getByRole('button', { name: auto.addAction }).click();
      await chooseOption(page, entering.getByRole('combobox', { name: `${fill(auto.actionTitle, { position: '1' })}: ${auto.field}` }), 'Stage');
      await entering.getByRole('combobox', { name: `${fill(auto.actionTitle, { position: '1' })}: ${auto.value}` }).click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Negotiation' }).click();
      await screenshot(page, 'setup-approvals-step-actions-en');
      expect(await seriousViolations(page), 'axe on the step panel with an action').to.deep.equal([]);
      await drawer.getByRole('button', { name: text.saveStep }).click();
      await drawer.waitFor({ state: 'detached' });
      const finance = (await stored()).steps.find((step: { name: string }) => step.name === 'finance');
      expect(finance.onEnter).to.deep.equal([{ setField: 'stage', value: 'negotiation' }]);

      // The simulation renders both as they would run.
      await page.locator('#sample_name').fill('Tractor deal');
      await page.locator('#sample_amount').fill('900');
      await page.getByRole('button', { name: text.simulateRun }).click();
      // The subject rendered from the record; the recipient is the simulated submitter, whoever that is.
      await page.getByText(fill(text.actionEmail, { subject: 'Approved: Tractor deal', to: '' }).replace(/\s*to\s*$/, '')).first().waitFor();
      await page.getByText(fill(text.actionSetField, { field: 'stage', value: 'negotiation' })).first().waitFor();
      await screenshot(page, 'setup-approvals-actions-en');
      expect(await seriousViolations(page), 'axe on the process with its actions').to.deep.equal([]);
      expect(problems.filter((problem) => !problem.includes('400'))).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });

  it('reorders the steps from the keyboard and lists the versions with the records running on each (zh-CN), passing axe', async () => {
    const env = await e2e();
    const text = TEXT['zh-CN'];
    const label = { en: 'Versioned deals', 'zh-CN': '版本化商机' };
    await succeed(env, 'POST', '/api/v1/meta/approval-processes', {
      name: 'sa_versions',
      label,
      object: 'deal',
      steps: [
        { name: 'manager', label: { en: 'Manager', 'zh-CN': '经理审批' }, approvers: [{ role: 'sa_manager' }] },
        { name: 'finance', label: { en: 'Finance', 'zh-CN': '财务审批' }, approvers: [{ role: 'sa_finance' }] },
      ],
    });
    const deal = await succeed(env, 'POST', '/api/v1/records/deal', { name: 'Versioned deal', amount: 1200 });
    await succeed(env, 'POST', `/api/v1/records/deal/${deal._id}/approval/submit`, { process: 'sa_versions' });
    const { context, page, problems } = await signedInPage(env, env.users['zh-CN'], '/setup/approval-processes/sa_versions');
    try {
      const versions = page.locator('.approvals-versions');
      await versions.getByRole('heading', { level: 3, name: text.versions }).waitFor();
      const first = versions.getByRole('row', { name: new RegExp(fill(text.versionNumber, { version: '1' })) });
      await first.getByText(text.versionCurrent).waitFor();
      expect((await first.locator('td').last().textContent())?.trim(), 'one record runs on version 1').to.equal('1');

      // Finance before the manager, from the keyboard: the whole process is saved in the new order.
      expect(await page.getByRole('button', { name: fill(text.stepMoveUp, { name: '经理审批' }) }).isDisabled(), 'the first step moves no higher').to.equal(true);
      await page.getByRole('button', { name: fill(text.stepMoveUp, { name: '财务审批' }) }).focus();
      await page.keyboard.press('Enter');
      await page.getByText(fill(text.stepMoved, { name: '财务审批' })).waitFor();
      const saved = (await env.engine.request('GET', '/api/v1/meta/approval-processes/sa_versions')).body.definition;
      expect(saved.steps.map((step: { name: string }) => step.name)).to.deep.equal(['finance', 'manager']);
      expect(await page.locator('.approvals-step-list li').evaluateAll((items) => items.map((item) => item.getAttribute('data-step')))).to.deep.equal(['finance', 'manager']);

      // The running record stays on version 1; the saved order becomes version 2 at the next submission.
      await versions.getByText(fill(text.versionNotRunYet, { version: '2' })).waitFor();
      await first.getByText(text.versionCurrent).waitFor({ state: 'detached' });
      expect((await first.locator('td').last().textContent())?.trim()).to.equal('1');
      await screenshot(page, 'setup-approvals-versions-zh-CN');
      expect(await seriousViolations(page), 'axe on the versions').to.deep.equal([]);

      // The list counts the records in approval of each process.
      await page.getByRole('link', { name: text.back }).click();
      const row = page.getByRole('row', { name: new RegExp(label['zh-CN']) });
      await row.waitFor();
      await page.waitForFunction(
        (name) => [...document.querySelectorAll('tr')].find((tr) => tr.textContent?.includes(name))?.querySelectorAll('td')[3]?.textContent?.trim() === '1',
        label['zh-CN'],
      );
      expect(problems).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });

  it('shows the steps as an ordered list without the diagram at 390 px, without scrolling sideways', async () => {
    const env = await e2e();
    const { context, page } = await signedInPage(env, env.users.en, '/setup/approval-processes/sa_big_deals_en', { width: 390, height: 844 });
    try {
      await page.locator('.approvals-step-list li').nth(2).waitFor();
      expect(await page.locator('.react-flow').count(), 'no diagram on a phone').to.equal(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
      await screenshot(page, 'setup-approvals-designer-en-390');
      expect(await seriousViolations(page), 'axe at 390 px').to.deep.equal([]);
    } finally {
      await context.close();
    }
  });
});
