import { expect } from 'chai';
import { e2e, openPage, screenshot, signedInPage } from './support/e2e-environment.js';

describe('browser: the API reference at /api/docs', function () {
  this.timeout(90_000);

  it('asks for a token instead of failing to load, then shows the operations with it (CSP on, no errors)', async () => {
    const env = await e2e();
    const { context, page, problems } = await openPage(env);
    try {
      await page.goto(`${env.engine.url}/api/docs`);
      await page.locator('#docs-token-value').fill(env.engine.token);
      await page.getByRole('button', { name: 'Use this token' }).click();
      await page.locator('.opblock').first().waitFor();
      expect(await page.getByText('Failed to load API definition').count()).to.equal(0);
      expect(await page.locator('#docs-sign-in').isHidden()).to.equal(true);
      await screenshot(page, 'api-docs-token');
      expect(problems).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });

  it('signs in with e-mail and password on the page', async () => {
    const env = await e2e();
    const { context, page } = await openPage(env);
    try {
      await page.goto(`${env.engine.url}/api/docs`);
      await page.locator('#docs-email').fill(env.users.en);
      await page.locator('#docs-password').fill(env.users.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('.opblock').first().waitFor();
    } finally {
      await context.close();
    }
  });

  it('opens at once for someone signed in to the app (the session cookie)', async () => {
    const env = await e2e();
    const { context, page } = await signedInPage(env, env.users.en, '/api/docs');
    try {
      await page.locator('.opblock').first().waitFor();
      expect(await page.locator('#docs-sign-in').isHidden()).to.equal(true);
    } finally {
      await context.close();
    }
  });
});
