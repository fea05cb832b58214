import { expect } from 'chai';
import { BACKFILLS, type BackfillDoc } from '../../engine/setup/backfills/index.js';
import { newId } from '../../engine/store/new-id.js';
import { createUser } from '../support/auth-helpers.js';
import { e2e, screenshot, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

/** This spec's own object (named apart from the shared deals, which other specs find by name), with a formula being recalculated over 120,000 records. */
const DEAL = {
  name: 'bf_deal',
  label: { en: 'Forecast', 'zh-CN': '预测' },
  pluralLabel: { en: 'forecasts', 'zh-CN': '预测' },
  fields: [
    { name: 'name', type: 'text', required: true, label: { en: 'Name', 'zh-CN': '名称' } },
    { name: 'amount', type: 'number', label: { en: 'Amount', 'zh-CN': '金额' } },
    { name: 'weighted', type: 'formula', expression: 'amount / 2', resultType: 'number', label: { en: 'Weighted amount', 'zh-CN': '加权金额' } },
  ],
};

const TEXT = {
  en: { notice: 'Recalculating Weighted amount for 45 % of 120,000 forecasts…', refused: 'Weighted amount is being recalculated for every record' },
  'zh-CN': { notice: '正在重新计算加权金额：120,000 条预测已完成 45%…', refused: '正在为所有记录重新计算“加权金额”' },
} as const;
type Language = keyof typeof TEXT;
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
const forecaster = (language: Language) => `bf.forecaster.${language.toLowerCase()}@example.com`;

let seeded: Promise<void> | undefined;
const dealIds: string[] = [];
function seed(env: E2e): Promise<void> {
  seeded ??= (async () => {
    await succeed(env, 'POST', '/api/v1/meta/objects', DEAL);
    await succeed(env, 'POST', '/api/v1/meta/permission-sets', { name: 'bf_forecaster', objects: { bf_deal: { read: true } } });
    for (const [index, amount] of [100, 300, 200].entries()) dealIds.push((await succeed(env, 'POST', '/api/v1/records/bf_deal', { name: `Forecast ${index + 1}`, amount }))._id);
    for (const language of LANGUAGES) await createUser(env.engine, { full_name: `Forecaster ${language}`, email: forecaster(language), language, permission_sets: ['bf_forecaster'] }, env.users.password);
  })();
  return seeded;
}

/**
 * A backfill kept running: recorded as a metadata change records it, without the job that would
 * advance it, so it stays at 45 % until the test ends it.
 */
async function runningBackfill(env: E2e): Promise<{ end(): Promise<void> }> {
  const backfills = (await env.engine.platform.tenant('default')).store.collection<BackfillDoc>(BACKFILLS);
  const id = newId();
  const now = new Date().toISOString();
  await backfills.insertOne({ _id: id, object: 'bf_deal', fields: ['weighted'], rollups: [], derived: true, version: 1, cursor: null, done: 54_000, total: 120_000, status: 'running', startedAt: now });
  return { end: async () => void (await backfills.updateOne({ _id: id }, { $set: { status: 'done', done: 120_000, finishedAt: new Date().toISOString() } })) };
}

describe('browser: a list (and a record) whose object is being recalculated', function () {
  this.timeout(120_000);
  before(async function () {
    this.timeout(300_000);
    await seed(await e2e());
  });

  for (const language of LANGUAGES) {
    const text = TEXT[language];
    for (const width of [1280, 390]) {
      it(`shows the progress and why a sort on the recalculated field waits, then the sorted list once it ends (${language}, ${width} px)`, async () => {
        const env = await e2e();
        const backfill = await runningBackfill(env);
        const { context, page, problems } = await signedInPage(env, forecaster(language), '/o/bf_deal?sort=-weighted', { width, height: 844 });
        try {
          const notice = page.locator('.backfill-notice');
          await notice.waitFor();
          expect(await notice.getAttribute('role')).to.equal('status');
          expect((await notice.innerText()).trim()).to.equal(text.notice);
          const refused = page.locator('.ant-alert-warning[role="alert"]');
          await refused.waitFor();
          expect(await refused.innerText()).to.contain(text.refused);
          await screenshot(page, `backfill-notice-${language}-${width}`);
          expect(await seriousViolations(page), 'axe with the notice and the refusal').to.deep.equal([]);

          if (width === 1280) {
            // The record page of such an object says it too, and shows the value computed on the fly.
            await page.goto(`${env.engine.url}/o/bf_deal/${dealIds[1]}`);
            await notice.waitFor();
            expect((await notice.innerText()).trim()).to.equal(text.notice);
            expect(await page.locator('.ant-descriptions').innerText()).to.contain('150');
            await screenshot(page, `backfill-notice-record-${language}`);
            expect(await seriousViolations(page), 'axe on the record page').to.deep.equal([]);
            await page.goBack();
            await refused.waitFor();
          }

          await backfill.end();
          // The notice asks again while the backfill runs; once it ended the list is read again, sorted.
          await notice.waitFor({ state: 'detached' });
          await refused.waitFor({ state: 'detached' });
          const rows = page.locator(width >= 768 ? 'tbody tr.ant-table-row' : '.list-cards li');
          await rows.nth(2).waitFor();
          expect(await rows.first().innerText()).to.contain('Forecast 2');
          expect(problems).to.deep.equal([]);
        } finally {
          await backfill.end();
          await context.close();
        }
      });
    }
  }
});
