import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { createUser } from '../support/auth-helpers.js';
import { e2e, screenshot, seriousViolations, signedInPage, type E2e } from './support/e2e-environment.js';

/** Records only this spec makes: names no other spec uses, so the search finds exactly these. */
const LIGHTHOUSE = 'Zephyr Lighthouse Trading';
const SEAGULL = '青岛海鸥贸易有限公司';
const HIDDEN_VALUE = 'Quokka salary band 7';
const FLS_PASSWORD = 'field security browser password';
const FLS_USERS = { en: 'fls.viewer.en@example.com', 'zh-CN': 'fls.viewer.cn@example.com' } as const;

const LANGUAGES = [
  { language: 'en', type: 'lighth', name: LIGHTHOUSE, object: 'Search venue', records: 'Records', noMatch: 'No records match', contact: 'Search contacts', edit: 'Edit', hidden: 'Salary note' },
  { language: 'zh-CN', type: '海鸥贸易', name: SEAGULL, object: '搜索场所', records: '记录', noMatch: '没有与', contact: '搜索联系人', edit: '编辑', hidden: '薪资备注' },
] as const;

interface Seeded {
  lighthouse: string;
  seagull: string;
  contact: string;
}

let seeded: Promise<Seeded> | undefined;

/** This spec's objects, records and users, once for all its scenarios (the shared seed stays as it is). */
function seed(env: E2e): Promise<Seeded> {
  seeded ??= (async () => {
    const ok = async (method: string, path: string, body: unknown): Promise<Record<string, any>> => {
      const response = await env.engine.request(method, path, body);
      expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).to.be.oneOf([200, 201]);
      return response.body;
    };
    await ok('POST', '/api/v1/meta/objects', {
      name: 'search_venue',
      label: { en: 'Search venue', 'zh-CN': '搜索场所' },
      pluralLabel: { en: 'Search venues', 'zh-CN': '搜索场所' },
      sharing: 'publicRead',
      fields: [
        { name: 'name', type: 'text', required: true, label: { en: 'Name', 'zh-CN': '名称' } },
        { name: 'city', type: 'text', label: { en: 'City', 'zh-CN': '城市' } },
      ],
    });
    const lighthouse = await ok('POST', '/api/v1/records/search_venue', { name: LIGHTHOUSE, city: 'Oslo' });
    const seagull = await ok('POST', '/api/v1/records/search_venue', { name: SEAGULL, city: '青岛' });
    // A field hidden from one permission set: its holders must never see it anywhere.
    await ok('POST', '/api/v1/meta/objects', {
      name: 'fls_contact',
      label: { en: 'Contact', 'zh-CN': '联系人' },
      pluralLabel: { en: 'Contacts', 'zh-CN': '联系人' },
      sharing: 'publicReadWrite',
      fields: [
        { name: 'name', type: 'text', required: true, label: { en: 'Name', 'zh-CN': '姓名' } },
        { name: 'email', type: 'email', label: { en: 'E-mail', 'zh-CN': '电子邮件' } },
        { name: 'salary_note', type: 'text', label: { en: 'Salary note', 'zh-CN': '薪资备注' } },
      ],
    });
    await ok('POST', '/api/v1/meta/permission-sets', {
      name: 'fls_viewer',
      objects: { fls_contact: { create: true, read: true, edit: true } },
      fields: { fls_contact: { salary_note: { read: false, edit: false } } },
    });
    const contact = await ok('POST', '/api/v1/records/fls_contact', { name: 'Harriet Quill', email: 'harriet@example.com', salary_note: HIDDEN_VALUE });
    for (const language of ['en', 'zh-CN'] as const) {
      await createUser(env.engine, { full_name: `FLS viewer ${language}`, email: FLS_USERS[language], language, permission_sets: ['standard_user', 'fls_viewer'] }, FLS_PASSWORD);
    }
    return { lighthouse: lighthouse._id, seagull: seagull._id, contact: contact._id };
  })();
  return seeded;
}

/** A page signed in with this spec's own users' password (signedInPage signs in with the shared one). */
async function flsPage(env: E2e, language: 'en' | 'zh-CN', path: string) {
  return signedInPage({ ...env, users: { ...env.users, password: FLS_PASSWORD } }, FLS_USERS[language], path);
}

const palette = (page: Page) => page.getByRole('dialog');
const searchBox = (page: Page) => palette(page).getByRole('combobox');

