import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirectoryInUseError, EmbeddedStoreProvider } from '../../../engine/store/embedded/index.js';

describe('embedded store: the data directory lock', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'crm-lock-unit-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('refuses a second provider on a data directory another one holds, and lets one take it once the first is closed', async () => {
    const first = new EmbeddedStoreProvider(dir);
    await (await first.open('acme')).collection('a').insertOne({ _id: 'x' });
    expect(() => new EmbeddedStoreProvider(dir)).to.throw(DataDirectoryInUseError, `(pid ${process.pid} on`);
    await first.close();
    const second = new EmbeddedStoreProvider(dir);
    try {
      expect(await (await second.open('acme')).collection('a').findOne({ _id: 'x' })).to.deep.equal({ _id: 'x' });
    } finally {
      await second.close();
    }
  });

  it('locks each data directory apart: two directories, two providers', async () => {
    const other = await mkdtemp(join(tmpdir(), 'crm-lock-unit-'));
    const first = new EmbeddedStoreProvider(dir);
    const second = new EmbeddedStoreProvider(other);
    await first.close();
    await second.close();
    await rm(other, { recursive: true, force: true });
  });
});
