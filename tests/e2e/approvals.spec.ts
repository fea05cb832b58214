import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { bearer, createUser, tokenFor } from '../support/auth-helpers.js';
import { e2e, screenshot, seriousViolations, signedInPage, type E2e } from './support/e2e-environment.js';

const TEXTS = {
  en: {
    submit: 'Submit for approval',
    approve: 'Approve',
    reject: 'Reject',
    recall: 'Recall',
    pending: 'Pending',
    approved: 'Approved',
    returned: 'Returned to the submitter',
    step: 'Manager',
    object: 'Expense claim',
    waiting: 'Waiting for me',
    empty: 'Nothing is waiting for you.',
    needReason: 'Say why you reject it.',
    notPending: 'This record is not pending approval.',
  },
  'zh-CN': {
    submit: '提交审批',
    approve: '批准',
    reject: '拒绝',
    recall: '撤回',
    pending: '审批中',
    approved: '已批准',
    returned: '已退回提交人',
    step: '经理',
    object: '报销单',
    waiting: '待我审批',
    empty: '没有待您处理的审批。',
    needReason: '请说明拒绝的理由。',
    notPending: '该记录未处于待审批状态。',
  },
} as const;
type Language = keyof typeof TEXTS;

interface Team {
  readonly rep: { email: string; name: string; token: string };
  readonly approver: { email: string; name: string; token: string };
}

/** The approvals scenarios' own object, process and people: a rep and their manager per language. */
async function seedApprovals(env: E2e): Promise<Record<Language, Team>> {
  const ok = async (path: string, body: unknown) => {
    const created = await env.engine.request('POST', path, body);
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
  };
  await ok('/api/v1/meta/objects', {
    name: 'expense_claim',
    label: { en: 'Expense claim', 'zh-CN': '报销单' },
    pluralLabel: { en: 'Expense claims', 'zh-CN': '报销单' },
    sharing: 'private',
    fields: [
      { name: 'name', type: 'text', required: true, label: { en: 'Claim', 'zh-CN': '报销事项' } },
      { name: 'amount', type: 'currency', min: 0, label: { en: 'Amount', 'zh-CN': '金额' } },
    ],
  });
  await ok('/api/v1/meta/permission-sets', { name: 'expense_claims', objects: { expense_claim: { create: true, read: true, edit: true, delete: true } } });
  await ok('/api/v1/meta/approval-processes', {
    name: 'claim_approval',
    object: 'expense_claim',
    label: { en: 'Claim approval', 'zh-CN': '报销审批' },
    steps: [{ name: 'manager', label: { en: 'Manager', 'zh-CN': '经理' }, approvers: [{ submitterManager: true }] }],
  });
  const people = { en: { rep: 'Riley Rep', approver: 'Avery Boss' }, 'zh-CN': { rep: '李销售', approver: '张经理' } } as const;
  const teams = {} as Record<Language, Team>;
  for (const language of ['en', 'zh-CN'] as const) {
    const person = async (key: 'rep' | 'approver', manager?: string) => {
      const email = `claims.${key}.${language.toLowerCase()}@example.com`;
      const id = await createUser(env.engine, { full_name: people[language][key], email, language, permission_sets: ['standard_user', 'expense_claims'], ...(manager ? { manager } : {}) }, env.users.password);
      return { id, email, name: people[language][key], token: await tokenFor(env.engine, email, env.users.password) };
    };
    const approver = await person('approver');
    teams[language] = { approver, rep: await person('rep', approver.id) };
  }
  return teams;
}

let seeded: Promise<Record<Language, Team>> | undefined;
const teamsOf = (env: E2e) => (seeded ??= seedApprovals(env));

async function claim(env: E2e, team: Team, name: string, submit: boolean): Promise<string> {
  const created = await env.engine.request('POST', '/api/v1/records/expense_claim', { name, amount: 86.5 }, bearer(team.rep.token));
  expect(created.status, JSON.stringify(created.body)).to.equal(201);
  if (submit) {
    const submitted = await env.engine.request('POST', `/api/v1/records/expense_claim/${created.body._id}/approval/submit`, {}, bearer(team.rep.token));
    expect(submitted.status, JSON.stringify(submitted.body)).to.equal(200);
  }
  return created.body._id;
}

async function pendingFor(env: E2e, team: Team): Promise<number> {
  return (await env.engine.request('GET', '/api/v1/approvals/inbox?limit=1', undefined, bearer(team.approver.token))).body.total;
}

/** Sends the open decision dialog with a comment. */
async function decide(page: Page, button: string, comment: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.locator('#approval-comment').fill(comment);
  await dialog.getByRole('button', { name: button, exact: true }).click();
}

