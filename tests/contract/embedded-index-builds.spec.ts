import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStoreProvider } from '../../engine/store/embedded/index.js';
import type { EmbeddedStore } from '../../engine/store/embedded/embedded-store.js';
import type { Doc, Filter } from '../../engine/store/port.js';
import { ids } from './store.fixtures.js';

/** More than the store builds at once (10,000), so that the index is built in the background. */
const SIZE = 12_000;

/** `v` gets the index; `w` holds the same value without one, to compare answers with. */
const docOf = (i: number): Doc => {
  const v = i % 97 === 0 ? [i % 50, (i + 1) % 50] : i % 50;
  return { _id: `d${String(i).padStart(6, '0')}`, v, w: v };
};

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('embedded store: indexes built in the background over a large collection', function () {
  this.timeout(60_000);
  let root: string;
  let provider: EmbeddedStoreProvider | undefined;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'crm-index-builds-'));
  });
  afterEach(async () => {
    await provider?.close();
    provider = undefined;
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const open = async (dir: string): Promise<EmbeddedStore> => {
    provider = new EmbeddedStoreProvider(dir, 'process');
    return (await provider.open('acme')) as unknown as EmbeddedStore;
  };

  /** Every question the index could answer, asked of `v` (indexed) and of `w` (not): the same documents. */
  const expectSameAnswers = async (store: EmbeddedStore) => {
    const deals = store.collection('deals');
    const swap = (filter: Filter): Filter => JSON.parse(JSON.stringify(filter).replaceAll('"v"', '"w"')) as Filter;
    for (const filter of [{ v: 7 }, { v: 49 }, { v: { $gte: 10, $lt: 13 } }, { v: { $in: [0, 31] } }, { v: 1000 }] as Filter[]) {
      expect(ids(await deals.find(filter, { sort: { _id: 1 } })), JSON.stringify(filter)).to.deep.equal(ids(await deals.find(swap(filter), { sort: { _id: 1 } })));
      expect(await deals.count(filter), `count ${JSON.stringify(filter)}`).to.equal(await deals.count(swap(filter)));
    }
  };

  it('answers from the first moment, keeps the entries of writes made during the build, and is exact once built', async () => {
    const store = await open(join(root, 'during'));
    await store.collection('deals').insertMany(Array.from({ length: SIZE }, (_, i) => docOf(i)));
    await store.ensureIndexes('deals', [{ name: 'by_v', keys: { v: 1 } }]);
    const [build] = store.indexBuilds();
    expect(build, 'building in the background').to.include({ collection: 'deals', index: 'by_v', total: SIZE });
    expect(build!.done).to.be.lessThan(SIZE);

    // Writes before and after the build's position, while it runs: updates, deletes, inserts.
    const deals = store.collection('deals');
    for (let round = 0; store.indexBuilds().length > 0 && round < 10_000; round++) {
      const early = `d${String(round % 200).padStart(6, '0')}`;
      const late = `d${String(SIZE - 1 - (round % 200)).padStart(6, '0')}`;
      await deals.updateOne({ _id: early }, { $set: { v: 1000, w: 1000 } });
      await deals.updateOne({ _id: late }, { $set: { v: [7, 1000], w: [7, 1000] } });
      if (round % 3 === 0) await deals.deleteOne({ _id: `d${String(5000 + round).padStart(6, '0')}` });
      if (round % 4 === 0) await deals.insertOne({ _id: `e${String(round).padStart(6, '0')}`, v: 7, w: 7 });
      expect(await deals.count({ v: 1000 })).to.equal(await deals.count({ w: 1000 }));
      await nextTurn();
    }
    await store.indexesBuilt();
    expect(store.indexBuilds()).to.deep.equal([]);
    expect(await store.listIndexes('deals')).to.deep.include({ name: 'by_v', keys: { v: 1 } });
    await expectSameAnswers(store);
  });

  it('builds an index again from the start after a restart that interrupted it', async () => {
    const dir = join(root, 'restart');
    let store = await open(dir);
    await store.collection('deals').insertMany(Array.from({ length: SIZE }, (_, i) => docOf(i)));
    await store.ensureIndexes('deals', [{ name: 'by_v', keys: { v: 1 } }]);
    await nextTurn();
    expect(store.indexBuilds()).to.have.length(1);
    await provider!.close();

    store = await open(dir);
    await store.collection('deals').updateOne({ _id: 'd000003' }, { $set: { v: 1000, w: 1000 } });
    await store.indexesBuilt();
    await expectSameAnswers(store);
  });

  it('builds a unique index at once, so that duplicates fail the change that declares it', async () => {
    const store = await open(join(root, 'unique'));
    await store.collection('deals').insertMany(Array.from({ length: SIZE }, (_, i) => ({ _id: `u${i}`, code: `C${i % (SIZE - 1)}` })));
    let refused: unknown;
    await store.ensureIndexes('deals', [{ name: 'code', keys: { code: 1 }, unique: true }]).catch((error: unknown) => (refused = error));
    expect(refused).to.have.property('code');
    expect(store.indexBuilds()).to.deep.equal([]);
    expect(await store.listIndexes('deals')).to.deep.equal([]);
  });
});
