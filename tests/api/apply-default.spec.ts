import { expect } from 'chai';
import { createRecord, defineObject, expectError, listPath, listRecords } from '../support/api-helpers.js';
import { bearer, createUser, storedAudit, tokenFor } from '../support/auth-helpers.js';
import { startConfiguredEngine, type ConfiguredEngine } from '../support/configured-engine.js';

/** Objects of more than 20 records get a backfill; the job loop is stopped (see backfills.spec.ts). */
const SETTINGS = { backfills: { inlineLimit: 20, batchRecords: 10, batchMs: 60_000 } };
const ZH = { 'accept-language': 'zh-CN' };

describe("meta: a field's default given to the existing records without a value", function () {
  this.timeout(60_000);
  let engine: ConfiguredEngine;

  const apply = (object: string, field: string, headers?: Record<string, string>) =>
    engine.request('POST', `/api/v1/meta/objects/${object}/fields/${field}/apply-default`, undefined, headers);
  const addField = async (object: string, field: Record<string, unknown>) => {
    const response = await engine.request('POST', `/api/v1/meta/objects/${object}/fields`, field);
    expect(response.status, JSON.stringify(response.body)).to.equal(201);
  };
  const stored = async (object: string) => engine.tenant.store.collection(`records.${object}`).find({}, { sort: { _id: 1 } });

  before(async () => {
    engine = await startConfiguredEngine(SETTINGS);
  });
  after(() => engine.stop(true));

  it('gives a small object\'s records the plain default at once, keeping the values records hold', async () => {
    await defineObject(engine, { name: 'ticket', fields: [{ name: 'title', type: 'text' }] });
    for (let i = 1; i <= 5; i++) await createRecord(engine, 'ticket', { title: `T${i}` });
    await addField('ticket', { name: 'priority', type: 'picklist', values: ['low', 'normal', 'high'], default: 'normal' });
    const kept = await createRecord(engine, 'ticket', { title: 'T6', priority: 'high' });
    expect((await stored('ticket')).filter((ticket) => ticket.priority === undefined)).to.have.length(5);

    const response = await apply('ticket', 'priority');
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    expect(response.body).to.deep.equal({ records: 5, filled: 5 });
    const tickets = await stored('ticket');
    expect(tickets.map((ticket) => ticket.priority)).to.deep.equal(['normal', 'normal', 'normal', 'normal', 'normal', 'high']);
    expect(tickets.at(-1)!._id).to.equal(kept._id);
    expect((await apply('ticket', 'priority')).body).to.deep.equal({ records: 0, filled: 0 });
    const audit = await storedAudit(engine, { action: 'metadata.field.applyDefault' });
    expect(audit.map((entry) => entry.object)).to.deep.equal(['object:ticket', 'object:ticket']);
  });

  it('evaluates a default expression on each record, $user being its owner, and formulas follow', async () => {
    await addField('ticket', { name: 'code', type: 'text', defaultExpression: '$uppercase(title) & "-" & $substring($user, 0, 4)' });
    await addField('ticket', { name: 'code_length', type: 'formula', expression: '$length(code)', resultType: 'number' });
    expect((await apply('ticket', 'code')).body).to.deep.equal({ records: 6, filled: 6 });
    for (const ticket of (await stored('ticket')) as Record<string, any>[]) {
      expect(ticket.code).to.equal(`${ticket.title.toUpperCase()}-${ticket._owner.slice(0, 4)}`);
      expect(ticket.code_length).to.equal(ticket.code.length);
    }
  });

  it('gives a large object\'s records the default by a backfill: on the fly at once, 409 on filters until it ends', async () => {
    await defineObject(engine, { name: 'lead', fields: [{ name: 'name', type: 'text' }] });
    const leads: Record<string, any>[] = [];
    for (let i = 1; i <= 30; i++) leads.push(await createRecord(engine, 'lead', { name: `Lead ${i}` }));
    await addField('lead', { name: 'score', type: 'number', default: 10 });
    await addField('lead', { name: 'double_score', type: 'formula', expression: 'score * 2', resultType: 'number' });
    await engine.jobs.runDue();

    const response = await apply('lead', 'score');
    expect(response.status, JSON.stringify(response.body)).to.equal(202);
    expect(response.body).to.deep.include({ records: 30, filled: 0 });
    expect(response.body.backfill).to.include({ total: 30, percent: 0 });
    expect((await stored('lead')).every((lead) => lead.score === undefined)).to.equal(true);
    expect((await engine.request('GET', `/api/v1/records/lead/${leads[29]!._id}`)).body).to.include({ score: 10, double_score: 20 });
    expectError(await engine.request('GET', listPath('lead', { filter: { score: 10 } })), 409, 'backfill_in_progress');

    await engine.jobs.runDue();
    expect((await engine.request('GET', `/api/v1/meta/backfills/${response.body.backfill._id}`)).body).to.include({ status: 'done', done: 30 });
    expect((await stored('lead')).map((lead) => [lead.score, lead.double_score])).to.deep.equal(leads.map(() => [10, 20]));
    expect((await listRecords(engine, 'lead', { filter: { score: 10 }, total: true })).total).to.equal(30);
  });

  it('refuses a default that does not fit the field and writes nothing (400 with the field, 422 for a value)', async () => {
    await addField('ticket', { name: 'effort', type: 'number', defaultExpression: 'title' });
    const refused = await apply('ticket', 'effort', ZH);
    expectError(refused, 422);
    expect(refused.body.error.message).to.contain("'effort'");
    expect((await stored('ticket')).some((ticket) => 'effort' in ticket)).to.equal(false);

    await addField('ticket', { name: 'note', type: 'text' });
    const none = await apply('ticket', 'note', ZH);
    expect(expectError(none, 400)).to.deep.equal([{ path: '/fields/note/default', message: '未设置' }]);
    expect(none.body.error.message).to.contain('请先设置默认值');
    expectError(await apply('ticket', 'nothing'), 404);
  });

  it('is for metadata managers only', async () => {
    await createUser(engine, { email: 'clerk@example.com', full_name: 'Clerk' }, 'clerk password long enough');
    const clerk = bearer(await tokenFor(engine, 'clerk@example.com', 'clerk password long enough'));
    await addField('ticket', { name: 'queue', type: 'text', default: 'general' });
    expectError(await apply('ticket', 'queue', clerk), 403);
    expect((await stored('ticket')).some((ticket) => 'queue' in ticket)).to.equal(false);
  });
});
