import { expect } from 'chai';
import { createRecord, defineObject, detailPaths, expectError, metadataVersion } from '../support/api-helpers.js';
import { bearer, createUser, tokenFor } from '../support/auth-helpers.js';
import { startTestEngine, type TestEngine, type TestResponse } from '../support/test-engine.js';

const META = '/api/v1/meta';
const UI = '/api/v1/ui';
const PASSWORD = 'an ordinary user password';

/** Apps and list views: metadata an admin writes, and what each user gets of it in the web app's calls. */
describe('apps and list views', () => {
  let engine: TestEngine;
  let sally: Record<string, string>;
  let sam: Record<string, string>;
  let bob: Record<string, string>;
  const ok = (response: TestResponse, status = 200) => {
    expect(response.status, JSON.stringify(response.body)).to.equal(status);
    return response.body;
  };
  const as = (who: Record<string, string>, method: string, path: string, body?: unknown, language = 'en') =>
    engine.request(method, path, body, { ...who, 'accept-language': language });

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, {
      name: 'deal',
      label: { en: 'Deal', 'zh-CN': '商机' },
      pluralLabel: { en: 'Deals', 'zh-CN': '商机列表' },
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'amount', type: 'number' },
        { name: 'stage', type: 'picklist', values: ['new', 'won', 'lost'] },
        { name: 'margin', type: 'number' },
      ],
    });
    await defineObject(engine, { name: 'purchase_order', pluralLabel: { en: 'Purchase orders', 'zh-CN': '采购订单' }, icon: 'ReconciliationOutlined', fields: [{ name: 'number', type: 'text' }] });
    await defineObject(engine, { name: 'payroll', fields: [{ name: 'salary', type: 'number' }] });
    ok(
      await engine.request('POST', `${META}/permission-sets`, {
        name: 'sales',
        objects: { deal: { read: true, create: true, edit: true } },
        fields: { deal: { margin: { read: false } } },
      }),
      201,
    );
    ok(await engine.request('POST', `${META}/permission-sets`, { name: 'sales_manager', objects: { deal: { read: true } } }), 201);
    ok(await engine.request('POST', `${META}/permission-sets`, { name: 'buyer', objects: { purchase_order: { read: true, create: true } } }), 201);
    await createUser(engine, { full_name: 'Sally Sales', email: 'sally@example.com', permission_sets: ['standard_user', 'sales'] }, PASSWORD);
    await createUser(engine, { full_name: 'Sam Sales', email: 'sam@example.com', permission_sets: ['standard_user', 'sales'] }, PASSWORD);
    await createUser(engine, { full_name: 'Bob Buyer', email: 'bob@example.com', permission_sets: ['standard_user', 'buyer'] }, PASSWORD);
    sally = bearer(await tokenFor(engine, 'sally@example.com', PASSWORD));
    sam = bearer(await tokenFor(engine, 'sam@example.com', PASSWORD));
    bob = bearer(await tokenFor(engine, 'bob@example.com', PASSWORD));
    await createRecord(engine, 'deal', { title: 'Big win', amount: 50000, stage: 'won', margin: 10 });
  });
  after(() => engine.stop());

  describe('apps', () => {
    const sales = {
      name: 'sales',
      label: { en: 'Sales', 'zh-CN': '销售' },
      icon: 'DollarOutlined',
      tabs: [{ page: '/', label: { en: 'Home', 'zh-CN': '首页' } }, { object: 'deal' }, { object: 'payroll' }, { page: '/approvals' }],
      permissionSets: ['sales'],
    };
    const procurement = { name: 'procurement', label: { en: 'Procurement', 'zh-CN': '采购' }, icon: 'ShoppingCartOutlined', order: 2, tabs: [{ object: 'purchase_order' }], permissionSets: ['buyer'] };

    it('are created, listed, replaced and deleted by an admin, each change a metadata version in the history', async () => {
      const start = await metadataVersion(engine);
      const created = ok(await engine.request('POST', `${META}/apps`, sales), 201);
      const { etag, ...answer } = created;
      expect(answer).to.deep.equal({ definition: sales, version: start + 1 });
      expect(etag, 'the tag of what was stored, for If-Match').to.match(/^"[\w-]+"$/);
      ok(await engine.request('POST', `${META}/apps`, procurement), 201);
      expect(ok(await engine.request('GET', `${META}/apps`)).apps.map((app: { name: string }) => app.name).sort()).to.deep.equal(['procurement', 'sales']);
      const replaced = ok(await engine.request('PUT', `${META}/apps/procurement`, { ...procurement, description: 'For buyers' }));
      expect(replaced.definition.description).to.equal('For buyers');
      const history = ok(await engine.request('GET', `${META}/history?limit=3`)).entries as { kind: string; name: string; action: string }[];
      expect(history.map((entry) => entry.action)).to.deep.equal(['app.update', 'app.create', 'app.create']);
      ok(await engine.request('POST', `${META}/apps`, { name: 'scratch', tabs: [{ page: '/' }] }), 201);
      ok(await engine.request('DELETE', `${META}/apps/scratch`));
      expectError(await engine.request('GET', `${META}/apps/scratch`), 404, 'not_found');
    });

    it('refuse unknown objects, repeated tabs, unknown icons and permission sets with their paths', async () => {
      const bad = await engine.request('POST', `${META}/apps`, { name: 'broken', tabs: [{ object: 'deal' }, { object: 'nothing_here' }, { object: 'deal' }], permissionSets: ['nobody'] });
      expectError(bad, 400, 'validation_failed');
      expect(detailPaths(bad)).to.deep.equal(['/tabs/1/object', '/tabs/2']);
      const sets = await engine.request('POST', `${META}/apps`, { name: 'broken', tabs: [{ object: 'deal' }], permissionSets: ['nobody'] });
      expect(detailPaths(sets)).to.deep.equal(['/permissionSets/0']);
      expect(expectError(await engine.request('POST', `${META}/apps`, { name: 'broken', icon: 'PlaneOutlined', tabs: [{ page: '/' }] }), 400).map((detail) => detail.path)).to.deep.equal(['/icon']);
      expect(detailPaths(await engine.request('POST', `${META}/apps`, { name: 'broken', tabs: [{ page: 'approvals' }] }))).to.include('/tabs/0/page');
      expect(detailPaths(await engine.request('PATCH', `${META}/objects/payroll`, { icon: 'PlaneOutlined' }))).to.deep.equal(['/icon']);
    });

    it('keep a permission set they name from going away (409), as other metadata does', async () => {
      ok(await engine.request('POST', `${META}/permission-sets`, { name: 'temporary' }), 201);
      ok(await engine.request('POST', `${META}/apps`, { name: 'temporary_app', tabs: [{ page: '/' }], permissionSets: ['temporary'] }), 201);
      expectError(await engine.request('DELETE', `${META}/permission-sets/temporary`), 409, 'metadata_in_use');
      ok(await engine.request('DELETE', `${META}/apps/temporary_app`));
      ok(await engine.request('DELETE', `${META}/permission-sets/temporary`));
    });

    it('each user gets the apps of their permission sets in their language, without tabs of objects they may not read', async () => {
      const forSally = ok(await as(sally, 'GET', `${UI}/apps`, undefined, 'zh-CN'));
      expect(forSally.apps).to.deep.equal([
        {
          name: 'sales',
          label: '销售',
          icon: 'DollarOutlined',
          tabs: [
            { page: '/', label: '首页' },
            { object: 'deal', label: '商机列表', icon: 'FileTextOutlined' },
            { page: '/approvals', label: null },
          ],
        },
      ]);
      const forBob = ok(await as(bob, 'GET', `${UI}/apps`));
      expect(forBob.apps).to.deep.equal([{ name: 'procurement', label: 'Procurement', icon: 'ShoppingCartOutlined', tabs: [{ object: 'purchase_order', label: 'Purchase orders', icon: 'ReconciliationOutlined' }] }]);
      // A definition read through the metadata API: the same apps, without who else sees them.
      expect(ok(await as(bob, 'GET', `${META}/apps`)).apps).to.deep.equal([{ ...procurement }].map(({ permissionSets: _sets, ...rest }) => rest));
      expectError(await as(bob, 'GET', `${META}/apps/sales`), 404, 'not_found');
      expectError(await as(bob, 'POST', `${META}/apps`, { name: 'mine', tabs: [{ page: '/' }] }), 403, 'forbidden');
    });

    it('an app for every user (no permission sets) is shown to all of them', async () => {
      ok(await engine.request('POST', `${META}/apps`, { name: 'company', order: 5, label: { en: 'Company' }, tabs: [{ page: '/' }] }), 201);
      const names = async (who: Record<string, string>) => (ok(await as(who, 'GET', `${UI}/apps`)).apps as { name: string }[]).map((app) => app.name);
      expect(await names(sally)).to.deep.equal(['sales', 'company']);
      expect(await names(bob)).to.deep.equal(['procurement', 'company']);
      ok(await engine.request('DELETE', `${META}/apps/company`));
    });
  });

  describe('list views', () => {
    const won = { name: 'won_deals', object: 'deal', label: { en: 'Won deals', 'zh-CN': '赢单' }, columns: ['title', 'amount', 'margin'], filter: { stage: 'won' }, sort: ['-amount'], kanbanField: 'stage' };

    it('an admin saves a shared view; a filter the object cannot take is refused with its path', async () => {
      ok(await engine.request('POST', `${META}/list-views`, won), 201);
      const badFilter = await engine.request('POST', `${META}/list-views`, { ...won, name: 'bad', filter: { amount: { contains: 'x' }, colour: 'red' } });
      expectError(badFilter, 400, 'validation_failed');
      expect(detailPaths(badFilter)).to.deep.equal(['/filter/amount/contains', '/filter/colour']);
      const badNames = await engine.request('POST', `${META}/list-views`, { ...won, name: 'bad', columns: ['title', 'colour'], sort: ['-colour'], kanbanField: 'amount' });
      expect(detailPaths(badNames)).to.deep.equal(['/columns/1', '/kanbanField', '/sort']);
      expect(detailPaths(await engine.request('POST', `${META}/list-views`, { ...won, name: 'bad', object: 'nothing_here' }))).to.deep.equal(['/object']);
    });

    it('shows shared views to the permission sets they name, without the fields a user may not read', async () => {
      ok(await engine.request('POST', `${META}/list-views`, { name: 'managers_view', object: 'deal', columns: ['title'], permissionSets: ['sales_manager'] }), 201);
      ok(await engine.request('POST', `${META}/list-views`, { name: 'low_margin', object: 'deal', columns: ['title'], filter: { margin: { lt: 5 } } }), 201);
      const views = ok(await as(sally, 'GET', `${UI}/views/deal`, undefined, 'zh-CN')).views;
      expect(views).to.deep.equal([{ name: 'won_deals', object: 'deal', label: '赢单', columns: ['title', 'amount'], filter: { stage: 'won' }, sort: ['-amount'], kanbanField: 'stage', personal: false }]);
      const forAdmin = ok(await engine.request('GET', `${META}/list-views?object=deal`)).listViews as { name: string }[];
      expect(forAdmin.map((view) => view.name)).to.deep.equal(['low_margin', 'managers_view', 'won_deals']);
      expect(ok(await as(sally, 'GET', `${META}/list-views`)).listViews).to.deep.equal([{ ...won, columns: ['title', 'amount'] }]);
      expectError(await as(bob, 'GET', `${UI}/views/deal`), 404, 'not_found');
    });

    it('lets a user save, rename and delete their own views, which nobody else sees or touches (404)', async () => {
      const version = await metadataVersion(engine);
      const body = { label: { en: 'My big deals', 'zh-CN': 'My big deals' }, columns: ['title', 'amount'], filter: { amount: { gte: 10000 } }, sort: ['-amount'] };
      const saved = await as(sally, 'POST', `${UI}/views/deal`, body);
      const view = ok(saved, 201).view;
      expect(view).to.deep.include({ object: 'deal', label: 'My big deals', columns: ['title', 'amount'], filter: { amount: { gte: 10000 } }, sort: ['-amount'], personal: true });
      expect(view.name).to.match(/^my_[0-9a-f]{24}$/);
      expect(saved.headers.get('location')).to.equal(`${UI}/views/deal/${view.name}`);
      expect(await metadataVersion(engine), 'a personal view is not a metadata change').to.equal(version);

      const names = async (who: Record<string, string>) => (ok(await as(who, 'GET', `${UI}/views/deal`)).views as { name: string }[]).map((one) => one.name);
      expect(await names(sally)).to.deep.equal(['won_deals', view.name]);
      expect(await names(sam)).to.deep.equal(['won_deals']);
      expectError(await as(sam, 'PUT', `${UI}/views/deal/${view.name}`, { ...body, label: { en: 'Stolen' } }), 404, 'not_found');
      expectError(await as(sam, 'DELETE', `${UI}/views/deal/${view.name}`), 404, 'not_found');
      expectError(await engine.request('DELETE', `${UI}/views/deal/${view.name}`), 404, 'not_found');
      expectError(await as(bob, 'POST', `${UI}/views/deal`, body), 404, 'not_found');

      const renamed = ok(await as(sally, 'PUT', `${UI}/views/deal/${view.name}`, { ...body, label: { en: 'Deals over 10k' } })).view;
      expect(renamed).to.deep.include({ name: view.name, label: 'Deals over 10k' });
      expect(await names(sally)).to.deep.equal(['won_deals', view.name]);
      ok(await as(sally, 'DELETE', `${UI}/views/deal/${view.name}`), 204);
      expectError(await as(sally, 'DELETE', `${UI}/views/deal/${view.name}`), 404, 'not_found');
      expect(await names(sally)).to.deep.equal(['won_deals']);
    });

    it('checks a personal view against what its owner may read, with paths', async () => {
      const label = { en: 'Mine' };
      expect(detailPaths(await as(sally, 'POST', `${UI}/views/deal`, { label, columns: ['title'], filter: { margin: { lt: 5 } } }))).to.deep.equal(['/filter/margin']);
      expect(detailPaths(await as(sally, 'POST', `${UI}/views/deal`, { label, columns: ['title'], filter: { stage: { gte: 'x', nope: 1 } } }))).to.include('/filter/stage/nope');
      expect(detailPaths(await as(sally, 'POST', `${UI}/views/deal`, { columns: ['title'], permissionSets: ['sales'], name: 'chosen' }))).to.deep.equal(['/label', '/name', '/permissionSets']);
      expect(detailPaths(await as(sally, 'POST', `${UI}/views/deal`, { label, columns: [] }))).to.deep.equal(['/columns']);
      const message = expectError(await as(sally, 'POST', `${UI}/views/deal`, { label, columns: ['title'], kanbanField: 'amount' }, 'zh-CN'), 400)[0]!.message;
      expect(message).to.contain('看板');
    });

    it('is documented in the OpenAPI document', async () => {
      const document = ok(await engine.request('GET', '/api/v1/openapi.json'));
      expect(document.paths).to.include.keys(`${UI}/apps`, `${UI}/views/{object}`, `${UI}/views/{object}/{name}`, `${META}/apps`, `${META}/list-views/{name}`);
      expect(document.paths[`${UI}/views/{object}`].post.responses).to.include.keys('201', '400', '404');
      expect(document.components.schemas).to.include.keys('AppDefinition', 'ListViewDefinition', 'UserApp', 'UserListView');
    });
  });
});
