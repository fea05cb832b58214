import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStoreProvider } from '../../../engine/store/embedded/index.js';
import { MAX_IDS } from '../../../engine/store/embedded/point-lists.js';
import type { Doc, Store } from '../../../engine/store/port.js';

interface Item extends Doc {
  record: string;
  status: string;
  tags?: string[];
  n: number;
}

/** A seeded generator, so that a failure replays. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('embedded store: the lists of ids kept for whole keys follow every commit', () => {
  let dir: string;
  let provider: EmbeddedStoreProvider;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-points-'));
    provider = new EmbeddedStoreProvider(dir, 'process');
    store = await provider.open('acme');
    await store.ensureIndexes('items', [
      { name: 'by_record', keys: { record: 1 } },
      { name: 'by_record_status', keys: { record: 1, status: 1 } },
      { name: 'by_tag', keys: { tags: 1 } },
      { name: 'by_code', keys: { code: 1 }, unique: true, sparse: true },
    ]);
  });
  afterEach(async () => {
    await provider.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What the store answers, beside what the documents written say, for every key and each way of asking. */
  async function expectSame(model: Map<string, Item>, keys: string[], note: string): Promise<void> {
    const items = store.collection<Item>('items');
    for (const record of keys) {
      const want = [...model.values()].filter((item) => item.record === record);
      const ids = (docs: Doc[]) => docs.map((doc) => doc._id);
      const ascending = want.map((item) => item._id).sort();
      expect(ids(await items.find({ record })), `${note}: ${record}`).to.deep.equal(ascending);
      expect(ids(await items.find({ record }, { sort: { _id: -1 } })), `${note}: ${record} downwards`).to.deep.equal([...ascending].reverse());
      const pending = want.filter((item) => item.status === 'pending').map((item) => item._id).sort();
      expect(ids(await items.find({ record, status: 'pending' })), `${note}: ${record} pending`).to.deep.equal(pending);
      expect(await items.count({ record, status: 'pending' }), `${note}: ${record} pending counted`).to.equal(pending.length);
      const tagged = [...model.values()].filter((item) => item.tags?.includes(record)).map((item) => item._id).sort();
      expect(ids(await items.find({ tags: record })), `${note}: tag ${record}`).to.deep.equal(tagged);
      expect(ids(await items.find({ $or: [{ record }, { tags: record }] })).sort(), `${note}: ${record} or tag`).to.deep.equal([...new Set([...ascending, ...tagged])].sort());
    }
  }

  it('inserts, updates that move a document between keys, deletes, arrays, failed units and keys past the kept size', async () => {
    const next = random(7);
    const keys = ['r1', 'r2', 'r3', 'big'];
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    const model = new Map<string, Item>();
    const items = store.collection<Item>('items');
    let serial = 0;
    const newItem = (record: string): Item => ({
      _id: `i${String(serial++).padStart(5, '0')}`,
      record,
      status: pick(['pending', 'closed']),
      n: serial,
      ...(next() < 0.3 ? { tags: [pick(keys), pick(keys)] } : {}),
    });
    // The lists are read first, so that every later change has a list to follow.
    await expectSame(model, keys, 'empty');
    for (let n = 0; n < MAX_IDS + 10; n++) {
      const item = newItem('big');
      await items.insertOne(item);
      model.set(item._id, item);
    }
    await expectSame(model, keys, 'a key past the kept size');
    for (let round = 0; round < 300; round++) {
      const existing = [...model.values()];
      const action = next();
      if (action < 0.35 || existing.length === 0) {
        const item = newItem(pick(keys));
        await items.insertOne(item);
        model.set(item._id, item);
      } else if (action < 0.6) {
        const item = pick(existing);
        const moved = { ...item, record: pick(keys), status: pick(['pending', 'closed']) };
        await items.updateOne({ _id: item._id }, { $set: { record: moved.record, status: moved.status } });
        model.set(item._id, moved);
      } else if (action < 0.7) {
        const record = pick(keys);
        await items.updateMany({ record, status: 'pending' }, { $set: { status: 'closed' } });
        for (const item of existing) if (item.record === record && item.status === 'pending') model.set(item._id, { ...item, status: 'closed' });
      } else if (action < 0.85) {
        const item = pick(existing);
        await items.deleteOne({ _id: item._id });
        model.delete(item._id);
      } else if (action < 0.93) {
        // A unit that writes and then fails commits nothing: no list may keep its writes.
        const item = newItem(pick(keys));
        await store
          .unitOfWork(async (tx) => {
            await tx.collection('items').insertOne(item);
            await tx.collection('items').updateMany({ record: item.record }, { $set: { status: 'pending' } });
            throw new Error('refused');
          })
          .catch((error: Error) => expect(error.message).to.equal('refused'));
      } else {
        // Several units committed as one group, each on the last one's writes.
        const first = newItem(pick(keys));
        const second = newItem(first.record);
        await Promise.all([
          store.unitOfWork((tx) => tx.collection('items').insertOne(first)),
          store.unitOfWork(async (tx) => {
            await tx.collection('items').insertOne(second);
            await tx.collection('items').updateOne({ _id: first._id }, { $set: { status: 'closed' } });
          }),
        ]);
        model.set(first._id, { ...first, status: 'closed' });
        model.set(second._id, second);
      }
      if (round % 10 === 0) await expectSame(model, keys, `round ${round}`);
    }
    await expectSame(model, keys, 'at the end');
  });

  it('a unique key refused at commit leaves the lists as they were', async () => {
    const items = store.collection<Item>('items');
    await items.insertOne({ _id: 'a', record: 'r', status: 'pending', n: 1, code: 'X' } as Item);
    expect((await items.find({ record: 'r' })).map((doc) => doc._id)).to.deep.equal(['a']);
    const refused = await items.insertOne({ _id: 'b', record: 'r', status: 'pending', n: 2, code: 'X' } as Item).catch((error: Error) => error);
    expect(refused).to.be.instanceOf(Error);
    expect((await items.find({ record: 'r' })).map((doc) => doc._id)).to.deep.equal(['a']);
  });

  it('an index made again under the number of a dropped one starts from what SQLite holds', async () => {
    const items = store.collection<Item>('items');
    await store.ensureIndexes('items', [{ name: 'by_record', keys: { record: 1 } }]);
    await items.insertMany([
      { _id: 'a', record: 'x', status: 'y', n: 1 },
      { _id: 'b', record: 'y', status: 'x', n: 2 },
    ]);
    expect((await items.find({ record: 'x' })).map((doc) => doc._id)).to.deep.equal(['a']);
    // The only index is dropped and another made in its place: SQLite gives it the same number,
    // and the key 'x' now means a status.
    await store.ensureIndexes('items', [{ name: 'by_record', keys: { status: 1 } }]);
    expect((await items.find({ status: 'x' })).map((doc) => doc._id)).to.deep.equal(['b']);
    expect((await items.find({ record: 'x' })).map((doc) => doc._id)).to.deep.equal(['a']);
  });
});
