import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { createUser } from '../support/auth-helpers.js';
import { e2e, openPage, screenshot, seriousViolations, signedInPage, type E2e } from './support/e2e-environment.js';

/**
 * The record page around the record: related lists with "New" that fills in the parent, field
 * history, owner change and sharing, delete to the recycle bin and restore, the user's password
 * and their recent records. Its own objects (a company with contacts) and users.
 */
const COMPANY = {
  name: 'rp_company',
  label: { en: 'Company', 'zh-CN': '公司' },
  pluralLabel: { en: 'Companies', 'zh-CN': '公司' },
  sharing: 'publicRead',
  fields: [
    { name: 'name', type: 'text', required: true, label: { en: 'Company name', 'zh-CN': '公司名称' } },
    { name: 'phone', type: 'phone', trackHistory: true, label: { en: 'Phone', 'zh-CN': '电话' } },
    {
      name: 'tier',
      type: 'picklist',
      trackHistory: true,
      values: [
        { value: 'gold', label: { en: 'Gold', 'zh-CN': '金牌' } },
        { value: 'silver', label: { en: 'Silver', 'zh-CN': '银牌' } },
      ],
      label: { en: 'Tier', 'zh-CN': '等级' },
    },
  ],
};
const CONTACT = {
  name: 'rp_contact',
  label: { en: 'Contact', 'zh-CN': '联系人' },
  pluralLabel: { en: 'Contacts', 'zh-CN': '联系人' },
  fields: [
    { name: 'name', type: 'text', required: true, label: { en: 'Full name', 'zh-CN': '姓名' } },
    { name: 'company', type: 'lookup', target: 'rp_company', label: { en: 'Company', 'zh-CN': '公司' } },
    { name: 'email', type: 'email', label: { en: 'E-mail', 'zh-CN': '邮箱' } },
  ],
};
const LAYOUT = {
  name: 'rp_company_page',
  object: 'rp_company',
  isDefault: true,
  sections: [{ fields: ['name', 'phone', 'tier'], columns: 2 }],
  relatedLists: [{ object: 'rp_contact', columns: ['email'] }],
};
/** Reads and edits companies, reads contacts: no delete, no transfer of others' records. */
const READER_SET = { name: 'rp_company_editor', objects: { rp_company: { read: true, edit: true }, rp_contact: { read: true } } };

const TEXTS = {
  en: { who: 'Who', access: 'Access', readEdit: 'Read and edit', share: 'Share', stopSharing: 'Stop sharing with Rae Reader', newContact: 'New Contact', create: 'Create', edit: 'Edit', save: 'Save', history: 'Field history', phone: 'Phone', changeOwner: 'Change owner', newOwner: 'New owner', transfer: 'Transfer', delete: 'Delete', bin: 'Recycle bin', restore: 'Restore', recent: 'Recently opened', password: 'Change password', changed: 'Your password is changed', account: 'Mia Chen' },
  'zh-CN': { who: '共享给', access: '权限', readEdit: '读写', share: '共享', stopSharing: '取消与 Rae Reader 的共享', newContact: '新建联系人', create: '创建', edit: '编辑', save: '保存', history: '字段历史', phone: '电话', changeOwner: '更改所有人', newOwner: '新所有人', transfer: '转移', delete: '删除', bin: '回收站', restore: '恢复', recent: '最近打开', password: '修改密码', changed: '密码已修改', account: '王芳' },
} as const;
const LANGUAGES = ['en', 'zh-CN'] as const;
const TARGET = { en: 'Tom Target', 'zh-CN': '赵目标' } as const;

interface Seeded {
  companies: Record<string, string>;
  contacts: Record<string, string>;
  readerEmail: string;
}

async function ok(env: E2e, method: string, path: string, body?: unknown): Promise<Record<string, any>> {
  const response = await env.engine.request(method, path, body);
  expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).to.be.within(200, 299);
  return response.body;
}

const noScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('browser: the record page around the record, the recycle bin, the password, recent records', function () {
  this.timeout(90_000);
  let env: E2e;
  const seeded: Seeded = { companies: {}, contacts: {}, readerEmail: 'rp.reader@example.com' };

  before(async function () {
    this.timeout(180_000);
    env = await e2e();
    await ok(env, 'POST', '/api/v1/meta/objects', COMPANY);
    await ok(env, 'POST', '/api/v1/meta/objects', CONTACT);
    await ok(env, 'POST', '/api/v1/meta/layouts', LAYOUT);
    await ok(env, 'POST', '/api/v1/meta/permission-sets', READER_SET);
    for (const language of LANGUAGES) {
      await createUser(env.engine, { full_name: TARGET[language], email: `rp.target.${language}@example.com`, language, permission_sets: ['standard_user', 'rp_company_editor'] }, env.users.password);
      const company = await ok(env, 'POST', '/api/v1/records/rp_company', { name: `Company ${language}`, phone: '+86 10 1234 5678', tier: 'silver' });
      seeded.companies[language] = company._id;
      const contact = await ok(env, 'POST', '/api/v1/records/rp_contact', { name: `First contact ${language}`, company: company._id, email: `first.${language}@example.com` });
      seeded.contacts[language] = contact._id;
      // One to delete and restore.
      const doomed = await ok(env, 'POST', '/api/v1/records/rp_contact', { name: `Doomed contact ${language}`, company: company._id });
      seeded.contacts[`doomed-${language}`] = doomed._id;
    }
    await createUser(env.engine, { full_name: 'Rae Reader', email: seeded.readerEmail, language: 'en', permission_sets: ['standard_user', 'rp_company_editor'] }, env.users.password);
  });

  for (const language of LANGUAGES) {
    const text = TEXTS[language];

    it(`fills the parent from a related list's New, shows the field history of an edit and changes the owner (${language}), passing axe`, async () => {
      const companyId = seeded.companies[language]!;
      const { context, page, problems } = await signedInPage(env, env.users[language], `/o/rp_company/${companyId}`);
      try {
        await page.getByRole('link', { name: `First contact ${language}` }).waitFor();
        await page.getByText(`first.${language}@example.com`).waitFor();

        await page.getByRole('button', { name: text.newContact }).click();
        await page.waitForURL((url) => url.pathname === '/o/rp_contact/new' && url.searchParams.get('company') === companyId);
        // The lookup holds the parent, shown by its name.
        await page.locator('.record-form .ant-select').getByText(`Company ${language}`).waitFor();
        await page.locator('#root_name').fill(`Second contact ${language}`);
        await page.getByRole('button', { name: text.create, exact: true }).click();
        await page.waitForURL(/\/o\/rp_contact\/[0-9a-f]{24}$/);
        await page.getByRole('link', { name: `Company ${language}` }).click();
        await page.getByRole('link', { name: `Second contact ${language}` }).waitFor();

        await page.getByRole('button', { name: text.edit }).click();
        await page.locator('#root_phone').fill('+86 21 8765 4321');
        await page.getByRole('button', { name: text.save, exact: true }).click();
        await page.getByRole('button', { name: text.edit }).waitFor();
        const history = page.locator('.history-entry').filter({ hasText: text.phone });
        await history.filter({ hasText: '+86 10 1234 5678' }).filter({ hasText: '+86 21 8765 4321' }).waitFor();
        await history.getByText(text.account).waitFor();

        await page.getByRole('button', { name: text.changeOwner }).click();
        await page.getByRole('combobox', { name: text.newOwner }).fill(TARGET[language].slice(0, 3));
        await page.locator('.ant-select-item-option').filter({ hasText: TARGET[language] }).click();
        await page.getByRole('button', { name: text.transfer, exact: true }).click();
        await page.locator('.owner-name').filter({ hasText: TARGET[language] }).waitFor();
        const stored = await env.engine.request('GET', `/api/v1/records/rp_company/${companyId}`);
        expect(stored.body._owner).to.not.equal(undefined);
        expect(stored.body.phone).to.equal('+86 21 8765 4321');

        // Share with another user to read and edit, then take it back.
        await page.getByRole('combobox', { name: text.who }).fill('Rae');
        await page.locator('.ant-select-item-option').filter({ hasText: 'Rae Reader' }).click();
        await page.getByRole('combobox', { name: text.access }).click();
        await page.locator('.ant-select-item-option').filter({ hasText: text.readEdit }).click();
        await page.getByRole('button', { name: text.share, exact: true }).click();
        const shareRow = page.locator('.share-row').filter({ hasText: 'Rae Reader' });
        await shareRow.filter({ hasText: text.readEdit }).waitFor();
        const shares = await env.engine.request('GET', `/api/v1/records/rp_company/${companyId}/shares`);
        expect(shares.body.shares.map((share: { access: string }) => share.access)).to.deep.equal(['edit']);
        await screenshot(page, `record-page-${language}`);
        expect(await seriousViolations(page), 'axe on the record page with its panels').to.deep.equal([]);
        await page.getByRole('button', { name: text.stopSharing }).click();
        await shareRow.waitFor({ state: 'detached' });
        expect((await env.engine.request('GET', `/api/v1/records/rp_company/${companyId}/shares`)).body.shares).to.deep.equal([]);

        // Home lists what was opened last, newest first, from the server: nothing of it is in this browser.
        await page.evaluate(() => window.localStorage.clear());
        await page.goto(`${env.engine.url}/`);
        const recent = page.getByRole('region', { name: text.recent });
        await recent.getByRole('link', { name: new RegExp(`Company ${language}`) }).waitFor();
        await recent.getByRole('link', { name: new RegExp(`Second contact ${language}`) }).waitFor();
        expect(await page.evaluate(() => Object.keys(window.localStorage).filter((key) => key.startsWith('crm.recent')))).to.deep.equal([]);
        await screenshot(page, `home-recent-${language}`);
        expect(await seriousViolations(page), 'axe on home').to.deep.equal([]);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });

    it(`deletes a record to the recycle bin and restores it from there (${language}), passing axe`, async () => {
      const id = seeded.contacts[`doomed-${language}`]!;
      const { context, page, problems } = await signedInPage(env, env.users[language], `/o/rp_contact/${id}`);
      try {
        await page.getByRole('heading', { level: 2, name: `Doomed contact ${language}` }).waitFor();
        await page.getByRole('button', { name: text.delete }).click();
        await page.locator('.ant-popconfirm').getByRole('button', { name: text.delete }).click();
        await page.waitForURL((url) => url.pathname === '/o/rp_contact');
        expect((await env.engine.request('GET', `/api/v1/records/rp_contact/${id}`)).status).to.equal(404);

        await page.getByRole('button', { name: text.account }).click();
        await page.getByRole('menuitem', { name: text.bin }).click();
        await page.waitForURL((url) => url.pathname === '/recycle-bin');
        const row = page.locator('.bin-row').filter({ hasText: `Doomed contact ${language}` });
        await row.waitFor();
        await screenshot(page, `recycle-bin-${language}`);
        expect(await seriousViolations(page), 'axe on the recycle bin').to.deep.equal([]);
        await row.getByRole('button', { name: new RegExp(text.restore) }).click();
        await row.waitFor({ state: 'detached' });
        expect((await env.engine.request('GET', `/api/v1/records/rp_contact/${id}`)).status).to.equal(200);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });

    it(`changes the user's own password, then signs in with the new one (${language})`, async () => {
      const email = `rp.password.${language}@example.com`;
      await createUser(env.engine, { full_name: `Pat Password ${language}`, email, language, permission_sets: ['standard_user'] }, env.users.password);
      const fresh = `a new password for ${language} 42`;
      const { context, page, problems } = await signedInPage(env, email, '/');
      try {
        await page.getByRole('button', { name: `Pat Password ${language}` }).click();
        await page.getByRole('menuitem', { name: text.password }).click();
        await page.waitForURL((url) => url.pathname === '/account/password');
        await page.getByText(language === 'en' ? 'At least 12 characters' : '至少 12 个字符').waitFor();
        await page.getByLabel(language === 'en' ? 'Current password' : '当前密码').fill(env.users.password);
        await page.getByLabel(language === 'en' ? 'New password' : '新密码', { exact: true }).fill(fresh);
        await page.getByLabel(language === 'en' ? 'Repeat the new password' : '再次输入新密码').fill(fresh);
        await page.getByRole('button', { name: text.password }).click();
        await page.getByRole('status').filter({ hasText: text.changed }).waitFor();
        await screenshot(page, `password-${language}`);
        expect(await seriousViolations(page), 'axe on the password page').to.deep.equal([]);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
      const again = await openPage(env);
      try {
        await again.page.goto(`${env.engine.url}/sign-in`);
        await again.page.locator('#sign-in-email').fill(email);
        await again.page.locator('#sign-in-password').fill(fresh);
        await again.page.locator('form button[type=submit]').click();
        await again.page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
        await again.page.getByRole('button', { name: `Pat Password ${language}` }).waitFor();
      } finally {
        await again.context.close();
      }
    });
  }

  it('withholds delete and owner change from a user who may not, saying why, and fits 390 px', async () => {
    const { context, page, problems } = await signedInPage(env, seeded.readerEmail, `/o/rp_company/${seeded.companies['zh-CN']}`, { width: 390, height: 844 });
    try {
      await page.getByRole('heading', { level: 2, name: 'Company zh-CN' }).waitFor();
      await page.locator('.owner-name').filter({ hasText: /\S/ }).waitFor();
      expect(await page.getByRole('button', { name: 'Change owner' }).count()).to.equal(0);
      await page.locator('.panel-note').filter({ hasText: 'Only the owner of this company' }).first().waitFor();
      // No delete right on companies at all: no Delete (a refusal by sharing alone disables it, as Edit below).
      expect(await page.getByRole('button', { name: /^(delete )?Delete/ }).count()).to.equal(0);
      // Companies are public read: others' records are not theirs to edit either.
      expect(await page.getByRole('button', { name: 'Edit' }).isDisabled()).to.equal(true);
      expect(await noScroll(page)).to.be.at.most(390);
      await screenshot(page, 'record-page-390-en');
      expect(await seriousViolations(page), 'axe on the record page at 390 px').to.deep.equal([]);

      await page.goto(`${env.engine.url}/recycle-bin`);
      await page.getByRole('heading', { level: 2, name: 'Recycle bin' }).waitFor();
      expect(await noScroll(page)).to.be.at.most(390);
      await screenshot(page, 'recycle-bin-390-en');
      expect(problems).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });
});
