import { expect } from 'chai';
import { createUser } from '../support/auth-helpers.js';
import { TEST_ADMIN } from '../support/test-engine.js';
import { e2e, openPage, screenshot, seriousViolations, signedInPage, signInAs } from './support/e2e-environment.js';

const LANGUAGES = [
  { language: 'en', switch: 'ENG', title: 'Sign in', welcome: /Welcome, Mia Chen/, deals: 'Deals' },
  { language: 'zh-CN', switch: '简中', title: '登录', welcome: /欢迎，王芳/, deals: '商机' },
  { language: 'zh-TW', switch: '繁中', title: '登入', welcome: /歡迎，陳志明/, deals: '商機' },
] as const;

describe('browser: signing in', function () {
  this.timeout(60_000);

  for (const case_ of LANGUAGES) {
    it(`signs in from the ${case_.switch} sign-in page, lands at home in that language, and both pages pass axe`, async () => {
      const env = await e2e();
      const { context, page, problems } = await openPage(env);
      try {
        await page.goto(`${env.engine.url}/`);
        await page.waitForURL(/\/sign-in/);
        await page.getByRole('button', { name: case_.switch, exact: true }).click();
        await page.waitForFunction((title) => document.querySelector('h1')?.textContent === title, case_.title);
        expect(await page.evaluate(() => document.documentElement.lang)).to.equal(case_.language);
        await screenshot(page, `sign-in-${case_.language}`);
        expect(await seriousViolations(page), 'axe on the sign-in page').to.deep.equal([]);

        await signInAs(env, page, env.users[case_.language]);
        await page.getByRole('heading', { level: 1 }).filter({ hasText: case_.welcome }).waitFor();
        await page.getByRole('navigation').getByRole('link', { name: case_.deals }).first().waitFor();
        await screenshot(page, `home-${case_.language}`);
        expect(await seriousViolations(page), 'axe on the home page').to.deep.equal([]);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }

  it('shows the server\'s message on a wrong password and stays on the sign-in page', async () => {
    const env = await e2e();
    const { context, page } = await openPage(env);
    try {
      await page.goto(`${env.engine.url}/sign-in`);
      await page.getByRole('button', { name: 'ENG', exact: true }).click();
      await page.locator('#sign-in-email').fill(TEST_ADMIN.email);
      await page.locator('#sign-in-password').fill('not the password');
      await page.locator('form button[type=submit]').click();
      await page.getByRole('alert').filter({ hasText: /password/i }).waitFor();
      expect(new URL(page.url()).pathname).to.equal('/sign-in');
    } finally {
      await context.close();
    }
  });

  it('sends a user whose session ended back to sign-in, then to the page they were on', async () => {
    const env = await e2e();
    const { context, page } = await openPage(env);
    try {
      await signInAs(env, page, env.users.en, '/o/deal?sort=-amount');
      await page.getByRole('table').waitFor();
      expect(await page.evaluate(() => window.localStorage.length === 0 || !JSON.stringify(window.localStorage).includes('csrf'))).to.equal(true);
      await context.clearCookies();
      // The first request without the session sends the user to sign-in: the sort clicked here, or
      // a refetch the page makes first (on a loaded machine it did, and the header left under the click).
      await page
        .getByRole('columnheader', { name: /Stage/ })
        .click({ timeout: 10_000 })
        .catch(() => undefined);
      await page.waitForURL(/\/sign-in\?next=/);
      await page.getByText('Your session has ended').waitFor();
      await page.locator('#sign-in-email').fill(env.users.en);
      await page.locator('#sign-in-password').fill(env.users.password);
      await page.locator('form button[type=submit]').click();
      await page.waitForURL((url) => url.pathname === '/o/deal');
      await page.getByRole('table').waitFor();
    } finally {
      await context.close();
    }
  });

  it('signs in and opens a list from the keyboard alone', async () => {
    const env = await e2e();
    const { context, page } = await openPage(env);
    try {
      await page.goto(`${env.engine.url}/sign-in`);
      await page.locator('#sign-in-email').waitFor();
      await page.keyboard.type(env.users.en);
      await page.keyboard.press('Tab');
      await page.keyboard.type(env.users.password);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === '/');
      // Tab as a user would once the page shows its menu: the objects' links come with the objects.
      await page.locator('nav').getByText('Deals', { exact: true }).first().waitFor();
      let focused = '';
      for (let step = 0; step < 20 && focused !== 'Deals'; step++) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate(() => (document.activeElement?.closest('nav') ? (document.activeElement.textContent ?? '') : ''));
      }
      expect(focused, 'Tab reaches the Deals link in the navigation').to.equal('Deals');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === '/o/deal');
      await page.getByRole('table').waitFor();
    } finally {
      await context.close();
    }
  });

  it('signs out and keeps nobody signed in', async () => {
    const env = await e2e();
    const { context, page } = await openPage(env);
    try {
      await signInAs(env, page, env.users.en);
      await page.locator('.shell-account').click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.waitForURL(/\/sign-in/);
      await page.goto(`${env.engine.url}/o/deal`);
      await page.waitForURL(/\/sign-in\?next=%2Fo%2Fdeal/);
      // The list's requests start beside the session's: their 401s are no ended session, and
      // after signing in the list asks again instead of showing what was refused.
      await page.locator('#sign-in-email').fill(env.users.en);
      expect(await page.getByText('Your session has ended').count()).to.equal(0);
      expect(await page.locator('.ant-table-row').count()).to.equal(0);
      await page.locator('#sign-in-password').fill(env.users.password);
      await page.locator('form button[type=submit]').click();
      await page.waitForURL((url) => url.pathname === '/o/deal');
      await page.locator('tbody tr.ant-table-row').first().waitFor();
    } finally {
      await context.close();
    }
  });

  it('saves the language a signed-in user picks on their record: the server speaks it when a request names none, and the next sign-in opens in it', async () => {
    const env = await e2e();
    const email = 'audit.language@example.com';
    const id = await createUser(env.engine, { full_name: 'Lee Language', email, language: 'en', permission_sets: ['standard_user'] }, env.users.password);
    const { context, page, problems } = await signedInPage(env, email, '/');
    try {
      await page.getByRole('heading', { level: 1, name: 'Welcome, Lee Language' }).waitFor();
      const saved = page.waitForResponse((response) => response.url().endsWith(`/api/v1/records/user/${id}`) && response.request().method() === 'PATCH');
      await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '简中', exact: true }).click();
      expect((await saved).status()).to.equal(200);
      await page.getByRole('heading', { level: 1, name: '欢迎，Lee Language' }).waitFor();
      expect((await env.engine.request('GET', `/api/v1/records/user/${id}`)).body.language).to.equal('zh-CN');

      // A request of this session that names no language is answered in the saved one.
      const session = (await context.cookies()).find((cookie) => cookie.name === 'crm_session')!;
      const unknown = (language?: string) =>
        fetch(`${env.engine.url}/api/v1/records/no_such_object`, { headers: { cookie: `crm_session=${session.value}`, ...(language ? { 'accept-language': language } : {}) } }).then(async (response) => (await response.json()).error.message as string);
      const [unnamed, chinese, english] = await Promise.all([unknown(), unknown('zh-CN'), unknown('en')]);
      expect(chinese).to.not.equal(english);
      expect(unnamed).to.equal(chinese);
      expect(problems).to.deep.equal([]);
    } finally {
      await context.close();
    }

    // Another browser: the sign-in page in the browser's language, then the app in the saved one.
    const other = await openPage(env);
    try {
      await signInAs(env, other.page, email);
      await other.page.getByRole('heading', { level: 1, name: '欢迎，Lee Language' }).waitFor();
      expect(await other.page.evaluate(() => document.documentElement.lang)).to.equal('zh-CN');
    } finally {
      await other.context.close();
    }
  });
});
