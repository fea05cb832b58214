import { expect } from 'chai';
import { newId } from '../../engine/store/new-id.js';
import { e2e, screenshot, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

/** More records than the hint's threshold (5,000), put straight into the store: the API would take minutes. */
const RECORDS = 5100;
const PARCEL = {
  name: 'sl_parcel',
  label: { en: 'Parcel', 'zh-CN': '包裹' },
  pluralLabel: { en: 'parcels', 'zh-CN': '包裹' },
  fields: [
    { name: 'name', type: 'text', required: true, label: { en: 'Name', 'zh-CN': '名称' } },
    { name: 'weight', type: 'number', label: { en: 'Weight', 'zh-CN': '重量' } },
    { name: 'volume', type: 'number', label: { en: 'Volume', 'zh-CN': '体积' } },
  ],
};

/** Each language sorts by its own field, so that indexing one leaves the other's hint to show. */
const CASES = {
  en: { field: 'weight', advice: "Sorting by 'Weight' reads every record of the object", title: 'This list reads every record to show a page', button: 'Index Weight' },
  'zh-CN': { field: 'volume', advice: "按 '体积' 排序会读取该对象的每条记录", title: '此列表每显示一页都要读取所有记录', button: '为体积建立索引' },
} as const;

let seeded: Promise<void> | undefined;
function seed(env: E2e): Promise<void> {
  seeded ??= (async () => {
    await succeed(env, 'POST', '/api/v1/meta/objects', PARCEL);
    const me = await succeed(env, 'GET', '/api/v1/auth/me');
    const tenant = await env.engine.platform.tenant('default');
    const at = new Date().toISOString();
    const by = String((me.user as { _id: string })._id);
    const parcels = Array.from({ length: RECORDS }, (_, i) => ({
      _id: newId(),
      _version: 1,
      _owner: by,
      _createdAt: at,
      _createdBy: by,
      _updatedAt: at,
      _updatedBy: by,
      name: `Parcel ${i}`,
      weight: (i * 37) % 1000,
      volume: (i * 53) % 700,
    }));
    await tenant.store.unitOfWork((tx) => tx.collection(tenant.metadata.snapshot.object('sl_parcel')!.collection).insertMany(parcels));
  })();
  return seeded;
}

describe('browser: a list that reads every record, explained to an administrator', function () {
  this.timeout(120_000);
  before(async function () {
    this.timeout(300_000);
    await seed(await e2e());
  });

  for (const language of ['en', 'zh-CN'] as const) {
    const text = CASES[language];
    // At 390 px first: the wide run indexes the field, after which the hint has nothing to say.
    for (const width of language === 'en' ? [1280] : [390, 1280]) {
      it(`says why and marks the sorted field indexed in one click (${language}, ${width} px)`, async () => {
        const env = await e2e();
        const { context, page, problems } = await signedInPage(env, env.users[language], `/o/sl_parcel?sort=-${text.field}`, { width, height: 844 });
        try {
          const hint = page.locator('.slow-list-hint');
          await hint.waitFor();
          expect(await hint.getAttribute('role')).to.equal('status');
          expect(await hint.innerText()).to.contain(text.title).and.contain(text.advice);
          await screenshot(page, `slow-list-hint-${language}-${width}`);
          expect(await seriousViolations(page), 'axe with the hint').to.deep.equal([]);
          if (width !== 1280) return;
          await page.getByRole('button', { name: text.button }).click();
          await hint.waitFor({ state: 'detached' });
          const field = await succeed(env, 'GET', `/api/v1/meta/objects/sl_parcel/fields/${text.field}`);
          expect((field.definition as { indexed?: boolean } | undefined)?.indexed, JSON.stringify(field)).to.equal(true);
          const plan = await succeed(env, 'GET', `/api/v1/records/sl_parcel/plan?sort=-${text.field}`);
          expect(plan.plan as object).to.include({ access: 'index', sortedByIndex: true });
          expect(problems).to.deep.equal([]);
        } finally {
          await context.close();
        }
      });
    }
  }
});
