import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { bearer, createUser, tokenFor } from '../support/auth-helpers.js';
import { e2e, screenshot, seriousViolations, signedInPage, type E2e } from './support/e2e-environment.js';

const TEXTS = {
  en: {
    submit: 'Submit for approval',
    pending: 'Pending',
    locked: 'Locked',
    edit: 'Edit',
    delete: 'Delete',
    reason: "This travel request is locked by the approval process 'Travel approval' (pending approval).",
    editField: 'Edit field',
    budget: 'Budget',
    apply: 'Apply',
    edited: '2 updated, 1 failed',
  },
  'zh-CN': {
    submit: '提交审批',
    pending: '审批中',
    locked: '已锁定',
    edit: '编辑',
    delete: '删除',
    reason: '该差旅申请已被审批流程“差旅审批”锁定（等待审批）。',
    editField: '批量修改字段',
    budget: '预算',
    apply: '应用',
    edited: '已更新 2 条，失败 1 条',
  },
} as const;
type Language = keyof typeof TEXTS;

interface Team {
  readonly rep: { email: string; id: string };
}

/** The scenario's own object, process and people: a rep and their manager per language. */
async function seedLocking(env: E2e): Promise<Record<Language, Team>> {
  const ok = async (path: string, body: unknown) => {
    const created = await env.engine.request('POST', path, body);
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
  };
  await ok('/api/v1/meta/objects', {
    name: 'travel_request',
    label: { en: 'Travel request', 'zh-CN': '差旅申请' },
    pluralLabel: { en: 'Travel requests', 'zh-CN': '差旅申请' },
    sharing: 'private',
    fields: [
      { name: 'name', type: 'text', required: true, label: { en: 'Trip', 'zh-CN': '行程' } },
      { name: 'budget', type: 'currency', min: 0, label: { en: 'Budget', 'zh-CN': '预算' } },
    ],
  });
  await ok('/api/v1/meta/permission-sets', { name: 'travel_requests', objects: { travel_request: { create: true, read: true, edit: true, delete: true } } });
  await ok('/api/v1/meta/approval-processes', {
    name: 'travel_approval',
    object: 'travel_request',
    label: { en: 'Travel approval', 'zh-CN': '差旅审批' },
    steps: [{ name: 'manager', label: { en: 'Manager', 'zh-CN': '经理' }, approvers: [{ submitterManager: true }] }],
  });
  const teams = {} as Record<Language, Team>;
  for (const language of ['en', 'zh-CN'] as const) {
    const user = (key: string, manager?: string) =>
      createUser(env.engine, { full_name: `${key} ${language}`, email: `travel.${key}.${language.toLowerCase()}@example.com`, language, permission_sets: ['standard_user', 'travel_requests'], ...(manager ? { manager } : {}) }, env.users.password);
    const manager = await user('manager');
    teams[language] = { rep: { email: `travel.rep.${language.toLowerCase()}@example.com`, id: await user('rep', manager) } };
  }
  return teams;
}

let seeded: Promise<Record<Language, Team>> | undefined;
const teamsOf = (env: E2e) => (seeded ??= seedLocking(env));

/** The record page's Edit and Delete buttons, each disabled or not. */
async function actionsDisabled(page: Page, text: (typeof TEXTS)[Language]): Promise<{ edit: boolean; delete: boolean }> {
  const header = page.locator('.page-actions');
  return {
    edit: await header.getByRole('button', { name: text.edit }).isDisabled(),
    delete: await header.getByRole('button', { name: text.delete }).isDisabled(),
  };
}

