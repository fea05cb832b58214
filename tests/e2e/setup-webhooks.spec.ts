import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Converter } from 'opencc-js/cn2t';
import type { Page } from 'playwright-core';
import { setupMessages } from '../../studio/src/app/setup/setup-messages.js';
import { chooseOption } from './support/choose-option.js';
import { e2e, screenshot, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

const traditional = Converter({ from: 'cn', to: 'twp' });
const TEXT = {
  en: setupMessages.en.setup.webhooks,
  'zh-CN': setupMessages.zhCN.setup.webhooks,
  'zh-TW': JSON.parse(traditional(JSON.stringify(setupMessages.zhCN.setup.webhooks))) as typeof setupMessages.zhCN.setup.webhooks,
} as const;
type Language = keyof typeof TEXT;
const LANGUAGES: readonly Language[] = ['en', 'zh-CN', 'zh-TW'];
const tagOf = (language: Language) => language.replace('-', '_').toLowerCase();
/** This spec's object, labelled so that no other spec's object label contains it. */
const OBJECT = { name: 'wh_ticket', label: { en: 'Webhook ticket', 'zh-CN': '回调工单' }, fields: [{ name: 'subject', type: 'text', required: true }] };
const OBJECT_LABEL = { en: 'Webhook ticket', 'zh-CN': '回调工单', 'zh-TW': traditional('回调工单') } as const;

/** A receiver on loopback that accepts every call and counts them. */
let receiver: { url: string; calls: number; server: Server } | undefined;
async function startReceiver(): Promise<NonNullable<typeof receiver>> {
  const state = { url: '', calls: 0, server: undefined as unknown as Server };
  state.server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      state.calls += 1;
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => state.server.listen(0, '127.0.0.1', () => resolve()));
  state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}/in`;
  return state;
}

let seeded: Promise<void> | undefined;
function seed(env: E2e): Promise<void> {
  seeded ??= (async () => {
    await succeed(env, 'POST', '/api/v1/meta/objects', OBJECT);
  })();
  return seeded;
}

async function check(page: Page, name: string, problems: string[]): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
  expect(await seriousViolations(page), `axe: ${name}`).to.deep.equal([]);
  expect(problems, `console: ${name}`).to.deep.equal([]);
}

describe('browser: setup of webhooks', function () {
  this.timeout(180_000);
  before(async function () {
    this.timeout(300_000);
    await seed(await e2e());
    receiver = await startReceiver();
  });
  after(async () => {
    receiver?.server.closeAllConnections();
    await new Promise<void>((resolve) => (receiver ? receiver.server.close(() => resolve()) : resolve()));
  });

  for (const language of LANGUAGES) {
    const text = TEXT[language];
    const tag = tagOf(language);
    const name = `wh_feed_${tag}`;
    const label = `Webhook feed ${tag}`;

    it(`creates a webhook from the keyboard, shows its secret once, delivers and replays from the log (${language})`, async () => {
      const env = await e2e();
      const { context, page, problems } = await signedInPage(env, env.users[language], '/setup/webhooks', { width: 1280, height: 900 });
      try {
        await page.getByRole('heading', { name: text.title, exact: true }).waitFor();
        await page.getByRole('button', { name: text.new }).click();
        await page.getByRole('heading', { name: text.newTitle }).waitFor();
        await page.locator('#labelEn').fill(label);
        await page.locator('#url').fill(receiver!.url);
        await chooseOption(page, page.locator('#events_0_object'), OBJECT_LABEL[language]);
        await screenshot(page, `webhook-new-${language}`);
        // Submitted by keyboard from the last field, as a form is.
        await page.locator('#description').focus();
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        const once = page.getByRole('status').filter({ hasText: text.secretOnceTitle });
        await once.waitFor();
        const secret = await once.getByRole('textbox', { name: text.secret }).inputValue();
        expect(secret).to.match(/^whsec_[A-Za-z0-9_-]{43}$/);
        expect(await page.getByRole('button', { name: text.copy }).isVisible()).to.equal(true);
        await check(page, `webhook-secret-once-${language}`, problems);

        // Shown once: a reload reads the webhook again, and the secret is no longer anywhere on the page.
        await page.reload();
        await page.getByRole('heading', { name: label }).waitFor();
        expect(await page.content()).to.not.include(secret);

        await succeed(env, 'POST', '/api/v1/records/wh_ticket', { subject: `Sent to ${name}` });
        // By its status tag: "Nothing delivered yet" contains the word too.
        const delivered = page.getByRole('row').filter({ has: page.locator('.ant-tag').getByText(text.statuses.delivered, { exact: true }) });
        for (let tries = 0; (await delivered.count()) === 0 && tries < 40; tries++) {
          await page.getByRole('button', { name: text.refresh }).click();
          await page.waitForTimeout(500);
        }
        await delivered.first().waitFor();
        await screenshot(page, `webhook-delivered-${language}`);
        const calls = receiver!.calls;
        const replay = delivered.first().locator('button', { hasText: text.replay });
        await replay.focus();
        await page.keyboard.press('Enter');
        await page.locator('.ant-message-notice').first().waitFor();
        for (let tries = 0; receiver!.calls === calls && tries < 40; tries++) await page.waitForTimeout(250);
        expect(receiver!.calls).to.be.greaterThan(calls);
        await page.getByRole('button', { name: text.refresh }).click();
        await check(page, `webhook-deliveries-${language}`, problems);
      } finally {
        await context.close();
      }
    });

    it(`fits the list and the webhook on a 390 px phone (${language})`, async () => {
      const env = await e2e();
      const { context, page, problems } = await signedInPage(env, env.users[language], '/setup/webhooks', { width: 390, height: 844 });
      try {
        await page.getByRole('link', { name: label }).click();
        await page.getByRole('heading', { name: label }).waitFor();
        await page.getByRole('heading', { name: text.deliveries }).waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, 'no sideways scrolling').to.be.at.most(0);
        await check(page, `webhook-phone-${language}`, problems);
      } finally {
        await context.close();
      }
    });
  }

  it('puts the server\'s problems on the event controls', async () => {
    const env = await e2e();
    const { context, page } = await signedInPage(env, env.users.en, '/setup/webhooks/new', { width: 1280, height: 900 });
    try {
      await page.getByRole('heading', { name: TEXT.en.newTitle }).waitFor();
      await page.locator('#labelEn').fill('Webhook refused en');
      await page.locator('#url').fill('http://10.9.8.7/in');
      await chooseOption(page, page.locator('#events_0_object'), OBJECT_LABEL.en);
      await page.getByRole('button', { name: TEXT.en.create }).click();
      const error = page.locator('.ant-form-item', { has: page.locator('#url') }).locator('.ant-form-item-explain-error');
      await error.waitFor();
      expect(await error.innerText()).to.match(/'10\.9\.8\.7' is not a public internet address/);
    } finally {
      await context.close();
    }
  });
});
