import { expect } from 'chai';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createUser, tokenFor } from '../support/auth-helpers.js';
import { ARTIFACTS, e2e, screenshot, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

/**
 * Explain access in the browser: this spec's own private object, a role hierarchy manager → rep,
 * a record the rep owns, a permission set that hides one field, and a user with no role.
 */
const OBJECT = {
  name: 'ea_request',
  label: { en: 'Travel request', 'zh-CN': '出差申请' },
  pluralLabel: { en: 'Travel requests', 'zh-CN': '出差申请' },
  sharing: 'private',
  fields: [
    { name: 'name', type: 'text', required: true, label: { en: 'Title', 'zh-CN': '标题' } },
    { name: 'cost', type: 'number', label: { en: 'Cost', 'zh-CN': '费用' } },
    { name: 'budget_code', type: 'text', label: { en: 'Budget code', 'zh-CN': '预算代码' } },
  ],
};
const RECORD_NAME = 'Trip to Shanghai';
const PEOPLE = {
  manager: { full_name: 'Erin Manager', email: 'ea.manager@example.com', role: 'ea_manager' },
  rep: { full_name: 'Ravi Rep', email: 'ea.rep@example.com', role: 'ea_rep' },
  outsider: { full_name: 'Olga Outsider', email: 'ea.outsider@example.com', role: null },
} as const;

const TEXT = {
  en: {
    panel: 'Why can … see this?',
    pickUser: 'Search users by name',
    canRead: 'Can read this record',
    canEdit: 'Can edit this record',
    cannotRead: 'Cannot read this record',
    hierarchy: 'Role above the owner: Erin Manager’s role Sales manager is above Sales rep, the owner’s role.',
    closed: 'Olga Outsider does not own this travel request, holds no role above its owner',
    hidden: 'Cannot read: Budget code',
    nav: 'Explain access',
    object: 'Object',
    record: 'Record',
  },
  'zh-CN': {
    panel: '为什么…能看到这条记录？',
    pickUser: '按姓名搜索用户',
    canRead: '可以读取这条记录',
    canEdit: '可以编辑这条记录',
    cannotRead: '不能读取这条记录',
    hierarchy: '角色高于所有者：Erin Manager 的角色 销售经理 高于所有者的角色 销售代表。',
    closed: 'Olga Outsider',
    hidden: '不能读取：预算代码',
    nav: '访问说明',
    object: '对象',
    record: '记录',
  },
} as const;
type Language = keyof typeof TEXT;
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];

let seeded: Promise<string> | undefined;
/** The record the rep owns; its id. */
function seed(env: E2e): Promise<string> {
  seeded ??= (async () => {
    await succeed(env, 'POST', '/api/v1/meta/objects', OBJECT);
    await succeed(env, 'POST', '/api/v1/meta/roles', { name: 'ea_manager', label: { en: 'Sales manager', 'zh-CN': '销售经理' } });
    await succeed(env, 'POST', '/api/v1/meta/roles', { name: 'ea_rep', reportsTo: 'ea_manager', label: { en: 'Sales rep', 'zh-CN': '销售代表' } });
    const crud = { create: true, read: true, edit: true, delete: true };
    await succeed(env, 'POST', '/api/v1/meta/permission-sets', { name: 'ea_user', label: { en: 'Travel', 'zh-CN': '差旅' }, objects: { ea_request: crud }, fields: { ea_request: { budget_code: { read: false, edit: false } } } });
    for (const person of Object.values(PEOPLE)) await createUser(env.engine, { ...person, permission_sets: ['standard_user', 'ea_user'] }, env.users.password);
    const token = await tokenFor(env.engine, PEOPLE.rep.email, env.users.password);
    const created = await env.engine.request('POST', '/api/v1/records/ea_request', { name: RECORD_NAME, cost: 1200 }, { authorization: `Bearer ${token}` });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    return created.body._id as string;
  })();
  return seeded;
}

/** Picks a user in the open page's user picker by typing the start of their name. */
async function pickUser(page: Page, label: string, name: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).fill(name.slice(0, 4));
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: name }).click();
}

