import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { setupMessages } from '../../studio/src/app/setup/setup-messages.js';
import { en } from '../../studio/src/shared/i18n/messages-en.js';
import { zhCN } from '../../studio/src/shared/i18n/messages-zh-cn.js';
import { chooseOption } from './support/choose-option.js';
import { e2e, screenshot, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

const TEXT = { en: setupMessages.en.setup, 'zh-CN': setupMessages.zhCN.setup } as const;
const FILTER = { en: en.filter, 'zh-CN': zhCN.filter } as const;
type Language = keyof typeof TEXT;
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
const tagOf = (language: Language) => (language === 'en' ? 'en' : 'zh');
const say = (language: Language, words: { en: string; 'zh-CN': string }) => words[language];

const REGION = { en: 'Region', 'zh-CN': '区域' };
const COUNTRY = { en: 'Country', 'zh-CN': '国家' };
const EMEA = { en: 'Europe', 'zh-CN': '欧洲' };
const APAC = { en: 'Asia Pacific', 'zh-CN': '亚太' };
const GERMANY = { en: 'Germany', 'zh-CN': '德国' };
const FRANCE = { en: 'France', 'zh-CN': '法国' };
const JAPAN = { en: 'Japan', 'zh-CN': '日本' };

/** Each language's run has its own objects: a shipment whose country depends on its region, and orders with lines to roll up. */
function objectsOf(language: Language) {
  const tag = tagOf(language);
  return {
    shipment: {
      name: `fd_shipment_${tag}`,
      label: { en: 'Shipment', 'zh-CN': '发货单' },
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'region', type: 'picklist', label: REGION, values: [{ value: 'emea', label: EMEA }, { value: 'apac', label: APAC }] },
        { name: 'country', type: 'picklist', label: COUNTRY, values: [{ value: 'de', label: GERMANY }, { value: 'fr', label: FRANCE }, { value: 'jp', label: JAPAN }] },
      ],
    },
    order: { name: `fd_order_${tag}`, label: { en: 'Purchase order', 'zh-CN': '采购订单' }, fields: [{ name: 'name', type: 'text', required: true }] },
    line: {
      name: `fd_line_${tag}`,
      label: { en: 'Purchase line', 'zh-CN': '采购行' },
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'order', type: 'masterdetail', target: `fd_order_${tag}` },
        { name: 'quantity', type: 'number', label: { en: 'Quantity', 'zh-CN': '数量' } },
        { name: 'status', type: 'picklist', label: { en: 'Line status', 'zh-CN': '行状态' }, values: [{ value: 'open', label: { en: 'Open', 'zh-CN': '未结' } }, { value: 'closed', label: { en: 'Closed', 'zh-CN': '已结' } }] },
      ],
    },
  };
}

/** A shipment-like object whose region loses a value while the matrix is open (en only). */
const PARCEL = 'fd_parcel_en';

/** The orders' ids by language: each has two open lines (5 and 7) and a closed one (100). */
const orders = new Map<Language, string>();
let seeded: Promise<void> | undefined;
function seed(env: E2e): Promise<void> {
  seeded ??= (async () => {
    for (const language of LANGUAGES) {
      const { shipment, order, line } = objectsOf(language);
      for (const definition of [shipment, order, line]) await succeed(env, 'POST', '/api/v1/meta/objects', definition);
      if (language === 'en') await succeed(env, 'POST', '/api/v1/meta/objects', { ...shipment, name: PARCEL, label: { en: 'Parcel', 'zh-CN': '包裹' } });
      const { _id } = await succeed(env, 'POST', `/api/v1/records/${order.name}`, { name: 'PO-1' });
      orders.set(language, _id);
      for (const [name, quantity, status] of [['A', 5, 'open'], ['B', 7, 'open'], ['C', 100, 'closed']] as const) {
        await succeed(env, 'POST', `/api/v1/records/${line.name}`, { name, order: _id, quantity, status });
      }
    }
  })();
  return seeded;
}

async function fieldOf(env: E2e, object: string, field: string): Promise<Record<string, unknown> | undefined> {
  const response = await env.engine.request('GET', `/api/v1/meta/objects/${object}`);
  return (response.body.definition.fields as Record<string, unknown>[]).find((candidate) => candidate.name === field);
}

