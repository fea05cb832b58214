import { expect } from 'chai';
import { expectError } from '../support/api-helpers.js';
import { bearer, createUser, tokenFor } from '../support/auth-helpers.js';
import { ENTRY_LAYOUT, defineFormFixtures } from '../support/form-fixtures.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const PREVIEW = '/api/v1/forms/purchase_request/preview';
const DRAFT = {
  name: 'pr_draft',
  object: 'purchase_request',
  sections: [
    { title: { en: 'Main', 'zh-CN': '主要信息' }, columns: 2, fields: ['amount', { field: 'title', readOnly: true }] },
    { fields: [{ field: 'quantity', required: true }] },
  ],
  relatedLists: [{ object: 'request_line', columns: ['product'] }],
};

/** POST /api/v1/forms/:object/preview: the layout editor's live preview of an unsaved layout. */
describe('forms API: preview of an unsaved layout', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine();
    await defineFormFixtures(engine);
    expect((await engine.request('POST', '/api/v1/meta/layouts', ENTRY_LAYOUT)).status).to.equal(201);
  });
  after(async () => {
    await engine.stop();
  });

  it('compiles the draft as a saved layout would be: order, sections, overrides and related lists, in the language asked', async () => {
    const response = await engine.request('POST', `${PREVIEW}?lang=zh-CN`, DRAFT);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    const form = response.body as { layout: string; language: string; schema: { properties: Record<string, { readOnly?: boolean }>; required?: string[] }; uiSchema: Record<string, unknown>; relatedLists: { object: string; field: string }[] };
    expect(form.layout).to.equal('pr_draft');
    expect(form.language).to.equal('zh-CN');
    expect(Object.keys(form.schema.properties)).to.deep.equal(['amount', 'title', 'quantity']);
    expect(form.uiSchema['ui:options']).to.deep.include({ sections: [
      { title: '主要信息', columns: 2, collapsed: false, fields: ['amount', 'title'] },
      { title: null, columns: 1, collapsed: false, fields: ['quantity'] },
    ] });
    expect(form.schema.properties['title']!.readOnly).to.equal(true);
    expect(form.schema.required).to.include('quantity');
    expect(form.relatedLists.map((list) => [list.object, list.field])).to.deep.equal([['request_line', 'request']]);
  });

  it('saves nothing: the layout is not listed and the form of the object is unchanged', async () => {
    expect((await engine.request('POST', PREVIEW, DRAFT)).status).to.equal(200);
    const layouts = (await engine.request('GET', '/api/v1/meta/layouts')).body as { layouts: { name: string }[] };
    expect(layouts.layouts.map((layout) => layout.name)).to.not.include('pr_draft');
    expect(((await engine.request('GET', '/api/v1/forms/purchase_request')).body as { layout: string }).layout).to.equal('pr_entry');
  });

  it('refuses a draft the metadata API would refuse, with the path of the problem', async () => {
    const unknown = expectError(await engine.request('POST', PREVIEW, { ...DRAFT, sections: [{ fields: ['nope'] }] }), 400, 'validation_failed');
    expect(unknown.map((detail) => detail.path)).to.deep.equal(['/sections/0/fields/0']);
    const shapeless = expectError(await engine.request('POST', PREVIEW, { ...DRAFT, sections: [] }), 400, 'validation_failed');
    expect(shapeless[0]!.path).to.match(/^\/sections/);
  });

  it('refuses a layout of another object, naming it', async () => {
    const details = expectError(await engine.request('POST', '/api/v1/forms/supplier/preview', DRAFT), 400, 'validation_failed');
    expect(details).to.deep.equal([{ path: '/object', message: "must be supplier, the object of this form; got 'purchase_request'" }]);
  });

  it('answers 404 for an unknown object and 403 to a user who may not change metadata', async () => {
    expectError(await engine.request('POST', '/api/v1/forms/nothing_here/preview', DRAFT), 404);
    await createUser(engine, { full_name: 'Una User', email: 'una@example.com', permission_sets: ['standard_user'] }, 'a preview user password');
    const token = await tokenFor(engine, 'una@example.com', 'a preview user password');
    expectError(await engine.request('POST', PREVIEW, DRAFT, bearer(token)), 403);
  });
});
