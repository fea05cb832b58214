import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { chooseOption } from './support/choose-option.js';
import { e2e, screenshot, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

const TEXT = {
  en: {
    save: 'Save',
    saved: 'Object saved',
    history: 'History',
    audit: 'Audit log',
    user: 'User',
    object: 'Object',
    record: 'Record ID',
    apply: 'Apply',
    userName: 'Mia Chen',
    changed: 'Object changed',
    updated: 'Record updated',
    expand: 'Expand row',
    openHistory: 'Open the history of this definition',
    itemTitle: (name: string) => `History of Object ${name}`,
    revert: (version: number) => `Revert to this version ${version}`,
    revertOk: 'Revert',
    refused: 'The server refused to revert',
    changedSince: 'Someone changed this definition after this page was read',
    reverted: 'Reverted to version',
    historyTitle: 'Metadata history',
    current: 'current',
  },
  'zh-CN': {
    save: '保存',
    saved: '对象已保存',
    history: '变更历史',
    audit: '审计日志',
    user: '用户',
    object: '对象',
    record: '记录 ID',
    apply: '应用',
    userName: '王芳',
    changed: '修改对象',
    updated: '更新记录',
    expand: '展开行',
    openHistory: '打开此定义的历史',
    itemTitle: (name: string) => `对象 ${name} 的变更历史`,
    revert: (version: number) => `恢复到此版本 ${version}`,
    revertOk: '恢复',
    refused: '服务器拒绝恢复',
    changedSince: '本页读取之后有人修改了此定义',
    reverted: '已恢复到版本',
    historyTitle: '元数据变更历史',
    current: '当前',
  },
} as const;
type Language = keyof typeof TEXT;
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];

const objectName = (language: Language) => `sah_ticket_${language === 'en' ? 'en' : 'zh'}`;
/** Each language's object has labels of its own, so the object filter finds one by its label. */
/** Labels no other spec gives an object (a picker elsewhere would find this one instead of its own). */
const LABELS = { en: { en: 'Helpdesk ticket', 'zh-CN': '服务台工单' }, 'zh-CN': { en: 'Field visit', 'zh-CN': '上门服务单' } } as const;

interface Seeded {
  /** The version that made `ref` a number: reverting to it is refused once a record holds text there. */
  numberVersion: number;
  recordId: string;
}

const seeded = new Map<Language, Promise<Seeded>>();
/**
 * Per language an object whose `ref` went from number to text, then a record with text in it (so
 * going back to the number version is refused), updated once (a record change with its values).
 */
