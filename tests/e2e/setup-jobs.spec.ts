import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { enqueueJob, JOBS_COLLECTION, registerJobHandler, type JobDoc } from '../../engine/jobs/index.js';
import { queueWebhook } from '../../engine/mail/index.js';
import { DEFAULT_TENANT, type Tenant } from '../../engine/tenancy/index.js';
import { setupMessages } from '../../studio/src/app/setup/setup-messages.js';
import { chooseOption } from './support/choose-option.js';
import { e2e, screenshot, seriousViolations, signedInPage, type E2e } from './support/e2e-environment.js';

const TEXT = { en: setupMessages.en.setup, 'zh-CN': setupMessages.zhCN.setup } as const;
type Language = keyof typeof TEXT;
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];

/** The ledger this spec's jobs post to: down until a test "fixes" it, as an administrator would before retrying. */
const ledger: Record<Language, { down: boolean; runs: number }> = { en: { down: true, runs: 0 }, 'zh-CN': { down: true, runs: 0 } };
const kindOf = (language: Language) => `e2e.ledger_${language === 'en' ? 'en' : 'zh'}`;
const LEDGER_DOWN = 'The ledger service answered 503';

async function tenantOf(env: E2e): Promise<Tenant> {
  return env.engine.platform.tenant(DEFAULT_TENANT);
}

async function jobOf(env: E2e, id: string): Promise<JobDoc> {
  return (await (await tenantOf(env)).store.collection<JobDoc>(JOBS_COLLECTION).findOne({ _id: id }))!;
}

/**
 * Runs the job through the real scheduler until its attempts are spent: each pass it is made due now
 * (instead of waiting out the back-off of 30 s and more), then a pass runs it and it fails again.
 */
