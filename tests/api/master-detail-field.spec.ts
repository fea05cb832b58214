import { expect } from 'chai';
import { defineObject } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * The object manager gives every new object an org-wide default; a master-detail field added later
 * makes it a detail, whose records follow their master's sharing: the field is taken, the object's
 * own default goes with it, and its records are then reached through their master.
 */
describe('api: adding a master-detail field to an object with its own sharing', function () {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, { name: 'md_budget', sharing: 'private', fields: [{ name: 'name', type: 'text', required: true }] });
    await defineObject(engine, { name: 'md_line', sharing: 'private', fields: [{ name: 'name', type: 'text', required: true }] });
  });
  after(() => engine.stop());

  it('makes the object a detail: the field is saved and the object keeps no sharing of its own', async () => {
    const added = await engine.request('POST', '/api/v1/meta/objects/md_line/fields', { name: 'budget', type: 'masterdetail', target: 'md_budget' });
    expect(added.status, JSON.stringify(added.body)).to.equal(201);
    const line = (await engine.request('GET', '/api/v1/meta/objects/md_line')).body.definition;
    expect(line).to.not.have.property('sharing');
    expect(line.fields.map((field: { name: string }) => field.name)).to.deep.equal(['name', 'budget']);
  });

  it('still refuses a detail a sharing of its own, sent with the object properties', async () => {
    const refused = await engine.request('PATCH', '/api/v1/meta/objects/md_line', { sharing: 'publicRead' });
    expect(refused.status, JSON.stringify(refused.body)).to.equal(400);
    expect(refused.body.error.details.map((detail: { path: string }) => detail.path)).to.deep.equal(['/sharing']);
  });

  it('leaves the sharing of an object given any other field as it was', async () => {
    const added = await engine.request('POST', '/api/v1/meta/objects/md_budget/fields', { name: 'owner_note', type: 'text' });
    expect(added.status, JSON.stringify(added.body)).to.equal(201);
    expect((await engine.request('GET', '/api/v1/meta/objects/md_budget')).body.definition).to.have.property('sharing', 'private');
  });
});
