import { expect } from 'chai';
import { defineObject, expectError } from '../support/api-helpers.js';
import { bearer, createUser, tokenFor } from '../support/auth-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const RECENT = '/api/v1/ui/recent';
const PASSWORD = 'a long enough passphrase';

/** Recent records on the server: per user, capped, read again (name, access, deletion) at every read. */
describe('recent records: GET and POST /api/v1/ui/recent', () => {
  let engine: TestEngine;
  let rita: Record<string, string>;
  let ritaId: string;
  const ok = (response: { status: number; body: unknown }, status = 200) => {
    expect(response.status, JSON.stringify(response.body)).to.equal(status);
    return response.body as Record<string, unknown>;
  };
  const create = async (object: string, values: Record<string, unknown>, headers?: Record<string, string>) => ok(await engine.request('POST', `/api/v1/records/${object}`, values, headers), 201)._id as string;
  const recentOf = async (headers?: Record<string, string>) => (ok(await engine.request('GET', RECENT, undefined, headers)).recent as { object: string; id: string; name: string; objectLabel: string }[]);

  before(async () => {
    engine = await startTestEngine();
    ok(await defineObject(engine, { name: 'memo', label: { en: 'Memo', 'zh-CN': '备忘' }, sharing: 'private', fields: [{ name: 'name', type: 'text', required: true }] }), 201);
    ok(await engine.request('POST', '/api/v1/meta/permission-sets', { name: 'memo_user', objects: { memo: { read: true, create: true, edit: true, delete: true } } }), 201);
    ritaId = await createUser(engine, { full_name: 'Rita Recent', email: 'rita@example.com', permission_sets: ['standard_user', 'memo_user'] }, PASSWORD);
    rita = bearer(await tokenFor(engine, 'rita@example.com', PASSWORD));
  });
  after(() => engine.stop());

  it('keeps the records a user opened, newest first, once each, with their current names, for that user only', async () => {
    const first = await create('memo', { name: 'First memo' }, rita);
    const second = await create('memo', { name: 'Second memo' }, rita);
    ok(await engine.request('POST', RECENT, { object: 'memo', id: first }, rita), 204);
    ok(await engine.request('POST', RECENT, { object: 'memo', id: second }, rita), 204);
    ok(await engine.request('POST', RECENT, { object: 'memo', id: first }, rita), 204);
    ok(await engine.request('PATCH', `/api/v1/records/memo/${second}`, { name: 'Second memo, renamed' }, rita));
    expect((await recentOf(rita)).map((entry) => `${entry.object}/${entry.name}`)).to.deep.equal(['memo/First memo', 'memo/Second memo, renamed']);
    expect((await recentOf({ ...rita, 'accept-language': 'zh-CN' }))[0]!.objectLabel).to.equal('备忘');
    expect(await recentOf()).to.deep.equal([]);
  });

  it('keeps the last 20 per user', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 23; index++) ids.push(await create('memo', { name: `Memo ${index}` }, rita));
    for (const id of ids) ok(await engine.request('POST', RECENT, { object: 'memo', id }, rita), 204);
    const recent = await recentOf(rita);
    expect(recent.map((entry) => entry.id)).to.deep.equal(ids.slice(-20).reverse());
  });

  it('leaves out, at read time, records deleted or out of reach and objects no longer readable, and brings back a restored one', async () => {
    const id = await create('memo', { name: 'Soon deleted' }, rita);
    ok(await engine.request('POST', RECENT, { object: 'memo', id }, rita), 204);
    ok(await engine.request('DELETE', `/api/v1/records/memo/${id}`, undefined, rita), 204);
    expect((await recentOf(rita)).map((entry) => entry.id)).to.not.include(id);
    ok(await engine.request('POST', `/api/v1/recycle-bin/memo/${id}/restore`, undefined, rita));
    expect((await recentOf(rita))[0]!.id).to.equal(id);
    // Given away to someone else, a private record is out of Rita's reach.
    const otto = await createUser(engine, { full_name: 'Otto Other', email: 'otto@example.com', permission_sets: ['standard_user', 'memo_user'] }, PASSWORD);
    ok(await engine.request('PUT', `/api/v1/records/memo/${id}/owner`, { owner: otto }, rita));
    expect((await recentOf(rita)).map((entry) => entry.id)).to.not.include(id);
    // Without read on the object, none of its records.
    ok(await engine.request('PATCH', `/api/v1/records/user/${ritaId}`, { permission_sets: ['standard_user'] }));
    const without = bearer(await tokenFor(engine, 'rita@example.com', PASSWORD, 'again'));
    expect(await recentOf(without)).to.deep.equal([]);
    ok(await engine.request('PATCH', `/api/v1/records/user/${ritaId}`, { permission_sets: ['standard_user', 'memo_user'] }));
  });

  it('refuses a record the user may not read (404, as a read) and a malformed body (400)', async () => {
    const admins = await create('memo', { name: "The admin's memo" });
    expectError(await engine.request('POST', RECENT, { object: 'memo', id: admins }, rita), 404, 'not_found');
    expectError(await engine.request('POST', RECENT, { object: 'nothing', id: admins }, rita), 404, 'not_found');
    expectError(await engine.request('POST', RECENT, { object: 'memo' }, rita), 400, 'validation_failed');
    expectError(await engine.request('POST', RECENT, ['memo'], rita), 400, 'validation_failed');
  });
});
