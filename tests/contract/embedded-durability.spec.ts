import { expect } from 'chai';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStoreProvider, type Durability } from '../../engine/store/embedded/index.js';
import type { Store } from '../../engine/store/port.js';
import { ACCOUNTS, EMAIL_UNIQUE, USERS, declaredIndexes, expectDuplicateKey, rejectionOf } from './store.fixtures.js';

describe('embedded store durability', () => {
  let root: string;
  let dirs = 0;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'crm-store-durability-'));
  });

  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  /** Runs `write` on a provider over a new directory, closes it, then runs `check` on a new provider over the same directory. */
  async function reopened(durability: Durability, write: (store: Store) => Promise<void>, check: (store: Store) => Promise<void>) {
    const dir = join(root, `d${++dirs}`);
    const first = new EmbeddedStoreProvider(dir, durability);
    await write(await first.open('acme'));
    await first.close();
    const second = new EmbeddedStoreProvider(dir, durability);
    try {
      await check(await second.open('acme'));
    } finally {
      await second.close();
    }
  }

  for (const durability of ['process', 'power'] as const) {
    describe(`with durability '${durability}'`, () => {
      it('keeps inserted, updated and deleted documents across closing and reopening the provider', async () => {
        await reopened(
          durability,
          async (store) => {
            await store.collection('accounts').insertMany(structuredClone(ACCOUNTS));
            await store.collection('accounts').updateOne({ _id: 'a' }, { $set: { status: 'won' }, $inc: { amount: 1 } });
            await store.collection('accounts').deleteOne({ _id: 'e' });
            await store.collection('counters').findOneAndUpdate({ _id: 'counter' }, { $inc: { n: 1 } }, { upsert: true });
          },
          async (store) => {
            const expected = [{ ...ACCOUNTS[0]!, status: 'won', amount: 101 }, ...ACCOUNTS.slice(1, 4)];
            expect(await store.collection('accounts').find({}, { sort: { _id: 1 } })).to.deep.equal(expected);
            expect(await store.collection('counters').findOne({ _id: 'counter' })).to.deep.equal({ _id: 'counter', n: 1 });
            expect(await store.listCollections()).to.deep.equal(['accounts', 'counters']);
          },
        );
      });

      it('keeps indexes across reopening, and still enforces the unique ones', async () => {
        const byStatus = { name: 'status', keys: { status: 1 as const } };
        await reopened(
          durability,
          async (store) => {
            await store.ensureIndexes('users', [EMAIL_UNIQUE, byStatus]);
            await store.collection('users').insertMany(structuredClone(USERS));
          },
          async (store) => {
            expect(await declaredIndexes(store, 'users')).to.deep.equal([
              { name: 'email_unique', keys: [['email', 1]], unique: true },
              { name: 'status', keys: [['status', 1]], unique: false },
            ]);
            const duplicate = store.collection('users').insertOne({ _id: 'u3', email: USERS[0]!.email });
            expectDuplicateKey(await rejectionOf(duplicate), ['email']);
          },
        );
      });

      it('keeps nothing of a rolled-back unit of work and nothing of a dropped collection', async () => {
        await reopened(
          durability,
          async (store) => {
            await store.collection('accounts').insertOne({ _id: 'kept' });
            await store.collection('dropped').insertOne({ _id: 'gone' });
            await store.ensureIndexes('dropped', [EMAIL_UNIQUE]);
            await store.dropCollection('dropped');
            const failed = store.unitOfWork(async (tx) => {
              await tx.collection('accounts').insertOne({ _id: 'rolled-back' });
              throw new Error('work failed');
            });
            expect(await rejectionOf(failed)).to.be.instanceOf(Error);
          },
          async (store) => {
            expect(await store.collection('accounts').find({})).to.deep.equal([{ _id: 'kept' }]);
            expect(await store.collection('dropped').count({})).to.equal(0);
            expect(await declaredIndexes(store, 'dropped')).to.deep.equal([]);
            expect(await store.listCollections()).to.deep.equal(['accounts']);
          },
        );
      });
    });
  }

  it('keeps an uploaded blob beside the database, named by its id, and nothing of a refused upload', async () => {
    const input = { name: '../../evil.sh', contentType: 'text/plain', createdBy: 'u1', maxBytes: 8 };
    let id = '';
    await reopened(
      'process',
      async (store) => {
        id = (await store.blobs.put(input, Readable.from([Buffer.from('kept')]))).id;
        await rejectionOf(store.blobs.put(input, Readable.from([Buffer.from('far too long')])));
      },
      async (store) => {
        const blobDir = join(root, `d${dirs}`, 'acme', 'blobs');
        expect((await readdir(blobDir)).sort()).to.deep.equal([id, 'tmp']);
        expect(await readdir(join(blobDir, 'tmp'))).to.deep.equal([]);
        expect((await store.blobs.metadata(id))?.name).to.equal('../../evil.sh');
      },
    );
  });

  it('keeps, updates and reloads a document nested deeper than any recursion could follow', async () => {
    const depth = 200_000;
    let deep: unknown[] = [];
    for (let i = 1; i < depth; i++) deep = [deep];
    const innermost = (value: unknown): number => {
      let levels = 0;
      for (let node = value; Array.isArray(node); node = node[0]) levels++;
      return levels;
    };
    await reopened(
      'process',
      async (store) => {
        await store.collection('records').insertOne({ _id: 'deep', name: 'a', payload: deep });
        const updated = await store.collection('records').findOneAndUpdate({ _id: 'deep' }, { $set: { name: 'b' } });
        expect(updated?.name).to.equal('b');
      },
      async (store) => {
        const found = await store.collection('records').findOne({ _id: 'deep' });
        expect(found?.name).to.equal('b');
        expect(innermost(found?.payload)).to.equal(depth);
        await store.collection('records').updateOne({ _id: 'deep' }, { $unset: { payload: '' } });
        expect(await store.collection('records').findOne({ _id: 'deep' })).to.deep.equal({ _id: 'deep', name: 'b' });
      },
    );
  });
});
