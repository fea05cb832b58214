import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { createUser } from '../support/auth-helpers.js';
import { e2e, screenshot, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

/** This spec's own object, view and users: a task board bookmarked by its view's name only. */
const TASK = {
  name: 'kl_task',
  label: { en: 'Board task', 'zh-CN': '看板任务' },
  pluralLabel: { en: 'Board tasks', 'zh-CN': '看板任务' },
  fields: [
    { name: 'name', type: 'text', required: true, label: { en: 'Task', 'zh-CN': '任务' } },
    { name: 'priority', type: 'picklist', values: ['low', 'high'], label: { en: 'Priority', 'zh-CN': '优先级' } },
    {
      name: 'phase',
      type: 'picklist',
      values: [
        { value: 'todo', label: { en: 'To do', 'zh-CN': '待办' } },
        { value: 'doing', label: { en: 'Doing', 'zh-CN': '进行中' } },
        { value: 'done', label: { en: 'Done', 'zh-CN': '已完成' } },
      ],
      label: { en: 'Phase', 'zh-CN': '阶段' },
    },
  ],
};

const TEXT = {
  en: { board: 'Phase board', pages: 'Pages', view: 'List view', todo: 'To do' },
  'zh-CN': { board: '阶段看板', pages: '分页', view: '列表视图', todo: '待办' },
} as const;
type Language = keyof typeof TEXT;
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
const planner = (language: Language) => `kl.planner.${language.toLowerCase()}@example.com`;

let seeded: Promise<void> | undefined;
function seed(env: E2e): Promise<void> {
  seeded ??= (async () => {
    await succeed(env, 'POST', '/api/v1/meta/objects', TASK);
    await succeed(env, 'POST', '/api/v1/meta/permission-sets', { name: 'kl_planner', objects: { kl_task: { read: true, create: true, edit: true } } });
    // The board groups by the second picklist, so a board that opens grouped by the first is wrong too.
    await succeed(env, 'POST', '/api/v1/meta/list-views', { name: 'kl_board', object: 'kl_task', label: { en: TEXT.en.board, 'zh-CN': TEXT['zh-CN'].board }, columns: ['name', 'phase', 'priority'], kanbanField: 'phase', sort: ['name'] });
    for (const [index, phase] of ['todo', 'doing', 'todo', 'done'].entries()) await succeed(env, 'POST', '/api/v1/records/kl_task', { name: `Task ${index + 1}`, phase, priority: 'low' });
    for (const language of LANGUAGES) await createUser(env.engine, { full_name: `Planner ${language}`, email: planner(language), language, permission_sets: ['kl_planner'] }, env.users.password);
  })();
  return seeded;
}

/** A board's column by the picklist value it holds. */
const column = (page: Page, value: string) => page.locator(`.kanban-column[data-value="${value}"]`);

describe('browser: a bookmarked kanban view opens its board', function () {
  this.timeout(120_000);
  before(async function () {
    this.timeout(300_000);
    await seed(await e2e());
  });

  for (const language of LANGUAGES) {
    const text = TEXT[language];
    for (const width of [1280, 390]) {
      it(`opens ?view=<a kanban view> without a mode as the board grouped by the view's picklist, and keeps the table once picked (${language}, ${width} px)`, async () => {
        const env = await e2e();
        // With a sort in the address too: the view's own apply does not run, the board must show all the same.
        const { context, page, problems } = await signedInPage(env, planner(language), '/o/kl_task?view=kl_board&sort=name', { width, height: 844 });
        try {
          await column(page, 'todo').locator('.kanban-cards li').nth(1).waitFor();
          expect(await column(page, 'todo').getByRole('heading', { level: 3 }).innerText()).to.contain(text.todo);
          expect(await column(page, 'doing').locator('.kanban-cards li').count()).to.equal(1);
          expect(await page.locator('.view-picker-select').innerText()).to.contain(text.board);
          expect(new URL(page.url()).searchParams.has('mode'), 'the address stays as bookmarked').to.equal(false);
          await screenshot(page, `kanban-link-${language}-${width}`);
          expect(await seriousViolations(page), 'axe on the board').to.deep.equal([]);

          // Opened afresh, the board asks for its columns only: no table page it would not show.
          const asked: string[] = [];
          page.on('request', (request) => {
            const url = new URL(request.url());
            if (url.pathname === '/api/v1/records/kl_task') asked.push(url.searchParams.get('filter') ?? '(none)');
          });
          await page.reload();
          await column(page, 'todo').locator('.kanban-cards li').nth(1).waitFor();
          expect(asked.length, `one request per column, the one without a phase too: ${JSON.stringify(asked)}`).to.equal(4);
          expect(asked.filter((filter) => !filter.includes('"phase"')), 'record requests that are no column of the board').to.deep.equal([]);

          // The table picked under the kanban view stays the table, after a reload too.
          await page.locator('.ant-segmented').getByText(text.pages, { exact: true }).click();
          await page.waitForURL((url) => url.searchParams.get('mode') === 'pages');
          await page.reload();
          await page.locator(width >= 768 ? 'tbody tr.ant-table-row' : '.list-cards li').nth(3).waitFor();
          expect(await page.locator('.kanban-column').count(), 'no board after picking the table').to.equal(0);
          expect(problems).to.deep.equal([]);
        } finally {
          await context.close();
        }
      });
    }
  }
});
