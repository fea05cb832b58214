import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runningBackfill } from '../../../engine/records/backfills/backfill-reads.js';
import { BACKFILLS } from '../../../engine/records/backfills/backfill.js';
import { EmbeddedStoreProvider } from '../../../engine/store/embedded/index.js';
import type { Store } from '../../../engine/store/port.js';

describe('embedded store: change counts', () => {
  let dir: string;
  let provider: EmbeddedStoreProvider;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-changes-'));
    provider = new EmbeddedStoreProvider(dir, 'process');
    store = await provider.open('acme');
  });
  afterEach(async () => {
    await provider.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('moves with every committed write to the collection, and with nothing else', async () => {
    const things = store.collection('things');
    const count = () => store.changeCount!('things');
    const start = count();
    await things.insertOne({ _id: 'a', n: 1 });
    expect(count()).to.equal(start + 1);
    await things.find({});
    await store.collection('others').insertOne({ _id: 'x' });
    await store.unitOfWork(async (tx) => tx.collection('others').insertOne({ _id: 'y' }));
    expect(count(), 'reads and other collections').to.equal(start + 1);
    await store.unitOfWork(async (tx) => {
      await tx.collection('things').updateOne({ _id: 'a' }, { $set: { n: 2 } });
      await tx.collection('things').insertOne({ _id: 'b' });
    });
    expect(count(), 'one unit, one change').to.equal(start + 2);
    await store.unitOfWork(async (tx) => {
      await tx.collection('things').deleteOne({ _id: 'a' });
      throw new Error('rolled back');
    }).catch(() => undefined);
    expect(count(), 'a unit rolled back').to.equal(start + 2);
    await things.deleteOne({ _id: 'b' });
    await store.dropCollection('things');
    expect(count()).to.equal(start + 4);
  });

  it('lets the running backfill be remembered until the backfills change', async () => {
    expect(await runningBackfill(store, 'deal')).to.equal(null);
    await store.collection(BACKFILLS).insertOne({ _id: 'b1', object: 'deal', status: 'running', fields: ['total'] });
    expect((await runningBackfill(store, 'deal'))?._id).to.equal('b1');
    await store.collection(BACKFILLS).updateOne({ _id: 'b1' }, { $set: { status: 'done' } });
    expect(await runningBackfill(store, 'deal')).to.equal(null);
  });
});