describe('browser: global search and the command palette', function () {
  this.timeout(90_000);

  for (const case_ of LANGUAGES) {
    it(`opens with Ctrl+K, finds a record by part of its name and opens it with Enter (${case_.language}), passing axe`, async () => {
      const env = await e2e();
      const ids = await seed(env);
      const { context, page, problems } = await signedInPage(env, env.users[case_.language], '/');
      try {
        await page.getByRole('button', { name: case_.language === 'en' ? 'Search' : '搜索' }).waitFor();
        await page.keyboard.press('Control+k');
        await searchBox(page).waitFor();
        expect(await searchBox(page).evaluate((element) => element === document.activeElement), 'the box has the focus').to.equal(true);
        await searchBox(page).pressSequentially(case_.type);
        const option = palette(page).getByRole('option', { name: new RegExp(case_.name) });
        await option.waitFor();
        expect(await option.getAttribute('aria-selected'), 'the first record is active').to.equal('true');
        await option.getByText(case_.object).waitFor();
        await palette(page).getByRole('group', { name: case_.records }).waitFor();
        await screenshot(page, `search-palette-${case_.language}`);
        expect(await seriousViolations(page), 'axe on the open palette').to.deep.equal([]);

        await searchBox(page).press('Enter');
        await page.waitForURL(new RegExp(`/o/search_venue/${case_.language === 'en' ? ids.lighthouse : ids.seagull}$`));
        await page.getByRole('heading', { level: 2, name: case_.name }).waitFor();
        expect(await palette(page).count(), 'the palette closed').to.equal(0);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }

  it('moves with the arrow keys to a list page, opens it, and closes on Escape with the focus back where it was', async () => {
    const env = await e2e();
    await seed(env);
    const { context, page } = await signedInPage(env, env.users.en, '/');
    try {
      const button = page.getByRole('button', { name: 'Search' });
      await button.click();
      await searchBox(page).pressSequentially('venue');
      // The list first, then the records whose other text holds the word: none do, so only the list.
      await palette(page).getByRole('option', { name: 'Search venues' }).waitFor();
      await palette(page).getByRole('status').filter({ hasText: 'No records match' }).waitFor();
      await searchBox(page).press('ArrowDown');
      await searchBox(page).press('ArrowUp');
      expect(await palette(page).getByRole('option', { name: 'Search venues' }).getAttribute('aria-selected')).to.equal('true');
      await searchBox(page).press('Enter');
      await page.waitForURL(/\/o\/search_venue$/);
      await page.getByRole('heading', { level: 2, name: 'Search venues' }).waitFor();

      await page.keyboard.press('Control+k');
      await searchBox(page).waitFor();
      await searchBox(page).press('Escape');
      await palette(page).waitFor({ state: 'detached' });
      expect(await page.evaluate(() => document.activeElement?.tagName)).to.not.equal('INPUT');
    } finally {
      await context.close();
    }
  });

  for (const language of ['en', 'zh-CN'] as const) {
    it(`opens from the search icon at 390 px, one column, no sideways scrolling (${language})`, async () => {
      const env = await e2e();
      await seed(env);
      const { context, page } = await signedInPage(env, env.users[language], '/', { width: 390, height: 844 });
      try {
        await page.getByRole('button', { name: language === 'en' ? 'Search' : '搜索', exact: true }).click();
        await searchBox(page).pressSequentially(language === 'en' ? 'Zephyr' : '青岛');
        await palette(page).getByRole('option', { name: new RegExp(language === 'en' ? LIGHTHOUSE : SEAGULL) }).waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
        await screenshot(page, `search-palette-390-${language}`);
        expect(await seriousViolations(page), 'axe on the phone palette').to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }

  for (const case_ of LANGUAGES) {
    it(`never shows a field the user may not read: list, record, form, search, export (${case_.language})`, async () => {
      const env = await e2e();
      const ids = await seed(env);
      // The value is there: the administrator reads it.
      const asAdmin = await env.engine.request('GET', `/api/v1/records/fls_contact/${ids.contact}`);
      expect(asAdmin.body.salary_note).to.equal(HIDDEN_VALUE);
      const { context, page, problems } = await flsPage(env, case_.language, '/o/fls_contact');
      try {
        const hiddenAnywhere = async () => (await page.content()).includes(HIDDEN_VALUE) || (await page.locator('body').innerText()).includes(case_.hidden);

        await page.getByRole('link', { name: 'Harriet Quill' }).waitFor();
        expect(await hiddenAnywhere(), 'the list').to.equal(false);
        await screenshot(page, `fls-list-${case_.language}`);

        await page.getByRole('link', { name: 'Harriet Quill' }).click();
        await page.getByRole('heading', { level: 2, name: 'Harriet Quill' }).waitFor();
        await page.getByText('harriet@example.com').waitFor();
        expect(await hiddenAnywhere(), 'the record page').to.equal(false);
        await screenshot(page, `fls-record-${case_.language}`);

        await page.getByRole('button', { name: case_.edit }).click();
        await page.locator('#root_email').waitFor();
        expect(await page.locator('#root_salary_note').count(), 'the form').to.equal(0);
        expect(await hiddenAnywhere(), 'the form').to.equal(false);

        await page.keyboard.press('Control+k');
        await searchBox(page).pressSequentially('Quokka');
        await palette(page).getByRole('status').filter({ hasText: case_.noMatch }).waitFor();
        expect(await palette(page).getByRole('option').filter({ hasText: 'Harriet' }).count(), 'search by the hidden value').to.equal(0);
        await searchBox(page).fill('Harriet');
        await palette(page).getByRole('option', { name: /Harriet Quill/ }).waitFor();
        expect(await hiddenAnywhere(), 'the search results').to.equal(false);
        await screenshot(page, `fls-search-${case_.language}`);

        // The CSV export with the user's own session, as the browser downloads it.
        const csv = await page.evaluate(async () => (await fetch('/api/v1/records/fls_contact/export')).text());
        expect(csv).to.include('Harriet Quill');
        expect(csv).to.not.include('salary_note').and.not.include(HIDDEN_VALUE);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }
});
