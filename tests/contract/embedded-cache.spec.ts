import Database from 'better-sqlite3';
import { expect } from 'chai';
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStoreProvider } from '../../engine/store/embedded/index.js';
import type { Doc, Store } from '../../engine/store/port.js';
import { expectDuplicateKey, ids, rejectionOf } from './store.fixtures.js';

/** A cache of 64 KB holds about a hundred of these documents: every test here works past it. */
const SMALL_CACHE = 64 * 1024;
const SIZE = 3000;

const docOf = (i: number): Doc => ({
  _id: `d${String(i).padStart(5, '0')}`,
  code: `C${i}`,
  group: `g${i % 10}`,
  amount: (i * 7919) % 1000,
  text: 'x'.repeat(100),
});

describe('embedded store with a cache smaller than the data', () => {
  let root: string;
  let dirs = 0;
  let provider: EmbeddedStoreProvider | undefined;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'crm-store-cache-'));
  });
  afterEach(async () => {
    await provider?.close();
    provider = undefined;
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const open = async (dir = join(root, `d${++dirs}`)): Promise<{ store: Store; dir: string }> => {
    provider = new EmbeddedStoreProvider(dir, 'process', SMALL_CACHE);
    return { store: await provider.open('acme'), dir };
  };
  const all = Array.from({ length: SIZE }, (_, i) => docOf(i));
  const byAmountDesc = [...all].sort((a, b) => (b.amount as number) - (a.amount as number) || a._id.localeCompare(b._id));

  it('commits a unit of work larger than the cache, which sees all its own writes before it commits', async () => {
    const { store } = await open();
    await store.ensureIndexes('deals', [{ name: 'code', keys: { code: 1 }, unique: true }, { name: 'group_amount', keys: { group: 1, amount: -1 } }]);
    await store.unitOfWork(async (tx) => {
      const deals = tx.collection('deals');
      await deals.insertMany(all);
      expect(await deals.count({})).to.equal(SIZE);
      expect(await deals.count({ group: 'g3' })).to.equal(SIZE / 10);
      expect(ids(await deals.find({}, { sort: { amount: -1 }, limit: 5 }))).to.deep.equal(ids(byAmountDesc.slice(0, 5)));
      expectDuplicateKey(await rejectionOf(deals.insertOne({ _id: 'dup', code: 'C17' })), ['code']);
    }).catch((error: unknown) => expect.fail(String(error)));
  });

  it('answers queries over a collection larger than the cache, also after reopening the file', async () => {
    const { store, dir } = await open();
    await store.ensureIndexes('deals', [{ name: 'code', keys: { code: 1 }, unique: true }, { name: 'group_amount', keys: { group: 1, amount: -1 } }]);
    for (let i = 0; i < SIZE; i += 1000) await store.unitOfWork((tx) => tx.collection('deals').insertMany(all.slice(i, i + 1000)));
    const check = async (deals = store.collection('deals')) => {
      const inGroup = byAmountDesc.filter((doc) => doc.group === 'g4');
      expect(ids(await deals.find({ group: 'g4' }, { sort: { amount: -1 }, limit: 50 }))).to.deep.equal(ids(inGroup.slice(0, 50)));
      expect(await deals.count({ group: 'g4', amount: { $gte: 500 } })).to.equal(inGroup.filter((doc) => (doc.amount as number) >= 500).length);
      expect(ids(await deals.find({ amount: { $gte: 990 } }, { sort: { amount: -1 } }))).to.deep.equal(ids(byAmountDesc.filter((doc) => (doc.amount as number) >= 990)));
      expect((await deals.findOne({ code: 'C2999' }))?._id).to.equal('d02999');
      expect(await deals.count({})).to.equal(SIZE);
      expect(ids(await deals.find({}, { skip: SIZE - 2 }))).to.deep.equal(['d02998', 'd02999']);
    };
    await check();
    await store.collection('deals').updateMany({ group: 'g4' }, { $inc: { amount: 1 } });
    for (const doc of all) if (doc.group === 'g4') doc.amount = (doc.amount as number) + 1;
    byAmountDesc.sort((a, b) => (b.amount as number) - (a.amount as number) || a._id.localeCompare(b._id));
    await check();
    await provider!.close();
    const reopened = await open(dir);
    await check(reopened.store.collection('deals'));
    expectDuplicateKey(await rejectionOf(reopened.store.collection('deals').insertOne({ _id: 'dup', code: 'C5' })), ['code']);
  });

  it('takes over a file written when indexes were held in memory, building its indexes once', async () => {
    const dir = join(root, `d${++dirs}`);
    mkdirSync(join(dir, 'acme'), { recursive: true });
    const old = new Database(join(dir, 'acme', 'store.sqlite'));
    old.exec(`CREATE TABLE docs (coll TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (coll, id)) WITHOUT ROWID;
      CREATE TABLE indexes (coll TEXT NOT NULL, name TEXT NOT NULL, spec TEXT NOT NULL, PRIMARY KEY (coll, name)) WITHOUT ROWID;`);
    const insert = old.prepare('INSERT INTO docs (coll, id, body) VALUES (?, ?, ?)');
    for (const doc of all.slice(0, 300)) insert.run('deals', doc._id, JSON.stringify(doc));
    old.prepare('INSERT INTO indexes (coll, name, spec) VALUES (?, ?, ?)').run('deals', 'code', JSON.stringify({ name: 'code', keys: { code: 1 }, unique: true }));
    old.close();
    const { store } = await open(dir);
    expect(await store.listIndexes('deals')).to.deep.equal([{ name: 'code', keys: { code: 1 }, unique: true }]);
    expect((await store.collection('deals').findOne({ code: 'C42' }))?._id).to.equal('d00042');
    expect(await store.collection('deals').count({ code: { $in: ['C1', 'C2', 'C999'] } })).to.equal(2);
    expectDuplicateKey(await rejectionOf(store.collection('deals').insertOne({ _id: 'dup', code: 'C7' })), ['code']);
    // Its documents moved into the rowid table (docs-table.ts), every one of them, in _id order as before.
    const file = new Database(join(dir, 'acme', 'store.sqlite'), { readonly: true });
    try {
      expect(file.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'docs'").pluck().get()).to.not.match(/WITHOUT ROWID/i);
      expect(file.prepare("SELECT name FROM sqlite_master WHERE name = 'docs_without_rowid'").all()).to.deep.equal([]);
    } finally {
      file.close();
    }
    expect(ids(await store.collection('deals').find({}, { projection: { _id: 1 } }))).to.deep.equal(all.slice(0, 300).map((doc) => doc._id));
    expect(await store.collection('deals').findOne({ _id: 'd00299' })).to.deep.equal(all[299]);
  });
});
