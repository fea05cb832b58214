import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { e2e, screenshot, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

const OBJECT = 'im_contact';
const PARENT = 'im_company';

const LANGUAGES = [
  {
    language: 'en',
    width: 1280,
    headers: ['Name', 'E-mail', 'Score', 'Joined', 'VIP', 'Tier', 'Company'],
    gold: 'Gold',
    yes: 'yes',
    company: 'Harbour Ltd',
    text: {
      import: 'Import',
      choose: /Drop a CSV or Excel/,
      check: 'Check all rows',
      summary: '3 rows can be imported, 2 have problems.',
      passed: 'All 2 rows can be imported.',
      runAnyway: 'Import the 3 rows without problems',
      run: 'Import 2 rows',
      done: 'Import finished',
      doneSummary: (created: number, failed: number) => `${created} created, 0 updated, ${failed} failed.`,
      another: 'Import another file',
      csv: 'CSV',
      errors: 'Errors',
      fieldFor: (column: string) => `Field for column ${column}`,
    },
  },
  {
    language: 'zh-CN',
    width: 390,
    headers: ['姓名', '电子邮件', '评分', '入职日期', '贵宾', '等级', '公司'],
    gold: '金牌',
    yes: '是',
    company: '港湾有限公司',
    text: {
      import: '导入',
      choose: /将 CSV 或 Excel/,
      check: '检查所有行',
      summary: '3 行可以导入，2 行存在问题。',
      passed: '全部 2 行均可导入。',
      runAnyway: '导入没有问题的 3 行',
      run: '导入 2 行',
      done: '导入完成',
      doneSummary: (created: number, failed: number) => `创建 ${created} 条，更新 0 条，失败 ${failed} 条。`,
      another: '导入其他文件',
      csv: 'CSV',
      errors: '错误',
      fieldFor: (column: string) => `${column} 列对应的字段`,
    },
  },
] as const;

type Case = (typeof LANGUAGES)[number];

async function seed(env: E2e): Promise<void> {
  await succeed(env, 'POST', '/api/v1/meta/objects', {
    name: PARENT,
    label: { en: 'Company', 'zh-CN': '公司' },
    fields: [{ name: 'name', type: 'text', required: true, label: { en: 'Name', 'zh-CN': '名称' } }],
  });
  await succeed(env, 'POST', '/api/v1/meta/objects', {
    name: OBJECT,
    label: { en: 'Contact', 'zh-CN': '联系人' },
    pluralLabel: { en: 'Contacts', 'zh-CN': '联系人' },
    fields: [
      { name: 'name', type: 'text', required: true, label: { en: 'Name', 'zh-CN': '姓名' } },
      { name: 'email', type: 'email', externalId: true, label: { en: 'E-mail', 'zh-CN': '电子邮件' } },
      { name: 'score', type: 'number', scale: 2, label: { en: 'Score', 'zh-CN': '评分' } },
      { name: 'joined', type: 'date', label: { en: 'Joined', 'zh-CN': '入职日期' } },
      { name: 'vip', type: 'boolean', label: { en: 'VIP', 'zh-CN': '贵宾' } },
      { name: 'tier', type: 'picklist', label: { en: 'Tier', 'zh-CN': '等级' }, values: [{ value: 'gold', label: { en: 'Gold', 'zh-CN': '金牌' } }, { value: 'silver', label: { en: 'Silver', 'zh-CN': '银牌' } }] },
      { name: 'company', type: 'lookup', target: PARENT, label: { en: 'Company', 'zh-CN': '公司' } },
    ],
  });
  for (const { company } of LANGUAGES) await succeed(env, 'POST', `/api/v1/records/${PARENT}`, { name: company });
}

/** A CSV of five contacts, two with mistakes: a score that is no number, a tier that is no choice. */
function fileWithMistakes(case_: Case): string {
  const lang = case_.language;
  const rows = [
    case_.headers.join(','),
    `Ada ${lang},ada.${lang}@example.com,"1,234.5",3/1/2017,${case_.yes},${case_.gold},${case_.company}`,
    `Bob ${lang},bob.${lang}@example.com,lots,2017-03-02,${case_.yes},${case_.gold},${case_.company}`,
    `Cy ${lang},cy.${lang}@example.com,7,2017-03-03,no,silver,${case_.company}`,
    `Di ${lang},di.${lang}@example.com,8,2017-03-04,0,Platinum,${case_.company}`,
    `Ed ${lang},ed.${lang}@example.com,9,2017年3月5日,1,gold,`,
  ];
  return `${rows.join('\r\n')}\r\n`;
}

/**
 * Chooses the file from the keyboard: the drop zone takes focus, Enter opens the file chooser
 * (pressed again if the busy machine had not yet wired the zone when it was first pressed).
 */
async function chooseFile(page: Page, case_: Case, name: string, content: string): Promise<void> {
  const zone = page.getByRole('button', { name: case_.text.choose });
  for (let attempt = 1; ; attempt++) {
    await zone.focus();
    expect(await zone.evaluate((element) => element === document.activeElement), 'the drop zone takes the keyboard focus').to.equal(true);
    try {
      // The keyboard first; Chromium sometimes drops a file chooser a key asked for under load, so the last attempt clicks.
      const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 5_000 }), attempt < 3 ? page.keyboard.press('Enter') : zone.click()]);
      await chooser.setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

