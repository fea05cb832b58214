import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStoreProvider } from '../../engine/store/embedded/index.js';
import type { Doc, Filter } from '../../engine/store/port.js';
import { describeEachAdapter } from './adapters.js';

/** `_deleted` as records hold it: missing, false, null, true, and the odd array a $ne must see through. */
const DOCS: Doc[] = Array.from({ length: 40 }, (_, i) => {
  const deleted = [undefined, false, null, true, [true], [false]][i % 6];
  return { _id: `r${String(i).padStart(2, '0')}`, stage: ['open', 'won', 'lost'][i % 3], n: i % 4, ...(deleted === undefined ? {} : { _deleted: deleted }) };
});

/**
 * Lists and their totals ask for records outside the recycle bin (`_deleted: { $ne: true }`); the
 * embedded store counts those as the rest of the filter minus its records in the bin. The counts
 * must be the ones of the records themselves, with and without indexes, inside a unit of work too.
 */
describeEachAdapter('counts of records outside the recycle bin', (ctx) => {
  const FILTERS: Filter[] = [{}, { stage: 'won' }, { stage: { $in: ['won', 'lost'] } }, { n: 2 }, { stage: 'open', n: { $gte: 1 } }];
  const expectCounts = async (name: string) => {
    const c = ctx.store.collection(name);
    for (const rest of FILTERS) {
      const filter = { ...rest, _deleted: { $ne: true } };
      expect(await c.count(filter), `${name} ${JSON.stringify(filter)}`).to.equal((await c.find(filter)).length);
    }
  };

  it('counts alike with the bin and stage indexes, and without any', async () => {
    await ctx.store.ensureIndexes('indexed', [
      { name: 'sys_deleted', keys: { _deleted: 1, _deletedAt: -1 }, sparse: true },
      { name: 'by_stage', keys: { stage: 1 } },
    ]);
    await ctx.store.collection('indexed').insertMany(structuredClone(DOCS));
    await ctx.store.collection('plain').insertMany(structuredClone(DOCS));
    await expectCounts('indexed');
    await expectCounts('plain');
    expect(await ctx.store.collection('indexed').count({ _deleted: { $ne: true } })).to.equal(27);
  });

  it('counts a unit of work\'s own deletions, restores and creations', async () => {
    await ctx.store.ensureIndexes('indexed', [{ name: 'sys_deleted', keys: { _deleted: 1, _deletedAt: -1 }, sparse: true }, { name: 'by_stage', keys: { stage: 1 } }]);
    await ctx.store.collection('indexed').insertMany(structuredClone(DOCS));
    const counts = await ctx.store.unitOfWork(async (tx) => {
      const c = tx.collection('indexed');
      await c.updateOne({ _id: 'r00' }, { $set: { _deleted: true } });
      await c.updateOne({ _id: 'r03' }, { $unset: { _deleted: '' } });
      await c.insertOne({ _id: 'new', stage: 'won' });
      await c.insertOne({ _id: 'gone', stage: 'won', _deleted: true });
      return { all: await c.count({ _deleted: { $ne: true } }), won: await c.count({ stage: 'won', _deleted: { $ne: true } }), found: (await c.find({ _deleted: { $ne: true } })).length };
    });
    expect(counts.all).to.equal(counts.found);
    expect(counts.all).to.equal(27 - 1 + 1 + 1);
    expect(counts.won).to.equal(DOCS.filter((doc) => doc.stage === 'won' && doc._deleted !== true && !(Array.isArray(doc._deleted) && doc._deleted.includes(true))).length + 1);
  });
});

/** The embedded store keeps each collection's count in its file; a reopened store must agree with its documents. */
describe('embedded store: collection counts kept across restarts', () => {
  it('counts after inserts, deletes, a dropped collection and a reopen as the documents say', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'crm-counts-'));
    try {
      let provider = new EmbeddedStoreProvider(dir, 'process');
      let store = await provider.open('acme');
      await store.collection('a').insertMany(structuredClone(DOCS));
      expect(await store.collection('a').count({})).to.equal(40);
      await store.collection('a').deleteMany({ n: 0 });
      await store.collection('b').insertOne({ _id: 'x' });
      await store.dropCollection('b');
      await store.unitOfWork(async (tx) => {
        await tx.collection('a').insertOne({ _id: 'late', n: 9 });
        await tx.collection('a').deleteOne({ _id: 'r01' });
      });
      await provider.close();
      provider = new EmbeddedStoreProvider(dir, 'process');
      store = await provider.open('acme');
      expect(await store.collection('a').count({})).to.equal((await store.collection('a').find({})).length).and.to.equal(40 - 10 + 1 - 1);
      expect(await store.collection('b').count({})).to.equal(0);
      await provider.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
