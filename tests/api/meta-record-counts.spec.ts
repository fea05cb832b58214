import { expect } from 'chai';
import { createRecord, defineObject, expectError } from '../support/api-helpers.js';
import { bearer, createUser, tokenFor } from '../support/auth-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/** GET /api/v1/meta/record-counts: what the object manager shows beside each object. */
describe('metadata API: record counts for the object manager', () => {
  let engine: TestEngine;

  before(async () => {
    engine = await startTestEngine();
    expect((await defineObject(engine, { name: 'invoice', fields: [{ name: 'name', type: 'text' }] })).status).to.equal(201);
    expect((await defineObject(engine, { name: 'empty_thing', fields: [{ name: 'name', type: 'text' }] })).status).to.equal(201);
    for (const name of ['A', 'B', 'C']) await createRecord(engine, 'invoice', { name });
  });
  after(() => engine.stop());

  it("answers each object's live records and whether it is standard, leaving the recycle bin out", async () => {
    const gone = await createRecord(engine, 'invoice', { name: 'Binned' });
    expect((await engine.request('DELETE', `/api/v1/records/invoice/${gone._id}`)).status).to.equal(204);
    const response = await engine.request('GET', '/api/v1/meta/record-counts');
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    expect(response.body.objects.invoice).to.deep.equal({ records: 3, standard: false });
    expect(response.body.objects.empty_thing).to.deep.equal({ records: 0, standard: false });
    expect(response.body.objects.user.standard).to.equal(true);
    expect(response.body.objects.user.records).to.be.at.least(1);
  });

  it('refuses users who may not manage metadata', async () => {
    await createUser(engine, { full_name: 'Una User', email: 'una@example.com', permission_sets: ['standard_user'] }, 'an ordinary user password');
    const token = await tokenFor(engine, 'una@example.com', 'an ordinary user password');
    expectError(await engine.request('GET', '/api/v1/meta/record-counts', undefined, bearer(token)), 403);
  });
});
