import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmbeddedStore } from '../../../engine/store/embedded/embedded-store.js';
import { newId } from '../../../engine/store/new-id.js';
import { countedStore } from './counted-store.js';

const filler = (n: number) => ({ _id: newId(), name: `Deal ${n}`, notes: 'x'.repeat(400) });

describe('embedded store: which documents a full cache keeps when they are written', () => {
  let dir: string;
  let store: EmbeddedStore;
  let reads: () => number;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-written-'));
    ({ store, reads } = countedStore(dir, 256 * 1024));
    await store.cacheWarmed();
    // Fills the cache past its bound, each read once: it has no free room left.
    const deals = Array.from({ length: 1000 }, (_, n) => filler(n));
    await store.unitOfWork((tx) => tx.collection('deals').insertMany(deals));
    for (const deal of deals) await store.collection('deals').findOne({ _id: deal._id });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps what is read back at least half as often as it is written: a record history read after each entry is written', async () => {
    const record = newId();
    await store.unitOfWork((tx) => tx.collection('history').insertOne({ _id: newId(), record, action: 'submit' }));
    for (let n = 0; n < 20; n++) {
      const id = newId();
      await store.unitOfWork((tx) => tx.collection('history').insertOne({ _id: id, record, action: `approve ${n}` }));
      const before = reads();
      expect((await store.collection('history').findOne({ _id: id }))?._id).to.equal(id);
      // The first entries are read before the tally knows the collection is read back.
      if (n >= 2) expect(reads() - before, `entry ${n} read back from the cache`).to.equal(0);
    }
  });

  it('leaves out what is written and never read: an import does not push the read documents out', async () => {
    const readAgain = async () => {
      const before = reads();
      const ids = (await store.collection('deals').find({}, { limit: 50, sort: { _id: -1 } })).map((deal) => deal._id);
      for (const id of ids) await store.collection('deals').findOne({ _id: id });
      return reads() - before;
    };
    const missesBefore = await readAgain();
    for (let batch = 0; batch < 10; batch++) {
      const entries = Array.from({ length: 200 }, (_, n) => ({ _id: newId(), action: 'create', n, notes: 'y'.repeat(400) }));
      await store.unitOfWork((tx) => tx.collection('audit').insertMany(entries));
    }
    expect(await readAgain(), 'the last deals read are still cached after 2,000 audit entries').to.equal(missesBefore);
  });
});
