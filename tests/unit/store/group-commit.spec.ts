import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuplicateKeyError } from '../../../engine/store/duplicate-key-error.js';
import { EmbeddedStore } from '../../../engine/store/embedded/embedded-store.js';
import { SqliteFile } from '../../../engine/store/embedded/sqlite-file.js';

const UNITS = 20;

/** A store whose SQLite commits are counted. */
function countedStore(dir: string): { store: EmbeddedStore; file: SqliteFile; commits: () => number } {
  const file = new SqliteFile(join(dir, 'store.sqlite'), 'process');
  let commits = 0;
  const commit = file.commit.bind(file);
  file.commit = (batch) => {
    commits++;
    commit(batch);
  };
  return { store: new EmbeddedStore('t', file, join(dir, 'blobs'), 1 << 20), file, commits: () => commits };
}

describe('embedded store: group commit', () => {
  let dir: string;
  let store: EmbeddedStore;
  let file: SqliteFile;
  let commits: () => number;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-group-'));
    ({ store, file, commits } = countedStore(dir));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits units that queued together in one SQLite transaction, each acknowledged once durable', async () => {
    const before = commits();
    await Promise.all(Array.from({ length: UNITS }, (_, i) => store.collection('deals').insertOne({ _id: `d${String(i).padStart(2, '0')}`, i })));
    expect(commits() - before, 'one transaction for the units queued in one turn').to.equal(1);
    // What was acknowledged is in the file: read by a second connection, past every cache.
    const other = new SqliteFile(file.path, 'process');
    expect(other.countDocuments('deals')).to.equal(UNITS);
    await other.close();
  });

  it('commits a unit at once when nothing else is queued', async () => {
    const before = commits();
    await store.collection('deals').insertOne({ _id: 'a' });
    await store.collection('deals').insertOne({ _id: 'b' });
    expect(commits() - before).to.equal(2);
  });

  it('a unit sees the writes of the units waiting to commit with it; reads outside units see only committed data', async () => {
    const seen: { inUnit?: unknown; outside?: unknown } = {};
    const first = store.collection('deals').insertOne({ _id: 'waiting', n: 1 });
    const second = store.unitOfWork(async (tx) => {
      seen.inUnit = await tx.collection('deals').findOne({ _id: 'waiting' });
      seen.outside = await store.collection('deals').findOne({ _id: 'waiting' });
      await tx.collection('deals').updateOne({ _id: 'waiting' }, { $inc: { n: 1 } });
    });
    await Promise.all([first, second]);
    expect(seen.inUnit, 'the unit reads the waiting write').to.deep.equal({ _id: 'waiting', n: 1 });
    expect(seen.outside, 'not yet durable, so not visible outside').to.equal(null);
    expect(await store.collection('deals').findOne({ _id: 'waiting' })).to.deep.equal({ _id: 'waiting', n: 2 });
  });

  it('a failed unit leaves the group as it was: the units before and after it commit, its writes do not', async () => {
    const outcomes = await Promise.allSettled([
      store.collection('deals').insertOne({ _id: 'before' }),
      store.unitOfWork(async (tx) => {
        await tx.collection('deals').insertOne({ _id: 'failed' });
        await tx.collection('deals').deleteOne({ _id: 'before' });
        throw new Error('refused');
      }),
      store.unitOfWork(async (tx) => {
        expect(await tx.collection('deals').findOne({ _id: 'before' }), 'the failed unit deleted nothing').to.deep.equal({ _id: 'before' });
        await tx.collection('deals').insertOne({ _id: 'after' });
      }),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).to.deep.equal(['fulfilled', 'rejected', 'fulfilled']);
    expect((await store.collection('deals').find({})).map((doc) => doc._id)).to.deep.equal(['after', 'before']);
  });

  it('a failed commit fails every unit of its group and commits none of their writes', async () => {
    const commit = file.commit.bind(file);
    file.commit = () => {
      throw new Error('disk full');
    };
    const outcomes = await Promise.allSettled([store.collection('deals').insertOne({ _id: 'x' }), store.collection('deals').insertOne({ _id: 'y' })]);
    expect(outcomes.map((outcome) => outcome.status)).to.deep.equal(['rejected', 'rejected']);
    file.commit = commit;
    expect(await store.collection('deals').find({})).to.deep.equal([]);
    await store.collection('deals').insertOne({ _id: 'z' });
    expect((await store.collection('deals').find({})).map((doc) => doc._id), 'later units start from the committed state').to.deep.equal(['z']);
  });

  it('a change of indexes commits the waiting units first, and checks them', async () => {
    const insert = store.collection('people').insertOne({ _id: 'p1', email: 'same@example.com' });
    const duplicate = store.collection('people').insertOne({ _id: 'p2', email: 'same@example.com' });
    const index = store.ensureIndexes('people', [{ name: 'unique_email', keys: { email: 1 }, unique: true }]);
    await Promise.all([insert, duplicate]);
    const outcome = await index.then(
      () => 'built',
      (error: unknown) => (error instanceof DuplicateKeyError ? 'refused: duplicates' : error),
    );
    expect(outcome, 'the duplicates were committed before the unique index was built over them').to.equal('refused: duplicates');
  });
});
