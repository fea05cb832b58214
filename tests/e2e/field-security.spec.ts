import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { createUser } from '../support/auth-helpers.js';
import { e2e, screenshot, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

/**
 * A field the user's permission sets do not let them read is nowhere in the app: not in a shared
 * view that names it as a column, the filter builder, bulk edit, the record page, its form, its
 * field history, a parent's related list, the search palette, nor the CSV the browser downloads.
 */
const HIDDEN_VALUE = 'Wombat pay grade 9';
const OLD_HIDDEN_VALUE = 'Wombat pay grade 8';
const PERSON = 'Dorothea Wimsey';
const USERS = { en: 'fs.viewer.en@example.com', 'zh-CN': 'fs.viewer.cn@example.com' } as const;

const LANGUAGES = [
  { language: 'en', hidden: 'Pay grade', email: 'E-mail', view: 'All staff', one: '1 record', filter: 'Filter', field1: 'Field of condition 1', editField: 'Edit field', export: 'Export CSV', edit: 'Edit', cancel: 'Cancel', noMatch: 'No records match' },
  { language: 'zh-CN', hidden: '薪级', email: '电子邮件', view: '全体员工', one: '共 1 条记录', filter: '筛选', field1: '条件 1 的字段', editField: '批量修改字段', export: '导出 CSV', edit: '编辑', cancel: '取消', noMatch: '没有与' },
] as const;

interface Seeded {
  readonly account: string;
  readonly person: string;
}

let seeded: Promise<Seeded> | undefined;

/** This spec's objects, view, layouts, permission set, record and users (the shared seed stays as it is). */
function seed(env: E2e): Promise<Seeded> {
  seeded ??= (async () => {
    const ok = (method: string, path: string, body: unknown) => succeed(env, method, path, body);
    await ok('POST', '/api/v1/meta/objects', {
      name: 'fs_account',
      label: { en: 'Firm', 'zh-CN': '事务所' },
      pluralLabel: { en: 'Firms', 'zh-CN': '事务所' },
      sharing: 'publicRead',
      fields: [{ name: 'name', type: 'text', required: true, label: { en: 'Firm name', 'zh-CN': '事务所名称' } }],
    });
    await ok('POST', '/api/v1/meta/objects', {
      name: 'fs_person',
      label: { en: 'Employee', 'zh-CN': '员工' },
      pluralLabel: { en: 'Employees', 'zh-CN': '员工' },
      sharing: 'publicReadWrite',
      fields: [
        { name: 'name', type: 'text', required: true, label: { en: 'Name', 'zh-CN': '姓名' } },
        { name: 'email', type: 'email', trackHistory: true, label: { en: 'E-mail', 'zh-CN': '电子邮件' } },
        { name: 'pay_grade', type: 'text', trackHistory: true, label: { en: 'Pay grade', 'zh-CN': '薪级' } },
        { name: 'firm', type: 'lookup', target: 'fs_account', label: { en: 'Firm', 'zh-CN': '事务所' } },
      ],
    });
    // The administrator shares a view and a layout that name the field: the user's copy must drop it.
    await ok('POST', '/api/v1/meta/list-views', { name: 'fs_with_pay', object: 'fs_person', label: { en: 'All staff', 'zh-CN': '全体员工' }, columns: ['name', 'email', 'pay_grade'], sort: ['name'] });
    await ok('POST', '/api/v1/meta/layouts', { name: 'fs_person_page', object: 'fs_person', isDefault: true, sections: [{ fields: ['name', 'email', 'pay_grade', 'firm'], columns: 2 }] });
    await ok('POST', '/api/v1/meta/layouts', { name: 'fs_account_page', object: 'fs_account', isDefault: true, sections: [{ fields: ['name'] }], relatedLists: [{ object: 'fs_person', columns: ['email', 'pay_grade'] }] });
    await ok('POST', '/api/v1/meta/permission-sets', {
      name: 'fs_viewer',
      objects: { fs_account: { read: true }, fs_person: { create: true, read: true, edit: true } },
      fields: { fs_person: { pay_grade: { read: false, edit: false } } },
    });
    const account = await ok('POST', '/api/v1/records/fs_account', { name: 'Wimsey and Vane' });
    const person = await ok('POST', '/api/v1/records/fs_person', { name: PERSON, email: 'dorothea@example.com', pay_grade: OLD_HIDDEN_VALUE, firm: account._id });
    // A change of each tracked field: the history may show the e-mail's, never the pay grade's.
    await ok('PATCH', `/api/v1/records/fs_person/${person._id}`, { email: 'd.wimsey@example.com', pay_grade: HIDDEN_VALUE });
    for (const language of ['en', 'zh-CN'] as const) {
      await createUser(env.engine, { full_name: `Field viewer ${language}`, email: USERS[language], language, permission_sets: ['standard_user', 'fs_viewer'] }, env.users.password);
    }
    return { account: account._id, person: person._id };
  })();
  return seeded;
}

/** The hidden field's label (as text on the page) or either of its values (anywhere in the page's markup). */
async function showsHidden(page: Page, label: string): Promise<boolean> {
  const [html, text] = await Promise.all([page.content(), page.locator('body').innerText()]);
  return html.includes(HIDDEN_VALUE) || html.includes(OLD_HIDDEN_VALUE) || html.includes('pay_grade') || text.includes(label);
}

/** The labels of the options an open antd select offers. */
async function openOptions(page: Page): Promise<string[]> {
  const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
  await options.first().waitFor();
  return options.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('title') ?? node.textContent ?? ''));
}