describe('browser: explain access', function () {
  this.timeout(120_000);
  before(async function () {
    this.timeout(300_000);
    await seed(await e2e());
  });

  for (const language of LANGUAGES) {
    const text = TEXT[language];

    it(`says on the record page why the manager sees the rep's record (role above the owner) and why an outsider does not (${language}), passing axe`, async () => {
      const env = await e2e();
      const id = await seed(env);
      const { context, page, problems } = await signedInPage(env, env.users[language], `/o/ea_request/${id}`);
      try {
        const panel = page.locator('.ant-card', { has: page.getByRole('heading', { level: 2, name: text.panel }) });
        await panel.waitFor();
        await pickUser(page, text.pickUser, PEOPLE.manager.full_name);
        const read = panel.getByRole('region', { name: language === 'en' ? 'Read' : '读取' });
        await read.getByRole('heading', { name: text.canRead }).waitFor();
        expect(await read.locator('.access-reasons li').allInnerTexts()).to.deep.equal([text.hierarchy]);
        await panel.getByRole('heading', { name: text.canEdit }).waitFor();
        await panel.getByText(text.hidden).waitFor();
        // A full-page picture of a scrolled page would draw the fixed header mid-page.
        await page.evaluate(() => window.scrollTo(0, 0));
        await screenshot(page, `explain-access-record-${language}`);
        await panel.screenshot({ path: join(ARTIFACTS, `explain-access-panel-${language}.png`) });
        expect(await seriousViolations(page), 'axe on the record page with the answer').to.deep.equal([]);

        await pickUser(page, text.pickUser, PEOPLE.outsider.full_name);
        await panel.getByRole('heading', { name: text.cannotRead }).waitFor();
        const why = await panel.locator('.access-why').first().innerText();
        expect(why).to.contain(text.closed);
        expect(await panel.locator('.access-reasons').count(), 'no reason opens it').to.equal(0);
        // A full-page picture of a scrolled page would draw the fixed header mid-page.
        await page.evaluate(() => window.scrollTo(0, 0));
        await screenshot(page, `explain-access-closed-${language}`);
        expect(await seriousViolations(page), 'axe on the closed answer').to.deep.equal([]);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });

    it(`answers in Setup → Explain access for a user, object and record picked there (${language}), passing axe`, async () => {
      const env = await e2e();
      await seed(env);
      const { context, page, problems } = await signedInPage(env, env.users[language], '/setup/objects');
      try {
        await page.getByRole('link', { name: text.nav, exact: true }).click();
        await page.waitForURL((url) => url.pathname === '/setup/explain-access');
        await pickUser(page, text.pickUser, PEOPLE.manager.full_name);
        await page.getByRole('combobox', { name: text.object }).fill(OBJECT.label[language]);
        await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: `${OBJECT.label[language]} · ea_request` }).click();
        await page.getByRole('combobox', { name: text.record }).fill('Trip');
        await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: RECORD_NAME }).click();
        await page.getByRole('heading', { name: text.canRead }).waitFor();
        expect(await page.locator('.access-allowed .access-reasons li').first().innerText()).to.equal(text.hierarchy);
        await screenshot(page, `explain-access-setup-${language}`);
        expect(await seriousViolations(page), 'axe on the setup page').to.deep.equal([]);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }

  it('fits 390 px on the record page and in setup, without scrolling sideways', async () => {
    const env = await e2e();
    const id = await seed(env);
    const { context, page } = await signedInPage(env, env.users.en, `/o/ea_request/${id}`, { width: 390, height: 844 });
    try {
      await pickUser(page, TEXT.en.pickUser, PEOPLE.manager.full_name);
      await page.getByRole('heading', { name: TEXT.en.canRead }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
      await page.getByRole('heading', { level: 2, name: TEXT.en.panel }).scrollIntoViewIfNeeded();
      await screenshot(page, 'explain-access-record-en-390');
      const users = await env.engine.request('GET', `/api/v1/records/user?filter=${encodeURIComponent(JSON.stringify({ email: PEOPLE.manager.email }))}`);
      await page.goto(`${env.engine.url}/setup/explain-access?user=${users.body.records[0]._id}&object=ea_request&record=${id}`);
      await page.getByRole('heading', { name: TEXT.en.canRead }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
      await screenshot(page, 'explain-access-setup-en-390');
    } finally {
      await context.close();
    }
  });

  it('offers the panel only to those who may ask about anyone: the rep neither sees it nor loads its code', async () => {
    const env = await e2e();
    const id = await seed(env);
    const { context, page, problems } = await signedInPage(env, PEOPLE.rep.email, `/o/ea_request/${id}`);
    const loaded: string[] = [];
    page.on('request', (request) => loaded.push(request.url()));
    try {
      await page.reload();
      await page.getByRole('heading', { level: 2, name: RECORD_NAME }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Owner and sharing' }).waitFor();
      expect(await page.getByRole('heading', { name: TEXT.en.panel }).count()).to.equal(0);
      expect(loaded.filter((url) => /access-panel|\/access\b/.test(url))).to.deep.equal([]);
      // The same page for an administrator loads the panel's chunk: the check above can fail.
      const admin = await signedInPage(env, env.users.en, `/o/ea_request/${id}`);
      const adminLoaded: string[] = [];
      admin.page.on('request', (request) => adminLoaded.push(request.url()));
      try {
        await admin.page.reload();
        await admin.page.getByRole('heading', { level: 2, name: TEXT.en.panel }).waitFor();
        expect(adminLoaded.some((url) => /access-panel/.test(url))).to.equal(true);
      } finally {
        await admin.context.close();
      }
      expect(problems).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });
});
