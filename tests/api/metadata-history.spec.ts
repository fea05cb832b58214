import { expect } from 'chai';
import { issueToken } from '../../engine/security/api-tokens.js';
import { DEFAULT_TENANT } from '../../engine/tenancy/index.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEngine } from '../../engine/start-engine.js';
import { createRecord, defineObject, expectError } from '../support/api-helpers.js';

/** The core objects (metadata/*.object.json) every tenant starts with, one metadata version each. */
/** The core metadata: the user object, then the admin and standard_user permission sets. */
const CORE = 3;
import { startTestEngine, TEST_ADMIN, type TestEngine } from '../support/test-engine.js';

interface HistoryEntry {
  version: number;
  kind: string;
  name: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  by: string;
  at: string;
}

describe('metadata API: versions and history', () => {
  let engine: TestEngine;
  beforeEach(async () => {
    engine = await startTestEngine();
  });
  afterEach(async () => {
    await engine.stop();
  });

  const history = async (query = ''): Promise<{ entries: HistoryEntry[]; next: number | null; version: number }> => {
    const response = await engine.request('GET', `/api/v1/meta/history${query}`);
    expect(response.status).to.equal(200);
    return response.body;
  };

  it('starts a fresh tenant with the core metadata installed, one version each', async () => {
    const { entries, version } = await history();
    expect(version).to.equal(CORE);
    expect(entries.map((entry) => [entry.version, entry.action, entry.name, entry.by])).to.deep.equal([
      [3, 'permissionSet.create', 'standard_user', 'system'],
      [2, 'permissionSet.create', 'admin', 'system'],
      [1, 'object.create', 'user', 'system'],
    ]);
  });

  it('bumps the version by one on every change and keeps each change, newest first, with before and after', async () => {
    const steps: [string, string, unknown?][] = [
      ['POST', '/api/v1/meta/objects', { name: 'lead', fields: [{ name: 'company', type: 'text' }] }],
      ['POST', '/api/v1/meta/objects/lead/fields', { name: 'email', type: 'email' }],
      ['PATCH', '/api/v1/meta/objects/lead/fields/company', { required: true }],
      ['PATCH', '/api/v1/meta/objects/lead', { label: { en: 'Lead', 'zh-CN': '线索' } }],
      ['PUT', '/api/v1/meta/objects/lead/fields/email', { type: 'email', unique: true }],
      ['DELETE', '/api/v1/meta/objects/lead/fields/email'],
      ['DELETE', '/api/v1/meta/objects/lead'],
    ];
    const versions: number[] = [];
    for (const [method, path, body] of steps) {
      const response = await engine.request(method, path, body);
      expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).to.be.oneOf([200, 201]);
      versions.push(response.body.version);
    }
    expect(versions).to.deep.equal([1, 2, 3, 4, 5, 6, 7].map((v) => v + CORE));

    const { entries: all, version } = await history();
    const entries = all.filter((entry) => entry.name === 'lead');
    expect(version).to.equal(7 + CORE);
    expect(entries.map((entry) => [entry.version - CORE, entry.action, entry.name])).to.deep.equal([
      [7, 'object.delete', 'lead'],
      [6, 'field.delete', 'lead'],
      [5, 'field.update', 'lead'],
      [4, 'object.update', 'lead'],
      [3, 'field.update', 'lead'],
      [2, 'field.create', 'lead'],
      [1, 'object.create', 'lead'],
    ]);
    for (const entry of entries) {
      expect(entry.kind).to.equal('object');
      expect(entry.by).to.equal(engine.adminId);
      expect(Number.isNaN(Date.parse(entry.at))).to.equal(false);
    }
    const byVersion = new Map(entries.map((entry) => [entry.version - CORE, entry]));
    expect(byVersion.get(1)!.before).to.equal(null);
    expect(byVersion.get(1)!.after).to.deep.equal({ name: 'lead', fields: [{ name: 'company', type: 'text' }] });
    expect(byVersion.get(3)!.before).to.deep.equal(byVersion.get(2)!.after);
    expect(byVersion.get(3)!.after).to.deep.equal({
      name: 'lead',
      fields: [{ name: 'company', type: 'text', required: true }, { name: 'email', type: 'email' }],
    });
    expect(byVersion.get(7)!.before).to.deep.equal(byVersion.get(6)!.after);
    expect(byVersion.get(7)!.after).to.equal(null);
  });

  it('neither bumps the version nor writes history for a refused change', async () => {
    await defineObject(engine, { name: 'lead', fields: [{ name: 'company', type: 'text' }] });
    await createRecord(engine, 'lead', { company: 'ACME' });
    const refusals: [string, string, unknown, number][] = [
      ['POST', '/api/v1/meta/objects', { name: 'lead' }, 409],
      ['POST', '/api/v1/meta/objects', { name: 'Bad Name' }, 400],
      ['POST', '/api/v1/meta/objects/lead/fields', { name: 'company', type: 'text' }, 409],
      ['PATCH', '/api/v1/meta/objects/lead/fields/company', { type: 'number' }, 409],
      ['PATCH', '/api/v1/meta/objects/lead/fields/company', { name: 'firm' }, 409],
      ['PATCH', '/api/v1/meta/objects/lead', { name: 'prospect' }, 409],
      ['DELETE', '/api/v1/meta/objects/lead', undefined, 409],
    ];
    for (const [method, path, body, status] of refusals) {
      expectError(await engine.request(method, path, body), status);
    }
    const { entries, version } = await history();
    expect(version).to.equal(1 + CORE);
    expect(entries).to.have.length(1 + CORE);
  });

  it('gives concurrent changes consecutive versions, one history entry each, and loses none of them', async () => {
    await defineObject(engine, { name: 'lead', fields: [{ name: 'company', type: 'text' }] });
    const names = Array.from({ length: 20 }, (_, i) => `extra_${i}`);
    const responses = await Promise.all(names.map((name) => engine.request('POST', '/api/v1/meta/objects/lead/fields', { name, type: 'text' })));
    expect(responses.map((response) => response.status)).to.deep.equal(Array(20).fill(201));
    expect(responses.map((response) => response.body.version as number).sort((a, b) => a - b)).to.deep.equal(names.map((_, i) => i + 2 + CORE));
    const fields = (await engine.request('GET', '/api/v1/meta/objects/lead/fields')).body.fields.map((field: { name: string }) => field.name);
    expect(fields).to.have.members(['company', ...names]);
    const { entries, version } = await history('?limit=200');
    expect(version).to.equal(21 + CORE);
    expect(entries.map((entry) => entry.version)).to.deep.equal(Array.from({ length: 21 + CORE }, (_, i) => 21 + CORE - i));
  });

  it('returns at most limit entries, newest first', async () => {
    for (const name of ['one', 'two', 'three']) await defineObject(engine, { name });
    const { entries } = await history('?limit=2');
    expect(entries.map((entry) => entry.name)).to.deep.equal(['three', 'two']);
  });

  it('reads the versions of one definition by kind and name, and of one kind', async () => {
    await defineObject(engine, { name: 'lead', fields: [{ name: 'company', type: 'text' }] });
    await defineObject(engine, { name: 'deal' });
    await engine.request('PATCH', '/api/v1/meta/objects/lead', { label: { en: 'Lead' } });
    const lead = await history('?kind=object&name=lead');
    expect(lead.entries.map((entry) => [entry.action, entry.name])).to.deep.equal([
      ['object.update', 'lead'],
      ['object.create', 'lead'],
    ]);
    expect(lead.entries[0]!.before).to.deep.equal(lead.entries[1]!.after);
    const sets = await history('?kind=permissionSet');
    expect(sets.entries.map((entry) => entry.name)).to.deep.equal(['standard_user', 'admin']);
  });

  it('follows a definition through a rename: its entries are those named so before or after', async () => {
    await engine.request('POST', '/api/v1/meta/groups', { name: 'sales', label: { en: 'Sales' } });
    const renamed = await engine.request('PUT', '/api/v1/meta/groups/sales', { name: 'sales_team', label: { en: 'Sales' } });
    expect(renamed.status, JSON.stringify(renamed.body)).to.equal(200);
    const { entries } = await history('?kind=group&name=sales_team');
    expect(entries.map((entry) => [entry.action, entry.name, (entry.after as { name: string } | null)?.name])).to.deep.equal([
      ['group.update', 'sales', 'sales_team'],
    ]);
  });

  it('pages with next and before, each change on exactly one page', async () => {
    for (const name of ['one', 'two', 'three']) await defineObject(engine, { name });
    const first = await history('?kind=object&limit=2');
    expect(first.entries.map((entry) => entry.name)).to.deep.equal(['three', 'two']);
    expect(first).to.have.property('next', first.entries[1]!.version);
    const second = await history(`?kind=object&limit=2&before=${first.next}`);
    expect(second.entries.map((entry) => entry.name)).to.deep.equal(['one', 'user']);
    expect(second).to.have.property('next', null);
  });

  it('ends a page between two versions, so the entries one change wrote together land on one page', async () => {
    await defineObject(engine, { name: 'widget', fields: [{ name: 'name', type: 'text' }] });
    const view = await engine.request('POST', '/api/v1/meta/list-views', { name: 'all_widgets', object: 'widget', label: { en: 'All widgets' }, columns: ['name'] });
    expect(view.status, JSON.stringify(view.body)).to.equal(201);
    // The delete writes two entries of one version: the object's and its shared list view's.
    expect((await engine.request('DELETE', '/api/v1/meta/objects/widget')).status).to.equal(200);
    await defineObject(engine, { name: 'after_widget' });
    const first = await history('?limit=2');
    expect(first.entries.map((entry) => entry.action)).to.deep.equal(['object.create']);
    const second = await history(`?limit=2&before=${first.next}`);
    expect(second.entries.map((entry) => entry.action).sort()).to.deep.equal(['listView.delete', 'object.delete']);
    expect(new Set(second.entries.map((entry) => entry.version)).size).to.equal(1);
  });

  it('refuses an unknown kind, a name without its kind and a malformed cursor, naming the parameter', async () => {
    for (const [query, path] of [['?kind=widget', '/kind'], ['?name=lead', '/kind'], ['?before=abc', '/before'], ['?before=0', '/before']] as const) {
      const response = await engine.request('GET', `/api/v1/meta/history${query}`);
      expectError(response, 400);
      expect(response.body.error.details.map((detail: { path: string }) => detail.path), query).to.include(path);
    }
  });

  it('keeps the version, the history and the definitions across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'crm-history-'));
    try {
      const first = await startEngine({ port: 0, host: '127.0.0.1', dataDir, durability: 'process', admin: TEST_ADMIN });
      const { token } = await issueToken(await first.platform.tenant(DEFAULT_TENANT), first.firstAdmin!.userId, 'restart test');
      const authorization = `Bearer ${token}`;
      await fetch(`${first.url}/api/v1/meta/objects`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ name: 'lead', fields: [{ name: 'company', type: 'text' }] }),
      });
      await first.stop();

      const second = await startEngine({ port: 0, host: '127.0.0.1', dataDir, durability: 'process', admin: TEST_ADMIN });
      try {
        const objects = (await (await fetch(`${second.url}/api/v1/meta/objects`, { headers: { authorization } })).json()) as { objects: { name: string }[]; version: number };
        expect(objects.version).to.equal(1 + CORE);
        expect(objects.objects.find((object) => object.name === 'lead')).to.deep.equal({ name: 'lead', fields: [{ name: 'company', type: 'text' }] });
        const log = (await (await fetch(`${second.url}/api/v1/meta/history`, { headers: { authorization } })).json()) as { entries: HistoryEntry[] };
        expect(log.entries.map((entry: HistoryEntry) => [entry.action, entry.name])).to.deep.equal([
          ['object.create', 'lead'],
          ['permissionSet.create', 'standard_user'],
          ['permissionSet.create', 'admin'],
          ['object.create', 'user'],
        ]);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
