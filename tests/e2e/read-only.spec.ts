import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { createUser } from '../support/auth-helpers.js';
import { e2e, screenshot, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

/** This spec's own objects and users: a reader of projects and their milestones, who may change nothing. */
const PROJECT = {
  name: 'ro_project',
  label: { en: 'Audit project', 'zh-CN': '审计项目' },
  pluralLabel: { en: 'Audit projects', 'zh-CN': '审计项目' },
  // Not public read-write: sharing would be possible for one who may edit, so the panel says why this user may not.
  sharing: 'publicRead',
  fields: [
    { name: 'name', type: 'text', required: true, label: { en: 'Project', 'zh-CN': '项目' } },
    { name: 'phase', type: 'picklist', values: [{ value: 'plan', label: { en: 'Plan', 'zh-CN': '计划' } }, { value: 'run', label: { en: 'Run', 'zh-CN': '执行' } }], label: { en: 'Phase', 'zh-CN': '阶段' } },
    { name: 'budget', type: 'number', label: { en: 'Budget', 'zh-CN': '预算' } },
  ],
};
const MILESTONE = {
  name: 'ro_milestone',
  label: { en: 'Milestone', 'zh-CN': '里程碑' },
  pluralLabel: { en: 'Milestones', 'zh-CN': '里程碑' },
  fields: [
    { name: 'name', type: 'text', required: true, label: { en: 'Milestone', 'zh-CN': '里程碑' } },
    { name: 'project', type: 'lookup', target: 'ro_project', label: { en: 'Project', 'zh-CN': '项目' } },
  ],
};

const TEXT = {
  en: { new: 'New', edit: 'Edit', delete: 'Delete', milestones: 'Milestones', sharing: 'Owner and sharing', mayNotEdit: 'You may not edit audit projects' },
  'zh-CN': { new: '新建', edit: '编辑', delete: '删除', milestones: '里程碑', sharing: '所有人与共享', mayNotEdit: '您不能编辑审计项目' },
} as const;
type Language = keyof typeof TEXT;
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
const reader = (language: Language) => `ro.reader.${language.toLowerCase()}@example.com`;

let seeded: Promise<string> | undefined;
/** The project's id. */
function seed(env: E2e): Promise<string> {
  seeded ??= (async () => {
    await succeed(env, 'POST', '/api/v1/meta/objects', PROJECT);
    await succeed(env, 'POST', '/api/v1/meta/objects', MILESTONE);
    await succeed(env, 'POST', '/api/v1/meta/layouts', { name: 'ro_project_page', object: 'ro_project', isDefault: true, sections: [{ fields: ['name', 'phase', 'budget'] }], relatedLists: [{ object: 'ro_milestone', columns: ['name'] }] });
    // Read with view all: every record shows, and nothing may be created, edited or deleted.
    await succeed(env, 'POST', '/api/v1/meta/permission-sets', { name: 'ro_reader', objects: { ro_project: { read: true, viewAll: true }, ro_milestone: { read: true, viewAll: true } } });
    const project = await succeed(env, 'POST', '/api/v1/records/ro_project', { name: 'Ledger review', phase: 'plan', budget: 1200 });
    await succeed(env, 'POST', '/api/v1/records/ro_project', { name: 'Stock count', phase: 'run', budget: 800 });
    await succeed(env, 'POST', '/api/v1/records/ro_milestone', { name: 'Kick-off', project: project._id });
    for (const language of LANGUAGES) await createUser(env.engine, { full_name: `Reader ${language}`, email: reader(language), language, permission_sets: ['ro_reader'] }, env.users.password);
    return project._id;
  })();
  return seeded;
}

/** The buttons whose name is exactly this text, or starts with it (an icon's name may come first). */
const buttons = (page: Page, name: string | RegExp) => page.getByRole('button', { name });

describe('browser: a user who may only read is offered nothing to create, edit or delete', function () {
  this.timeout(120_000);
  before(async function () {
    this.timeout(300_000);
    await seed(await e2e());
  });

  for (const language of LANGUAGES) {
    const text = TEXT[language];

    it(`shows the list, the board and the record page without New, selection, ✎, moves, Edit or Delete, and says once why it may not share (${language}), passing axe`, async () => {
      const env = await e2e();
      const id = await seed(env);
      const { context, page, problems } = await signedInPage(env, reader(language), '/o/ro_project');
      try {
        await page.locator('tbody tr.ant-table-row').nth(1).waitFor();
        expect(await page.getByRole('link', { name: text.new }).count(), 'no New on the list').to.equal(0);
        expect(await buttons(page, new RegExp(`^(plus )?${text.new}$`)).count(), 'no New button').to.equal(0);
        expect(await page.locator('.ant-table-selection-column').count(), 'no row selection').to.equal(0);
        expect(await page.locator('.cell-edit-button').count(), 'no ✎ in the cells').to.equal(0);
        await screenshot(page, `read-only-list-${language}`);
        expect(await seriousViolations(page), 'axe on the read-only list').to.deep.equal([]);

        await page.goto(`${env.engine.url}/o/ro_project?mode=kanban`);
        await page.locator('.kanban-column[data-value="plan"] .kanban-cards li').waitFor();
        expect(await page.locator('.kanban-card [aria-haspopup], .kanban-cards li button').count(), 'no move button on the cards').to.equal(0);
        expect(await page.locator('.kanban-cards li[draggable="true"]').count(), 'no draggable card').to.equal(0);
        expect(await buttons(page, new RegExp(`^(plus )?${text.new}$`)).count(), 'no New above the board').to.equal(0);

        await page.goto(`${env.engine.url}/o/ro_project/${id}`);
        await page.getByRole('heading', { level: 2, name: text.milestones }).waitFor();
        await page.getByRole('link', { name: 'Kick-off' }).waitFor();
        expect(await buttons(page, new RegExp(`^(edit )?${text.edit}$`)).count(), 'no Edit').to.equal(0);
        expect(await buttons(page, new RegExp(`^(delete )?${text.delete}$`)).count(), 'no Delete').to.equal(0);
        expect(await buttons(page, new RegExp(text.new)).count(), 'no New in the related list').to.equal(0);
        // The owner panel says once that the user may not edit, not under Owner and again under Shared with.
        const panel = page.locator('.ant-card', { has: page.getByRole('heading', { level: 2, name: text.sharing }) });
        await panel.getByText(text.mayNotEdit).waitFor();
        expect(await panel.getByText(text.mayNotEdit).count(), 'the refusal once').to.equal(1);
        await screenshot(page, `read-only-record-${language}`);
        expect(await seriousViolations(page), 'axe on the read-only record').to.deep.equal([]);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });

    it(`shows the read-only list as cards at 390 px without New (${language})`, async () => {
      const env = await e2e();
      const { context, page } = await signedInPage(env, reader(language), '/o/ro_project', { width: 390, height: 844 });
      try {
        await page.locator('.list-cards li').nth(1).waitFor();
        expect(await buttons(page, new RegExp(`^(plus )?${text.new}$`)).count()).to.equal(0);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
        await screenshot(page, `read-only-list-${language}-390`);
      } finally {
        await context.close();
      }
    });
  }
});
