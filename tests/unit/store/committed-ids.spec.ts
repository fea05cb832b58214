import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommittedData } from '../../../engine/store/embedded/committed-data.js';
import { DocumentCache } from '../../../engine/store/embedded/document-cache.js';
import { SqliteFile } from '../../../engine/store/embedded/sqlite-file.js';
import { newId } from '../../../engine/store/new-id.js';

/** A file whose document reads are counted. */
function countedFile(path: string): { file: SqliteFile; reads: () => number } {
  const file = new SqliteFile(path, 'process');
  let reads = 0;
  const body = file.body.bind(file);
  file.body = (collection, id) => {
    reads++;
    return body(collection, id);
  };
  return { file, reads: () => reads };
}

describe('embedded store: whether an id is committed', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'crm-ids-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('proves an id above every committed one new without a read, and reads for the others', async () => {
    const { file, reads } = countedFile(join(dir, 'a.db'));
    const data = new CommittedData(file, new DocumentCache(1 << 20));
    const ids = [newId(), newId(), newId()];
    expect(data.holds('deals', ids[0]!), 'an empty collection').to.equal(false);
    data.commit(new Map([['deals', new Map(ids.map((id) => [id, { _id: id }]))]]));
    const before = reads();
    expect(data.holds('deals', newId()), 'a new id').to.equal(false);
    expect(reads(), 'a new id is above the highest').to.equal(before);
    expect(ids.map((id) => data.holds('deals', id))).to.deep.equal([true, true, true]);
    expect(data.holds('deals', '000000000000000000000000'), 'below, not committed').to.equal(false);
    data.commit(new Map([['deals', new Map([[ids[2]!, null]])]]));
    expect(data.holds('deals', ids[2]!), 'deleted').to.equal(false);
    await file.close();

    const reopened = countedFile(join(dir, 'a.db'));
    const again = new CommittedData(reopened.file, new DocumentCache(1 << 20));
    expect(again.holds('deals', ids[1]!), 'after reopening').to.equal(true);
    const read = reopened.reads();
    expect(again.holds('deals', newId())).to.equal(false);
    expect(reopened.reads(), 'the bound is read from the file').to.equal(read);
    await reopened.file.close();
  });

  it('reads for an id the bound cannot order: one outside ASCII', async () => {
    const { file, reads } = countedFile(join(dir, 'b.db'));
    const data = new CommittedData(file, new DocumentCache(1 << 20));
    data.commit(new Map([['people', new Map([['é', { _id: 'é' }]])]]));
    const before = reads();
    expect(data.holds('people', 'zz')).to.equal(false);
    expect(data.holds('people', 'é')).to.equal(true);
    expect(reads()).to.be.greaterThan(before);
    await file.close();
  });
});
