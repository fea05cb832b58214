import { expect } from 'chai';
import { createRecord, defineObject } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

describe('dependent picklists', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, {
      name: 'ticket',
      fields: [
        { name: 'category', type: 'picklist', values: ['hardware', 'software'] },
        { name: 'subcategory', type: 'picklist', values: ['laptop', 'printer', 'os', 'office'], controllingField: 'category',
          dependencies: { hardware: ['laptop', 'printer'], software: ['os', 'office'] } },
        { name: 'urgent', type: 'boolean' },
        { name: 'channels', type: 'multipicklist', values: ['phone', 'email', 'pager'], controllingField: 'urgent',
          dependencies: { true: ['phone', 'pager'], false: ['email'] } },
      ],
    });
  });
  after(() => engine.stop());

  it('accepts a value its controlling value allows', async () => {
    const ticket = await createRecord(engine, 'ticket', { category: 'hardware', subcategory: 'printer', urgent: true, channels: ['pager'] });
    expect(ticket).to.include({ subcategory: 'printer' });
  });

  const refused: [string, Record<string, unknown>, string][] = [
    ['a value of another controlling value', { category: 'software', subcategory: 'printer' }, '/subcategory'],
    ['a dependent value without a controlling value', { subcategory: 'os' }, '/subcategory'],
    ['a multi-select value a boolean controller does not allow', { urgent: false, channels: ['email', 'pager'] }, '/channels'],
  ];
  for (const [what, body, path] of refused) {
    it(`refuses ${what} with 400 naming the field`, async () => {
      const response = await engine.request('POST', '/api/v1/records/ticket', body);
      expect(response.status).to.equal(400);
      expect(response.body.error.details[0].path).to.equal(path);
      expect(response.body.error.details[0].message).to.match(/cannot be chosen when/);
    });
  }

  it('checks a PATCH of the controlling field alone against the stored dependent value', async () => {
    const ticket = await createRecord(engine, 'ticket', { category: 'software', subcategory: 'os' });
    const response = await engine.request('PATCH', `/api/v1/records/ticket/${ticket._id}`, { category: 'hardware' });
    expect(response.status).to.equal(400);
    expect((await engine.request('PATCH', `/api/v1/records/ticket/${ticket._id}`, { category: 'hardware', subcategory: 'laptop' })).status).to.equal(200);
  });

  const badDefinitions: [string, Record<string, unknown>, string][] = [
    ['a controlling field that does not exist', { controllingField: 'nope', dependencies: {} }, '/controllingField'],
    ['a controlling field that is not a picklist or boolean', { controllingField: 'note', dependencies: {} }, '/controllingField'],
    ['a controlling value that does not exist', { controllingField: 'category', dependencies: { furniture: ['desk'] } }, '/dependencies/furniture'],
    ['a dependent value that does not exist', { controllingField: 'category', dependencies: { hardware: ['desk'] } }, '/dependencies/hardware/0'],
  ];
  for (const [what, extra, path] of badDefinitions) {
    it(`refuses a definition with ${what}`, async () => {
      await engine.request('POST', '/api/v1/meta/objects/ticket/fields', { name: 'note', type: 'text' });
      const response = await engine.request('POST', '/api/v1/meta/objects/ticket/fields', { name: 'detail', type: 'picklist', values: ['laptop', 'chair'], ...extra });
      expect(response.status).to.equal(400);
      expect(response.body.error.details[0].path).to.equal(path);
    });
  }

  it('tells the form which values each controlling value allows', async () => {
    const form = await engine.request('GET', '/api/v1/forms/ticket');
    expect(form.body.uiSchema.subcategory['ui:options']).to.deep.include({ controllingField: 'category' });
    expect(form.body.uiSchema.subcategory['ui:options'].dependencies.hardware).to.deep.equal(['laptop', 'printer']);
  });
});
