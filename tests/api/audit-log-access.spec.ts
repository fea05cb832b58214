import { expect } from 'chai';
import { createRecord, defineObject, expectError } from '../support/api-helpers.js';
import { bearer, createUser, tokenFor } from '../support/auth-helpers.js';
import { startTestEngine, type TestEngine, type TestResponse } from '../support/test-engine.js';

const PASSWORD = 'an ordinary user password';

interface Entry {
  _id: string;
  action: string;
  object?: string;
  record?: string;
  changes?: Record<string, { old: unknown; new: unknown }>;
}

/** The audit log is read like the records it is about: sharing and field security apply to its holders too. */
describe('audit log: what a holder of the audit right may read', () => {
  let engine: TestEngine;
  let auditor: Record<string, string>;
  let onlyAudit: Record<string, string>;
  let rep: Record<string, string>;
  const ids: Record<'theirs' | 'admins' | 'purged' | 'payroll', string> = { theirs: '', admins: '', purged: '', payroll: '' };
  const ok = (response: TestResponse, status = 200) => {
    expect(response.status, JSON.stringify(response.body)).to.equal(status);
    return response.body;
  };
  const read = async (query: string, headers: Record<string, string> = {}) => ok(await engine.request('GET', `/api/v1/audit${query}`, undefined, headers)) as { entries: Entry[]; next: string | null };
  /** Every entry a query gives, following `next` one entry at a time. */
  const walk = async (query: string, headers: Record<string, string>) => {
    const all: Entry[] = [];
    for (let before: string | null = ''; before !== null; ) {
      const page = await read(`${query}&limit=1${before ? `&before=${before}` : ''}`, headers);
      all.push(...page.entries);
      before = page.next;
    }
    return all;
  };

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, {
      name: 'deal',
      sharing: 'private',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'amount', type: 'number' },
        { name: 'margin', type: 'number' },
      ],
    });
    await defineObject(engine, { name: 'payroll', fields: [{ name: 'salary', type: 'number' }] });
    const sets = [
      { name: 'deal_auditor', system: { viewAuditLog: true }, objects: { deal: { read: true, create: true, edit: true } }, fields: { deal: { margin: { read: false, edit: false } } } },
      { name: 'audit_only', system: { viewAuditLog: true } },
      { name: 'deal_rep', objects: { deal: { read: true, create: true, edit: true } } },
    ];
    for (const set of sets) ok(await engine.request('POST', '/api/v1/meta/permission-sets', set), 201);
    await createUser(engine, { full_name: 'Al Auditor', email: 'al@example.com', permission_sets: ['standard_user', 'deal_auditor'] }, PASSWORD);
    await createUser(engine, { full_name: 'Vic Viewer', email: 'vic@example.com', permission_sets: ['standard_user', 'audit_only'] }, PASSWORD);
    await createUser(engine, { full_name: 'Rita Rep', email: 'rita@example.com', permission_sets: ['standard_user', 'deal_rep'] }, PASSWORD);
    auditor = bearer(await tokenFor(engine, 'al@example.com', PASSWORD));
    onlyAudit = bearer(await tokenFor(engine, 'vic@example.com', PASSWORD));
    rep = bearer(await tokenFor(engine, 'rita@example.com', PASSWORD));

    ok(
      await engine.request('POST', '/api/v1/meta/automation-rules', {
        name: 'tell_finance',
        object: 'deal',
        actions: [
          { email: { to: [{ user: engine.adminId }], subject: 'Margin {{margin}} on {{title}}', body: 'The margin is {{margin}}.' } },
          { webhook: { url: 'http://127.0.0.1:9/hooks/deals', body: '{"margin": "{{margin}}"}' } },
        ],
      }),
      201,
    );
    ids.admins = (await createRecord(engine, 'deal', { title: 'Admin deal', amount: 1, margin: 5 }))._id;
    ids.theirs = ok(await engine.request('POST', '/api/v1/records/deal', { title: 'Al deal', amount: 2 }, auditor), 201)._id;
    ok(await engine.request('PATCH', `/api/v1/records/deal/${ids.theirs}`, { amount: 3, margin: 7 }));
    ok(await engine.request('DELETE', `/api/v1/records/deal/${ids.theirs}`), 204);
    ids.purged = ok(await engine.request('POST', '/api/v1/records/deal', { title: 'Gone deal', amount: 4 }, auditor), 201)._id;
    ok(await engine.request('DELETE', `/api/v1/records/deal/${ids.purged}`), 204);
    ok(await engine.request('DELETE', `/api/v1/recycle-bin/deal/${ids.purged}`), 204);
    ids.payroll = (await createRecord(engine, 'payroll', { salary: 99000 }))._id;
  });
  after(() => engine.stop());

  it('gives the entries of records they may see (in the recycle bin too), page by page, and no others', async () => {
    const entries = await walk('?object=deal', auditor);
    expect(entries.map((entry) => [entry.record, entry.action])).to.deep.equal([
      [ids.theirs, 'record.delete'],
      [ids.theirs, 'record.update'],
      [ids.theirs, 'record.create'],
    ]);
    expect((await read(`?record=${ids.admins}`, auditor)).entries).to.deep.equal([]);
    expect((await read(`?record=${ids.purged}`, auditor)).entries).to.deep.equal([]);
    expect((await read('?object=payroll', auditor)).entries).to.deep.equal([]);
  });

  it('leaves out the values of fields hidden from them', async () => {
    const [update] = (await read(`?record=${ids.theirs}&action=record.update`, auditor)).entries;
    expect(update!.changes).to.deep.equal({ amount: { old: 2, new: 3 } });
    expect(JSON.stringify((await read('?limit=200', auditor)).entries)).to.not.contain('"margin"');
  });

  it('gives metadata changes only to those who may manage metadata', async () => {
    expect((await read('?action=metadata.object.create', auditor)).entries).to.deep.equal([]);
    expect((await read('?object=object:deal', onlyAudit)).entries).to.deep.equal([]);
    expect((await read('?object=object:deal')).entries.map((entry) => entry.action)).to.deep.equal(['metadata.object.create']);
  });

  it('gives a holder of the audit right alone the entries of the user records they may read, and of no other object', async () => {
    for (const query of ['?object=deal', '?object=payroll', `?record=${ids.theirs}`]) expect((await read(query, onlyAudit)).entries, query).to.deep.equal([]);
    const everything = (await read('?limit=200', onlyAudit)).entries;
    const about = everything.map((entry) => (entry.action.startsWith('auth.') ? 'sign-ins and tokens' : entry.object));
    expect([...new Set(about)].sort()).to.deep.equal(['sign-ins and tokens', 'user']);
    // Every user reads the users (the first administrator and three more), but not their permission sets: neither do their entries show them.
    const userCreated = everything.filter((entry) => entry.object === 'user' && entry.action === 'record.create');
    expect(userCreated).to.have.length(4);
    for (const entry of userCreated) expect(entry.changes).to.include.keys('email').and.not.have.key('permission_sets');
    const [asAdmin] = (await read(`?record=${userCreated[0]!.record}&action=record.create`)).entries;
    expect(asAdmin!.changes).to.include.keys('permission_sets');
  });

  it('gives administrators every entry whole, purged records and hidden fields included', async () => {
    expect((await read(`?record=${ids.purged}`)).entries.map((entry) => entry.action)).to.deep.equal(['record.purge', 'record.delete', 'record.create']);
    const [update] = (await read(`?record=${ids.theirs}&action=record.update`)).entries;
    expect(update!.changes).to.deep.equal({ amount: { old: 2, new: 3 }, margin: { old: null, new: 7 } });
    expect((await read(`?record=${ids.payroll}`)).entries.map((entry) => entry.action)).to.deep.equal(['record.create']);
  });

  it('gives the outboxes without the record values of their messages and calls to readers who may not view all data', async () => {
    const emails = ok(await engine.request('GET', '/api/v1/outbox/email', undefined, auditor)).messages as Record<string, unknown>[];
    const calls = ok(await engine.request('GET', '/api/v1/outbox/webhook', undefined, auditor)).calls as Record<string, unknown>[];
    expect(emails.length).to.be.greaterThan(0);
    expect(calls.length).to.be.greaterThan(0);
    for (const message of emails) expect(message).to.include({ subject: '••••' }).and.not.have.any.keys('text', 'html');
    for (const call of calls) expect(call).to.include({ url: 'http://127.0.0.1:9/hooks/deals' }).and.not.have.key('body');
    const asAdmin = ok(await engine.request('GET', '/api/v1/outbox/email')).messages as { subject: string }[];
    expect(asAdmin.map((message) => message.subject)).to.include('Margin 5 on Admin deal');
    expect((ok(await engine.request('GET', '/api/v1/outbox/webhook')).calls as { body: string }[]).map((call) => call.body)).to.include('{"margin":"5"}');
  });

  it('refuses users without the audit right', async () => {
    expectError(await engine.request('GET', '/api/v1/audit', undefined, rep), 403, 'forbidden');
  });
});
