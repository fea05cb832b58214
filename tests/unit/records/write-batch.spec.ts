import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBatch } from '../../../engine/records/bulk/index.js';
import { ValidationError } from '../../../engine/errors/index.js';
import { EmbeddedStoreProvider } from '../../../engine/store/embedded/index.js';
import type { Collections, Store } from '../../../engine/store/port.js';
import { msg } from '../../../engine/i18n/message.js';

interface Row {
  id: string;
  /** fail before writing, or after writing part of itself */
  fails?: 'before' | 'after';
}

/** Writes a row as two documents; a row that fails 'after' has written the first when it throws. */
async function writeRow(tx: Collections, row: Row) {
  if (row.fails === 'before') throw new ValidationError([{ path: '/id', message: msg`is not valid` }]);
  await tx.collection('things').insertOne({ _id: row.id });
  if (row.fails === 'after') throw new ValidationError([{ path: '/id', message: msg`is not valid` }]);
  await tx.collection('things').insertOne({ _id: `${row.id}-part` });
  return { status: 'created' as const, id: row.id };
}

describe('bulk writes in batches: a record fails alone', () => {
  let dir: string;
  let provider: EmbeddedStoreProvider;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-batch-'));
    provider = new EmbeddedStoreProvider(dir, 'process');
    store = await provider.open('acme');
  });
  afterEach(async () => {
    await provider.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const stored = async () => (await store.collection('things').find({})).map((doc) => doc._id).sort();

  it('keeps the records around one that fails before writing', async () => {
    const rows: Row[] = [{ id: 'a' }, { id: 'b', fails: 'before' }, { id: 'c' }];
    const outcomes = await writeBatch(store, { rows, write: writeRow });
    expect(outcomes.map((outcome) => outcome.status)).to.deep.equal(['created', 'failed', 'created']);
    expect(await stored()).to.deep.equal(['a', 'a-part', 'c', 'c-part']);
  });

  it('undoes what a record wrote before it failed, and commits the others whole', async () => {
    const rows: Row[] = [{ id: 'a' }, { id: 'b', fails: 'after' }, { id: 'c' }, { id: 'd', fails: 'after' }];
    const outcomes = [];
    while (outcomes.length < rows.length) outcomes.push(...(await writeBatch(store, { rows, from: outcomes.length, write: writeRow })));
    expect(outcomes.map((outcome) => outcome.status)).to.deep.equal(['created', 'failed', 'created', 'failed']);
    expect(await stored()).to.deep.equal(['a', 'a-part', 'c', 'c-part']);
  });

  it('writes nothing in a dry run, and answers for every record', async () => {
    const rows: Row[] = [{ id: 'a' }, { id: 'b', fails: 'after' }, { id: 'c', fails: 'before' }];
    const outcomes = [];
    while (outcomes.length < rows.length) outcomes.push(...(await writeBatch(store, { rows, from: outcomes.length, write: writeRow, dryRun: true })));
    expect(outcomes.map((outcome) => outcome.status)).to.deep.equal(['created', 'failed', 'failed']);
    expect(await stored()).to.deep.equal([]);
  });

  it('ends a batch at its time budget or its row limit, whichever comes first', async () => {
    const rows: Row[] = Array.from({ length: 50 }, (_, i) => ({ id: `r${i}` }));
    const byLimit = await writeBatch(store, { rows, write: writeRow, limits: { budgetMs: 10_000, maxRows: 7 } });
    expect(byLimit).to.have.length(7);
    const slow = async (tx: Collections, row: Row) => {
      const until = performance.now() + 5;
      while (performance.now() < until);
      return writeRow(tx, row);
    };
    const byTime = await writeBatch(store, { rows, from: 7, write: slow, limits: { budgetMs: 12, maxRows: 500 } });
    // 5 ms a record against a 12 ms budget: a few records, however loaded the machine, never the 43 left.
    expect(byTime.length).to.be.within(1, 3);
  });
});