describe('browser: approvals', function () {
  this.timeout(90_000);

  for (const language of ['en', 'zh-CN'] as const) {
    const text = TEXTS[language];

    it(`submits a record, approves it from the inbox with a comment, and shows the history (${language}), passing axe`, async () => {
      const env = await e2e();
      const team = (await teamsOf(env))[language];
      const name = `Taxi to the airport (${language})`;
      const id = await claim(env, team, name, false);

      const rep = await signedInPage(env, team.rep.email, `/o/expense_claim/${id}`);
      try {
        const panel = rep.page.locator('.approval-panel');
        await panel.getByRole('button', { name: text.submit }).click();
        await decide(rep.page, text.submit, 'Client visit');
        await panel.locator('.approval-status').filter({ hasText: text.pending }).waitFor();
        await panel.getByText(team.approver.name).first().waitFor();
        await panel.getByText(text.step).first().waitFor();
        // The rep may recall, not decide.
        expect(await panel.getByRole('button', { name: text.recall }).count()).to.equal(1);
        expect(await panel.getByRole('button', { name: text.approve, exact: true }).count()).to.equal(0);
        await screenshot(rep.page, `approvals-submitted-${language}`);
        expect(await seriousViolations(rep.page), 'axe on the record with its approval').to.deep.equal([]);
      } finally {
        await rep.context.close();
      }

      const waiting = await pendingFor(env, team);
      const approver = await signedInPage(env, team.approver.email, '/');
      try {
        const badge = approver.page.locator('a.approvals-badge');
        await badge.locator('.approvals-badge-count').filter({ hasText: String(waiting) }).waitFor();
        expect(await badge.getAttribute('aria-label')).to.include(String(waiting));
        const home = approver.page.locator('section[aria-labelledby=waiting-for-me]');
        await home.getByRole('heading', { name: text.waiting }).waitFor();
        await home.getByRole('link', { name }).waitFor();
        await screenshot(approver.page, `approvals-home-${language}`);
        expect(await seriousViolations(approver.page), 'axe on home with waiting items').to.deep.equal([]);

        await badge.click();
        await approver.page.waitForURL(/\/approvals$/);
        const row = approver.page.locator('tr').filter({ hasText: name });
        await row.getByText(text.object).waitFor();
        await row.getByText(text.step).waitFor();
        await row.getByText(team.rep.name).waitFor();
        await screenshot(approver.page, `approvals-inbox-${language}`);
        expect(await seriousViolations(approver.page), 'axe on the inbox').to.deep.equal([]);
        await row.getByRole('button', { name: `${text.approve}: ${name}` }).click();
        await decide(approver.page, text.approve, 'Looks fine, receipt attached');
        await row.waitFor({ state: 'detached' });
        if (waiting === 1) {
          await approver.page.getByText(text.empty).waitFor();
          await badge.locator('.approvals-badge-count').waitFor({ state: 'detached' });
        } else {
          await badge.locator('.approvals-badge-count').filter({ hasText: String(waiting - 1) }).waitFor();
        }
        expect(approver.problems).to.deep.equal([]);
      } finally {
        await approver.context.close();
      }

      const back = await signedInPage(env, team.rep.email, `/o/expense_claim/${id}`);
      try {
        const panel = back.page.locator('.approval-panel');
        await panel.locator('.approval-status').filter({ hasText: text.approved }).waitFor();
        const approval = panel.locator('.approval-history-approve');
        await approval.getByText(team.approver.name).waitFor();
        await approval.getByText('Looks fine, receipt attached').waitFor();
        await panel.locator('.approval-history-submit').getByText('Client visit').waitFor();
        // An approved record is done with its process: nothing to approve, reject, recall, nor submit again.
        expect(await panel.getByRole('button').allInnerTexts()).to.deep.equal([]);
        await screenshot(back.page, `approvals-history-${language}`);
        expect(await seriousViolations(back.page), 'axe on the approved record').to.deep.equal([]);
        expect(back.problems).to.deep.equal([]);
      } finally {
        await back.context.close();
      }
    });

    it(`rejects from the record page only with a reason, and returns the record to the rep (${language})`, async () => {
      const env = await e2e();
      const team = (await teamsOf(env))[language];
      const id = await claim(env, team, `Team dinner (${language})`, true);
      const { context, page, problems } = await signedInPage(env, team.approver.email, `/o/expense_claim/${id}`);
      try {
        const panel = page.locator('.approval-panel');
        await panel.getByRole('button', { name: text.reject }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('button', { name: text.reject, exact: true }).click();
        await dialog.getByText(text.needReason).waitFor();
        await screenshot(page, `approvals-reject-dialog-${language}`);
        await decide(page, text.reject, 'Over the dinner limit');
        await panel.locator('.approval-status').filter({ hasText: text.returned }).waitFor();
        await panel.locator('.approval-history-reject').getByText('Over the dinner limit').waitFor();
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }

  it("lays the inbox out as cards at 390 px and shows the server's refusal in the user's language", async () => {
    const env = await e2e();
    const team = (await teamsOf(env))['zh-CN'];
    const name = `Hotel <b>two nights</b>`;
    const id = await claim(env, team, name, true);
    const { context, page } = await signedInPage(env, team.approver.email, '/approvals', { width: 390, height: 844 });
    try {
      const card = page.locator('.list-cards li').filter({ hasText: name });
      await card.getByText(TEXTS['zh-CN'].step).waitFor();
      expect(await page.locator('main b').count(), 'the name is text, not markup').to.equal(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
      await screenshot(page, 'approvals-inbox-390-zh-CN');
      expect(await seriousViolations(page), 'axe on the inbox at 390 px').to.deep.equal([]);

      // The rep recalls meanwhile: the approval is refused, in Chinese, and the dialog stays open.
      const recalled = await env.engine.request('POST', `/api/v1/records/expense_claim/${id}/approval/recall`, {}, bearer(team.rep.token));
      expect(recalled.status, JSON.stringify(recalled.body)).to.equal(200);
      await card.getByRole('button', { name: `${TEXTS['zh-CN'].approve}: ${name}` }).click();
      await decide(page, TEXTS['zh-CN'].approve, '');
      await page.getByRole('dialog').getByRole('alert').filter({ hasText: TEXTS['zh-CN'].notPending }).waitFor();
      await screenshot(page, 'approvals-refused-390-zh-CN');
    } finally {
      await context.close();
    }
  });
});
