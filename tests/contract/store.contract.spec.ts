import { expect } from 'chai';
import { DuplicateKeyError } from '../../engine/store/duplicate-key-error.js';
import type { IndexSpec } from '../../engine/store/port.js';
import { describeEachAdapter } from './adapters.js';
import { ACCOUNTS, DUPLICATE_WRITES, EMAIL_UNIQUE, PAGES, PROJECTIONS, QUERIES, READS, SORTS, TAKEN, USERS } from './store.fixtures.js';
import { declaredIndexes, expectDuplicateKey, ids, rejectionOf } from './store.fixtures.js';

describeEachAdapter('store contract', (ctx) => {
  const accounts = () => ctx.store.collection('accounts');
  const users = () => ctx.store.collection('users');
  const seedAccounts = () => accounts().insertMany(structuredClone(ACCOUNTS));
  const seedUsers = async () => {
    await ctx.store.ensureIndexes('users', [EMAIL_UNIQUE]);
    await users().insertMany(structuredClone(USERS));
  };

  describe('insert and read', () => {
    it('returns an inserted document as it was given, JSON types and nesting included', async () => {
      const doc = { _id: 'x', s: 'text', n: 1.5, t: true, f: false, z: null, list: [1, 'two', { three: 3 }], nested: { deep: { er: [] } } };
      await accounts().insertOne(doc);
      expect(await accounts().findOne({ _id: 'x' })).to.deep.equal(doc);
    });

    it('refuses a second document with the same _id, naming _id', async () => {
      await accounts().insertOne({ _id: 'x', v: 1 });
      expectDuplicateKey(await rejectionOf(accounts().insertOne({ _id: 'x', v: 2 })), ['_id']);
      expect(await accounts().find({})).to.deep.equal([{ _id: 'x', v: 1 }]);
    });

    it('refuses an _id any committed document holds, below, at or above the others, non-ASCII too', async () => {
      await accounts().insertMany([{ _id: 'm' }, { _id: 'a' }, { _id: 'z' }, { _id: 'é' }]);
      for (const taken of ['a', 'm', 'z', 'é']) expectDuplicateKey(await rejectionOf(accounts().insertOne({ _id: taken, v: 2 })), ['_id']);
      await accounts().insertMany([{ _id: 'b' }, { _id: 'zz' }, { _id: 'f' }]);
      await accounts().deleteOne({ _id: 'zz' });
      await accounts().insertOne({ _id: 'zz', again: true });
      const inUnit = ctx.store.unitOfWork(async (tx) => {
        await tx.collection('accounts').insertOne({ _id: 'q' });
        await tx.collection('accounts').insertOne({ _id: 'q' });
      });
      expectDuplicateKey(await rejectionOf(inUnit), ['_id']);
      expect(ids(await accounts().find({}, { sort: { _id: 1 } }))).to.deep.equal(['a', 'b', 'f', 'm', 'z', 'zz', 'é']);
    });

    it('inserts nothing, without error, for an empty insertMany', async () => {
      await accounts().insertMany([]);
      expect(await accounts().count({})).to.equal(0);
    });

    it('findOne returns null when nothing matches, and the first in sort order otherwise', async () => {
      await seedAccounts();
      expect(await accounts().findOne({ status: 'none' })).to.equal(null);
      expect((await accounts().findOne({ status: 'won' }, { sort: { _id: -1 } }))?._id).to.equal('e');
    });

    for (const [behaviour, filter, expected] of QUERIES) {
      it(`filters: ${behaviour}`, async () => {
        await seedAccounts();
        expect(ids(await accounts().find(filter, { sort: { _id: 1 } }))).to.deep.equal(expected);
        expect(await accounts().count(filter)).to.equal(expected.length);
      });
    }
  });

  describe('sort, skip, limit and projection', () => {
    for (const [behaviour, sort, expected] of SORTS) {
      it(`sort: ${behaviour}`, async () => {
        await seedAccounts();
        expect(ids(await accounts().find({}, { sort }))).to.deep.equal(expected);
      });
    }

    for (const [behaviour, options, expected] of PAGES) {
      it(`paging: ${behaviour}`, async () => {
        await seedAccounts();
        expect(ids(await accounts().find({}, { sort: { _id: 1 }, ...options }))).to.deep.equal(expected);
      });
    }

    for (const [behaviour, projection, expected] of PROJECTIONS) {
      it(`projection: ${behaviour}`, async () => {
        await seedAccounts();
        expect(await accounts().findOne({ _id: 'a' }, { projection })).to.deep.equal(expected);
        expect(await accounts().find({ _id: 'a' }, { projection })).to.deep.equal([expected]);
      });
    }

    it('sorts on a field the projection leaves out', async () => {
      await seedAccounts();
      const found = await accounts().find({ amount: { $gte: 0 } }, { sort: { amount: -1 }, projection: { name: 1 } });
      expect(found).to.deep.equal([{ _id: 'b', name: 'Beta' }, { _id: 'a', name: 'Acme' }, { _id: 'c', name: 'acme labs' }]);
    });
  });

  describe('updates', () => {
    it('updateOne applies $set (dotted too), $unset and $inc (creating missing fields)', async () => {
      await accounts().insertOne({ _id: 'x', name: 'X', n: 1, owner: { id: 'u1', region: 'EU' }, temp: true });
      const result = await accounts().updateOne(
        { _id: 'x' },
        { $set: { name: 'Y', 'owner.region': 'US', 'address.city': 'Paris' }, $unset: { temp: '' }, $inc: { n: 2, visits: 1 } },
      );
      expect(result).to.deep.equal({ matched: 1, modified: 1 });
      expect(await accounts().findOne({ _id: 'x' })).to.deep.equal({
        _id: 'x', name: 'Y', n: 3, visits: 1, owner: { id: 'u1', region: 'US' }, address: { city: 'Paris' },
      });
    });

    it('updateOne changes only the first match, and nothing when nothing matches', async () => {
      await seedAccounts();
      expect(await accounts().updateOne({ status: 'won' }, { $set: { flag: true } })).to.deep.equal({ matched: 1, modified: 1 });
      expect(await accounts().count({ flag: true })).to.equal(1);
      expect(await accounts().updateOne({ status: 'none' }, { $set: { flag: true } })).to.deep.equal({ matched: 0, modified: 0 });
      expect(await accounts().count({})).to.equal(ACCOUNTS.length);
    });

    it('updateMany changes every match and counts as modified only the documents that changed', async () => {
      await seedAccounts();
      expect(await accounts().updateMany({ amount: { $gte: 0 } }, { $set: { amount: 100 } })).to.deep.equal({ matched: 3, modified: 2 });
      expect(ids(await accounts().find({ amount: 100 }, { sort: { _id: 1 } }))).to.deep.equal(['a', 'b', 'c']);
      expect(await accounts().updateMany({ status: 'won' }, { $set: { status: 'won' } })).to.deep.equal({ matched: 2, modified: 0 });
    });

    it('refuses $inc on a non-numeric field and leaves the document unchanged', async () => {
      await seedAccounts();
      expect(await rejectionOf(accounts().updateOne({ _id: 'a' }, { $inc: { name: 1 } }))).to.be.instanceOf(Error);
      expect(await accounts().findOne({ _id: 'a' })).to.deep.equal(ACCOUNTS[0]);
    });

    it('findOneAndUpdate returns the document after the update, or null without creating one', async () => {
      await seedAccounts();
      const after = await accounts().findOneAndUpdate({ _id: 'b' }, { $inc: { amount: 5 }, $unset: { tags: 1 } });
      expect(after).to.deep.equal({ _id: 'b', name: 'Beta', status: 'won', amount: 255, owner: { id: 'u2', region: 'US' } });
      expect(await accounts().findOneAndUpdate({ _id: 'zz' }, { $set: { name: 'Z' } })).to.equal(null);
      expect(await accounts().count({})).to.equal(ACCOUNTS.length);
    });

    it('an upsert creates the document from the filter equalities, then updates that same document', async () => {
      const filter = { kind: 'invoice', 'scope.year': 2024 };
      const first = await accounts().findOneAndUpdate(filter, { $inc: { seq: 1 } }, { upsert: true });
      expect(first).to.deep.include({ kind: 'invoice', scope: { year: 2024 }, seq: 1 });
      expect(first?._id).to.be.a('string');
      const second = await accounts().findOneAndUpdate(filter, { $inc: { seq: 1 } }, { upsert: true });
      expect(second).to.deep.equal({ ...first, seq: 2 });
      expect(await accounts().findOneAndUpdate({ _id: 'counter' }, { $inc: { n: 1 } }, { upsert: true })).to.deep.equal({ _id: 'counter', n: 1 });
      expect(await accounts().count({})).to.equal(2);
    });

    it('an upsert also copies $eq, embedded-document and array equalities, but no other condition', async () => {
      const filter = { kind: { $eq: 'quote' }, owner: { id: 'u1' }, tags: ['a', 'b'], seq: { $lt: 10 } };
      const created = await accounts().findOneAndUpdate(filter, { $inc: { seq: 1 } }, { upsert: true });
      expect(created).to.deep.include({ kind: 'quote', owner: { id: 'u1' }, tags: ['a', 'b'], seq: 1 });
      expect(Object.keys(created ?? {}).sort()).to.deep.equal(['_id', 'kind', 'owner', 'seq', 'tags']);
    });

    it('replaceOne replaces the whole first match and keeps its _id', async () => {
      await seedAccounts();
      expect(await accounts().replaceOne({ _id: 'a' }, { _id: 'a', name: 'Acme 2' })).to.deep.equal({ matched: 1, modified: 1 });
      expect(await accounts().findOne({ _id: 'a' })).to.deep.equal({ _id: 'a', name: 'Acme 2' });
      expect(await accounts().replaceOne({ _id: 'a' }, { _id: 'a', name: 'Acme 2' })).to.deep.equal({ matched: 1, modified: 0 });
      expect(await accounts().replaceOne({ _id: 'zz' }, { _id: 'zz', name: 'Z' })).to.deep.equal({ matched: 0, modified: 0 });
      expect(await accounts().count({})).to.equal(ACCOUNTS.length);
    });

    it('deleteOne removes one match, deleteMany every match, each returning how many', async () => {
      await seedAccounts();
      expect(await accounts().deleteOne({ status: 'won' })).to.equal(1);
      expect(await accounts().count({ status: 'won' })).to.equal(1);
      expect(await accounts().deleteMany({ status: { $in: ['open', 'won'] } })).to.equal(3);
      expect(ids(await accounts().find({}))).to.deep.equal(['c']);
      expect(await accounts().deleteOne({ status: 'none' })).to.equal(0);
      expect(await accounts().deleteMany({ status: 'none' })).to.equal(0);
    });
  });

  describe('unique indexes', () => {
    for (const [write, run] of DUPLICATE_WRITES) {
      it(`${write} that duplicates a unique value throws DuplicateKeyError naming the keys and changes nothing`, async () => {
        await seedUsers();
        expectDuplicateKey(await rejectionOf(run(users())), ['email']);
        expect(await users().find({}, { sort: { _id: 1 } })).to.deep.equal(USERS);
      });
    }

    it('a compound unique index refuses only the same combination, naming every key', async () => {
      await ctx.store.ensureIndexes('codes', [{ name: 'account_code', keys: { account: 1, code: 1 }, unique: true }]);
      const codes = ctx.store.collection('codes');
      await codes.insertMany([{ _id: '1', account: 'A', code: 'x' }, { _id: '2', account: 'B', code: 'x' }, { _id: '3', account: 'A', code: 'y' }]);
      expectDuplicateKey(await rejectionOf(codes.insertOne({ _id: '4', account: 'A', code: 'x' })), ['account', 'code']);
    });

    it('documents missing the indexed field do not collide', async () => {
      await seedUsers();
      await users().insertMany([{ _id: 'n1' }, { _id: 'n2' }]);
      await users().insertOne({ _id: 'n3', name: 'no email' });
      expect(await users().count({})).to.equal(5);
    });

    it('a document keeps its own value when updated, and a value freed by update or delete can be taken', async () => {
      await seedUsers();
      await users().updateOne({ _id: 'u1' }, { $set: { email: 'ann@example.com', name: 'Ann' } });
      await users().updateOne({ _id: 'u1' }, { $set: { email: 'ann2@example.com' } });
      await users().insertOne({ _id: 'u3', email: 'ann@example.com' });
      await users().deleteOne({ _id: 'u2' });
      await users().insertOne({ _id: 'u4', email: 'bob@example.com' });
      expect(await users().count({})).to.equal(3);
    });

    it('ensureIndexes over existing duplicates throws DuplicateKeyError and adds no index', async () => {
      await users().insertMany([{ _id: 'u1', email: 'same' }, { _id: 'u2', email: 'same' }]);
      expect(await rejectionOf(ctx.store.ensureIndexes('users', [EMAIL_UNIQUE]))).to.be.instanceOf(DuplicateKeyError);
      expect(await declaredIndexes(ctx.store, 'users')).to.deep.equal([]);
      await users().insertOne({ _id: 'u3', email: 'same' });
    });

    it('listIndexes returns the ensured indexes with their keys in order and uniqueness', async () => {
      const byStatus: IndexSpec = { name: 'status_amount', keys: { status: 1, amount: -1 } };
      await ctx.store.ensureIndexes('users', [EMAIL_UNIQUE, byStatus]);
      await ctx.store.ensureIndexes('users', [EMAIL_UNIQUE, byStatus]);
      expect(await declaredIndexes(ctx.store, 'users')).to.deep.equal([
        { name: 'email_unique', keys: [['email', 1]], unique: true },
        { name: 'status_amount', keys: [['status', 1], ['amount', -1]], unique: false },
      ]);
    });
  });

  describe('unit of work', () => {
    it('lands every write together and returns what the work returns', async () => {
      await seedAccounts();
      const result = await ctx.store.unitOfWork(async (tx) => {
        await tx.collection('accounts').updateOne({ _id: 'a' }, { $set: { status: 'won' } });
        await tx.collection('accounts').deleteOne({ _id: 'e' });
        await tx.collection('log').insertOne({ _id: 'l1', what: 'won a' });
        return 'done';
      });
      expect(result).to.equal('done');
      expect(ids(await accounts().find({ status: 'won' }, { sort: { _id: 1 } }))).to.deep.equal(['a', 'b']);
      expect(await ctx.store.collection('log').count({})).to.equal(1);
    });

    it('rolls back every write, unique-index state included, when the work throws', async function () {
      ctx.requireAtomicUnits(this);
      await seedUsers();
      const failure = new Error('work failed');
      const error = await rejectionOf(
        ctx.store.unitOfWork(async (tx) => {
          await tx.collection('users').insertOne({ _id: 'u3', email: 'cat@example.com' });
          await tx.collection('users').updateOne({ _id: 'u1' }, { $set: { email: 'ann2@example.com' } });
          await tx.collection('users').deleteOne({ _id: 'u2' });
          await tx.collection('log').insertOne({ _id: 'l1' });
          throw failure;
        }),
      );
      expect(error).to.equal(failure);
      expect(await users().find({}, { sort: { _id: 1 } })).to.deep.equal(USERS);
      expect(await ctx.store.collection('log').count({})).to.equal(0);
      await users().insertOne({ _id: 'u4', email: 'cat@example.com' });
      expectDuplicateKey(await rejectionOf(users().insertOne({ _id: 'u5', email: 'bob@example.com' })), ['email']);
      expectDuplicateKey(await rejectionOf(users().insertOne({ _id: 'u6', email: 'ann@example.com' })), ['email']);
    });

    it('hides its writes from reads outside it until it commits', async function () {
      ctx.requireAtomicUnits(this);
      let wrote!: () => void;
      let release!: () => void;
      const written = new Promise<void>((resolve) => (wrote = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      const unit = ctx.store.unitOfWork(async (tx) => {
        await tx.collection('accounts').insertOne({ _id: 'x' });
        wrote();
        await released;
      });
      await written;
      expect(await accounts().findOne({ _id: 'x' })).to.equal(null);
      expect(await accounts().count({})).to.equal(0);
      release();
      await unit;
      expect(await accounts().findOne({ _id: 'x' })).to.deep.equal({ _id: 'x' });
    });

    it('sees its own inserts, updates and deletes in every read', async () => {
      await seedAccounts();
      await ctx.store.unitOfWork(async (tx) => {
        const c = tx.collection('accounts');
        await c.insertOne({ _id: 'f', status: 'won', amount: 1 });
        await c.updateOne({ _id: 'a' }, { $set: { status: 'won' } });
        await c.deleteOne({ _id: 'b' });
        expect(ids(await c.find({ status: 'won' }, { sort: { _id: 1 } }))).to.deep.equal(['a', 'e', 'f']);
        expect((await c.findOne({ _id: 'a' }))?.status).to.equal('won');
        expect(await c.findOne({ _id: 'b' })).to.equal(null);
        expect(await c.count({ status: 'won' })).to.equal(3);
        expect(await c.aggregate([{ $match: { status: 'won' } }, { $count: 'n' }])).to.deep.equal([{ n: 3 }]);
        expect(await c.aggregate([{ $match: { status: 'won' } }, { $group: { _id: '$status', total: { $sum: '$amount' }, n: { $sum: 1 } } }])).to.deep.equal([{ _id: 'won', total: 101, n: 3 }]);
      });
    });

    it('gives 50 parallel upserting counter increments 50 distinct values', async () => {
      const counters = ctx.store.collection('counters');
      const increments = Array.from({ length: 50 }, () => counters.findOneAndUpdate({ _id: 'counter' }, { $inc: { n: 1 } }, { upsert: true }));
      const values = (await Promise.all(increments)).map((doc) => doc?.n as number);
      expect([...values].sort((x, y) => x - y)).to.deep.equal(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(await counters.findOne({ _id: 'counter' })).to.deep.equal({ _id: 'counter', n: 50 });
    });
  });

  describe('isolation of tenants and of returned documents', () => {
    it("tenants do not see each other's documents, collections or indexes", async () => {
      const other = await ctx.freshTenant();
      await seedUsers();
      await other.collection('users').insertMany([{ _id: 'u1', email: 'other@example.com' }, { _id: 'o2', ...TAKEN }]);
      await ctx.store.collection('only_here').insertOne({ _id: 'h' });
      expect(await users().find({}, { sort: { _id: 1 } })).to.deep.equal(USERS);
      expect(await other.collection('users').findOne({ _id: 'u1' })).to.deep.equal({ _id: 'u1', email: 'other@example.com' });
      expect(await other.listCollections()).to.deep.equal(['users']);
      expect(await declaredIndexes(other, 'users')).to.deep.equal([]);
      await other.dropCollection('users');
      expect(await users().count({})).to.equal(2);
    });

    for (const [how, read] of READS) {
      it(`mutating a document returned by ${how} leaves the stored one unchanged`, async () => {
        await seedAccounts();
        const doc = (await read(ctx.store)) as unknown as { name?: string; owner: { region: string }; tags: string[] };
        for (const mutate of [() => (doc.name = 'Changed'), () => (doc.owner.region = 'XX'), () => doc.tags.push('changed')]) {
          try {
            mutate();
          } catch {
            // Frozen documents throw: as good as ignoring the change.
          }
        }
        expect(await accounts().findOne({ _id: 'a' })).to.deep.equal(ACCOUNTS[0]);
      });
    }

    it('mutating an inserted document or a $set value afterwards leaves the stored one unchanged', async () => {
      const doc = structuredClone(ACCOUNTS[0]!);
      await accounts().insertOne(doc);
      (doc.owner as { region: string }).region = 'XX';
      const owner = { id: 'u1', region: 'EU' };
      await accounts().updateOne({ _id: 'a' }, { $set: { owner } });
      owner.region = 'YY';
      expect(await accounts().findOne({ _id: 'a' })).to.deep.equal(ACCOUNTS[0]);
    });
  });

  describe('collections', () => {
    it('listCollections names every collection holding documents', async () => {
      expect(await ctx.store.listCollections()).to.deep.equal([]);
      await ctx.store.collection('zeta').insertOne({ _id: 'z' });
      await seedAccounts();
      expect([...(await ctx.store.listCollections())].sort()).to.deep.equal(['accounts', 'zeta']);
    });

    it('dropCollection removes its documents and indexes and leaves the others', async () => {
      await seedUsers();
      await seedAccounts();
      await ctx.store.dropCollection('users');
      expect(await users().count({})).to.equal(0);
      expect(await declaredIndexes(ctx.store, 'users')).to.deep.equal([]);
      expect(await ctx.store.listCollections()).to.deep.equal(['accounts']);
      await users().insertMany([{ _id: 'u1', ...TAKEN }, { _id: 'u2', ...TAKEN }]);
      expect(await accounts().count({})).to.equal(ACCOUNTS.length);
    });

    it('dropping a collection that does not exist is not an error', async () => {
      await ctx.store.dropCollection('never_created');
      expect(await ctx.store.listCollections()).to.deep.equal([]);
    });
  });
});
