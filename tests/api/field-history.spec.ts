import { expect } from 'chai';
import { createRecord, defineObject } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

describe('field history tracking', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, {
      name: 'opportunity',
      fields: [
        { name: 'name', type: 'text' },
        { name: 'stage', type: 'picklist', values: ['new', 'won', 'lost'], trackHistory: true },
        { name: 'amount', type: 'currency', trackHistory: true },
        { name: 'notes', type: 'text' },
      ],
    });
    await defineObject(engine, { name: 'note', fields: [{ name: 'body', type: 'text' }] });
  });
  after(() => engine.stop());

  const history = async (id: string) => (await engine.request('GET', `/api/v1/records/opportunity/${id}/history`)).body.entries;

  it('records who changed a tracked field, when, and its old and new value, newest first', async () => {
    const record = await createRecord(engine, 'opportunity', { name: 'Big deal', stage: 'new', amount: 100 });
    const patched = await engine.request('PATCH', `/api/v1/records/opportunity/${record._id}`, { stage: 'won', amount: 250 });
    expect(patched.status).to.equal(200);
    const entries = await history(record._id);
    expect(entries.map((entry: { action: string; field?: string }) => `${entry.action}:${entry.field ?? ''}`)).to.have.members([
      'updated:stage',
      'updated:amount',
      'created:',
    ]);
    expect(entries[entries.length - 1].action).to.equal('created');
    const stage = entries.find((entry: { field?: string }) => entry.field === 'stage');
    expect(stage).to.include({ old: 'new', new: 'won', by: engine.adminId, version: 2 });
    expect(Date.parse(stage.at)).to.be.closeTo(Date.now(), 60_000);
  });

  it('ignores untracked fields and unchanged values', async () => {
    const record = await createRecord(engine, 'opportunity', { name: 'Quiet', stage: 'new' });
    await engine.request('PATCH', `/api/v1/records/opportunity/${record._id}`, { notes: 'called', stage: 'new' });
    expect((await history(record._id)).map((entry: { action: string }) => entry.action)).to.deep.equal(['created']);
  });

  it('records clearing a tracked value as a change to null', async () => {
    const record = await createRecord(engine, 'opportunity', { name: 'Clear', amount: 10 });
    await engine.request('PATCH', `/api/v1/records/opportunity/${record._id}`, { amount: null });
    expect((await history(record._id))[0]).to.include({ field: 'amount', old: 10, new: null });
  });

  it('keeps the history through the recycle bin and records the delete and the restore', async () => {
    const record = await createRecord(engine, 'opportunity', { name: 'Binned', stage: 'lost' });
    expect((await engine.request('DELETE', `/api/v1/records/opportunity/${record._id}`)).status).to.equal(204);
    expect((await engine.request('POST', `/api/v1/recycle-bin/opportunity/${record._id}/restore`)).status).to.equal(200);
    expect((await history(record._id)).map((entry: { action: string }) => entry.action)).to.deep.equal(['restored', 'deleted', 'created']);
  });

  it('writes no history for objects that track nothing', async () => {
    const note = await createRecord(engine, 'note', { body: 'x' });
    await engine.request('PATCH', `/api/v1/records/note/${note._id}`, { body: 'y' });
    const response = await engine.request('GET', `/api/v1/records/note/${note._id}/history`);
    expect(response.status).to.equal(200);
    expect(response.body.entries).to.deep.equal([]);
  });

  it('answers 404 for the history of a record that does not exist', async () => {
    expect((await engine.request('GET', '/api/v1/records/opportunity/0123456789abcdef01234567/history')).status).to.equal(404);
  });

  it('refuses a change that does not happen, leaving no history: a bad value is not a change', async () => {
    const record = await createRecord(engine, 'opportunity', { name: 'Strict', stage: 'new' });
    expect((await engine.request('PATCH', `/api/v1/records/opportunity/${record._id}`, { stage: 'maybe' })).status).to.equal(400);
    expect((await history(record._id)).map((entry: { action: string }) => entry.action)).to.deep.equal(['created']);
  });
});
