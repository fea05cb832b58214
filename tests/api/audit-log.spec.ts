import { expect } from 'chai';
import { createRecord, defineObject } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

interface Entry {
  _id: string;
  action: string;
  actor: string;
  object?: string;
  record?: string;
  changes?: Record<string, { old: unknown; new: unknown }>;
  version?: number;
}

describe('audit log', () => {
  let engine: TestEngine;
  const audit = async (query = '') => (await engine.request('GET', `/api/v1/audit${query}`)).body as { entries: Entry[]; next: string | null };

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, { name: 'invoice', fields: [{ name: 'number', type: 'text' }, { name: 'amount', type: 'currency' }] });
  });
  after(() => engine.stop());

  it('records every metadata change with the version it produced', async () => {
    const { entries } = await audit('?object=object:invoice');
    expect(entries[0]).to.include({ action: 'metadata.object.create', actor: engine.adminId, version: 4 });
    expect((await audit('?object=object:user')).entries[0]).to.include({ action: 'metadata.object.create', actor: 'system', version: 1 });
  });

  it('records every record write with who, which fields and their old and new values', async () => {
    const invoice = await createRecord(engine, 'invoice', { number: 'INV-1', amount: 100 });
    await engine.request('PATCH', `/api/v1/records/invoice/${invoice._id}`, { amount: 120 });
    await engine.request('DELETE', `/api/v1/records/invoice/${invoice._id}`);
    await engine.request('POST', `/api/v1/recycle-bin/invoice/${invoice._id}/restore`);
    const { entries } = await audit(`?record=${invoice._id}`);
    expect(entries.map((entry) => entry.action)).to.deep.equal(['record.restore', 'record.delete', 'record.update', 'record.create']);
    expect(entries[2]!.changes).to.deep.equal({ amount: { old: 100, new: 120 } });
    expect(entries[3]!.changes).to.deep.equal({ number: { old: null, new: 'INV-1' }, amount: { old: null, new: 100 } });
    expect(entries.every((entry) => entry.actor === engine.adminId && entry.object === 'invoice')).to.equal(true);
  });

  it('writes nothing for a refused write, because the entry lands in the same unit of work', async () => {
    const before = (await audit('?object=invoice')).entries.length;
    expect((await engine.request('POST', '/api/v1/records/invoice', { amount: 'abc' })).status).to.equal(400);
    expect((await audit('?object=invoice')).entries.length).to.equal(before);
  });

  it('records a purge, and keeps the record\'s earlier entries after it is gone', async () => {
    const invoice = await createRecord(engine, 'invoice', { number: 'INV-2' });
    await engine.request('DELETE', `/api/v1/records/invoice/${invoice._id}`);
    await engine.request('DELETE', `/api/v1/recycle-bin/invoice/${invoice._id}`);
    expect((await audit(`?record=${invoice._id}`)).entries.map((entry) => entry.action)).to.deep.equal(['record.purge', 'record.delete', 'record.create']);
  });

  it('filters by action and time, and pages newest first', async () => {
    for (let i = 0; i < 5; i++) await createRecord(engine, 'invoice', { number: `P-${i}` });
    const first = await audit('?action=record.create&limit=3');
    expect(first.entries).to.have.length(3);
    expect(first.entries.every((entry) => entry.action === 'record.create')).to.equal(true);
    const second = await audit(`?action=record.create&limit=3&before=${first.next}`);
    expect(second.entries[0]!._id < first.entries[2]!._id).to.equal(true);
    expect((await audit(`?from=${new Date(Date.now() + 60_000).toISOString()}`)).entries).to.deep.equal([]);
  });

  it('offers no way to change or remove an entry', async () => {
    const [entry] = (await audit('?limit=1')).entries;
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect((await engine.request(method, `/api/v1/audit/${entry!._id}`, {})).status).to.equal(404);
      expect((await engine.request(method, '/api/v1/audit', {})).status).to.equal(404);
    }
    expect((await engine.request('GET', '/api/v1/records/audit.log')).status).to.equal(404);
  });

  it('refuses malformed criteria with 400', async () => {
    expect((await engine.request('GET', '/api/v1/audit?from=yesterday')).status).to.equal(400);
    expect((await engine.request('GET', '/api/v1/audit?before=xyz')).status).to.equal(400);
    expect((await engine.request('GET', '/api/v1/audit?limit=500')).status).to.equal(400);
  });
});
