import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectError } from '../support/api-helpers.js';
import { startConfiguredEngine, type ConfiguredEngine } from '../support/configured-engine.js';
import { buildOrg, defaultTenant, OBJECTS, type Caller, type Org } from '../support/permission-fixtures.js';
import type { TestResponse } from '../support/test-engine.js';

interface Change {
  cursor: string;
  object: string;
  id: string;
  change: string;
  version: number;
}

/** Reads the whole feed from `since` on, `limit` at a time, as a syncing client would; returns the changes and the last `next`. */
async function readFeed(call: Caller, since = '0', limit = 50): Promise<{ changes: Change[]; next: string; pages: number }> {
  const changes: Change[] = [];
  let next = since;
  let pages = 0;
  for (;;) {
    const page: TestResponse = await call('GET', `/api/v1/changes?since=${next}&limit=${limit}`);
    expect(page.status, JSON.stringify(page.body)).to.equal(200);
    changes.push(...page.body.changes);
    next = page.body.next;
    pages++;
    if (!page.body.more) return { changes, next, pages };
  }
}

describe('the change feed: GET /api/v1/changes', function () {
  this.timeout(60_000);
  let engine: ConfiguredEngine;
  let dataDir: string;
  const admin: Caller = (method, path, body) => engine.request(method, path, body);

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'crm-changes-'));
    engine = await startConfiguredEngine({}, dataDir);
    expect((await admin('POST', '/api/v1/meta/objects', { name: 'ticket', fields: [{ name: 'title', type: 'text' }] })).status).to.equal(201);
  });
  after(async () => {
    await engine.stop(true);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists creates, updates, deletes and restores in the order they committed, each once, page after page', async () => {
    const start = (await readFeed(admin)).next;
    const a = (await admin('POST', '/api/v1/records/ticket', { title: 'A' })).body;
    await admin('PATCH', `/api/v1/records/ticket/${a._id}`, { title: 'A2' });
    const b = (await admin('POST', '/api/v1/records/ticket', { title: 'B' })).body;
    expect((await admin('DELETE', `/api/v1/records/ticket/${b._id}`)).status).to.equal(204);
    expect((await admin('POST', `/api/v1/recycle-bin/ticket/${b._id}/restore`)).status).to.equal(200);
    const { changes, pages } = await readFeed(admin, start, 2);
    expect(pages).to.equal(3);
    expect(changes.map(({ id, change, version }) => ({ id, change, version }))).to.deep.equal([
      { id: a._id, change: 'created', version: 1 },
      { id: a._id, change: 'updated', version: 2 },
      { id: b._id, change: 'created', version: 1 },
      // The recycle bin keeps a record's version: a delete and a restore mark it, they do not edit it.
      { id: b._id, change: 'deleted', version: 1 },
      { id: b._id, change: 'restored', version: 1 },
    ]);
    expect(changes.map((change) => Number(change.cursor))).to.deep.equal([1, 2, 3, 4, 5].map((offset) => Number(start) + offset));
    // Read to the end, the feed has nothing more, and says where to go on from.
    const end = await admin('GET', `/api/v1/changes?since=${changes.at(-1)!.cursor}`);
    expect(end.body).to.deep.equal({ changes: [], next: changes.at(-1)!.cursor, more: false });
  });

  it('misses and repeats nothing while writers run concurrently with the reader', async () => {
    const start = (await readFeed(admin)).next;
    const created: string[] = [];
    const seen: Change[] = [];
    let next = start;
    let writing = true;
    const reader = (async () => {
      while (writing || seen.length < created.length) {
        const page = await admin('GET', `/api/v1/changes?since=${next}&limit=7`);
        seen.push(...page.body.changes);
        next = page.body.next;
      }
    })();
    await Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        for (let i = 0; i < 15; i++) created.push((await admin('POST', '/api/v1/records/ticket', { title: `w${w}-${i}` })).body._id);
      }),
    );
    writing = false;
    await reader;
    expect(seen.map((change) => change.id).sort()).to.deep.equal([...created].sort());
    const cursors = seen.map((change) => Number(change.cursor));
    expect(cursors).to.deep.equal(cursors.map((_, index) => Number(start) + 1 + index));
  });

  it('goes on from a cursor after a restart, with nothing missed or repeated', async () => {
    const before = await readFeed(admin);
    await engine.stop();
    engine = await startConfiguredEngine({}, dataDir);
    const after = (await admin('POST', '/api/v1/records/ticket', { title: 'after the restart' })).body;
    const resumed = await readFeed(admin, before.next);
    expect(resumed.changes.map(({ id, change }) => ({ id, change }))).to.deep.equal([{ id: after._id, change: 'created' }]);
    expect(Number(resumed.changes[0]!.cursor)).to.equal(Number(before.next) + 1);
  });

  it('refuses a cursor or a limit that is not one', async () => {
    expectError(await admin('GET', '/api/v1/changes?since=abc'), 400, 'validation_failed');
    expectError(await admin('GET', '/api/v1/changes?limit=5000'), 400, 'validation_failed');
  });

  describe('as each user may see it', () => {
    let org: Org;
    before(async () => {
      org = await buildOrg(engine, defaultTenant(engine));
    });

    for (const persona of ['rita', 'sam', 'fiona'] as const) {
      it(`gives ${persona} the changes of exactly the records ${persona} may read, of the objects ${persona} may read`, async () => {
        const { changes } = await readFeed(org.as(persona), '0', 40);
        for (const object of [...OBJECTS, 'ticket']) {
          const listed = await org.as(persona)('GET', `/api/v1/records/${object}?limit=200`);
          const readable = listed.status === 200 ? (listed.body.records as { _id: string }[]).map((record) => record._id).sort() : [];
          const inFeed = [...new Set(changes.filter((change) => change.object === object).map((change) => change.id))].sort();
          expect(inFeed, `${persona}: ${object}`).to.deep.equal(readable);
        }
        expect(changes.some((change) => change.object === 'user')).to.equal(true);
      });
    }
  });
});

describe('the change feed: its retention (CHANGE_FEED_DAYS)', () => {
  let engine: ConfiguredEngine;
  const admin: Caller = (method, path, body) => engine.request(method, path, body);
  before(async () => {
    engine = await startConfiguredEngine();
    expect((await admin('POST', '/api/v1/meta/objects', { name: 'ticket', fields: [{ name: 'title', type: 'text' }] })).status).to.equal(201);
  });
  after(() => engine.stop(true));

  it('keeps entries for the days set, and tells a reader behind them that its cursor expired instead of skipping what went', async () => {
    for (const title of ['one', 'two']) await admin('POST', '/api/v1/records/ticket', { title });
    const before = await readFeed(admin);
    expect(await engine.platform.purgeChangeFeeds(30)).to.equal(0);
    expect(await engine.platform.purgeChangeFeeds(0)).to.equal(before.changes.length);
    const expired = await admin('GET', '/api/v1/changes?since=0');
    expectError(expired, 410, 'cursor_expired');
    expect(expired.body.error.message).to.contain('ask for since=now');
    // From where the feed stands: nothing yet, then what comes next.
    const now = await admin('GET', '/api/v1/changes?since=now');
    expect(now.body).to.deep.equal({ changes: [], next: before.next, more: false });
    const three = (await admin('POST', '/api/v1/records/ticket', { title: 'three' })).body;
    const after = await readFeed(admin, now.body.next);
    expect(after.changes.map(({ id, change }) => ({ id, change }))).to.deep.equal([{ id: three._id, change: 'created' }]);
  });
});
