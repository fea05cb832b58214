import { expect } from 'chai';
import { createRecord, defineObject, expectError } from '../support/api-helpers.js';
import { bearer, createUser, tokenFor } from '../support/auth-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/** GET /api/v1/records/:object/plan: how the store answers a list, for admins looking into a slow one. */
describe('records API: the query plan of a list', () => {
  let engine: TestEngine;
  const plan = async (query: string, headers?: Record<string, string>) => {
    const response = await engine.request('GET', `/api/v1/records/ticket/plan?${query}`, undefined, headers);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    return response.body as { plan: { access: string; indexes: string[]; sortedByIndex: boolean; building: string[] }; advice: string[] };
  };

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, {
      name: 'ticket',
      label: { en: 'Ticket', 'zh-CN': '工单' },
      fields: [
        { name: 'title', type: 'text' },
        { name: 'priority', type: 'number', label: { en: 'Priority', 'zh-CN': '优先级' } },
        { name: 'hours', type: 'number', indexed: true },
      ],
    });
    for (let i = 0; i < 5; i++) await createRecord(engine, 'ticket', { title: `T${i}`, priority: i, hours: i * 2 });
  });
  after(() => engine.stop());

  it('walks the index of a field flagged indexed, stopping after the page, and has nothing to advise', async () => {
    const body = await plan('sort=-hours');
    expect(body.plan).to.include({ access: 'index', sortedByIndex: true });
    expect(body.plan.indexes).to.deep.equal(['ix_hours']);
    expect(body.advice).to.deep.equal([]);
  });

  it("names the field to mark as indexed when a sort reads every record, in the admin's language", async () => {
    const english = await plan('sort=-priority');
    expect(english.plan).to.include({ access: 'scan', sortedByIndex: false });
    expect(english.advice).to.have.length(1);
    expect(english.advice[0]).to.contain("'Priority'").and.contain('indexed');
    const chinese = await plan('sort=-priority', { 'accept-language': 'zh-CN' });
    expect(chinese.advice[0]).to.contain('优先级');
  });

  it('follows the metadata: once the field is flagged indexed, the same list walks its new index', async () => {
    const changed = await engine.request('PATCH', '/api/v1/meta/objects/ticket/fields/priority', { indexed: true });
    expect(changed.status, JSON.stringify(changed.body)).to.equal(200);
    const body = await plan('sort=-priority');
    expect(body.plan).to.include({ access: 'index', sortedByIndex: true });
    expect(body.plan.indexes).to.deep.equal(['ix_priority']);
    expect(body.advice).to.deep.equal([]);
  });

  it('checks the filter and the sort as a list does', async () => {
    expectError(await engine.request('GET', '/api/v1/records/ticket/plan?sort=-nope'), 400);
    expectError(await engine.request('GET', '/api/v1/records/ticket/plan?filter=' + encodeURIComponent('{"nope":1}')), 400);
    expectError(await engine.request('GET', '/api/v1/records/nothing_here/plan'), 404);
  });

  it('refuses users who may not manage metadata', async () => {
    await createUser(engine, { full_name: 'Pia Planless', email: 'pia@example.com', permission_sets: ['standard_user'] }, 'an ordinary user password');
    const token = await tokenFor(engine, 'pia@example.com', 'an ordinary user password');
    expectError(await engine.request('GET', '/api/v1/records/ticket/plan', undefined, bearer(token)), 403);
  });
});
