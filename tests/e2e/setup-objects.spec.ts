import { expect } from 'chai';
import { createUser } from '../support/auth-helpers.js';
import { chooseOption } from './support/choose-option.js';
import { e2e, screenshot, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

/** This spec's own object, with two records, and a user per language who may not open setup. */
const VENDOR = {
  name: 'so_vendor',
  label: { en: 'Supplier', 'zh-CN': '供应商' },
  pluralLabel: { en: 'Suppliers', 'zh-CN': '供应商' },
  fields: [{ name: 'name', type: 'text', required: true, label: { en: 'Supplier name', 'zh-CN': '供应商名称' } }],
};

const TEXT = {
  en: {
    account: 'Account',
    setup: 'Setup',
    objects: 'Objects',
    search: 'Search objects',
    custom: 'Custom',
    forbidden: 'You need the setup right to open this page',
    newObject: 'New object',
    labelEn: 'Label (English)',
    labelZh: 'Label (简体中文)',
    pluralEn: 'Plural label (English)',
    apiName: 'API name',
    nameField: 'Record name field',
    private: 'Private: owners, their managers and shares',
    create: 'Create object',
    taken: "An object named 'so_vendor' already exists.",
    fields: 'Fields',
  },
  'zh-CN': {
    account: '账户',
    setup: '设置',
    objects: '对象',
    search: '搜索对象',
    custom: '自定义',
    forbidden: '您需要设置权限才能打开此页面',
    newObject: '新建对象',
    labelEn: '标签（英文）',
    labelZh: '标签（简体中文）',
    pluralEn: '复数标签（英文）',
    apiName: 'API 名称',
    nameField: '记录名称字段',
    private: '私有：所有者、其上级及共享对象',
    create: '创建对象',
    taken: '',
    fields: '字段',
  },
} as const;
type Language = keyof typeof TEXT;
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
const plainUser = (language: Language) => `so.plain.${language.toLowerCase()}@example.com`;

let seeded: Promise<void> | undefined;
function seed(env: E2e): Promise<void> {
  seeded ??= (async () => {
    await succeed(env, 'POST', '/api/v1/meta/objects', VENDOR);
    await succeed(env, 'POST', '/api/v1/records/so_vendor', { name: 'Northwind' });
    await succeed(env, 'POST', '/api/v1/records/so_vendor', { name: 'Contoso' });
    await succeed(env, 'POST', '/api/v1/meta/permission-sets', { name: 'so_reader', objects: { so_vendor: { read: true } } });
    for (const language of LANGUAGES) await createUser(env.engine, { full_name: `Plain ${language}`, email: plainUser(language), language, permission_sets: ['so_reader'] }, env.users.password);
  })();
  return seeded;
}

describe('browser: the setup area and its object manager', function () {
  this.timeout(120_000);
  before(async function () {
    this.timeout(300_000);
    await seed(await e2e());
  });

  for (const language of LANGUAGES) {
    const text = TEXT[language];

    it(`opens setup from the account menu and lists the objects with their record counts, searchable (${language}), passing axe`, async () => {
      const env = await e2e();
      const { context, page, problems } = await signedInPage(env, env.users[language], '/');
      try {
        await page.locator('.shell-account').click();
        await page.getByRole('menuitem', { name: text.setup }).click();
        await page.waitForURL((url) => url.pathname === '/setup/objects');
        await page.getByRole('heading', { level: 2, name: text.objects }).waitFor();
        // By its API name: other specs on the shared engine define objects labelled Vendor / 供应商 too.
        const row = page.locator('tr[data-row-key="so_vendor"]', { has: page.getByRole('link', { name: VENDOR.label[language], exact: true }) });
        await row.waitFor();
        await row.getByText(text.custom).waitFor();
        expect(await row.locator('td').allInnerTexts()).to.deep.equal([VENDOR.label[language], 'so_vendor', '2', '1', text.custom]);
        await page.getByRole('link', { name: text.objects, exact: true }).waitFor();
        await screenshot(page, `setup-objects-${language}`);
        expect(await seriousViolations(page), 'axe on the object manager').to.deep.equal([]);
        await page.getByRole('textbox', { name: text.search }).fill('so_vend');
        await page.waitForFunction(() => document.querySelectorAll('tbody tr.ant-table-row').length === 1);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });

    it(`creates an object through the form, with the server's error on the API name, and the app shows it (${language}), passing axe`, async () => {
      const env = await e2e();
      const apiName = language === 'en' ? 'purchase_request' : 'purchase_request_zh';
      const { context, page, problems } = await signedInPage(env, env.users[language], '/setup/objects');
      try {
        await page.getByRole('button', { name: text.newObject }).click();
        await page.waitForURL((url) => url.pathname === '/setup/objects/new');
        await page.locator('#labelEn').fill('Purchase request');
        // The API name follows the English label as it is typed.
        expect(await page.locator('#name').inputValue()).to.equal('purchase_request');
        await page.locator('#labelZh').fill('采购申请');
        await page.locator('#pluralEn').fill('Purchase requests');
        await page.locator('#pluralZh').fill('采购申请');
        await page.locator('#nameFieldLabel').fill('Request title');
        await page.getByRole('radio', { name: text.private }).check();
        // The icon is found by typing its name in the reader's language.
        await chooseOption(page, page.locator('#icon'), language === 'en' ? 'shopping' : '购物车');
        // A name already taken: the server's 409 lands under the API name.
        await page.locator('#name').fill('so_vendor');
        await page.getByRole('button', { name: text.create }).click();
        const nameItem = page.locator('.ant-form-item', { has: page.locator('#name') });
        await nameItem.locator('.ant-form-item-explain-error').waitFor();
        expect((await nameItem.locator('.ant-form-item-explain-error').innerText()).length).to.be.greaterThan(0);
        if (text.taken) expect(await nameItem.locator('.ant-form-item-explain-error').innerText()).to.include('is taken');
        await screenshot(page, `setup-object-error-${language}`);
        expect(await seriousViolations(page), 'axe on the object form').to.deep.equal([]);
        expect((await env.engine.request('GET', `/api/v1/meta/objects/${apiName}`)).status, 'nothing saved').to.equal(404);

        await page.locator('#name').fill(apiName);
        await page.getByRole('button', { name: text.create }).click();
        await page.waitForURL((url) => url.pathname === `/setup/objects/${apiName}`);
        await page.getByRole('heading', { level: 3, name: text.fields }).waitFor();
        await page.locator('.setup-fields tbody tr', { hasText: 'Request title' }).waitFor();
        await screenshot(page, `setup-object-created-${language}`);
        const saved = (await env.engine.request('GET', `/api/v1/meta/objects/${apiName}`)).body.definition;
        expect(saved).to.deep.include({ name: apiName, label: { en: 'Purchase request', 'zh-CN': '采购申请' }, pluralLabel: { en: 'Purchase requests', 'zh-CN': '采购申请' }, sharing: 'private', grantAccessUsingHierarchy: true, icon: 'ShoppingCartOutlined' });
        expect(saved.fields).to.deep.equal([{ name: 'name', type: 'text', required: true, label: { en: 'Request title' } }]);

        // The end-user app knows the object at once: its list opens under its label.
        await page.goto(`${env.engine.url}/o/${apiName}`);
        await page.getByRole('heading', { level: 2, name: language === 'en' ? 'Purchase requests' : '采购申请' }).waitFor();
        await screenshot(page, `setup-object-in-app-${language}`);
        // The object list in setup draws each object's icon beside its label.
        await page.goto(`${env.engine.url}/setup/objects`);
        await page.locator('.setup-object-link', { hasText: language === 'en' ? 'Purchase request' : '采购申请' }).locator('.anticon-shopping-cart').first().waitFor();
        expect(problems.filter((problem) => !problem.includes('409'))).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });

    it(`tells a user without a setup right that they need it, and offers them no Setup (${language})`, async () => {
      const env = await e2e();
      const { context, page, problems } = await signedInPage(env, plainUser(language), '/setup/objects');
      try {
        await page.getByRole('heading', { level: 1, name: text.forbidden }).waitFor();
        await screenshot(page, `setup-forbidden-${language}`);
        expect(await seriousViolations(page), 'axe on the refusal').to.deep.equal([]);
        await page.locator('.shell-account').click();
        await page.getByRole('menuitem').first().waitFor();
        expect(await page.getByRole('menuitem', { name: text.setup }).count()).to.equal(0);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }

  it('collapses the setup navigation to a select at 390 px, without scrolling sideways', async () => {
    const env = await e2e();
    const { context, page } = await signedInPage(env, env.users.en, '/setup', { width: 390, height: 844 });
    try {
      await page.waitForURL((url) => url.pathname === '/setup/objects');
      await page.getByRole('combobox', { name: 'Setup section' }).waitFor();
      await page.getByRole('link', { name: VENDOR.label.en, exact: true }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
      await screenshot(page, 'setup-objects-en-390');
      await page.getByRole('button', { name: 'New object' }).click();
      await page.locator('#labelEn').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
      await screenshot(page, 'setup-object-new-en-390');
    } finally {
      await context.close();
    }
  });
});
