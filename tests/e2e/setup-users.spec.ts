import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { setupMessages } from '../../studio/src/app/setup/setup-messages.js';
import { login } from '../support/auth-helpers.js';
import { highlighted } from './support/choose-option.js';
import { e2e, screenshot, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

/** The page texts, from the app's own catalogues (their translation is the catalogue tests' to check). */
const TEXT = { en: setupMessages.en.setup, 'zh-CN': setupMessages.zhCN.setup } as const;
type Language = keyof typeof TEXT;
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
/** What the account section says of a user's sign-ins. */
const signIns = (text: (typeof TEXT)[Language], sessions: 0 | 1) =>
  fill(text.users.signIns, { sessions: fill(sessions === 1 ? text.users.sessions_one : text.users.sessions_other, { count: String(sessions) }), tokens: fill(text.users.tokens_other, { count: '0' }) });

/** This spec's own names, one set per language so the two runs never meet. */
const names = (language: Language) => {
  const tag = language === 'en' ? 'en' : 'zh';
  return {
    finance: `su_finance_${tag}`,
    manager: `su_manager_${tag}`,
    requester: `su_requester_${tag}`,
    email: `su.requester.${tag}@example.com`,
    fullName: language === 'en' ? 'Rita Requester' : '李申请',
    group: `su_committee_${tag}`,
  };
};
const ROLE_LABELS = {
  finance: { en: 'Finance', zh: '财务' },
  manager: { en: 'Manager', zh: '经理' },
  requester: { en: 'Requester', zh: '申请人' },
} as const;

/**
 * A role's row and its label in the tree, by the exact label: other specs' roles share the tree
 * in a full run, and a label may contain this spec's ("Proof manager EN" holds "Manager EN").
 */
const treeLabel = (page: Page, label: string) => page.locator(`.ant-tree-node-content-wrapper[title="${label}"]`);
const treeRow = (page: Page, label: string, state = '') => page.locator(`.ant-tree-treenode${state}`, { has: treeLabel(page, label) });

/** A permission set of this spec's own for the new user, granting nothing: the assignment is what is tested. */
const PERMISSION_SET = { name: 'su_purchasing', label: { en: 'Purchasing', 'zh-CN': '采购' } };
const FIRST_PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a brand new long passphrase';

let seeded: Promise<void> | undefined;
function seed(env: E2e): Promise<void> {
  seeded ??= succeed(env, 'POST', '/api/v1/meta/permission-sets', PERMISSION_SET).then(() => undefined);
  return seeded;
}

async function roleOf(env: E2e, name: string): Promise<Record<string, unknown> | undefined> {
  const response = await env.engine.request('GET', `/api/v1/meta/roles/${name}`);
  return response.status === 200 ? response.body.definition : undefined;
}

async function userByEmail(env: E2e, email: string): Promise<Record<string, unknown> & { _id: string }> {
  const response = await env.engine.request('GET', `/api/v1/records/user?filter=${encodeURIComponent(JSON.stringify({ email }))}`);
  return response.body.records[0];
}

/** Creates a role through the role form at the top of the hierarchy, typing only the labels (the API name follows the English one). */
async function createRole(page: Page, text: (typeof TEXT)[Language], labels: { en: string; zh: string; shown: string }, apiName: string): Promise<void> {
  await page.getByRole('button', { name: text.roles.new }).click();
  await page.locator('#labelEn').fill(labels.en);
  await page.locator('#labelZh').fill(labels.zh);
  await page.locator('#name').fill(apiName);
  await page.getByRole('button', { name: text.roles.create }).click();
  await treeRow(page, labels.shown).waitFor();
}

/**
 * One story per language, in order as the admin would go: the roles first, then a user holding one
 * of them, then a group of both. A later scenario builds on what the earlier one made in the browser
 * (the proof allows API calls only to read results), so run the file whole.
 */
describe('browser: setup of users, roles and groups', function () {
  this.timeout(120_000);
  before(async function () {
    this.timeout(300_000);
    await seed(await e2e());
  });

  for (const language of LANGUAGES) {
    const text = TEXT[language];
    const own = names(language);
    // Each run's own labels in both languages (the other run's roles are in the same tree).
    const tag = language === 'en' ? 'EN' : 'ZH';
    const labels = (role: keyof typeof ROLE_LABELS) => ({ en: `${ROLE_LABELS[role].en} ${tag}`, zh: `${ROLE_LABELS[role].zh} ${tag}` });
    const shown = (role: keyof typeof ROLE_LABELS) => (language === 'en' ? labels(role).en : labels(role).zh);

    it(`builds the role hierarchy requester → manager → finance by drag and by keyboard, offering no cycle (${language}), passing axe`, async () => {
      const env = await e2e();
      const { context, page, problems } = await signedInPage(env, env.users[language], '/setup/roles');
      try {
        await page.getByRole('heading', { level: 2, name: text.roles.title }).waitFor();
        await page.getByRole('link', { name: text.nav.roles, exact: true }).waitFor();
        for (const role of ['finance', 'manager', 'requester'] as const) {
          await createRole(page, text, { ...labels(role), shown: shown(role) }, own[role]);
        }
        expect(await roleOf(env, own.manager)).to.deep.equal({ name: own.manager, label: { en: labels('manager').en, 'zh-CN': labels('manager').zh } });

        // Drag: the manager onto finance, ending right of where it started (antd's Tree nests a drop
        // that moves right by more than an indent, and puts one straight below beside the target).
        const node = (role: keyof typeof ROLE_LABELS) => treeLabel(page, shown(role));
        // The manager is open in the editor while it is dragged: the form follows the move.
        await node('manager').click();
        await page.getByRole('heading', { level: 3, name: shown('manager') }).waitFor();
        const height = (await node('finance').boundingBox())!.height;
        await node('manager').dragTo(node('finance'), { sourcePosition: { x: 8, y: height / 2 }, targetPosition: { x: 60, y: height * 0.75 } });
        await page.getByText(fill(text.roles.moved, { name: shown('manager') })).waitFor();
        expect(await roleOf(env, own.manager)).to.have.property('reportsTo', own.finance);
        await page.locator('.ant-form-item', { has: page.locator('#reportsTo') }).getByText(shown('finance'), { exact: true }).waitFor();

        // Keyboard: into the tree, down to the requester, Space selects it; "Reports to" moves it under the manager.
        await node('finance').click();
        await page.getByRole('heading', { level: 3, name: shown('finance') }).waitFor();
        await page.getByRole('tree', { name: text.roles.hierarchy }).focus();
        // The full run's other specs add their own roles to the same tree: walk as far as it is long.
        const treeLength = await page.locator('.ant-tree-treenode').count();
        for (let step = 0; step <= treeLength && !(await treeRow(page, shown('requester'), '-active').count()); step += 1) await page.keyboard.press('ArrowDown');
        await treeRow(page, shown('requester'), '-active').waitFor();
        await page.keyboard.press('Space');
        await page.getByRole('heading', { level: 3, name: shown('requester') }).waitFor();
        await page.locator('#reportsTo').focus();
        await page.keyboard.type(shown('manager'));
        await highlighted(page, shown('manager'));
        await page.keyboard.press('Enter');
        await page.keyboard.press('Tab');
        await page.getByRole('button', { name: text.roles.save }).focus();
        await page.keyboard.press('Enter');
        await page.getByText(text.roles.saved).waitFor();
        expect(await roleOf(env, own.requester)).to.have.property('reportsTo', own.manager);
        await treeRow(page, shown('requester')).waitFor();
        // Drawn nested: finance, then the manager one level in, then the requester two.
        await page.waitForFunction(
          (labels) =>
            labels
              .map((label) => [...document.querySelectorAll('.ant-tree-treenode')].find((node) => node.querySelector('.ant-tree-node-content-wrapper')?.getAttribute('title') === label)?.querySelectorAll('.ant-tree-indent-unit').length)
              .join() === '0,1,2',
          [shown('finance'), shown('manager'), shown('requester')],
        );
        await screenshot(page, `setup-roles-${language}`);
        expect(await seriousViolations(page), 'axe on the role hierarchy').to.deep.equal([]);

        // No cycle on offer: finance cannot report to the roles below it (antd's Tree refuses such a drop too).
        await node('finance').click();
        await page.getByRole('heading', { level: 3, name: shown('finance') }).waitFor();
        await page.locator('#reportsTo').focus();
        await page.keyboard.press('ArrowDown');
        const offered = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
        await offered.first().waitFor();
        const options = await offered.allInnerTexts();
        expect(options).to.include(text.roles.top);
        expect(options).to.not.include(shown('manager'));
        expect(options).to.not.include(shown('requester'));
        await page.keyboard.press('Escape');
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });

    it(`creates a user with the requester role and a permission set, resets their password, signs them out and deactivates them (${language}), passing axe`, async () => {
      const env = await e2e();
      const { context, page, problems } = await signedInPage(env, env.users[language], '/setup/users');
      try {
        await page.getByRole('heading', { level: 2, name: text.users.title }).waitFor();
        // From the keyboard: the New user button, then each control in turn.
        await page.getByRole('button', { name: text.users.new }).focus();
        await page.keyboard.press('Enter');
        await page.waitForURL((url) => url.pathname === '/setup/users/new');
        await page.locator('#fullName').focus();
        await page.keyboard.type(own.fullName);
        await page.keyboard.press('Tab');
        // An address another user signs in with: the server refuses it, under the e-mail (below).
        await page.keyboard.type(env.users[language]);
        await page.locator('#role').focus();
        await page.keyboard.type(shown('requester'));
        await highlighted(page, shown('requester'));
        await page.keyboard.press('Enter');
        await page.locator('#permissionSets').focus();
        await page.keyboard.type(PERMISSION_SET.label[language]);
        await highlighted(page, PERMISSION_SET.label[language]);
        await page.keyboard.press('Enter');
        await page.keyboard.press('Escape');
        await page.locator('#language').focus();
        await page.keyboard.type(language === 'en' ? 'English' : '简体');
        await highlighted(page, language === 'en' ? 'English' : '简体');
        await page.keyboard.press('Enter');
        // A password the engine refuses as too short: the form says so under the field before anything is sent.
        await page.locator('#password').focus();
        await page.keyboard.type('short');
        await page.getByRole('button', { name: text.users.create }).focus();
        await page.keyboard.press('Enter');
        const passwordItem = page.locator('.ant-form-item', { has: page.locator('#password') });
        await passwordItem.locator('.ant-form-item-explain-error').waitFor();
        expect(await userByEmail(env, own.email), 'nothing created').to.equal(undefined);
        await page.locator('#password').fill(FIRST_PASSWORD);
        await page.getByRole('button', { name: text.users.create }).focus();
        await page.keyboard.press('Enter');
        const emailItem = page.locator('.ant-form-item', { has: page.locator('#email') });
        await emailItem.locator('.ant-form-item-explain-error').waitFor();
        await screenshot(page, `setup-user-new-${language}`);
        expect(await seriousViolations(page), 'axe on the user form').to.deep.equal([]);
        expect(await userByEmail(env, own.email), 'nothing created').to.equal(undefined);
        expect((await env.engine.request('GET', `/api/v1/records/user?filter=${encodeURIComponent(JSON.stringify({ full_name: own.fullName }))}`)).body.records).to.deep.equal([]);
        await page.locator('#email').fill(own.email);
        await page.getByRole('button', { name: text.users.create }).focus();
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 3, name: text.users.account }).waitFor();
        const user = await userByEmail(env, own.email);
        expect(user).to.deep.include({ full_name: own.fullName, role: own.requester, permission_sets: [PERMISSION_SET.name], language, active: true });
        expect((await login(env.engine, own.email, FIRST_PASSWORD)).status, 'the first password signs in').to.equal(200);

        // Reset the password: typed in English, generated in Chinese (shown, to hand over).
        await page.getByRole('button', { name: text.users.resetPassword }).click();
        const dialog = page.getByRole('dialog', { name: fill(text.users.resetTitle, { name: own.fullName }) });
        let newPassword = NEW_PASSWORD;
        if (language === 'en') {
          await dialog.locator('#password').fill(NEW_PASSWORD);
        } else {
          await dialog.getByRole('button', { name: text.users.generate }).click();
          newPassword = await dialog.locator('#password').inputValue();
          expect(newPassword).to.match(/^[a-km-np-zA-HJ-NP-Z2-9]{20}$/);
          expect(await dialog.locator('#password').getAttribute('type'), 'a generated password is shown').to.equal('text');
        }
        await screenshot(page, `setup-user-reset-${language}`);
        expect(await seriousViolations(page), 'axe on the reset dialog').to.deep.equal([]);
        await dialog.getByRole('button', { name: text.users.setPassword }).click();
        await dialog.waitFor({ state: 'detached' });
        expect((await login(env.engine, own.email, FIRST_PASSWORD)).status, 'the old password no longer signs in').to.equal(401);
        expect((await login(env.engine, own.email, newPassword)).status, 'the new password signs in').to.equal(200);

        // Sign out everywhere, after a confirmation: their sessions end.
        await page.reload();
        await page.getByText(signIns(text, 1)).waitFor();
        await screenshot(page, `setup-user-account-${language}`);
        await page.getByRole('button', { name: text.users.revoke }).click();
        await page.locator('.ant-popconfirm').getByRole('button', { name: text.users.revoke }).click();
        await page.getByText(signIns(text, 0)).waitFor();

        // Deactivate, after a confirmation: the list shows them inactive and they cannot sign in.
        await page.getByRole('button', { name: text.users.deactivate }).click();
        await page.locator('.ant-popconfirm').getByRole('button', { name: text.users.deactivate }).click();
        await page.locator('.setup-user-actions').getByRole('button', { name: text.users.reactivate, exact: true }).waitFor();
        expect((await userByEmail(env, own.email)).active).to.equal(false);
        expect((await login(env.engine, own.email, newPassword)).status, 'an inactive user cannot sign in').to.not.equal(200);
        await screenshot(page, `setup-user-${language}`);
        await page.keyboard.press('Escape');
        await page.waitForURL((url) => url.pathname === '/setup/users');
        await page.getByRole('textbox', { name: text.users.search }).fill(shown('requester'));
        const row = page.locator('tbody tr.ant-table-row', { hasText: own.fullName });
        await row.getByText(text.users.inactive).waitFor();
        expect(await page.locator('tbody tr.ant-table-row').count()).to.equal(1);
        await screenshot(page, `setup-users-${language}`);
        expect(await seriousViolations(page), 'axe on the user list').to.deep.equal([]);

        // The role they hold cannot be deleted: the server's refusal is shown.
        await page.goto(`${env.engine.url}/setup/roles`);
        await treeLabel(page, shown('requester')).click();
        await page.getByRole('button', { name: text.roles.delete }).click();
        await page.locator('.ant-popconfirm').getByRole('button', { name: text.roles.delete }).click();
        await page.getByRole('alert').filter({ hasText: own.requester }).waitFor();
        expect(await roleOf(env, own.requester)).to.not.equal(undefined);
        await screenshot(page, `setup-role-in-use-${language}`);
        expect(problems.filter((problem) => !problem.includes('409'))).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });

    it(`creates a group of a user and a role with its subordinates at 390 px (${language}), passing axe`, async () => {
      const env = await e2e();
      const { context, page, problems } = await signedInPage(env, env.users[language], '/setup/groups', { width: 390, height: 844 });
      try {
        await page.getByRole('heading', { level: 2, name: text.publicGroups.title }).waitFor();
        await page.getByRole('button', { name: text.publicGroups.new }).click();
        await page.locator('#labelEn').fill(`Committee ${language}`);
        expect(await page.locator('#name').inputValue()).to.equal(`committee_${language === 'en' ? 'en' : 'zh_cn'}`);
        await page.locator('#name').fill(own.group);
        await page.locator('#labelZh').fill(`委员会 ${language}`);
        await page.locator('#users').click();
        await page.keyboard.type(own.email);
        await highlighted(page, own.email);
        await page.keyboard.press('Enter');
        await page.keyboard.press('Escape');
        await page.locator('#rolesAndSubordinates').click();
        await page.keyboard.type(shown('finance'));
        await highlighted(page, shown('finance'));
        await page.keyboard.press('Enter');
        await page.keyboard.press('Escape');
        await screenshot(page, `setup-group-${language}`);
        expect(await seriousViolations(page), 'axe on the group form').to.deep.equal([]);
        await page.getByRole('button', { name: text.publicGroups.create }).click();
        await page.waitForURL((url) => url.pathname === `/setup/groups/${own.group}`);
        const user = await userByEmail(env, own.email);
        expect((await env.engine.request('GET', `/api/v1/meta/groups/${own.group}`)).body.definition).to.deep.equal({
          name: own.group,
          label: { en: `Committee ${language}`, 'zh-CN': `委员会 ${language}` },
          users: [user._id],
          rolesAndSubordinates: [own.finance],
        });
        await page.keyboard.press('Escape');
        const groupRow = page.locator('tbody tr.ant-table-row', { hasText: language === 'en' ? `Committee ${language}` : `委员会 ${language}` });
        await groupRow.getByText(fill(text.publicGroups.memberUsers_one, { count: '1' })).waitFor();
        await groupRow.getByText(fill(text.publicGroups.memberSubordinates_one, { count: '1' }), { exact: false }).waitFor();
        await screenshot(page, `setup-groups-${language}`);
        expect(await seriousViolations(page), 'axe on the group list').to.deep.equal([]);
        // The users and roles pages at phone width.
        await page.goto(`${env.engine.url}/setup/users`);
        // Other specs add users too: the search finds this one wherever the list pages it.
        await page.getByRole('textbox', { name: text.users.search }).fill(own.fullName);
        await page.locator('tbody tr.ant-table-row', { hasText: own.fullName }).waitFor();
        await screenshot(page, `setup-users-390-${language}`);
        await page.goto(`${env.engine.url}/setup/roles`);
        await treeRow(page, shown('requester')).waitFor();
        await screenshot(page, `setup-roles-390-${language}`);
        expect(await seriousViolations(page), 'axe on the roles at 390 px').to.deep.equal([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }
});
