import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { e2e, screenshot, seriousViolations, signedInPage, type E2e } from './support/e2e-environment.js';
import { modelPurchaseRequests } from './support/proof-admin-story.js';
import { proofModel, type Language, type ProofModel } from './support/proof-model.js';
import { fill, proofShot, SETUP_TEXT, type AdminPage } from './support/proof-setup-steps.js';

/**
 * The proof of issue 12: an admin models a purchase request end to end in the browser (objects,
 * fields, formula, roll-up, validation rule, layout, list view, roles, permission set, app, users,
 * approval process with its simulation), then the requester submits from the app, the manager and
 * finance approve from their inboxes and explain access says why the manager sees the record. The
 * test calls the API only to read what the pages did.
 */
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
/** The record page and inbox texts of the end-user app. */
const APP_TEXT = {
  en: { new: 'New', create: 'Create', submit: 'Submit for approval', approve: 'Approve', pending: 'Pending', approved: 'Approved' },
  'zh-CN': { new: '新建', create: '创建', submit: '提交审批', approve: '批准', pending: '审批中', approved: '已批准' },
} as const;
/** Above the threshold: the conditional third step is entered, so finance decides twice. */
const AMOUNT = 60000;

/** Runs a part of the story; where it stopped is kept as a screenshot for whoever reads the failure. */
async function shootingOnFailure<T>(page: Page, name: string, part: () => Promise<T>): Promise<T> {
  try {
    return await part();
  } catch (error) {
    await screenshot(page, `setup-proof-failed-${name}`).catch(() => undefined);
    throw error;
  }
}

/** The requester creates a request through the app's form (refused once by the rule) and submits it. */
async function submitRequest(env: E2e, model: ProofModel, title: string): Promise<string> {
  const text = APP_TEXT[model.language];
  const { context, page, problems } = await signedInPage(env, model.people.requester.email, '/');
  try {
    return await shootingOnFailure(page, `requester-${model.language}`, async () => {
      // The app's navigation holds the request tab.
      await page.getByRole('navigation', { name: model.shown(model.app.label) }).getByRole('link', { name: model.shown(model.request.plural) }).click();
      await page.getByRole('heading', { level: 2, name: model.shown(model.request.plural) }).waitFor();
      await page.locator('.page-header').getByRole('button', { name: text.new }).click();
      await page.waitForURL((url) => url.pathname === `/o/${model.request.name}/new`);
      // The form is the layout's: its second section is there.
      await page.getByText(model.shown(model.layout.sections[1]!), { exact: true }).first().waitFor();
      await page.locator('#root_name').fill(title);
      await page.locator('#root_amount').fill('0');
      await page.locator('#root_category').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: model.shown(model.categories[0]!) }).click();
      await page.locator('#root_urgent').check();
      await page.getByRole('button', { name: text.create, exact: true }).click();
      // The validation rule refuses a zero amount, under the amount.
      await page.locator('.ant-form-item', { has: page.locator('#root_amount') }).getByText(model.shown(model.rule.message)).waitFor();
      await proofShot(page, `app-refused-${model.language}`);
      await page.locator('#root_amount').fill(String(AMOUNT));
      await page.getByRole('button', { name: text.create, exact: true }).click();
      await page.waitForURL(new RegExp(`/o/${model.request.name}/[0-9a-f]{24}$`));
      const id = new URL(page.url()).pathname.split('/').pop()!;
      // The formula shows on the record page: the amount with 13% tax.
      await page.locator('.ant-descriptions').getByText('67,800', { exact: true }).first().waitFor();

      const panel = page.locator('.approval-panel');
      await panel.getByRole('button', { name: text.submit }).click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('#approval-comment').fill('New laptops for the team');
      await dialog.getByRole('button', { name: text.submit, exact: true }).click();
      await panel.locator('.approval-status').filter({ hasText: text.pending }).waitFor();
      await panel.getByText(model.people.manager.fullName).first().waitFor();
      await proofShot(page, `app-submitted-${model.language}`);
      expect(await seriousViolations(page), 'axe on the submitted request').to.deep.equal([]);
      expect(problems.filter((problem) => !problem.includes('422'))).to.deep.equal([]);
      return id;
    });
  } finally {
    await context.close();
  }
}

/** An approver approves each of the given steps of the request from their inbox, in turn. */
async function approveFromInbox(env: E2e, model: ProofModel, email: string, title: string, steps: readonly string[]): Promise<void> {
  const text = APP_TEXT[model.language];
  const { context, page, problems } = await signedInPage(env, email, '/approvals');
  try {
    await shootingOnFailure(page, `approver-${model.language}`, async () => {
      for (const [index, step] of steps.entries()) {
        const row = page.locator('tr').filter({ hasText: title }).filter({ hasText: step });
        await row.waitFor();
        await row.getByText(model.people.requester.fullName).waitFor();
        await proofShot(page, `inbox-${email.split('@')[0]!.replaceAll('.', '-')}-${index + 1}`);
        expect(await seriousViolations(page), 'axe on the inbox').to.deep.equal([]);
        await row.getByRole('button', { name: `${text.approve}: ${title}` }).click();
        const dialog = page.getByRole('dialog');
        await dialog.locator('#approval-comment').fill(`${step}: approved`);
        await dialog.getByRole('button', { name: text.approve, exact: true }).click();
        await row.waitFor({ state: 'detached' });
      }
      expect(problems).to.deep.equal([]);
    });
  } finally {
    await context.close();
  }
}

