import { expect } from 'chai';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteFile } from '../../../engine/store/embedded/sqlite-file.js';

/** engine/store/embedded/wal-checkpoints.ts's WAL_SIZE_LIMIT_BYTES, spelled out so that the spec also runs against a store without it. */
const WAL_LIMIT = 64 * 1024 * 1024;

describe('embedded store: WAL checkpoints on a worker thread', function () {
  this.timeout(20_000);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'crm-wal-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (file: SqliteFile, count: number, size: number) =>
    file.commit({
      docs: Array.from({ length: count }, (_, i) => ({ collection: 'things', id: String(i).padStart(8, '0'), body: JSON.stringify({ _id: String(i), text: 'x'.repeat(size) }) })),
      removed: [],
      added: [],
      multikey: [],
      counts: new Map(),
    });

  it('leaves checkpoints out of commits, and moves what they wrote into the database file within a second or so', async () => {
    const path = join(dir, 'store.sqlite');
    const file = new SqliteFile(path, 'process');
    expect(file.db.pragma('wal_autocheckpoint', { simple: true })).to.equal(0);
    // 8 MiB in one commit: SQLite's own checkpoint (after 1,000 pages) would have copied it into the database file inside the commit.
    write(file, 2_000, 4_000);
    // (the worker may meanwhile have copied the few pages of the tables' creation)
    expect(statSync(path).size, 'the commit wrote the WAL only').to.be.below(1_000_000);
    const deadline = Date.now() + 10_000;
    while (statSync(path).size < 8_000_000 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(statSync(path).size, 'the worker copied the pages into the database file').to.be.above(8_000_000);
    await file.close();
    expect(existsSync(`${path}-wal`), 'the last connection to close removed the WAL').to.equal(false);
  });

  it('cuts the WAL back once it starts over after writes that never paused', async () => {
    const path = join(dir, 'store.sqlite');
    const file = new SqliteFile(path, 'process');
    // 160 MiB of new documents in commits of 4 MiB back to back, while a reader holds an older
    // snapshot (as a long report would): no checkpoint may copy past it, so the WAL grows with the
    // writes. Left to the race between the commits and the worker, a loaded machine's worker
    // sometimes kept up and the WAL never grew, failing the premise rather than the store.
    const reader = new Database(path, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM docs').get();
    let next = 0;
    const load = (documents: number) =>
      file.commit({
        docs: Array.from({ length: documents }, () => {
          const id = String(next++).padStart(8, '0');
          return { collection: 'things', id, body: JSON.stringify({ _id: id, text: 'x'.repeat(4_000) }) };
        }),
        removed: [],
        added: [],
        multikey: [],
        counts: new Map(),
      });
    for (let round = 0; round < 40; round++) {
      load(1_000);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(statSync(`${path}-wal`).size, 'the burst grew the WAL').to.be.above(WAL_LIMIT);
    reader.exec('COMMIT');
    reader.close();
    // Once writes pause, the worker copies every frame; the next commit starts the WAL over, and
    // the file is cut back instead of keeping its largest size for as long as the store is open.
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && statSync(`${path}-wal`).size > WAL_LIMIT) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      load(1);
    }
    expect(statSync(`${path}-wal`).size).to.be.at.most(WAL_LIMIT);
    await file.close();
  });

  it('never keeps a process alive: one that opened a store and wrote to it exits by itself', () => {
    const sqliteFile = fileURLToPath(new URL('../../../engine/store/embedded/sqlite-file.ts', import.meta.url));
    const script = join(dir, 'open-and-end.ts');
    writeFileSync(
      script,
      `import { SqliteFile } from ${JSON.stringify(sqliteFile)};
const file = new SqliteFile(${JSON.stringify(join(dir, 'store.sqlite'))}, 'process');
file.commit({ docs: [{ collection: 'things', id: 'a', body: '{"_id":"a"}' }], removed: [], added: [], multikey: [], counts: new Map() });
console.log('written');
`,
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 15_000 });
    expect(run.stdout, run.stderr).to.contain('written');
    expect(run.signal, 'the process had to be killed: something held it open').to.equal(null);
    expect(run.status).to.equal(0);
  });
});
