import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { setupMessages } from '../../studio/src/app/setup/setup-messages.js';
import { en } from '../../studio/src/shared/i18n/messages-en.js';
import { zhCN } from '../../studio/src/shared/i18n/messages-zh-cn.js';
import { loadTraditional, toTraditional } from '../../studio/src/shared/i18n/traditional.js';
import { chooseOption } from './support/choose-option.js';
import { e2e, screenshot as capture, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

type Language = 'en' | 'zh-CN' | 'zh-TW';
const LANGUAGES: readonly Language[] = ['en', 'zh-CN', 'zh-TW'];
const tagOf = (language: Language) => ({ en: 'en', 'zh-CN': 'cn', 'zh-TW': 'tw' })[language];
/** The studio's texts of a language: zh-TW is zh-CN through OpenCC, as the studio derives it. */
const shown = (language: Language, text: string) => (language === 'zh-TW' ? toTraditional(text) : text);
const setup = (language: Language) => (language === 'en' ? setupMessages.en.setup : setupMessages.zhCN.setup);
const app = (language: Language) => (language === 'en' ? en : zhCN);
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));

/** Each language's run has its own objects, so one run's rules never touch the other's records. */
const invoiceOf = (language: Language) => `ta_invoice_${tagOf(language)}`;
const leadOf = (language: Language) => `ta_lead_${tagOf(language)}`;
const accountOf = (language: Language) => `ta_account_${tagOf(language)}`;
const caseOf = (language: Language) => `ta_case_${tagOf(language)}`;
const DUE = { en: 'Due date', 'zh-CN': '到期日' } as const;

let seeded: Promise<void> | undefined;
function seed(env: E2e): Promise<void> {
  seeded ??= (async () => {
    await succeed(env, 'POST', '/api/v1/meta/groups', { name: 'ta_west_queue', label: { en: 'West queue', 'zh-CN': '西区队列' } });
    for (const language of LANGUAGES) {
      const tag = tagOf(language);
      await succeed(env, 'POST', '/api/v1/meta/objects', {
        name: invoiceOf(language),
        label: { en: `Reminder invoice ${tag}`, 'zh-CN': `提醒发票 ${tag}` },
        fields: [
          { name: 'name', type: 'text', required: true },
          { name: 'due_date', type: 'date', label: DUE },
          { name: 'status', type: 'picklist', values: ['open', 'paid'], default: 'open' },
          { name: 'reminded', type: 'boolean', default: false },
        ],
      });
      await succeed(env, 'POST', '/api/v1/meta/objects', { name: accountOf(language), label: { en: `Converted account ${tag}`, 'zh-CN': `转换客户 ${tag}` }, fields: [{ name: 'name', type: 'text', required: true }] });
      await succeed(env, 'POST', '/api/v1/meta/objects', {
        name: leadOf(language),
        label: { en: `Convert lead ${tag}`, 'zh-CN': `转换线索 ${tag}` },
        fields: [
          { name: 'name', type: 'text', required: true },
          { name: 'status', type: 'picklist', values: ['new', 'converted'], default: 'new' },
          { name: 'account', type: 'lookup', target: accountOf(language) },
        ],
      });
      await succeed(env, 'POST', '/api/v1/meta/automation-rules', {
        name: `ta_convert_${tag}`,
        object: leadOf(language),
        label: { en: 'Convert', 'zh-CN': '转换' },
        on: 'button',
        condition: "status != 'converted'",
        actions: [{ convert: { create: [{ as: 'account', object: accountOf(language), values: { name: 'name' } }], links: { account: 'account' } } }, { setField: 'status', value: 'converted' }],
      });
      await succeed(env, 'POST', '/api/v1/meta/objects', {
        name: caseOf(language),
        label: { en: `Queued case ${tag}`, 'zh-CN': `队列工单 ${tag}` },
        sharing: 'private',
        fields: [
          { name: 'name', type: 'text', required: true },
          { name: 'region', type: 'picklist', values: ['east', 'west'] },
        ],
      });
    }
  })();
  return seeded;
}

