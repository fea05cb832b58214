import { expect } from 'chai';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStore } from '../../../engine/store/embedded/embedded-store.js';
import { SqliteFile } from '../../../engine/store/embedded/sqlite-file.js';

const LIMIT = 1024 * 1024;

/**
 * Writes that never pause: each unit starts as the one before is acknowledged. The worker's
 * checkpoints alone never let the WAL start over, so it held every byte written (2.1 GB in the
 * business-logic benchmark); the store holds its writes past a limit until the WAL is copied.
 */
describe('embedded store: the WAL stays near its limit under writes that never pause', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'crm-wal-bound-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes 20 MiB back to back with the WAL never past a few times its 1 MiB limit, losing nothing', async () => {
    const path = join(dir, 'store.sqlite');
    const store = new EmbeddedStore('acme', new SqliteFile(path, 'process', undefined, LIMIT), join(dir, 'blobs'), 8 * 1024 * 1024);
    let largest = 0;
    const text = 'x'.repeat(2_000);
    // By bytes, not by time: on a loaded machine three seconds wrote less than the limit many times over.
    const target = 20 * LIMIT;
    let units = 0;
    while (units * text.length < target) {
      const id = `t${String(units++).padStart(7, '0')}`;
      await store.unitOfWork(async (tx) => {
        await tx.collection('things').insertOne({ _id: id, text });
      });
      if (units % 50 === 0) largest = Math.max(largest, statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0);
    }
    expect(largest, `the WAL's largest size (${(largest / 2 ** 20).toFixed(1)} MiB after ${units} writes)`).to.be.below(6 * LIMIT);
    expect(await store.collection('things').count({})).to.equal(units);
    expect((await store.collection('things').findOne({ _id: `t${String(units - 1).padStart(7, '0')}` }))?.text).to.equal(text);
    await store.close();
  });
});