/** The values an open antd select offers (rjsf puts a blank option first on a field that is not required: it clears the value). */
async function offeredNow(page: Page): Promise<string[]> {
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await options.first().waitFor();
  return (await options.allInnerTexts()).filter((label) => label.trim() !== '');
}

async function offered(page: Page, select: string): Promise<string[]> {
  await page.locator(select).click();
  const labels = await offeredNow(page);
  await page.keyboard.press('Escape');
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
  return labels;
}

describe('browser: dependent picklists and roll-up filters in setup', function () {
  this.timeout(180_000);
  before(async function () {
    this.timeout(300_000);
    await seed(await e2e());
  });

  for (const language of LANGUAGES) {
    const text = TEXT[language];
    const { shipment, order, line } = objectsOf(language);
    const cell = (dependent: { en: string; 'zh-CN': string }, controlling: { en: string; 'zh-CN': string }) =>
      fill(text.fieldDependency.cell, { dependent: say(language, dependent), controlling: say(language, controlling) });

    it(`makes a picklist depend on another in the matrix, and the record form then offers only the allowed values (${language}), passing axe`, async () => {
      const env = await e2e();
      const { context, page, problems } = await signedInPage(env, env.users[language], `/setup/objects/${shipment.name}`);
      try {
        await page.getByRole('button', { name: say(language, COUNTRY) }).click();
        await chooseOption(page, page.locator('#field_controllingField'), say(language, REGION));
        // Europe: two cells ticked one by one, the second from the keyboard.
        await page.getByRole('checkbox', { name: cell(GERMANY, EMEA) }).check();
        await page.getByRole('checkbox', { name: cell(FRANCE, EMEA) }).focus();
        await page.keyboard.press('Space');
        // Asia Pacific: the whole column, then two cells cleared.
        await page.getByRole('checkbox', { name: fill(text.fieldDependency.column, { controlling: say(language, APAC) }) }).check();
        for (const country of [GERMANY, FRANCE]) await page.getByRole('checkbox', { name: cell(country, APAC) }).uncheck();
        expect(await page.getByRole('checkbox', { name: cell(JAPAN, APAC) }).isChecked()).to.equal(true);
        await page.locator('.dependency-matrix').scrollIntoViewIfNeeded();
        await screenshot(page, `setup-field-dependency-matrix-${language}`);
        expect(await seriousViolations(page), 'axe on the matrix').to.deep.equal([]);
        await page.locator('#field').getByRole('button', { name: text.fieldEditor.save }).click();
        await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
        expect(await fieldOf(env, shipment.name, 'country')).to.deep.include({ controllingField: 'region', dependencies: { emea: ['de', 'fr'], apac: ['jp'] } });

        // The end user's form: the country follows the region.
        await page.goto(`${env.engine.url}/o/${shipment.name}/new`);
        await page.locator('#root_name').fill(`To Tokyo ${language}`);
        await chooseOption(page, page.locator('#root_region'), say(language, EMEA));
        expect(await offered(page, '#root_country')).to.deep.equal([say(language, GERMANY), say(language, FRANCE)]);
        await chooseOption(page, page.locator('#root_region'), say(language, APAC));
        await page.locator('#root_country').click();
        expect(await offeredNow(page)).to.deep.equal([say(language, JAPAN)]);
        await screenshot(page, `record-form-dependent-picklist-${language}`);
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: say(language, JAPAN) }).click();
        expect(await seriousViolations(page), 'axe on the record form').to.deep.equal([]);
        await page.locator('button[type="submit"]').click();
        await page.waitForURL((url) => !url.pathname.endsWith('/new'));
        const saved = await env.engine.request('GET', `/api/v1/records/${shipment.name}?${new URLSearchParams({ filter: JSON.stringify({ name: `To Tokyo ${language}` }) }).toString()}`);
        expect(saved.body.records.map((record: Record<string, unknown>) => [record.region, record.country])).to.deep.equal([['apac', 'jp']]);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });

    it(`builds a roll-up whose filter sums only the matching children (${language})`, async () => {
      const env = await e2e();
      const filter = FILTER[language];
      const { context, page, problems } = await signedInPage(env, env.users[language], `/setup/objects/${order.name}`);
      try {
        await page.getByRole('button', { name: text.fieldEditor.new }).click();
        await page.locator('#field_labelEn').fill('Open quantity');
        await page.locator('#field_labelZh').fill('未结数量');
        await chooseOption(page, page.locator('#field_type'), text.fields.types.rollup);
        await chooseOption(page, page.locator('#field_child'), say(language, line.label));
        await page.getByRole('radio', { name: text.fieldEditor.functions.sum }).check();
        await chooseOption(page, page.locator('#field_field'), say(language, { en: 'Quantity', 'zh-CN': '数量' }));
        await page.getByRole('button', { name: filter.add }).click();
        await chooseOption(page, page.getByRole('combobox', { name: fill(filter.field, { position: '1' }) }), say(language, { en: 'Line status', 'zh-CN': '行状态' }));
        await page.getByRole('combobox', { name: fill(filter.value, { position: '1' }) }).click();
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: say(language, { en: 'Open', 'zh-CN': '未结' }) }).click();
        await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
        await screenshot(page, `setup-field-rollup-filter-${language}`);
        expect(await seriousViolations(page), 'axe on the roll-up editor').to.deep.equal([]);
        await page.getByRole('button', { name: text.fieldEditor.create }).click();
        await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
        expect(await fieldOf(env, order.name, 'open_quantity')).to.deep.include({ type: 'rollup', child: line.name, function: 'sum', field: 'quantity', filter: { status: { eq: 'open' } } });

        // The existing order's value is filled in by a backfill: 5 + 7, not the closed line's 100.
        let total: unknown;
        for (let attempt = 0; attempt < 40 && total !== 12; attempt++) {
          total = (await env.engine.request('GET', `/api/v1/records/${order.name}/${orders.get(language)}`)).body.open_quantity;
          if (total !== 12) await new Promise((resolve) => setTimeout(resolve, 250));
        }
        expect(total).to.equal(12);
        // A new open line counts, a closed one does not.
        await succeed(env, 'POST', `/api/v1/records/${line.name}`, { name: 'D', order: orders.get(language), quantity: 3, status: 'open' });
        await succeed(env, 'POST', `/api/v1/records/${line.name}`, { name: 'E', order: orders.get(language), quantity: 50, status: 'closed' });
        expect((await env.engine.request('GET', `/api/v1/records/${order.name}/${orders.get(language)}`)).body.open_quantity).to.equal(15);
        expect(problems).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }

  it("shows the server's refusal of a map naming a value the controlling field no longer has on the matrix, saving nothing (en)", async () => {
    const env = await e2e();
    const { context, page, problems } = await signedInPage(env, env.users.en, `/setup/objects/${PARCEL}`);
    try {
      await page.getByRole('button', { name: COUNTRY.en }).click();
      await chooseOption(page, page.locator('#field_controllingField'), REGION.en);
      await page.getByRole('checkbox', { name: fill(TEXT.en.fieldDependency.cell, { dependent: JAPAN.en, controlling: APAC.en }) }).check();
      // Meanwhile someone else removes Asia Pacific from the region.
      await succeed(env, 'PUT', `/api/v1/meta/objects/${PARCEL}/fields/region`, { name: 'region', type: 'picklist', label: REGION, values: [{ value: 'emea', label: EMEA }] });
      await page.locator('#field').getByRole('button', { name: TEXT.en.fieldEditor.save }).click();
      const matrixItem = page.locator('.ant-form-item').filter({ has: page.locator('.dependency-matrix') });
      await matrixItem.locator('.ant-form-item-explain-error').waitFor();
      expect(await matrixItem.locator('.ant-form-item-explain-error').innerText()).to.include("'apac' is not a value of region");
      await matrixItem.scrollIntoViewIfNeeded();
      await screenshot(page, 'setup-field-dependency-refused-en');
      expect(await fieldOf(env, PARCEL, 'country'), 'nothing saved').to.not.have.property('controllingField');
      expect(problems.filter((problem) => !/\b400\b/.test(problem))).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });

  it('fits the matrix at 390 px: it scrolls inside itself, the page does not scroll sideways', async () => {
    const env = await e2e();
    const { context, page } = await signedInPage(env, env.users.en, `/setup/objects/${objectsOf('en').shipment.name}`, { width: 390, height: 844 });
    try {
      await page.getByRole('button', { name: COUNTRY.en }).click();
      await page.locator('.dependency-matrix').scrollIntoViewIfNeeded();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
      await screenshot(page, 'setup-field-dependency-matrix-en-390');
      expect(await seriousViolations(page), 'axe at 390 px').to.deep.equal([]);
    } finally {
      await context.close();
    }
  });
});
