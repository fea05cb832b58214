import { expect } from 'chai';
import { createRecord, defineObject, expectError, listPath } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * Compile once, swap atomically: when a metadata write has answered, the very next request runs on
 * the new snapshot. No test here waits or retries between the change and its use.
 */
describe('hot metadata changes', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine();
  });
  after(async () => {
    await engine.stop();
  });

  it('creates a record with a field added by the request just before', async () => {
    await defineObject(engine, { name: 'deal', fields: [{ name: 'title', type: 'text' }] });
    expectError(await engine.request('POST', '/api/v1/records/deal', { title: 'Before', amount: 5 }), 400);

    const added = await engine.request('POST', '/api/v1/meta/objects/deal/fields', { name: 'amount', type: 'currency', min: 0 });
    expect(added.status).to.equal(201);
    const created = await engine.request('POST', '/api/v1/records/deal', { title: 'After', amount: 5 });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    expect(created.body.amount).to.equal(5);
    // and the new field's rules apply at once
    expectError(await engine.request('POST', '/api/v1/records/deal', { title: 'Negative', amount: -1 }), 400);
    const list = await engine.request('GET', listPath('deal', { filter: { amount: { gte: 5 } } }));
    expect(list.body.records.map((record: { title: string }) => record.title)).to.deep.equal(['After']);
  });

  it('creates records of an object defined by the request just before', async () => {
    const defined = await engine.request('POST', '/api/v1/meta/objects', { name: 'asset', fields: [{ name: 'tag', type: 'text' }] });
    expect(defined.status).to.equal(201);
    const created = await engine.request('POST', '/api/v1/records/asset', { tag: 'LAPTOP-7' });
    expect(created.status).to.equal(201);
  });

  it('refuses a field removed by the request just before, in writes and in filters', async () => {
    await defineObject(engine, { name: 'call', fields: [{ name: 'subject', type: 'text' }, { name: 'minutes', type: 'number' }] });
    await createRecord(engine, 'call', { subject: 'Kick-off', minutes: 30 });
    expect((await engine.request('DELETE', '/api/v1/meta/objects/call/fields/minutes')).status).to.equal(200);

    const write = await engine.request('POST', '/api/v1/records/call', { subject: 'Follow-up', minutes: 10 });
    expect(expectError(write, 400)).to.deep.equal([{ path: '/minutes', message: 'is not a field of call' }]);
    expectError(await engine.request('GET', listPath('call', { filter: { minutes: 30 } })), 400);
    expectError(await engine.request('GET', listPath('call', { sort: 'minutes' })), 400);
  });

  it('applies a rule tightened by the request just before', async () => {
    await defineObject(engine, { name: 'badge', fields: [{ name: 'holder', type: 'text' }, { name: 'level', type: 'picklist', values: ['bronze'] }] });
    await createRecord(engine, 'badge', { holder: 'Ann', level: 'bronze' });

    expect((await engine.request('PATCH', '/api/v1/meta/objects/badge/fields/holder', { required: true, maxLength: 10 })).status).to.equal(200);
    expectError(await engine.request('POST', '/api/v1/records/badge', { level: 'bronze' }), 400);
    expectError(await engine.request('POST', '/api/v1/records/badge', { holder: 'Maximilian Alexander' }), 400);

    expectError(await engine.request('POST', '/api/v1/records/badge', { holder: 'Bo', level: 'gold' }), 400);
    expect((await engine.request('PATCH', '/api/v1/meta/objects/badge/fields/level', { values: ['bronze', 'gold'] })).status).to.equal(200);
    expect((await engine.request('POST', '/api/v1/records/badge', { holder: 'Bo', level: 'gold' })).status).to.equal(201);
  });

  it('serves an object under its new name from the request just after a rename', async () => {
    await defineObject(engine, { name: 'prospect_draft', fields: [{ name: 'company', type: 'text' }] });
    expect((await engine.request('PATCH', '/api/v1/meta/objects/prospect_draft', { name: 'prospect' })).status).to.equal(200);
    expect((await engine.request('POST', '/api/v1/records/prospect', { company: 'ACME' })).status).to.equal(201);
    expectError(await engine.request('POST', '/api/v1/records/prospect_draft', { company: 'ACME' }), 404);
  });

  it('sees each of many changes in a row at once, without a pause between change and use', async () => {
    await defineObject(engine, { name: 'survey', fields: [{ name: 'respondent', type: 'text' }] });
    for (let i = 1; i <= 10; i++) {
      const added = await engine.request('POST', '/api/v1/meta/objects/survey/fields', { name: `q${i}`, type: 'number' });
      expect(added.status).to.equal(201);
      const created = await engine.request('POST', '/api/v1/records/survey', { respondent: `r${i}`, [`q${i}`]: i });
      expect(created.status, `question ${i}: ${JSON.stringify(created.body)}`).to.equal(201);
      expect(created.body[`q${i}`]).to.equal(i);
    }
  });

  it('keeps answering record requests while the object changes under them', async () => {
    await defineObject(engine, { name: 'ping', fields: [{ name: 'label', type: 'text' }] });
    const writes = Array.from({ length: 30 }, (_, i) => engine.request('POST', '/api/v1/records/ping', { label: `p${i}` }));
    const changes = Array.from({ length: 5 }, (_, i) => engine.request('POST', '/api/v1/meta/objects/ping/fields', { name: `extra${i}`, type: 'text' }));
    const [written, changed] = await Promise.all([Promise.all(writes), Promise.all(changes)]);
    expect(written.map((response) => response.status)).to.deep.equal(Array(30).fill(201));
    expect(changed.map((response) => response.status)).to.deep.equal(Array(5).fill(201));
    const list = await engine.request('GET', listPath('ping', { total: 'true', limit: 1 }));
    expect(list.body.total).to.equal(30);
  });
});