/** Picks an option of an antd select that takes no typing (a short fixed list): opened, then the option clicked. */
async function pick(page: Page, select: ReturnType<Page['locator']>, option: string): Promise<void> {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).click();
}

/** From the top of the page: a full-page capture draws the fixed header where the page was scrolled to. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await capture(page, name);
}

describe('browser: time-based rules, assignment rules, queues and the convert button', function () {
  this.timeout(240_000);
  before(async function () {
    this.timeout(300_000);
    await loadTraditional();
    await seed(await e2e());
  });

  for (const language of LANGUAGES) {
    const tag = tagOf(language);
    const text = setup(language).automation;
    const say = (message: string) => shown(language, message);

    it(`builds "3 days before the due date at 09:00 in Shanghai" in the rule editor, saved as the engine takes it (${language}), passing axe`, async () => {
      const env = await e2e();
      const name = `ta_${tag}_remind`;
      const { context, page, problems } = await signedInPage(env, env.users[language], `/setup/automation/new?object=${invoiceOf(language)}`);
      try {
        await page.getByRole('heading', { level: 2, name: say(text.newTitle) }).waitFor();
        await page.locator('#labelEn').fill(`Remind before due ${tag}`);
        await page.locator('#name').fill(name);
        await pick(page, page.locator('#on'), say(text.triggers.time));
        await chooseOption(page, page.locator('#timeField'), language === 'en' ? DUE.en : say(DUE['zh-CN']));
        await page.locator('#timeAmount').fill('3');
        await page.locator('#timeAt').fill('09:00');
        await page.locator('#timeZone').fill('Asia/Shanghai');
        await chooseOption(page, page.getByRole('combobox', { name: `${fill(say(text.actionTitle), { position: 1 })}: ${say(text.field)}` }), 'reminded');
        await page.getByRole('combobox', { name: `${fill(say(text.actionTitle), { position: 1 })}: ${say(text.value)}` }).click();
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: say(text.yes) }).click();
        await screenshot(page, `automation-time-rule-${language}`);
        expect(await seriousViolations(page), 'axe on the time trigger').to.deep.equal([]);
        // Saved from the keyboard: the submit button focused and pressed with Enter.
        await page.getByRole('button', { name: say(text.create) }).focus();
        await page.keyboard.press('Enter');
        await page.waitForURL((url) => url.pathname === `/setup/automation/${name}`);
        const saved = (await env.engine.request('GET', `/api/v1/meta/automation-rules/${name}`)).body.definition;
        expect(saved).to.deep.include({ on: 'time', time: { field: 'due_date', before: 'P3D', at: '09:00', timeZone: 'Asia/Shanghai' }, actions: [{ setField: 'reminded', value: true }] });
        // The engine planned it: a record due in 10 days has its reminder 3 days before, at 09:00 in Shanghai.
        const due = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
        const invoice = await succeed(env, 'POST', `/api/v1/records/${invoiceOf(language)}`, { name: 'Planned', due_date: due });
        const jobs = (await env.engine.request('GET', '/api/v1/jobs?kind=automation.occasion&status=due&limit=200')).body.jobs as { payload: { record: string }; dueAt: string }[];
        expect(jobs.find((job) => job.payload.record === invoice._id)?.dueAt).to.equal(new Date(Date.parse(`${due}T01:00:00Z`) - 3 * 86_400_000).toISOString());
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });

    it(`converts a lead with its Convert button, pressed from the keyboard (${language}), passing axe`, async () => {
      const env = await e2e();
      const lead = await succeed(env, 'POST', `/api/v1/records/${leadOf(language)}`, { name: `Acme ${tag}` });
      const { context, page, problems } = await signedInPage(env, env.users[language], `/o/${leadOf(language)}/${lead._id}`);
      try {
        const convert = page.getByRole('group', { name: say(app(language).record.buttons) }).getByRole('button', { name: language === 'en' ? 'Convert' : say('转换') });
        await convert.waitFor();
        await screenshot(page, `record-convert-button-${language}`);
        expect(await seriousViolations(page), 'axe with the button').to.deep.equal([]);
        await convert.focus();
        await page.keyboard.press('Enter');
        await page.getByText(fill(say(app(language).record.buttonCreated_one), { label: language === 'en' ? 'Convert' : say('转换'), count: 1 })).waitFor();
        await convert.waitFor({ state: 'detached' });
        const converted = await succeed(env, 'GET', `/api/v1/records/${leadOf(language)}/${lead._id}`);
        expect(converted.status).to.equal('converted');
        expect((await succeed(env, 'GET', `/api/v1/records/${accountOf(language)}/${converted.account as string}`)).name).to.equal(`Acme ${tag}`);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }

  it('builds an assignment rule (round robin, then a queue) in its editor, and a member takes a queued record (zh-CN, 390 px), passing axe', async () => {
    const env = await e2e();
    const language: Language = 'zh-CN';
    const text = setup(language).assignment;
    const name = 'ta_case_routing';
    const members = await succeed(env, 'GET', `/api/v1/records/user?filter=${encodeURIComponent(JSON.stringify({ email: env.users['zh-CN'] }))}`);
    const me = (members.records as { _id: string }[])[0]!._id;
    await succeed(env, 'PUT', '/api/v1/meta/groups/ta_west_queue', { name: 'ta_west_queue', label: { en: 'West queue', 'zh-CN': '西区队列' }, users: [me] });
    const { context, page, problems } = await signedInPage(env, env.users[language], '/setup/assignment-rules', { width: 390, height: 844 });
    try {
      await page.getByRole('heading', { level: 2, name: text.title }).waitFor();
      await page.getByRole('button', { name: text.new }).click();
      await page.locator('#labelEn').fill('Case routing');
      await page.locator('#name').fill(name);
      await chooseOption(page, page.locator('#object'), `队列工单 cn`);
      await pick(page, page.getByRole('combobox', { name: fill(text.kind, { position: 1 }) }), text.kinds.queue);
      await chooseOption(page, page.locator('#entries_0_group'), '西区队列');
      await page.locator('.cm-content#entries_0_condition').fill("region = 'west'");
      await page.getByRole('button', { name: text.addEntry }).click();
      await chooseOption(page, page.locator('#entries_1_group'), '西区队列');
      expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scroll at 390 px').to.be.at.most(390);
      await screenshot(page, 'setup-assignment-rule-zh-CN-390');
      expect(await seriousViolations(page), 'axe on the assignment rule editor').to.deep.equal([]);
      await page.getByRole('button', { name: text.create }).click();
      await page.waitForURL((url) => url.pathname === `/setup/assignment-rules/${name}`);
      const saved = (await env.engine.request('GET', `/api/v1/meta/assignment-rules/${name}`)).body.definition;
      expect(saved).to.deep.equal({
        name,
        label: { en: 'Case routing' },
        object: caseOf(language),
        entries: [{ condition: "region = 'west'", assignTo: { queue: 'ta_west_queue' } }, { assignTo: { roundRobin: 'ta_west_queue' } }],
      });

      const queued = await succeed(env, 'POST', `/api/v1/records/${caseOf(language)}`, { name: 'Printer on fire', region: 'west' });
      expect(queued._owner).to.equal('queue:ta_west_queue');
      await page.goto(`${env.engine.url}/o/${caseOf(language)}/${queued._id}`);
      const messages = app(language).sharing;
      await page.getByText(fill(messages.queue, { name: 'ta_west_queue' })).waitFor();
      const take = page.getByRole('button', { name: messages.take });
      await take.focus();
      await page.keyboard.press('Enter');
      await page.getByText(messages.taken).waitFor();
      expect((await succeed(env, 'GET', `/api/v1/records/${caseOf(language)}/${queued._id}`))._owner).to.equal(me);
      await screenshot(page, 'record-taken-from-queue-zh-CN-390');
      expect(await seriousViolations(page), 'axe on the record taken').to.deep.equal([]);
      expect(problems).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });
});
