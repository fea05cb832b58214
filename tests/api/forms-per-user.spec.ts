import { expect } from 'chai';
import { defineObject, detailPaths, expectError } from '../support/api-helpers.js';
import { bearer, createUser, tokenFor } from '../support/auth-helpers.js';
import { startTestEngine, type TestEngine, type TestResponse } from '../support/test-engine.js';

const PASSWORD = 'a form user password';

/** The form a user gets: the layout of their role, without what they may not read, read only where they may not edit. */
describe('forms per user: layouts per role and field permissions', () => {
  let engine: TestEngine;
  let repToken: string;
  let buyerToken: string;
  const rep = (method: string, path: string, body?: unknown): Promise<TestResponse> => engine.request(method, path, body, bearer(repToken));

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, {
      name: 'quote',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'amount', type: 'number' },
        { name: 'discount', type: 'percent', required: true, default: 0 },
        { name: 'margin', type: 'percent' },
      ],
    });
    for (const role of [{ name: 'sales_rep' }, { name: 'buyer' }]) expect((await engine.request('POST', '/api/v1/meta/roles', role)).status).to.equal(201);
    const sets = [
      {
        name: 'quote_user',
        objects: { quote: { create: true, read: true, edit: true } },
        fields: { quote: { margin: { read: false }, discount: { read: true } } },
      },
    ];
    for (const set of sets) expect((await engine.request('POST', '/api/v1/meta/permission-sets', set)).status).to.equal(201);
    const layouts = [
      { name: 'quote_full', object: 'quote', isDefault: true, sections: [{ fields: ['title', 'amount', 'discount', 'margin'] }] },
      { name: 'quote_sales', object: 'quote', roles: ['sales_rep'], sections: [{ fields: ['title', 'discount', 'margin'] }] },
    ];
    for (const layout of layouts) expect((await engine.request('POST', '/api/v1/meta/layouts', layout)).status).to.equal(201);
    await createUser(engine, { full_name: 'Rita Rep', email: 'rita@example.com', role: 'sales_rep', permission_sets: ['standard_user', 'quote_user'] }, PASSWORD);
    await createUser(engine, { full_name: 'Bo Buyer', email: 'bo@example.com', role: 'buyer', permission_sets: ['standard_user', 'quote_user'] }, PASSWORD);
    repToken = await tokenFor(engine, 'rita@example.com', PASSWORD);
    buyerToken = await tokenFor(engine, 'bo@example.com', PASSWORD);
  });
  after(() => engine.stop());

  it('gives a user the layout of their role, and everyone else the default layout', async () => {
    expect((await rep('GET', '/api/v1/forms/quote')).body.layout).to.equal('quote_sales');
    expect((await engine.request('GET', '/api/v1/forms/quote', undefined, bearer(buyerToken))).body.layout).to.equal('quote_full');
    expect((await engine.request('GET', '/api/v1/forms/quote')).body.layout).to.equal('quote_full');
  });

  it('leaves out the fields a user may not read and makes read only those they may not edit', async () => {
    const form = (await rep('GET', '/api/v1/forms/quote?layout=quote_full')).body;
    expect(Object.keys(form.schema.properties)).to.deep.equal(['title', 'amount', 'discount']);
    expect(form.uiSchema['ui:order']).to.deep.equal(['title', 'amount', 'discount']);
    expect(form.schema.properties.discount.readOnly).to.equal(true);
    expect(form.uiSchema.discount['ui:readonly']).to.equal(true);
    // A field the user cannot fill in cannot be required of them: the server fills its default.
    expect(form.schema.required).to.deep.equal(['title']);
    const admin = (await engine.request('GET', '/api/v1/forms/quote?layout=quote_full')).body;
    expect(Object.keys(admin.schema.properties)).to.deep.equal(['title', 'amount', 'discount', 'margin']);
  });

  it('agrees with the server: what the form leaves out or locks, the API refuses', async () => {
    const refused = await rep('POST', '/api/v1/records/quote', { title: 'Q1', discount: 10 });
    expectError(refused, 403, 'forbidden');
    expect(detailPaths(refused)).to.deep.equal(['/discount']);
    const created = await rep('POST', '/api/v1/records/quote', { title: 'Q1', amount: 100 });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    expect(created.body).to.include({ discount: 0 }).and.not.have.property('margin');
  });

  it('refuses a layout for a role that does not exist, and two layouts of one object for one role', async () => {
    const unknown = await engine.request('POST', '/api/v1/meta/layouts', { name: 'quote_x', object: 'quote', roles: ['nobody'], sections: [{ fields: ['title'] }] });
    expectError(unknown, 400, 'validation_failed');
    expect(detailPaths(unknown)).to.deep.equal(['/roles/0']);
    const twice = await engine.request('POST', '/api/v1/meta/layouts', { name: 'quote_y', object: 'quote', roles: ['sales_rep'], sections: [{ fields: ['title'] }] });
    expectError(twice, 400, 'validation_failed');
    expect(twice.body.error.details[0].message).to.contain("already has layout 'quote_sales'");
  });

  it('describes the API to a user without the fields they may not read', async () => {
    const document = (await rep('GET', '/api/v1/openapi.json')).body;
    expect(Object.keys(document.components.schemas.quote.properties)).to.not.include('margin');
    expect(Object.keys(document.components.schemas['quote.create'].properties)).to.deep.equal(['title', 'amount']);
    // The print templates' own schemas speak of paper margins (PrintTemplateDefinition, PrintPage, PrintMargins): not the field.
    const schemas = Object.fromEntries(Object.entries(document.components.schemas as Record<string, unknown>).filter(([name]) => !name.startsWith('Print')));
    expect(JSON.stringify({ ...document, components: { ...document.components, schemas } })).to.not.contain('margin');
    expect(document.paths['/api/v1/records/quote/{id}'].delete).to.equal(undefined);
    const full = (await engine.request('GET', '/api/v1/openapi.json')).body;
    expect(Object.keys(full.components.schemas.quote.properties)).to.include('margin');
  });

  it('lists only the readable fields of an object to a user without the setup right', async () => {
    const definition = (await rep('GET', '/api/v1/meta/objects/quote')).body.definition;
    expect(definition.fields.map((field: { name: string }) => field.name)).to.deep.equal(['title', 'amount', 'discount']);
    expectError(await rep('GET', '/api/v1/meta/objects/quote/fields/margin'), 404, 'not_found');
  });
});
