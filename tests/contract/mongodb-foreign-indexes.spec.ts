import { expect } from 'chai';
import { MongoClient } from 'mongodb';
import { randomBytes } from 'node:crypto';
import { MetadataRegistry } from '../../engine/metadata/metadata-registry.js';
import type { StoreProvider } from '../../engine/store/port.js';
import { MONGODB_SKIPPED, mongodbAdapter } from './adapters.js';
import { declaredIndexes } from './store.fixtures.js';

/** MongoDB only: a DBA's own indexes survive every ensureIndexes; two store instances share one database. */
describe('the mongodb adapter leaves indexes it did not create', function () {
  const uri = process.env.MONGODB_URI;
  if (!uri) {
    it(`(${MONGODB_SKIPPED})`, function () {
      this.skip();
    });
    return;
  }
  const adapter = mongodbAdapter(uri);
  let provider: StoreProvider;
  let client: MongoClient;
  before(async () => {
    provider = await adapter.start();
    client = await MongoClient.connect(uri);
  });
  after(async () => {
    await client.close();
    await adapter.stop();
  });

  it("keeps a DBA's index, even one on the keys the platform indexes, through creates, changes and removals", async () => {
    const store = await provider.open('dba');
    await store.collection('people').insertOne({ _id: 'p1', email: 'a', stage: 'new' });
    const databases = await client.db().admin().listDatabases({ nameOnly: true });
    const database = databases.databases.map((db) => db.name).find((name) => name.endsWith('dba'))!;
    await client.db(database).collection('people').createIndex({ stage: 1, email: -1 }, { name: 'dba_reporting' });
    await client.db(database).collection('people').createIndex({ email: -1 }, { name: 'email_-1' });
    await store.ensureIndexes('people', [{ name: 'by_email', keys: { email: 1 } }]);
    await store.ensureIndexes('people', [{ name: 'by_email', keys: { email: 1 }, unique: true }]);
    await store.ensureIndexes('people', []);
    const names = (await declaredIndexes(store, 'people')).map((index) => index.name);
    expect(names).to.deep.equal(['dba_reporting', 'email_-1']);
  });

  it('two store instances on one database see each other\'s commits, and a metadata commit is checked against the stored version', async () => {
    const { MongoStoreProvider } = await import('../../engine/store/mongodb/index.js');
    const databasePrefix = `ct2_${randomBytes(4).toString('hex')}_`;
    const [one, two] = [await MongoStoreProvider.connect(uri, { databasePrefix }), await MongoStoreProvider.connect(uri, { databasePrefix })];
    try {
      const [a, b] = [await one.open('shared'), await two.open('shared')];
      await a.unitOfWork((tx) => tx.collection('notes').insertOne({ _id: 'n1', text: 'from a' }));
      expect(await b.collection('notes').findOne({ _id: 'n1' })).to.deep.equal({ _id: 'n1', text: 'from a' });
      const [first, second] = [await MetadataRegistry.open(a), await MetadataRegistry.open(b)];
      const role = (name: string) => () => ({ kind: 'role' as const, action: 'role.create' as const, name, next: { name, label: { en: name } }, by: 'test' });
      await first.apply(role('r1'));
      const after = await second.apply(role('r2'));
      expect(after.version).to.equal(2);
      expect([...after.security.roles.keys()].sort()).to.deep.equal(['r1', 'r2']);
    } finally {
      await one.close();
      await two.close();
      const { databases } = await client.db().admin().listDatabases({ nameOnly: true });
      for (const { name } of databases) if (name.startsWith(databasePrefix)) await client.db(name).dropDatabase();
    }
  });
});