describe('browser: a field the user may not read', function () {
  this.timeout(120_000);

  for (const case_ of LANGUAGES) {
    it(`never shows it: view columns, filter and bulk edit pickers, export, record, form, history, related list, search (${case_.language})`, async () => {
      const env = await e2e();
      const ids = await seed(env);
      const asAdmin = await env.engine.request('GET', `/api/v1/records/fs_person/${ids.person}`);
      expect(asAdmin.body.pay_grade, 'the value is there for the administrator').to.equal(HIDDEN_VALUE);
      const { context, page, problems } = await signedInPage(env, USERS[case_.language], '/o/fs_person?view=fs_with_pay');
      try {
        // The shared view that lists the field as a column.
        await page.getByRole('link', { name: PERSON }).waitFor();
        await page.getByRole('columnheader', { name: case_.email }).waitFor();
        await page.locator('.view-picker-select').getByText(case_.view).waitFor();
        await page.getByText(case_.one, { exact: true }).waitFor();
        await page.waitForLoadState('networkidle');
        expect(await showsHidden(page, case_.hidden), 'the list').to.equal(false);
        await screenshot(page, `field-security-list-${case_.language}`);

        // The filter builder's fields.
        await page.getByRole('button', { name: case_.filter }).click();
        await page.getByRole('combobox', { name: case_.field1, exact: true }).click();
        const filterable = await openOptions(page);
        expect(filterable, 'the filter builder offers the readable fields').to.include(case_.email);
        expect(filterable, 'the filter builder').to.not.include(case_.hidden);
        await page.keyboard.press('Escape');

        // Bulk edit's fields.
        await page.locator('tbody .ant-checkbox-input').first().check();
        await page.getByRole('button', { name: case_.editField }).click();
        await page.getByRole('dialog').locator('#bulk-edit-field').click();
        const editable = await openOptions(page);
        expect(editable, 'bulk edit offers the editable fields').to.include(case_.email);
        expect(editable, 'bulk edit').to.not.include(case_.hidden);
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').getByRole('button', { name: case_.cancel }).click();
        await page.getByRole('dialog').waitFor({ state: 'detached' });

        // The CSV the browser downloads from the list's export link.
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: case_.export }).click()]);
        const csv = await readFile((await download.path())!, 'utf8');
        expect(csv).to.include(PERSON).and.include('d.wimsey@example.com');
        expect(csv, 'the export').to.not.include('pay_grade').and.not.include(case_.hidden).and.not.include('Wombat');

        // The record page, its field history, and its form.
        await page.getByRole('link', { name: PERSON }).click();
        await page.getByRole('heading', { level: 2, name: PERSON }).waitFor();
        await page.locator('.history-entry').filter({ hasText: 'd.wimsey@example.com' }).waitFor();
        expect(await showsHidden(page, case_.hidden), 'the record page').to.equal(false);
        await screenshot(page, `field-security-record-${case_.language}`);
        await page.getByRole('button', { name: case_.edit }).click();
        await page.locator('#root_email').waitFor();
        expect(await page.locator('#root_pay_grade').count(), 'the form').to.equal(0);
        expect(await showsHidden(page, case_.hidden), 'the form').to.equal(false);

        // The firm's related list, whose layout names the field as a column.
        await page.goto(`${env.engine.url}/o/fs_account/${ids.account}`);
        await page.getByRole('link', { name: PERSON }).waitFor();
        await page.getByText('d.wimsey@example.com').waitFor();
        expect(await showsHidden(page, case_.hidden), 'the related list').to.equal(false);

        // The search palette: nothing found by the hidden value, nothing of it shown beside the name.
        await page.keyboard.press('Control+k');
        const box = page.getByRole('dialog').getByRole('combobox');
        await box.pressSequentially('Wombat');
        await page.getByRole('dialog').getByRole('status').filter({ hasText: case_.noMatch }).waitFor();
        await box.fill('Wimsey');
        await page.getByRole('dialog').getByRole('option', { name: new RegExp(PERSON) }).waitFor();
        expect(await showsHidden(page, case_.hidden), 'the search results').to.equal(false);
        await screenshot(page, `field-security-search-${case_.language}`);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }
});
