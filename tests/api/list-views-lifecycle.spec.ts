import { expect } from 'chai';
import { defineObject, expectError } from '../support/api-helpers.js';
import { bearer, createUser, tokenFor } from '../support/auth-helpers.js';
import { DEFAULT_TENANT } from '../../engine/tenancy/index.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';
import { PERSONAL_VIEWS } from '../../engine/metadata/metadata-collections.js';
import { RECENT_RECORDS } from '../../engine/records/recent/recent-records.js';

const UI = '/api/v1/ui/views';
const PASSWORD = 'a long enough passphrase';

/** List views outlive neither their object nor their owner, and a personal view outlives a removed field. */
describe('list views: when their object, their fields or their owner go', () => {
  let engine: TestEngine;
  const storedViews = async (filter: Record<string, unknown>) => (await engine.platform.tenant(DEFAULT_TENANT)).store.collection(PERSONAL_VIEWS).count(filter);
  const ok = (response: { status: number; body: unknown }, status = 200) => {
    expect(response.status, JSON.stringify(response.body)).to.equal(status);
    return response.body as Record<string, unknown>;
  };
  const GADGET_FIELDS = [
    { name: 'name', type: 'text', required: true },
    { name: 'colour', type: 'picklist', values: ['red', 'blue'] },
    { name: 'size', type: 'number' },
    { name: 'notes', type: 'text' },
  ];

  before(async () => {
    engine = await startTestEngine();
  });
  after(() => engine.stop());

  it('keeps a personal view whose fields an admin removed, without them: columns, sort, filter conditions, kanban', async () => {
    ok(await defineObject(engine, { name: 'gadget', fields: GADGET_FIELDS }), 201);
    const body = {
      label: { en: 'Blue and big' },
      columns: ['name', 'colour', 'size', 'notes'],
      filter: { and: [{ colour: 'blue' }, { size: { gte: 3 } }], notes: { contains: 'x' } },
      sort: ['-size', 'name'],
      kanbanField: 'colour',
    };
    const saved = ok(await engine.request('POST', `${UI}/gadget`, body), 201).view as { name: string };
    const onlyName = ok(await engine.request('POST', `${UI}/gadget`, { label: { en: 'Sizes' }, columns: ['size'], sort: ['size'] }), 201).view as { name: string };
    ok(await engine.request('PUT', '/api/v1/meta/objects/gadget', { name: 'gadget', fields: GADGET_FIELDS.filter((field) => field.name === 'name' || field.name === 'notes') }));

    const views = ok(await engine.request('GET', `${UI}/gadget`)).views as Record<string, unknown>[];
    const kept = views.find((view) => view.name === saved.name);
    expect(kept).to.deep.include({ label: 'Blue and big', columns: ['name', 'notes'], filter: { notes: { contains: 'x' } }, sort: ['name'], personal: true });
    expect(kept).to.not.have.property('kanbanField');
    // No column left: the view shows the object's first field rather than going away.
    expect(views.find((view) => view.name === onlyName.name)).to.deep.include({ columns: ['name'], personal: true });
    expect(views.find((view) => view.name === onlyName.name)).to.not.have.property('sort');
    // What is left applies: the list takes the view's filter and sort.
    const listed = await engine.request('GET', `/api/v1/records/gadget?filter=${encodeURIComponent(JSON.stringify(kept!.filter))}&sort=name`);
    expect(listed.status, JSON.stringify(listed.body)).to.equal(200);
  });

  it('deletes an object with its list views, shared and personal, each shared one noted in the metadata history', async () => {
    ok(await defineObject(engine, { name: 'widget', fields: [{ name: 'name', type: 'text', required: true }] }), 201);
    ok(await engine.request('POST', '/api/v1/meta/list-views', { name: 'all_widgets', object: 'widget', label: { en: 'All widgets' }, columns: ['name'] }), 201);
    ok(await engine.request('POST', `${UI}/widget`, { label: { en: 'Mine' }, columns: ['name'] }), 201);
    expect(await storedViews({ object: 'widget' })).to.equal(1);

    ok(await engine.request('DELETE', '/api/v1/meta/objects/widget'));
    expect(await storedViews({ object: 'widget' })).to.equal(0);
    expectError(await engine.request('GET', '/api/v1/meta/list-views/all_widgets'), 404, 'not_found');
    const { entries } = ok(await engine.request('GET', '/api/v1/meta/history?limit=5')) as { entries: { kind: string; name: string; action: string; version: number }[] };
    const objectEntry = entries.find((entry) => entry.kind === 'object' && entry.name === 'widget' && entry.action === 'object.delete');
    const viewEntry = entries.find((entry) => entry.kind === 'listView' && entry.name === 'all_widgets' && entry.action === 'listView.delete');
    expect(viewEntry?.version).to.be.a('number').and.equal(objectEntry?.version);

    // The name is free again, with no view of the old object coming back.
    ok(await defineObject(engine, { name: 'widget', fields: [{ name: 'name', type: 'text', required: true }] }), 201);
    expect(ok(await engine.request('GET', `${UI}/widget`)).views).to.deep.equal([]);
  });

  it('moves personal views with their object when it is renamed', async () => {
    ok(await defineObject(engine, { name: 'draft_thing', fields: [{ name: 'name', type: 'text', required: true }] }), 201);
    const saved = ok(await engine.request('POST', `${UI}/draft_thing`, { label: { en: 'Mine' }, columns: ['name'] }), 201).view as { name: string };
    ok(await engine.request('PATCH', '/api/v1/meta/objects/draft_thing', { name: 'final_thing' }));
    expect(await storedViews({ object: 'draft_thing' })).to.equal(0);
    const views = ok(await engine.request('GET', `${UI}/final_thing`)).views as { name: string; object: string }[];
    expect(views.map((view) => `${view.object}/${view.name}`)).to.deep.equal([`final_thing/${saved.name}`]);
  });

  it("keeps a user's personal views and recent records while they are inactive or in the recycle bin, and purges them with the user", async () => {
    const id = await createUser(engine, { full_name: 'Petra Planner', email: 'petra@example.com', permission_sets: ['admin'] }, PASSWORD);
    const petra = bearer(await tokenFor(engine, 'petra@example.com', PASSWORD));
    const saved = await engine.request('POST', `${UI}/gadget`, { label: { en: "Petra's" }, columns: ['name'] }, petra);
    ok(saved, 201);
    expect(await storedViews({ owner: id })).to.equal(1);
    const record = ok(await engine.request('POST', '/api/v1/records/gadget', { name: 'Opened by Petra' }, petra), 201)._id as string;
    ok(await engine.request('POST', '/api/v1/ui/recent', { object: 'gadget', id: record }, petra), 204);
    const recentOfPetra = async () => (await engine.platform.tenant(DEFAULT_TENANT)).store.collection(RECENT_RECORDS).count({ user: id });
    expect(await recentOfPetra()).to.equal(1);
    ok(await engine.request('PATCH', `/api/v1/records/user/${id}`, { active: false }));
    expect(await storedViews({ owner: id })).to.equal(1);
    ok(await engine.request('DELETE', `/api/v1/records/user/${id}`), 204);
    expect(await storedViews({ owner: id })).to.equal(1);
    ok(await engine.request('DELETE', `/api/v1/recycle-bin/user/${id}`), 204);
    expect(await storedViews({ owner: id })).to.equal(0);
    expect(await recentOfPetra()).to.equal(0);
    expect(await storedViews({})).to.be.greaterThan(0);
  });
});
