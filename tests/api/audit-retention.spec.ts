import { expect } from 'chai';
import { configFromEnv } from '../../engine/config.js';
import { AUDIT_COLLECTION, type AuditEntry } from '../../engine/audit/audit-log.js';
import { newId } from '../../engine/store/new-id.js';
import { createRecord, defineObject } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const DAY = 24 * 60 * 60 * 1000;

describe('audit log retention', () => {
  let engine: TestEngine;
  const log = async () => (await engine.platform.tenant('default')).store.collection<AuditEntry>(AUDIT_COLLECTION);

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, { name: 'ticket', fields: [{ name: 'title', type: 'text' }] });
  });
  after(() => engine.stop());

  it('removes the entries older than the retention, in batches, and keeps the newer ones readable', async () => {
    const old = Array.from({ length: 1203 }, (_, index): AuditEntry => ({
      _id: newId(),
      at: new Date(Date.now() - (40 + index / 100) * DAY).toISOString(),
      actor: 'system',
      action: 'record.update',
      object: 'ticket',
      record: 'aaaaaaaaaaaaaaaaaaaaaaaa',
    }));
    await (await log()).insertMany(old);
    const recent = await createRecord(engine, 'ticket', { title: 'Kept' });
    const before = await (await log()).count({});

    expect(await engine.platform.purgeAuditLogs(30)).to.equal(old.length);

    expect(await (await log()).count({})).to.equal(before - old.length);
    expect(await (await log()).count({ _id: { $in: old.map((entry) => entry._id) } })).to.equal(0);
    const { body } = await engine.request('GET', `/api/v1/audit?record=${recent._id}`);
    expect(body.entries.map((entry: AuditEntry) => entry.action)).to.deep.equal(['record.create']);
    expect(await engine.platform.purgeAuditLogs(30)).to.equal(0);
  });

  it('is off unless AUDIT_RETENTION_DAYS is set, and refuses a value that is not a number of days', () => {
    expect(configFromEnv({}).auditRetentionDays).to.equal(undefined);
    expect(configFromEnv({ AUDIT_RETENTION_DAYS: '365' }).auditRetentionDays).to.equal(365);
    for (const bad of ['0', '-3', 'a year']) {
      expect(() => configFromEnv({ AUDIT_RETENTION_DAYS: bad }), bad).to.throw(/AUDIT_RETENTION_DAYS must be a number of days/);
    }
  });
});
