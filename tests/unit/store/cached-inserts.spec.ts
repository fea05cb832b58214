import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommittedData } from '../../../engine/store/embedded/committed-data.js';
import { DocumentCache } from '../../../engine/store/embedded/document-cache.js';
import { SqliteFile } from '../../../engine/store/embedded/sqlite-file.js';
import type { Doc } from '../../../engine/store/port.js';

/** About 40 documents of this size fill the cache below (3 bytes counted per byte of JSON). */
const CACHE_BYTES = 40 * 3 * 100;
const padded = (id: string): Doc => ({ _id: id, text: 'x'.repeat(80) });

describe('embedded store: which committed documents the cache takes', () => {
  let dir: string;
  let file: SqliteFile;
  let reads: number;
  let data: CommittedData;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-cached-'));
    file = new SqliteFile(join(dir, 'a.db'), 'process');
    reads = 0;
    const body = file.body.bind(file);
    file.body = (collection, id) => {
      reads++;
      return body(collection, id);
    };
    data = new CommittedData(file, new DocumentCache(CACHE_BYTES));
  });
  afterEach(async () => {
    await file.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const commit = (collection: string, docs: Doc[]) => data.commit(new Map([[collection, new Map(docs.map((doc) => [doc._id, doc]))]]));
  const readsOf = (collection: string, ids: string[]) => {
    const before = reads;
    for (const id of ids) data.load(collection, id);
    return reads - before;
  };

  it('keeps the records requests read when a flood of new documents (audit entries) is written', () => {
    const records = Array.from({ length: 20 }, (_, i) => `r${String(i).padStart(2, '0')}`);
    commit('deals', records.map(padded));
    expect(readsOf('deals', records), 'new documents are cached while there is room').to.equal(0);
    for (let batch = 0; batch < 10; batch++) commit('audit', Array.from({ length: 20 }, (_, i) => padded(`a${batch}-${i}`)));
    expect(readsOf('deals', records), 'the audit entries did not push the records out').to.equal(0);
    // An update is a document that was read: it takes its place whatever the room.
    commit('deals', records.map((id) => ({ ...padded(id), changed: true })));
    expect(readsOf('deals', records)).to.equal(0);
    expect(data.load('deals', records[0]!)).to.include({ changed: true });
  });
});
