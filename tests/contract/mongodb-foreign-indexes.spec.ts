import { expect } from 'chai';
import { MongoClient } from 'mongodb';
import type { StoreProvider } from '../../engine/store/port.js';
import { MONGODB_SKIPPED, mongodbAdapter } from './adapters.js';
import { declaredIndexes } from './store.fixtures.js';

/** MongoDB only: a DBA's own indexes live beside the platform's and survive every ensureIndexes. */
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
});
