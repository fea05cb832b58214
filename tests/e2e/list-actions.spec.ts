import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { ARTIFACTS, e2e, screenshot, seriousViolations, signedInPage, type E2e } from './support/e2e-environment.js';

const OBJECT = 'lx_task';
const TASKS = 250;
const RULE = { en: 'Only tasks of 5 points or more can be done', 'zh-CN': '5 点以下的任务不能完成' } as const;

const LANGUAGES = [
  {
    language: 'en', filter: 'Filter', status: 'Status', title: 'Title', points: 'Points', doing: 'Doing', done: 'Done', todo: 'To do', startsWith: 'starts with',
    apply: 'Apply', export: 'Export CSV', editField: 'Edit field', bulkApply: 'Apply', delete: 'Delete', records: (n: number) => `${n} records`,
    edited: '16 updated, 4 failed', deleted: '2 deleted, 0 failed', selected: '20 selected', allLoaded: `All ${TASKS} records loaded`,
    csvHeader: 'ID,Title,Points,Status,Double,Due',
  },
  {
    language: 'zh-CN', filter: '筛选', status: '状态', title: '标题', points: '点数', doing: '进行中', done: '已完成', todo: '待办', startsWith: '开头是',
    apply: '应用', export: '导出 CSV', editField: '批量修改字段', bulkApply: '应用', delete: '删除', records: (n: number) => `共 ${n} 条记录`,
    edited: '已更新 16 条，失败 4 条', deleted: '已删除 2 条，失败 0 条', selected: '已选 20 条', allLoaded: `已加载全部 ${TASKS} 条记录`,
    csvHeader: 'ID,标题,点数,状态,双倍,截止日期',
  },
] as const;

const OBJECT_DEFINITION = {
  name: OBJECT,
  label: { en: 'Task', 'zh-CN': '任务' },
  pluralLabel: { en: 'Tasks', 'zh-CN': '任务' },
  fields: [
    { name: 'title', type: 'text', required: true, label: { en: 'Title', 'zh-CN': '标题' } },
    { name: 'points', type: 'number', label: { en: 'Points', 'zh-CN': '点数' } },
    {
      name: 'status',
      type: 'picklist',
      values: [
        { value: 'todo', label: { en: 'To do', 'zh-CN': '待办' } },
        { value: 'doing', label: { en: 'Doing', 'zh-CN': '进行中' } },
        { value: 'done', label: { en: 'Done', 'zh-CN': '已完成' } },
      ],
      label: { en: 'Status', 'zh-CN': '状态' },
    },
    { name: 'double', type: 'formula', expression: 'points * 2', resultType: 'number', label: { en: 'Double', 'zh-CN': '双倍' } },
    { name: 'due', type: 'date', label: { en: 'Due', 'zh-CN': '截止日期' } },
  ],
  validationRules: [
    { name: 'done_needs_points', condition: 'status = "done" and points < 5', field: 'status', message: RULE },
    { name: 'points_at_most_100', condition: 'points > 100', field: 'points', message: { en: 'Points cannot exceed 100', 'zh-CN': '点数不能超过 100' } },
  ],
};

const STATUSES = ['todo', 'doing', 'done'];

async function seed(env: E2e): Promise<void> {
  const created = await env.engine.request('POST', '/api/v1/meta/objects', OBJECT_DEFINITION);
  expect(created.status, JSON.stringify(created.body)).to.equal(201);
  const records: Record<string, unknown>[] = Array.from({ length: TASKS }, (_, i) => ({ title: `Task ${String(i + 1).padStart(3, '0')}`, points: 5 + (i % 40), status: STATUSES[i % 3], due: `2027-0${(i % 9) + 1}-10` }));
  for (const { language } of LANGUAGES) {
    records.push({ title: `Inline ${language}`, points: 10, status: 'todo' });
    records.push({ title: `Card ${language} 1`, points: 10, status: 'todo' }, { title: `Card ${language} 2`, points: 1, status: 'todo' });
    for (let i = 1; i <= 20; i++) records.push({ title: `Bulk ${language} ${String(i).padStart(2, '0')}`, points: i, status: 'doing' });
  }
  // A few at a time, and again when a save ran out of its expression time: the formula and the rules
  // have a wall-clock budget (100 ms) that a save can overrun on a machine shared by many runs.
  for (let at = 0; at < records.length; at += 5) {
    const responses = await Promise.all(records.slice(at, at + 5).map((record) => create(env, record)));
    for (const response of responses) expect(response.status, JSON.stringify(response.body)).to.equal(201);
  }
}