describe('browser: records locked by their approval', function () {
  this.timeout(120_000);

  for (const language of ['en', 'zh-CN'] as const) {
    const text = TEXTS[language];

    it(`shows the lock and its reason once submitted, with Edit and Delete disabled, also at 390 px (${language}), passing axe`, async () => {
      const env = await e2e();
      const team = (await teamsOf(env))[language];
      const created = await env.engine.request('POST', '/api/v1/records/travel_request', { name: `Trade fair in Hanover (${language})`, budget: 1800 }, await repAuth(env, team));
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
      const id = created.body._id as string;

      const rep = await signedInPage(env, team.rep.email, `/o/travel_request/${id}`);
      try {
        // Before the submit: editable, no lock.
        await rep.page.locator('.page-actions').getByRole('button', { name: text.edit }).waitFor();
        expect(await actionsDisabled(rep.page, text)).to.deep.equal({ edit: false, delete: false });
        expect(await rep.page.locator('.record-lock').count()).to.equal(0);
        const files = rep.page.locator('.files-panel');
        await files.locator('.ant-upload-drag').waitFor();

        const panel = rep.page.locator('.approval-panel');
        await panel.getByRole('button', { name: text.submit }).click();
        const dialog = rep.page.getByRole('dialog');
        await dialog.locator('#approval-comment').fill('Booth and hotel');
        await dialog.getByRole('button', { name: text.submit, exact: true }).click();
        await panel.locator('.approval-status').filter({ hasText: text.pending }).waitFor();

        const badge = rep.page.locator('.record-lock');
        await badge.getByText(text.reason).waitFor();
        expect(await badge.locator('.record-lock-tag').innerText()).to.equal(text.locked);
        await rep.page.locator('.page-actions').getByRole('button', { name: text.edit, disabled: true }).waitFor();
        expect(await actionsDisabled(rep.page, text)).to.deep.equal({ edit: true, delete: true });
        // Files change with the record: no drop zone while it is locked, and the reason instead.
        await files.locator('.files-read-only').getByText(text.reason, { exact: false }).waitFor();
        expect(await files.locator('.ant-upload-drag').count(), 'no drop zone on a locked record').to.equal(0);
        // The lock is said once, under the title, not again in the approval panel.
        expect(await panel.getByText(text.locked, { exact: true }).count(), 'no second lock tag in the panel').to.equal(0);
        await screenshot(rep.page, `approval-lock-${language}`);
        expect(await seriousViolations(rep.page), 'axe on the locked record').to.deep.equal([]);

        await rep.page.setViewportSize({ width: 390, height: 844 });
        await badge.getByText(text.reason).waitFor();
        const box = await badge.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 390, `the lock fits the phone: ${JSON.stringify(box)}`).to.equal(true);
        await screenshot(rep.page, `approval-lock-390-${language}`);
        expect(rep.problems).to.deep.equal([]);
      } finally {
        await rep.context.close();
      }
    });

    it(`names the locked record among the failed ones of a bulk edit, with the reason (${language})`, async () => {
      const env = await e2e();
      const team = (await teamsOf(env))[language];
      const auth = await repAuth(env, team);
      const ids: string[] = [];
      for (const letter of ['A', 'B', 'C']) {
        const created = await env.engine.request('POST', '/api/v1/records/travel_request', { name: `Bulk trip ${letter} (${language})`, budget: 100 }, auth);
        expect(created.status, JSON.stringify(created.body)).to.equal(201);
        ids.push(created.body._id as string);
      }
      const submitted = await env.engine.request('POST', `/api/v1/records/travel_request/${ids[1]}/approval/submit`, {}, auth);
      expect(submitted.status, JSON.stringify(submitted.body)).to.equal(200);

      const filter = JSON.stringify({ name: { startsWith: 'Bulk trip' } });
      const rep = await signedInPage(env, team.rep.email, `/o/travel_request?${new URLSearchParams({ filter, sort: 'name' }).toString()}`);
      try {
        const { page } = rep;
        await page.waitForFunction(() => document.querySelectorAll('tbody tr.ant-table-row').length === 3);
        await page.locator('thead .ant-checkbox-input').check();
        await page.getByRole('button', { name: text.editField }).click();
        const dialog = page.getByRole('dialog');
        await dialog.locator('#bulk-edit-field').click();
        await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${text.budget}"]`).click();
        await dialog.locator('#bulk-edit-value').fill('500');
        await dialog.getByRole('button', { name: text.apply, exact: true }).click();
        const outcome = page.getByRole('status').filter({ hasText: text.edited });
        await outcome.waitFor();
        const failure = outcome.locator('.bulk-failures li');
        expect(await failure.count()).to.equal(1);
        expect(await failure.innerText()).to.equal(`Bulk trip B (${language}): ${text.reason}`);
        await screenshot(page, `approval-lock-bulk-${language}`);
        const budgets = await Promise.all(ids.map(async (id) => (await env.engine.request('GET', `/api/v1/records/travel_request/${id}`)).body.budget as number));
        expect(budgets, 'the locked one kept its budget').to.deep.equal([500, 100, 500]);
        expect(rep.problems).to.deep.equal([]);
      } finally {
        await rep.context.close();
      }
    });
  }
});

/** The rep's API token, for creating their record as they would. */
async function repAuth(env: E2e, team: Team): Promise<Record<string, string>> {
  return bearer(await tokenFor(env.engine, team.rep.email, env.users.password));
}
