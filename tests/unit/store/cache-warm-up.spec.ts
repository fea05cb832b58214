import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteFile } from '../../../engine/store/embedded/sqlite-file.js';
import { newId } from '../../../engine/store/new-id.js';
import { countedStore } from './counted-store.js';

const deal = (n: number) => ({ _id: newId(), name: `Deal ${n}`, amount: n * 10, notes: 'x'.repeat(200) });

describe('embedded store: the cache warms up after a clean restart', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'crm-warm-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function seeded(count: number, cacheBytes = 1 << 24): Promise<string[]> {
    const { store } = countedStore(dir, cacheBytes);
    await store.cacheWarmed();
    const docs = Array.from({ length: count }, (_, n) => deal(n));
    await store.unitOfWork((tx) => tx.collection('deals').insertMany(docs));
    await store.close();
    return docs.map((doc) => doc._id);
  }

  it('reads the documents the cache held back in the background, so the first reads after opening hit the cache', async () => {
    const ids = await seeded(500);
    const { store, reads } = countedStore(dir, 1 << 24);
    await store.cacheWarmed();
    const warmed = reads();
    expect(warmed, 'the warm-up read every document once').to.equal(500);
    for (const id of ids) expect((await store.collection('deals').findOne({ _id: id }))?._id).to.equal(id);
    expect(reads(), 'no read after the warm-up').to.equal(warmed);
    await store.close();
  });

  it('opens without waiting for it: the first read is answered before the warm-up has read anything', async () => {
    const ids = await seeded(300);
    const { store, reads } = countedStore(dir, 1 << 24);
    expect((await store.collection('deals').findOne({ _id: ids[7]! }))?._id).to.equal(ids[7]);
    expect(reads(), 'only the read asked for').to.equal(1);
    await store.cacheWarmed();
    await store.close();
  });

  it('fills only free room: a smaller cache stops the warm-up at its bound, and the most recent documents come first', async () => {
    const ids = await seeded(1000);
    const small = 64 * 1024;
    const { store, reads } = countedStore(dir, small);
    await store.cacheWarmed();
    const warmed = reads();
    expect(warmed, 'stopped at the bound').to.be.greaterThan(20).and.lessThan(1000);
    // The newest documents were the youngest in the cache when it closed: they are the ones read back.
    await store.collection('deals').findOne({ _id: ids[999]! });
    expect(reads(), 'the newest is cached').to.equal(warmed);
    await store.collection('deals').findOne({ _id: ids[0]! });
    expect(reads(), 'the oldest is not').to.equal(warmed + 1);
    await store.close();
  });

  it('keeps the list when a store is closed before its warm-up ended, and skips ids deleted since', async () => {
    const ids = await seeded(200);
    // Opened and closed at once (a command that needed the store for a moment): the list stays.
    const brief = countedStore(dir, 1 << 24);
    await brief.store.close();
    expect(brief.reads(), 'nothing read').to.equal(0);

    // As after a crash: the list of the last clean close names documents deleted since.
    const file = new SqliteFile(join(dir, 'store.sqlite'), 'process');
    expect(file.cachedIds(0, 1000).map((row) => row.id), 'the list of the last long-running open').to.have.members(ids);
    file.saveCachedIds([...ids.map((id) => ({ collection: 'deals', id })), { collection: 'deals', id: newId() }, { collection: 'gone', id: 'x' }]);
    await file.close();

    const { store, reads } = countedStore(dir, 1 << 24);
    await store.cacheWarmed();
    expect(reads(), 'every id looked up once').to.equal(202);
    for (const id of ids) await store.collection('deals').findOne({ _id: id });
    expect(reads(), 'the 200 documents are cached').to.equal(202);
    await store.close();
  });
});