async function contacts(env: E2e, language: string): Promise<Record<string, any>[]> {
  const response = await env.engine.request('GET', `/api/v1/records/${OBJECT}?limit=50&sort=name&filter=${encodeURIComponent(JSON.stringify({ name: { contains: language } }))}`);
  expect(response.status).to.equal(200);
  return response.body.records;
}

describe('browser: importing a file through the wizard', function () {
  this.timeout(180_000);
  before(async function () {
    this.timeout(300_000);
    await seed(await e2e());
  });

  for (const case_ of LANGUAGES) {
    it(`imports a CSV with mistakes, and the fixed rows from the error file (${case_.language}, ${case_.width} px), by keyboard, passing axe`, async () => {
      const env = await e2e();
      const { context, page, problems } = await signedInPage(env, env.users[case_.language], `/o/${OBJECT}`, { width: case_.width, height: 900 });
      try {
        // The list's Import button (its name starts with its icon's, as antd names icons).
        await page.getByRole('button', { name: new RegExp(`^(upload )?${case_.text.import}$`) }).click();
        await page.waitForURL((url) => url.pathname === `/o/${OBJECT}/import`);
        await page.getByRole('button', { name: case_.text.choose }).waitFor();
        await screenshot(page, `import-upload-${case_.language}`);
        expect(await seriousViolations(page), 'axe on the upload step').to.deep.equal([]);

        await chooseFile(page, case_, `contacts-${case_.language}.csv`, fileWithMistakes(case_));
        // The mapping the server proposes from the labels in the user's language.
        for (const header of case_.headers) {
          const select = page.getByRole('combobox', { name: case_.text.fieldFor(header), exact: true });
          await select.waitFor();
          expect((await page.locator('.mapping-row').filter({ has: select }).locator('.mapping-field').innerText()).trim(), header).to.equal(header);
        }
        await screenshot(page, `import-mapping-${case_.language}`);
        expect(await seriousViolations(page), 'axe on the mapping step').to.deep.equal([]);

        await page.getByRole('button', { name: case_.text.check }).click();
        await page.getByText(case_.text.summary).waitFor();
        await page.locator('.import-problems tbody tr.ant-table-row').nth(1).waitFor();
        const problemRows = await page.locator('.import-problems tbody tr.ant-table-row').allInnerTexts();
        expect(problemRows[0]).to.include('3').and.include(case_.headers[2]).and.include('lots');
        expect(problemRows[1]).to.include('5').and.include(case_.headers[5]).and.include('Platinum');
        expect(await contacts(env, case_.language), 'a dry run writes nothing').to.deep.equal([]);
        await page.mouse.move(0, 0);
        await screenshot(page, `import-checked-${case_.language}`);
        expect(await seriousViolations(page), 'axe on the dry run report').to.deep.equal([]);

        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: case_.text.csv, exact: true }).click()]);
        const errorFile = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
        const lines = errorFile.trim().split(/\r\n/);
        expect(lines[0]).to.equal([...case_.headers, case_.text.errors].join(','));
        expect(lines).to.have.length(3);

        await page.getByRole('button', { name: case_.text.runAnyway }).click();
        await page.getByText(case_.text.done).waitFor();
        await page.getByText(case_.text.doneSummary(3, 2)).waitFor();
        await screenshot(page, `import-done-${case_.language}`);
        expect(await seriousViolations(page), 'axe on the finished import').to.deep.equal([]);
        const firstRun = await contacts(env, case_.language);
        expect(firstRun.map((contact) => contact.name)).to.deep.equal([`Ada ${case_.language}`, `Cy ${case_.language}`, `Ed ${case_.language}`]);
        expect(firstRun[0]).to.include({ score: 1234.5, joined: '2017-03-01', vip: true, tier: 'gold' });
        expect(firstRun[2]).to.include({ joined: '2017-03-05', vip: true });

        // The user fixes the two rows in the downloaded file and imports it again.
        const fixed = lines.map((line, index) => (index === 0 ? line : line.replace(',lots,', ',12,').replace(',Platinum,', `,${case_.gold},`))).join('\r\n');
        await page.getByRole('button', { name: case_.text.another }).click();
        await chooseFile(page, case_, `contacts-${case_.language}-errors.csv`, fixed);
        const errorsColumn = page.getByRole('combobox', { name: case_.text.fieldFor(case_.text.errors), exact: true });
        await errorsColumn.waitFor();
        await page.getByRole('button', { name: case_.text.check }).click();
        await page.getByText(case_.text.passed).waitFor();
        await page.getByRole('button', { name: case_.text.run, exact: true }).click();
        await page.getByText(case_.text.doneSummary(2, 0)).waitFor();
        const all = await contacts(env, case_.language);
        expect(all.map((contact) => contact.name)).to.deep.equal(['Ada', 'Bob', 'Cy', 'Di', 'Ed'].map((name) => `${name} ${case_.language}`));
        expect(all.find((contact) => contact.name === `Bob ${case_.language}`)).to.include({ score: 12 });
        expect(all.find((contact) => contact.name === `Di ${case_.language}`)).to.include({ tier: 'gold' });
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }

  it('shows the wizard in Traditional Chinese on a phone, passing axe', async () => {
    const env = await e2e();
    const { context, page, problems } = await signedInPage(env, env.users['zh-TW'], `/o/${OBJECT}/import`, { width: 390, height: 900 });
    try {
      await page.getByRole('heading', { name: '匯入聯絡人' }).waitFor();
      await page.locator('input[type=file]').setInputFiles({ name: 'contacts-tw.csv', mimeType: 'text/csv', buffer: Buffer.from(fileWithMistakes(LANGUAGES[1]).replaceAll('zh-CN', 'zh-TW'), 'utf8') });
      await page.getByRole('combobox', { name: '姓名 列對應的欄位', exact: true }).waitFor();
      await page.getByRole('button', { name: '檢查所有行' }).click();
      await page.locator('.import-problems tbody tr.ant-table-row').nth(1).waitFor();
      expect(await page.getByRole('button', { name: /匯入.*3/ }).count(), 'the run of the three good rows is offered').to.equal(1);
      await page.mouse.move(0, 0);
      await screenshot(page, 'import-checked-zh-TW');
      expect(await seriousViolations(page), 'axe on the dry run report in 繁中').to.deep.equal([]);
      expect(problems).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });

  it('exports the list as an Excel workbook from its button', async () => {
    const env = await e2e();
    const { context, page } = await signedInPage(env, env.users.en, `/o/${OBJECT}`);
    try {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export Excel' }).click()]);
      expect(download.suggestedFilename()).to.equal(`${OBJECT}.xlsx`);
      const bytes = await readFile(await download.path());
      // An XLSX file is a zip archive, its columns named and its picklists written as the list shows them.
      expect(bytes.subarray(0, 2).toString('latin1')).to.equal('PK');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      const rows: unknown[][] = [];
      workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      expect(rows[0]).to.include.members(['ID', 'Name', 'Tier']).and.not.include('tier');
      expect(rows.slice(1).map((row) => row[rows[0]!.indexOf('Tier')])).to.include('Gold').and.not.include('gold');
    } finally {
      await context.close();
    }
  });
});