/** Setup → Explain access, for the manager and the requester's record: the role above the owner. */
async function explainManagerAccess(admin: AdminPage, id: string, title: string): Promise<void> {
  const { env, page, model } = admin;
  const text = admin.text.explain;
  await page.goto(`${env.engine.url}/setup/explain-access`);
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
  // Each pick is in the address before the next: the answer is asked for all three.
  const picked = (key: string) => page.waitForURL((url) => Boolean(url.searchParams.get(key)));
  await page.getByRole('combobox', { name: text.pickUser }).fill(model.people.manager.fullName.slice(0, 4));
  await option.filter({ hasText: model.people.manager.fullName }).click();
  await picked('user');
  await page.getByRole('combobox', { name: text.object }).fill(model.shown(model.request.label));
  await option.filter({ hasText: `${model.shown(model.request.label)} · ${model.request.name}` }).click();
  await picked('object');
  await page.getByRole('combobox', { name: text.record }).fill(title.slice(0, 8));
  await option.filter({ hasText: title }).click();
  await picked('record');
  // The address keeps all three picks: a later pick used to write it back without an earlier one.
  await page.waitForURL((url) => ['user', 'object', 'record'].every((key) => url.searchParams.get(key)), { timeout: 5000 });
  // The first verdict, whatever it says, so that a failure tells what was answered.
  await page.locator('.access-verdict .access-heading').first().waitFor();
  expect(await page.locator('.access-verdict .access-heading').first().innerText(), await page.locator('.access-pickers').innerText()).to.equal(text.can.read);
  const reason = fill(text.reasons.roleHierarchy, { user: model.people.manager.fullName, link: model.shown(model.roles.manager.label), ownerRole: model.shown(model.roles.requester.label) });
  expect(await page.locator('.access-allowed .access-reasons li').first().innerText()).to.equal(reason);
  await proofShot(page, `explain-access-${model.language}`);
  expect(new URL(page.url()).searchParams.get('record')).to.equal(id);
}

describe('browser: the setup proof, from an empty model to an approved purchase request', function () {
  for (const language of LANGUAGES) {
    it(`models purchase requests in setup, simulates the approval, and the request is submitted, approved by manager and finance, and explained (${language})`, async function () {
      this.timeout(400_000);
      const env = await e2e();
      const proof = proofModel(language);
      const title = language === 'en' ? 'Proof laptops for the design team' : '验证：设计团队的笔记本电脑';
      const admin = await signedInPage(env, env.users[language], '/setup/objects');
      const adminPage: AdminPage = { env, page: admin.page, model: proof, text: SETUP_TEXT[language] };
      try {
        await shootingOnFailure(admin.page, `admin-${language}`, () => modelPurchaseRequests(adminPage));
        expect(admin.problems.filter((problem) => !/\b(400|409|422)\b/.test(problem))).to.deep.equal([]);
      } finally {
        await admin.context.close();
      }

      const id = await submitRequest(env, proof, title);
      await approveFromInbox(env, proof, proof.people.manager.email, title, [proof.shown(proof.steps.manager)]);
      await approveFromInbox(env, proof, proof.people.finance.email, title, [proof.shown(proof.steps.finance), proof.shown(proof.steps.director)]);
      expect((await env.engine.request('GET', `/api/v1/records/${proof.request.name}/${id}/approval`)).body.status).to.equal('approved');

      const back = await signedInPage(env, proof.people.requester.email, `/o/${proof.request.name}/${id}`);
      try {
        const panel = back.page.locator('.approval-panel');
        await panel.locator('.approval-status').filter({ hasText: APP_TEXT[language].approved }).waitFor();
        await panel.locator('.approval-history-approve').getByText(proof.people.finance.fullName).first().waitFor();
        // The process is named in the reader's language, as the rest of the page.
        await panel.getByText(proof.shown(proof.process.label)).first().waitFor();
        await proofShot(back.page, `app-approved-${language}`);
        expect(await seriousViolations(back.page), 'axe on the approved request').to.deep.equal([]);
        expect(back.problems).to.deep.equal([]);
      } finally {
        await back.context.close();
      }

      const explainer = await signedInPage(env, env.users[language], '/setup/explain-access');
      try {
        await shootingOnFailure(explainer.page, `explain-${language}`, () => explainManagerAccess({ ...adminPage, page: explainer.page }, id, title));
        expect(await seriousViolations(explainer.page), 'axe on explain access').to.deep.equal([]);
      } finally {
        await explainer.context.close();
      }
    });
  }
});
