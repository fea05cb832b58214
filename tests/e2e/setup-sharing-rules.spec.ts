import { expect } from 'chai';
import { setupMessages } from '../../studio/src/app/setup/setup-messages.js';
import { en } from '../../studio/src/shared/i18n/messages-en.js';
import { zhCN } from '../../studio/src/shared/i18n/messages-zh-cn.js';
import { bearer, createUser, tokenFor } from '../support/auth-helpers.js';
import { chooseOption } from './support/choose-option.js';
import { e2e, screenshot, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

const TEXT = { en: setupMessages.en.setup.sharingRules, 'zh-CN': setupMessages.zhCN.setup.sharingRules } as const;
const FILTER = { en: en.filter, 'zh-CN': zhCN.filter } as const;
type Language = keyof typeof TEXT;
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');

/** A private object: an agent's cases are theirs alone until a rule opens them. */
const CASE = {
  name: 'sr_case',
  label: { en: 'Service case', 'zh-CN': '服务工单' },
  pluralLabel: { en: 'Service cases', 'zh-CN': '服务工单' },
  sharing: 'private',
  fields: [
    { name: 'name', type: 'text', required: true, label: { en: 'Subject', 'zh-CN': '主题' } },
    { name: 'region', type: 'picklist', values: ['APAC', 'EMEA'], label: { en: 'Region', 'zh-CN': '区域' } },
  ],
};
const ROLES = { agent: { en: 'Case agent', zh: '工单专员' }, auditor: { en: 'Case auditor', zh: '工单审计员' } };
/** Each language's run shares the cases of its own region, so the two runs never meet. */
const REGION = { en: 'APAC', 'zh-CN': 'EMEA' } as const;

interface Seeded {
  readonly auditor: string;
  readonly cases: Record<Language, string>;
}

let seeded: Promise<Seeded> | undefined;
function seed(env: E2e): Promise<Seeded> {
  seeded ??= (async () => {
    await succeed(env, 'POST', '/api/v1/meta/objects', CASE);
    await succeed(env, 'POST', '/api/v1/meta/roles', { name: 'sr_agent', label: { en: ROLES.agent.en, 'zh-CN': ROLES.agent.zh } });
    await succeed(env, 'POST', '/api/v1/meta/roles', { name: 'sr_auditor', label: { en: ROLES.auditor.en, 'zh-CN': ROLES.auditor.zh } });
    await succeed(env, 'POST', '/api/v1/meta/permission-sets', { name: 'sr_case_worker', objects: { sr_case: { read: true, create: true, edit: true } } });
    const password = env.users.password;
    await createUser(env.engine, { full_name: 'Sam Agent', email: 'sr.agent@example.com', role: 'sr_agent', permission_sets: ['sr_case_worker'] }, password);
    await createUser(env.engine, { full_name: 'Ada Auditor', email: 'sr.auditor@example.com', role: 'sr_auditor', permission_sets: ['sr_case_worker'] }, password);
    const agent = await tokenFor(env.engine, 'sr.agent@example.com', password);
    const auditor = await tokenFor(env.engine, 'sr.auditor@example.com', password);
    const cases = {} as Record<Language, string>;
    for (const language of LANGUAGES) {
      const created = await env.engine.request('POST', '/api/v1/records/sr_case', { name: `Broken printer ${language}`, region: REGION[language] }, bearer(agent));
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
      cases[language] = created.body._id;
    }
    return { auditor, cases };
  })();
  return seeded;
}

describe('browser: setup of sharing rules', function () {
  this.timeout(120_000);
  before(async function () {
    this.timeout(300_000);
    await seed(await e2e());
  });

  for (const language of LANGUAGES) {
    const text = TEXT[language];
    const filter = FILTER[language];
    const tag = language === 'en' ? 'en' : 'zh';

    it(`shares the agent's ${REGION[language]} cases with the auditors' role through a rule built from conditions (${language}), passing axe`, async () => {
      const env = await e2e();
      const { auditor, cases } = await seed(env);
      const record = `/api/v1/records/sr_case/${cases[language]}`;
      expect((await env.engine.request('GET', record, undefined, bearer(auditor))).status, 'private before the rule').to.equal(404);
      const { context, page, problems } = await signedInPage(env, env.users[language], '/setup/sharing-rules');
      try {
        await page.getByRole('heading', { level: 2, name: text.title }).waitFor();
        await page.getByRole('button', { name: text.new }).click();
        await page.locator('#labelEn').fill(`${REGION[language]} cases for auditors`);
        await page.locator('#labelZh').fill(`${REGION[language]} 工单共享给审计员`);
        await page.locator('#name').fill(`sr_${tag}_cases`);
        await chooseOption(page, page.locator('#object'), CASE.pluralLabel[language === 'en' ? 'en' : 'zh-CN']);

        // Nobody to share with yet, no condition: the form says so before anything is sent.
        await page.getByRole('button', { name: text.create }).click();
        await page.getByText(text.granteeRequired).waitFor();
        await page.getByText(text.conditionRequired).waitFor();
        await chooseOption(page, page.getByRole('combobox', { name: `${text.sharedWith}: ${text.granteeName}` }), language === 'en' ? ROLES.auditor.en : ROLES.auditor.zh);
        // Without a complete condition the rule would share everything: the form asks for one.
        await page.getByRole('button', { name: text.create }).click();
        await page.getByText(text.conditionRequired).waitFor();
        expect((await env.engine.request('GET', `/api/v1/meta/sharing-rules/sr_${tag}_cases`)).status, 'nothing saved').to.equal(404);

        await page.getByRole('button', { name: filter.add }).click();
        await chooseOption(page, page.getByRole('combobox', { name: fill(filter.field, { position: '1' }) }), language === 'en' ? 'Region' : '区域');
        await page.getByRole('combobox', { name: fill(filter.value, { position: '1' }) }).click();
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: REGION[language] }).click();
        await screenshot(page, `setup-sharing-rule-${language}`);
        expect(await seriousViolations(page), 'axe on the rule editor').to.deep.equal([]);
        await page.getByRole('button', { name: text.create }).click();
        await page.waitForURL((url) => url.pathname === `/setup/sharing-rules/sr_${tag}_cases`);

        const saved = (await env.engine.request('GET', `/api/v1/meta/sharing-rules/sr_${tag}_cases`)).body.definition;
        expect(saved).to.deep.include({ object: 'sr_case', criteria: { region: { eq: REGION[language] } }, sharedWith: { role: 'sr_auditor' }, access: 'read' });
        const seen = await env.engine.request('GET', record, undefined, bearer(auditor));
        expect(seen.status, 'the auditor reads the case now').to.equal(200);
        expect((await env.engine.request('PATCH', record, { name: 'changed' }, { ...bearer(auditor), 'if-match': String(seen.body._version) })).status, 'but may not edit it').to.be.oneOf([403, 404]);

        await page.getByRole('button', { name: text.cancel }).click();
        await page.getByRole('cell', { name: text.summaryCriteria_one.replace('{{count}}', '1') }).first().waitFor();
        await screenshot(page, `setup-sharing-rules-${language}`);
        expect(await seriousViolations(page), 'axe on the list').to.deep.equal([]);
        expect(problems.filter((problem) => !problem.includes('400'))).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }

  it('fits the rule editor on a phone at 390 px, without scrolling sideways', async () => {
    const env = await e2e();
    const { context, page } = await signedInPage(env, env.users.en, '/setup/sharing-rules/new', { width: 390, height: 844 });
    try {
      await page.locator('#labelEn').waitFor();
      await page.getByRole('radio', { name: TEXT.en.scopeOwner }).check();
      await page.getByRole('combobox', { name: `${TEXT.en.scopeOwner}: ${TEXT.en.granteeKind}` }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
      await screenshot(page, 'setup-sharing-rule-en-390');
      expect(await seriousViolations(page), 'axe at 390 px').to.deep.equal([]);
    } finally {
      await context.close();
    }
  });
});