async function failForGood(env: E2e, id: string): Promise<JobDoc> {
  const jobs = (await tenantOf(env)).store.collection<JobDoc>(JOBS_COLLECTION);
  for (let pass = 0; pass < 20; pass++) {
    const job = await jobOf(env, id);
    if (job.status === 'failed') return job;
    await jobs.updateOne({ _id: id, status: 'due', leaseUntil: { $exists: false } }, { $set: { dueAt: new Date().toISOString() } });
    await env.engine.jobs.runDue();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${id} did not fail for good`);
}

/** A port nothing listens on (taken and let go), so a webhook to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function chooseStatus(page: Page, list: string, label: string): Promise<void> {
  await chooseOption(page, page.locator(`#setup-jobs-${list}-status`), label);
  await page.locator(`#setup-jobs-${list}-status`).blur();
}

describe('browser: setup of jobs and outboxes', function () {
  this.timeout(180_000);
  before(async function () {
    this.timeout(300_000);
    await e2e();
    for (const language of LANGUAGES) {
      registerJobHandler(kindOf(language), async () => {
        ledger[language].runs++;
        if (ledger[language].down) throw new Error(LEDGER_DOWN);
      });
    }
  });

  for (const language of LANGUAGES) {
    const text = TEXT[language];
    const jobs = text.jobs;

    it(`shows a failed job with why it failed and retries it until it is done (${language}), passing axe`, async () => {
      const env = await e2e();
      const tenant = await tenantOf(env);
      const id = await tenant.store.unitOfWork((tx) => enqueueJob(tx, { kind: kindOf(language), dueAt: new Date(), payload: { invoice: 'INV-42' } }));
      const failed = await failForGood(env, id);
      expect(failed).to.include({ status: 'failed', lastError: LEDGER_DOWN });
      const { context, page, problems } = await signedInPage(env, env.users[language], '/setup/jobs');
      try {
        await page.getByRole('heading', { level: 2, name: jobs.title }).waitFor();
        await page.getByRole('link', { name: jobs.nav, exact: true }).waitFor();
        await page.getByText(text.groups.operations, { exact: true }).waitFor();
        await chooseStatus(page, 'jobs', jobs.filter.failed);
        const row = page.locator('tbody tr.ant-table-row', { hasText: kindOf(language) });
        await row.getByText(jobs.state.failed, { exact: true }).waitFor();
        await row.getByText(LEDGER_DOWN).waitFor();
        await row.getByText(`${jobs.attempts}: ${failed.attempts}`).waitFor();
        await screenshot(page, `setup-jobs-failed-${language}`);
        expect(await seriousViolations(page), 'axe on the failed jobs').to.deep.equal([]);

        // The cause is fixed; the retry asks first, then the job runs again and ends done.
        ledger[language].down = false;
        const runs = ledger[language].runs;
        await row.getByRole('button', { name: `${jobs.retry}: ${kindOf(language)}` }).click();
        await page.getByRole('tooltip').getByText(jobs.retryConfirm).waitFor();
        await screenshot(page, `setup-jobs-retry-confirm-${language}`);
        await page.getByRole('tooltip').getByRole('button', { name: jobs.retry }).click();
        await page.getByText(jobs.retried).waitFor();
        await row.waitFor({ state: 'detached' });
        // Due again now: a scheduler pass runs it (the shared engine's own loop may be far behind in the full run).
        await env.engine.jobs.runDue();
        await chooseStatus(page, 'jobs', jobs.filter.done);
        await page.locator('tbody tr.ant-table-row', { hasText: kindOf(language) }).getByText(jobs.state.done, { exact: true }).waitFor();
        const done = await jobOf(env, id);
        expect(done).to.include({ status: 'done', attempts: 1 });
        expect(ledger[language].runs).to.equal(runs + 1);
        const audit = await env.engine.request('GET', '/api/v1/audit?action=job.retried');
        expect(audit.body.entries.map((entry: { record: string }) => entry.record)).to.include(id);
        await screenshot(page, `setup-jobs-done-${language}`);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });

    it(`shows a webhook call refused by a closed port as failed with its reason, and retries it once a receiver listens, at 390 px (${language})`, async () => {
      const env = await e2e();
      const tenant = await tenantOf(env);
      const port = await closedPort();
      const url = `http://127.0.0.1:${port}/hooks/ledger-${language}`;
      const callId = await tenant.store.unitOfWork((tx) => queueWebhook(tx, { url, body: { invoice: 'INV-43' }, reason: `e2e ${language}` }));
      const deliveryJob = (await tenant.store.collection<JobDoc>(JOBS_COLLECTION).findOne({ key: `webhook.deliver:${callId}` }))!;
      await failForGood(env, deliveryJob._id);
      const { context, page, problems } = await signedInPage(env, env.users[language], '/setup/jobs?tab=webhooks', { width: 390, height: 844 });
      let receiver: Server | undefined;
      try {
        await page.getByRole('tab', { name: jobs.tabs.webhooks, selected: true }).waitFor();
        await chooseStatus(page, 'webhook', jobs.filter.failed);
        const row = page.locator('tbody tr.ant-table-row', { hasText: url });
        await row.getByText(jobs.state.failed, { exact: true }).waitFor();
        await row.getByText(/ECONNREFUSED/).waitFor();
        await screenshot(page, `setup-jobs-webhook-failed-390-${language}`);
        expect(await seriousViolations(page), 'axe on the failed webhooks at 390 px').to.deep.equal([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);

        const received: string[] = [];
        receiver = createServer((req, res) => {
          let body = '';
          req.on('data', (chunk: Buffer) => (body += chunk.toString()));
          req.on('end', () => {
            received.push(body);
            res.writeHead(204).end();
          });
        });
        await new Promise<void>((resolve) => receiver!.listen(port, '127.0.0.1', () => resolve()));
        // From the keyboard: the confirmation takes the focus, Enter confirms.
        await row.getByRole('button', { name: `${jobs.retry}: ${url}` }).focus();
        await page.keyboard.press('Enter');
        await page.getByRole('tooltip').getByText(jobs.retryDeliveryConfirm).waitFor();
        await page.waitForFunction((name) => document.activeElement?.textContent === name, jobs.retry);
        await page.keyboard.press('Enter');
        await page.getByText(jobs.retried).waitFor();
        await env.engine.jobs.runDue();
        await chooseStatus(page, 'webhook', jobs.filter.delivered);
        await page.locator('tbody tr.ant-table-row', { hasText: url }).getByText(jobs.state.delivered, { exact: true }).waitFor();
        expect(received.map((body) => JSON.parse(body))).to.deep.equal([{ invoice: 'INV-43' }]);
        await screenshot(page, `setup-jobs-webhook-delivered-390-${language}`);
        expect(await seriousViolations(page), 'axe on the delivered webhooks at 390 px').to.deep.equal([]);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
        if (receiver) {
          receiver.closeAllConnections();
          await new Promise<void>((resolve) => receiver!.close(() => resolve()));
        }
      }
    });
  }

  it('offers the e-mail outbox and the backfills as tabs, passing axe', async () => {
    const env = await e2e();
    const text = TEXT.en.jobs;
    const { context, page, problems } = await signedInPage(env, env.users.en, '/setup/jobs?tab=emails');
    try {
      await page.getByRole('tab', { name: text.tabs.emails, selected: true }).waitFor();
      await page.locator('#setup-jobs-email-status').waitFor();
      await page.getByRole('tab', { name: text.tabs.backfills }).click();
      await page.waitForURL((url) => url.search === '?tab=backfills');
      await page.locator('.ant-table').waitFor();
      await screenshot(page, 'setup-jobs-backfills-en');
      expect(await seriousViolations(page), 'axe on the backfills').to.deep.equal([]);
      expect(problems).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });
});