function seed(env: E2e, language: Language): Promise<Seeded> {
  let done = seeded.get(language);
  if (!done) {
    done = (async () => {
      const name = objectName(language);
      const created = await succeed(env, 'POST', '/api/v1/meta/objects', {
        name,
        label: LABELS[language],
        fields: [{ name: 'subject', type: 'text' }, { name: 'ref', type: 'number' }],
      });
      await succeed(env, 'PATCH', `/api/v1/meta/objects/${name}/fields/ref`, { type: 'text' });
      const record = await succeed(env, 'POST', `/api/v1/records/${name}`, { subject: 'Printer jam', ref: 'ABC-1' });
      await succeed(env, 'PATCH', `/api/v1/records/${name}/${record._id}`, { subject: 'Printer on fire' });
      return { numberVersion: created.version as number, recordId: record._id };
    })();
    seeded.set(language, done);
  }
  return done;
}

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('browser: the audit log and the metadata history', function () {
  this.timeout(180_000);

  for (const language of LANGUAGES) {
    const text = TEXT[language];

    it(`finds an object's change in the audit log by filters, opens its history diff and reverts it, the server's refusal shown (${language}), passing axe`, async () => {
      const env = await e2e();
      const { numberVersion } = await seed(env, language);
      const name = objectName(language);
      const { context, page, problems } = await signedInPage(env, env.users[language], `/setup/objects/${name}`);
      try {
        // The change: the English label, through the object editor.
        await page.locator('#labelEn').fill('Help desk ticket');
        await page.getByRole('button', { name: text.save, exact: true }).click();
        await page.getByText(text.saved).waitFor();
        const changed = (await env.engine.request('GET', `/api/v1/meta/history?kind=object&name=${name}&limit=1`)).body.entries[0];
        expect(changed.after.label.en).to.equal('Help desk ticket');

        // Found in the audit log by user and object, the filters kept in the address.
        await page.goto(`${env.engine.url}/setup/audit`);
        await page.getByRole('heading', { level: 2, name: text.audit }).waitFor();
        await chooseOption(page, page.getByRole('combobox', { name: text.user }), text.userName);
        // The object's definition (its metadata changes), not its records.
        await chooseOption(page, page.getByRole('combobox', { name: text.object }), language === 'en' ? 'Help desk ticket (definition)' : `${LABELS['zh-CN']['zh-CN']}（定义）`);
        await page.getByRole('button', { name: text.apply }).click();
        await page.waitForURL((url) => url.searchParams.get('object') === `object:${name}` && url.searchParams.has('actor'));
        // Only this user's one change of this object is left (the unfiltered page shows until the filtered one loads).
        const row = page.locator('tr.ant-table-row', { hasText: text.changed });
        await page.waitForFunction(() => document.querySelectorAll('tr.ant-table-row').length === 1);
        await row.waitFor();
        expect(await row.innerText()).to.include(text.userName);
        await row.getByRole('button', { name: text.expand }).click();
        const details = page.locator('.ant-table-expanded-row');
        await details.getByText(String(changed.version)).waitFor();
        await screenshot(page, `setup-audit-${language}`);
        expect(await seriousViolations(page), 'axe on the audit log').to.deep.equal([]);

        // Its history: the diff between the last two versions shows the label's line changed.
        await details.getByRole('link', { name: text.openHistory }).click();
        await page.getByRole('heading', { level: 2, name: text.itemTitle(name) }).waitFor();
        const diff = page.locator('.history-diff');
        await diff.locator('.history-diff-removed', { hasText: `"en": "${LABELS[language].en}"` }).waitFor();
        await diff.locator('.history-diff-added', { hasText: '"en": "Help desk ticket"' }).waitFor();
        await screenshot(page, `setup-history-diff-${language}`);
        expect(await seriousViolations(page), 'axe on the history').to.deep.equal([]);

        // Going back to the number version is refused (a record holds text in ref): the server says why.
        await page.getByRole('button', { name: text.revert(numberVersion) }).click();
        await page.locator('.ant-popconfirm').getByRole('button', { name: text.revertOk }).click();
        const refusal = page.getByRole('alert').filter({ hasText: text.refused });
        await refusal.waitFor();
        expect((await refusal.innerText()).length).to.be.greaterThan(text.refused.length + 5);
        await screenshot(page, `setup-history-refused-${language}`);
        expect((await env.engine.request('GET', `/api/v1/meta/objects/${name}`)).body.definition.label.en, 'nothing changed').to.equal('Help desk ticket');

        // Someone else changes the object after the page was read: the revert would overwrite that unseen, so it is refused.
        const elsewhere = await succeed(env, 'PATCH', `/api/v1/meta/objects/${name}`, { description: 'Changed elsewhere' });
        await page.getByRole('button', { name: text.revert(changed.version - 1) }).click();
        await page.locator('.ant-popconfirm:visible').getByRole('button', { name: text.revertOk }).click();
        await page.getByRole('alert').filter({ hasText: text.changedSince }).waitFor();
        expect((await env.engine.request('GET', `/api/v1/meta/objects/${name}`)).body.definition.description, 'nothing reverted').to.equal('Changed elsewhere');
        // The list now shows that change as the current version.
        await page.locator(`tr[data-row-key="${elsewhere.version}"]`, { hasText: text.current }).waitFor();
        await screenshot(page, `setup-history-changed-since-${language}`);

        // Going back to the version before the label change lands, as a new version.
        await page.getByRole('button', { name: text.revert(changed.version - 1) }).click();
        await page.locator('.ant-popconfirm:visible').getByRole('button', { name: text.revertOk }).click();
        await page.getByText(text.reverted).waitFor();
        const now = (await env.engine.request('GET', `/api/v1/meta/objects/${name}`)).body.definition;
        expect(now.label.en).to.equal(LABELS[language].en);
        expect(now.fields.find((field: { name: string }) => field.name === 'ref').type).to.equal('text');
        const latest = (await env.engine.request('GET', `/api/v1/meta/history?kind=object&name=${name}&limit=1`)).body.entries[0];
        expect(latest.version).to.be.greaterThan(changed.version);
        await page.locator(`tr[data-row-key="${latest.version}"]`, { hasText: text.current }).waitFor();
        expect(problems.filter((problem) => !problem.includes('409'))).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });

    it(`shows a record change's values before and after, found by its record id, and reaches the history from the object editor (${language})`, async () => {
      const env = await e2e();
      const { recordId } = await seed(env, language);
      const name = objectName(language);
      const { context, page, problems } = await signedInPage(env, env.users[language], `/setup/audit?record=${recordId}`);
      try {
        // The filter comes back from the address into its box.
        expect(await page.getByRole('textbox', { name: text.record }).inputValue()).to.equal(recordId);
        const row = page.locator('tr.ant-table-row', { hasText: text.updated });
        await row.waitFor();
        await row.getByRole('button', { name: text.expand }).click();
        const change = page.locator('.ant-table-expanded-row tr', { hasText: 'subject' });
        await change.waitFor();
        expect(await change.locator('td').allInnerTexts()).to.deep.equal(['subject', 'Printer jam', 'Printer on fire']);
        await screenshot(page, `setup-audit-record-${language}`);

        await page.goto(`${env.engine.url}/setup/objects/${name}`);
        const historyLink = page.locator('.setup-page-header').getByRole('link', { name: text.history, exact: true });
        await historyLink.waitFor();
        await screenshot(page, `setup-object-history-link-${language}`);
        await historyLink.click();
        await page.waitForURL((url) => url.pathname === `/setup/history/object/${name}`);
        await page.getByRole('link', { name: language === 'en' ? 'All metadata changes' : '所有元数据变更' }).click();
        await page.getByRole('heading', { level: 2, name: text.historyTitle }).waitFor();
        await page.getByRole('link', { name }).first().waitFor();
        await screenshot(page, `setup-history-${language}`);
        expect(await seriousViolations(page), 'axe on the recent changes').to.deep.equal([]);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }

  it('fits the audit log and a history diff at 390 px, without scrolling sideways, passing axe', async () => {
    const env = await e2e();
    const { recordId } = await seed(env, 'en');
    const { context, page } = await signedInPage(env, env.users.en, `/setup/audit?record=${recordId}`, { width: 390, height: 844 });
    try {
      const row = page.locator('tr.ant-table-row', { hasText: 'Record updated' });
      await row.waitFor();
      await row.getByRole('button', { name: 'Expand row' }).click();
      await page.locator('.ant-table-expanded-row tr', { hasText: 'subject' }).waitFor();
      await screenshot(page, 'setup-audit-en-390');
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')].filter((element) => element.getBoundingClientRect().right > 392).slice(0, 5).map((element) => `${element.tagName}.${element.className}`),
      );
      expect(await noSidewaysScroll(page), wide.join(' | ')).to.be.at.most(390);
      expect(await seriousViolations(page), 'axe on the audit log at 390 px').to.deep.equal([]);

      await page.goto(`${env.engine.url}/setup/history/object/${objectName('en')}`);
      await page.locator('.history-diff').waitFor();
      await screenshot(page, 'setup-history-en-390');
      expect(await noSidewaysScroll(page)).to.be.at.most(390);
      expect(await seriousViolations(page), 'axe on the history at 390 px').to.deep.equal([]);
    } finally {
      await context.close();
    }
  });
});