async function create(env: E2e, record: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  for (let attempt = 1; ; attempt++) {
    const response = await env.engine.request('POST', `/api/v1/records/${OBJECT}`, record);
    if (response.status !== 422 || response.body?.error?.code !== 'expression_timeout' || attempt === 5) return response;
  }
}

async function find(env: E2e, filter: object, sort = 'title'): Promise<{ _id: string; title: string; points: number; status: string }[]> {
  const response = await env.engine.request('GET', `/api/v1/records/${OBJECT}?limit=200&sort=${sort}&filter=${encodeURIComponent(JSON.stringify(filter))}`);
  expect(response.status, JSON.stringify(response.body)).to.equal(200);
  return response.body.records;
}

const listPath = (params: Record<string, string | object>) =>
  `/o/${OBJECT}?${new URLSearchParams(Object.entries(params).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)])).toString()}`;

/** Picks an option of the open antd select by its label. */
async function pick(page: Page, combobox: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: combobox, exact: true }).click();
  await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${option}"]`).click();
}

describe('browser: acting on a list', function () {
  this.timeout(90_000);
  before(async function () {
    this.timeout(300_000);
    await seed(await e2e());
  });

  for (const case_ of LANGUAGES) {
    it(`filters with the builder and exports the view as CSV (${case_.language}), passing axe`, async () => {
      const env = await e2e();
      const { context, page, problems } = await signedInPage(env, env.users[case_.language], listPath({ sort: '-points' }));
      try {
        await page.getByRole('button', { name: case_.filter }).click();
        await pick(page, case_.language === 'en' ? 'Field of condition 1' : '条件 1 的字段', case_.status);
        await pick(page, case_.language === 'en' ? 'Value of condition 1' : '条件 1 的值', case_.doing);
        await page.getByRole('button', { name: case_.language === 'en' ? 'Add condition' : '添加条件' }).click();
        await pick(page, case_.language === 'en' ? 'Field of condition 2' : '条件 2 的字段', case_.title);
        await pick(page, case_.language === 'en' ? 'Operator of condition 2' : '条件 2 的运算符', case_.startsWith);
        await page.getByRole('textbox', { name: case_.language === 'en' ? 'Value of condition 2' : '条件 2 的值' }).fill('Task');
        await page.getByRole('button', { name: case_.apply, exact: true }).click();
        await page.waitForURL((url) => url.searchParams.has('filter'));
        const filter: unknown = JSON.parse(new URL(page.url()).searchParams.get('filter')!);
        expect(filter).to.deep.equal({ and: [{ status: { eq: 'doing' } }, { title: { startsWith: 'Task' } }] });
        const expected = await find(env, { status: 'doing', title: { startsWith: 'Task' } }, '-points,_id');
        await page.getByText(case_.records(expected.length), { exact: true }).waitFor();
        const statuses = await page.locator('tbody tr.ant-table-row td:nth-child(4)').allInnerTexts();
        expect(statuses.length).to.equal(20);
        expect(new Set(statuses)).to.deep.equal(new Set([case_.doing]));
        // Off the Apply button: axe would judge its hover colours.
        await page.mouse.move(0, 0);
        await screenshot(page, `list-filter-${case_.language}`);
        expect(await seriousViolations(page), 'axe on the filtered list').to.deep.equal([]);

        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: case_.export }).click()]);
        const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
        const lines = csv.trim().split(/\r\n/);
        // Headers and picklist values as the reader sees them in the list.
        expect(lines[0]).to.equal(case_.csvHeader);
        // The view's rows in the view's order (the export sorts by points as the list does, the id breaking ties).
        const exported = lines.slice(1).map((line) => line.split(','));
        expect(exported.map((cells) => cells[3])).to.deep.equal(expected.map(() => case_.doing));
        expect(exported.map((cells) => Number(cells[2]))).to.deep.equal(expected.map((record) => record.points));
        expect(new Set(exported.map((cells) => cells[0]))).to.deep.equal(new Set(expected.map((record) => record._id)));
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });

    it(`shows a validation rule's refusal on the edited cell and saves nothing (${case_.language}), passing axe`, async () => {
      const env = await e2e();
      const [record] = await find(env, { title: `Inline ${case_.language}` });
      const { context, page } = await signedInPage(env, env.users[case_.language], listPath({ filter: { title: `Inline ${case_.language}` } }));
      try {
        const row = page.locator('tbody tr.ant-table-row');
        await row.first().waitFor();
        const editLabel = (field: string) => (case_.language === 'en' ? `Edit ${field}` : `编辑${field}`);
        // A formula is computed by the server: it has no edit button.
        expect(await page.getByRole('button', { name: editLabel(case_.language === 'en' ? 'Double' : '双倍') }).count()).to.equal(0);
        await page.getByRole('button', { name: editLabel(case_.points) }).click();
        const input = page.getByRole('spinbutton', { name: case_.points });
        await input.fill('500');
        await input.press('Enter');
        const refusal = row.getByRole('alert');
        await refusal.filter({ hasText: case_.language === 'en' ? 'Points cannot exceed 100' : '点数不能超过 100' }).waitFor();
        expect((await find(env, { title: `Inline ${case_.language}` }))[0]!.points, 'nothing saved').to.equal(record!.points);
        await screenshot(page, `list-inline-refused-${case_.language}`);
        expect(await seriousViolations(page), 'axe on the refused cell').to.deep.equal([]);

        await input.fill('42');
        await input.press('Enter');
        await row.locator('td').filter({ hasText: /^42$/ }).waitFor();
        await row.locator('td').filter({ hasText: /^84$/ }).waitFor();
        expect((await find(env, { title: `Inline ${case_.language}` }))[0]!.points).to.equal(42);
      } finally {
        await context.close();
      }
    });

    it(`moves a card on the kanban board, and puts back a refused one with the rule's message (${case_.language}), passing axe`, async () => {
      const env = await e2e();
      const filter = { title: { startsWith: `Card ${case_.language}` } };
      const { context, page, problems } = await signedInPage(env, env.users[case_.language], listPath({ mode: 'kanban', group: 'status', filter }));
      try {
        const column = (label: string) => page.locator('.kanban-column').filter({ has: page.getByRole('heading', { name: label }) });
        const card = (name: string) => page.locator('.kanban-card').filter({ hasText: name });
        await column(case_.todo).locator('.kanban-card').nth(1).waitFor();
        await card(`Card ${case_.language} 1`).dragTo(column(case_.doing));
        await column(case_.doing).locator('.kanban-card').filter({ hasText: `Card ${case_.language} 1` }).waitFor();
        const moved = await find(env, { title: `Card ${case_.language} 1` });
        expect(moved[0]!.status).to.equal('doing');

        await card(`Card ${case_.language} 2`).dragTo(column(case_.done));
        await page.getByRole('alert').filter({ hasText: RULE[case_.language] }).waitFor();
        await column(case_.todo).locator('.kanban-card').filter({ hasText: `Card ${case_.language} 2` }).waitFor();
        expect(await column(case_.done).locator('.kanban-card').count()).to.equal(0);
        expect((await find(env, { title: `Card ${case_.language} 2` }))[0]!.status, 'nothing saved').to.equal('todo');
        expect(await column(case_.todo).locator('.ant-badge').innerText()).to.equal('1');
        await screenshot(page, `list-kanban-${case_.language}`);
        expect(await seriousViolations(page), 'axe on the board').to.deep.equal([]);

        // From the keyboard: the card's "Move to" menu.
        const moveLabel = case_.language === 'en' ? `Move Card ${case_.language} 1 to` : `将 Card ${case_.language} 1 移至`;
        await page.getByRole('button', { name: moveLabel }).focus();
        await page.keyboard.press('Enter');
        await page.getByRole('menuitem', { name: case_.todo }).click();
        await column(case_.todo).locator('.kanban-card').filter({ hasText: `Card ${case_.language} 1` }).waitFor();
        await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
        expect((await find(env, { title: `Card ${case_.language} 1` }))[0]!.status).to.equal('todo');
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });

    it(`edits 20 selected records at once, naming the ones refused, then deletes two (${case_.language})`, async () => {
      const env = await e2e();
      const filter = { title: { startsWith: `Bulk ${case_.language}` } };
      const { context, page } = await signedInPage(env, env.users[case_.language], listPath({ filter, sort: 'title' }));
      try {
        await page.waitForFunction(() => document.querySelectorAll('tbody tr.ant-table-row').length === 20);
        await page.locator('thead .ant-checkbox-input').check();
        await page.getByText(case_.selected).waitFor();
        await page.getByRole('button', { name: case_.editField }).click();
        const dialog = page.getByRole('dialog');
        await dialog.locator('#bulk-edit-field').click();
        await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${case_.status}"]`).click();
        await dialog.locator('#bulk-edit-value').click();
        await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${case_.done}"]`).click();
        await dialog.getByRole('button', { name: case_.bulkApply, exact: true }).click();
        const outcome = page.getByRole('status').filter({ hasText: case_.edited });
        await outcome.waitFor();
        // The four with fewer than 5 points are named with the rule's message.
        for (const n of ['01', '02', '03', '04']) await outcome.getByText(`Bulk ${case_.language} ${n}`).waitFor();
        expect(await outcome.getByText(RULE[case_.language]).count()).to.equal(4);
        const after = await find(env, filter);
        expect(after.filter((record) => record.status === 'done').map((record) => record.points)).to.deep.equal([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
        expect(after.filter((record) => record.status === 'doing').map((record) => record.points)).to.deep.equal([1, 2, 3, 4]);
        await screenshot(page, `list-bulk-${case_.language}`);

        await page.getByRole('button', { name: case_.language === 'en' ? 'Clear selection' : '取消选择' }).click();
        await page.locator('tbody .ant-checkbox-input').nth(0).check();
        await page.locator('tbody .ant-checkbox-input').nth(1).check();
        await page.getByRole('region').getByRole('button', { name: case_.delete }).click();
        await page.locator('.ant-modal-confirm').getByRole('button', { name: case_.delete }).click();
        await page.getByRole('status').filter({ hasText: case_.deleted }).waitFor();
        expect((await find(env, filter)).map((record) => record.title)).to.not.include.members([`Bulk ${case_.language} 01`, `Bulk ${case_.language} 02`]);
        expect(await find(env, filter)).to.have.length(18);
      } finally {
        await context.close();
      }
    });

    it(`shows the board in one column of cards at 390 px (${case_.language}), passing axe`, async () => {
      const env = await e2e();
      const { context, page } = await signedInPage(env, env.users[case_.language], listPath({ mode: 'kanban', group: 'status' }), { width: 390, height: 844 });
      try {
        await page.locator('.kanban-card').first().waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
        // What the phone shows: the first column, the next one peeking in to say the board scrolls sideways.
        await page.screenshot({ path: `${ARTIFACTS}/list-kanban-390-${case_.language}.png` });
        expect(await seriousViolations(page), 'axe on the phone board').to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }

  it('shows the list page\'s own texts in Traditional Chinese, converted from the Simplified ones', async () => {
    const env = await e2e();
    const { context, page, problems } = await signedInPage(env, env.users['zh-TW'], listPath({ mode: 'kanban', group: 'status' }));
    try {
      await page.getByRole('button', { name: '篩選' }).waitFor();
      await page.getByRole('link', { name: '匯出 CSV' }).waitFor();
      await page.getByRole('heading', { name: '無值' }).waitFor();
      expect(problems).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });

  it('scrolls through every record in one virtual table, fetching pages with the cursor as the end nears', async () => {
    const env = await e2e();
    const { context, page, problems } = await signedInPage(env, env.users.en, listPath({ mode: 'scroll', filter: { title: { startsWith: 'Task' } }, sort: 'title' }));
    try {
      // A virtual table draws its rows outside <tbody>.
      await page.locator('.ant-table-row').first().waitFor();
      const status = page.locator('.list-scroll-status');
      await page.locator('.ant-table-tbody-virtual-holder').hover();
      const last = page.getByText('Task 250', { exact: true });
      for (let turn = 0; turn < 80 && !(await last.isVisible()); turn++) {
        await page.mouse.wheel(0, 3000);
        await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
      }
      expect(await status.innerText()).to.equal(LANGUAGES[0].allLoaded);
      await last.waitFor();
      // Only the rows in sight are in the page.
      expect(await page.locator('.ant-table-row').count()).to.be.below(60);
      await screenshot(page, 'list-scroll-en');
      expect(await seriousViolations(page), 'axe on the scrolling table').to.deep.equal([]);
      expect(problems).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });
});
