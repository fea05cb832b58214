/**
 * The storage benchmark (`npm run bench:scale`, not part of `npm test`): seeds N records of the
 * foundation benchmark's object through the store port in large units of work, restarts the
 * store in a fresh process (bench/scale-probe.ts) and measures there what issue 11 asks of the
 * embedded store at that size, each query beside the same query run directly in SQLite over an
 * expression index in the same process (the reference). Prints a table; writes no file.
 *
 * Environment: BENCH_SCALE_SIZES (10000,100000; 1000000 when asked), BENCH_SCALE_REPEATS (200
 * timed runs of each query), BENCH_SCALE_BATCH (10000 records per unit of work), BENCH_SCALE_KEEP
 * (keep the seeded files and say where, to profile a query against them).
 */
import Database from 'better-sqlite3';
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createObject } from '../engine/setup/operations/index.js';
import type { StoredRecord } from '../engine/records/index.js';
import { EmbeddedStoreProvider } from '../engine/store/embedded/index.js';
import { newId } from '../engine/store/new-id.js';
import type { IndexSpec } from '../engine/store/port.js';
import { BUILT_IN_ADMIN, Platform, operationContext } from '../engine/tenancy/index.js';
import { numberFromEnv } from './env.js';
import { loadMasterKey } from '../engine/crypto/index.js';
import type { ProbeResult } from './scale-probe.js';
import { DEAL_OBJECT, OBJECT_NAME, SCALE_OWNERS, randomDeal, seededRandom, storeRecords } from './seed.js';

const sizes = (process.env.BENCH_SCALE_SIZES || '10000,100000').split(',').map((size) => Number(size.trim()));
const repeats = numberFromEnv('BENCH_SCALE_REPEATS', 200);
const batchSize = numberFromEnv('BENCH_SCALE_BATCH', 10_000);
const PROBE = fileURLToPath(new URL('./scale-probe.ts', import.meta.url));

/**
 * Beside the object's own indexes (the access and bin fields, `amount` flagged indexed): the
 * compound index a list on one stage sorted by amount is best served by.
 */
export const SCALE_INDEXES: IndexSpec[] = [{ name: 'stage_amount', keys: { stage: 1, amount: -1 } }];

const log = (message: string) => console.log(`[bench:scale] ${message}`);

/** The records of generateRecords (seed.ts), made batch by batch so that a million never sit in memory at once. */
function* recordBatches(total: number): Generator<StoredRecord[]> {
  const random = seededRandom(42);
  const start = Date.UTC(2025, 0, 1);
  for (let from = 0; from < total; from += batchSize) {
    const batch: StoredRecord[] = [];
    for (let i = from; i < Math.min(total, from + batchSize); i++) {
      const at = new Date(start + i * 1000).toISOString();
      const by = BUILT_IN_ADMIN.userId;
      batch.push({ ...randomDeal(random, i), _id: newId(), _version: 1, _owner: `seller${i % SCALE_OWNERS}`, _createdAt: at, _createdBy: by, _updatedAt: at, _updatedBy: by });
    }
    yield batch;
  }
}

/** The platform's store, seeded through the port; the reference file, the same JSON with expression indexes. */
async function seed(dir: string, size: number): Promise<{ collection: string; seedMs: number }> {
  const platform = new Platform(new EmbeddedStoreProvider(join(dir, 'platform')), loadMasterKey({}, join(dir, 'platform')));
  const reference = new Database(join(dir, 'reference.sqlite'));
  reference.pragma('journal_mode = WAL');
  reference.exec('CREATE TABLE deals (id TEXT PRIMARY KEY, body TEXT NOT NULL) WITHOUT ROWID');
  const insert = reference.prepare('INSERT INTO deals (id, body) VALUES (?, ?)');
  const insertAll = reference.transaction((records: StoredRecord[]) => {
    for (const record of records) insert.run(record._id, JSON.stringify(record));
  });
  const started = performance.now();
  try {
    const tenant = await platform.tenant();
    // Private: every read of a user carries the record-access filter, which the access indexes serve.
    await createObject(operationContext(tenant, BUILT_IN_ADMIN, 'import'), { ...DEAL_OBJECT, sharing: 'private' });
    const compiled = tenant.metadata.snapshot.object(OBJECT_NAME)!;
    const collection = compiled.collection;
    await tenant.store.ensureIndexes(collection, [...compiled.indexes, ...SCALE_INDEXES]);
    let stored = 0;
    for (const batch of recordBatches(size)) {
      await storeRecords(tenant, OBJECT_NAME, batch, batchSize);
      insertAll(batch);
      stored += batch.length;
      if (stored % 100_000 === 0) log(`  ${stored} records stored`);
    }
    const seedMs = performance.now() - started;
    reference.exec(`
      CREATE INDEX deals_stage_amount ON deals (json_extract(body, '$.stage'), json_extract(body, '$.amount') DESC);
      CREATE INDEX deals_amount ON deals (json_extract(body, '$.amount'));
      CREATE INDEX deals_owner_amount ON deals (json_extract(body, '$._owner'), json_extract(body, '$.amount') DESC);`);
    return { collection, seedMs };
  } finally {
    reference.close();
    await platform.close();
  }
}

function probe(dir: string, collection: string, size: number): Promise<ProbeResult> {
  const child = fork(PROBE, [dir, collection, String(size), String(repeats)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(message as ProbeResult));
    child.once('exit', (code) => code !== 0 && reject(new Error(`the probe exited with code ${code}`)));
  });
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0));
const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

const rows: string[] = [];
for (const size of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'crm-bench-scale-'));
  try {
    log(`seeding ${size} records of '${OBJECT_NAME}' in units of ${batchSize}`);
    const { collection, seedMs } = await seed(dir, size);
    log(`  seeded in ${(seedMs / 1000).toFixed(1)} s; restarting the store in a fresh process`);
    const result = await probe(dir, collection, size);
    const q = result.queries;
    rows.push(
      `| ${size.toLocaleString('en')} | ${ms(result.coldOpenMs)} ms | ${ms(q.list.store)} / ${ms(q.list.reference)} ms | ${ms(q.range.store)} / ${ms(q.range.reference)} ms | ` +
        `${ms(q.access.store)} / ${ms(q.access.reference)} ms | ${ms(q.plain.store)} / ${ms(q.plain.reference)} ms | ${ms(q.count.store)} / ${ms(q.count.reference)} ms | ${ms(q.get.store)} / ${ms(q.get.reference)} ms | ${ms(q.summary.store)} / ${ms(q.summary.reference)} ms | ${mib(result.rssAfterOpen)} | ${mib(result.rssAfterRun)} | ${(seedMs / 1000).toFixed(1)} s |`,
    );
  } finally {
    if (process.env.BENCH_SCALE_KEEP) log(`  kept the seeded files in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

console.log('\n| records | cold open until findOne | list stage = X sort -amount limit 50, p50 (store / SQLite) | 1 % amount range sort -amount limit 50, p50 | record access of a 1 % owner sort -amount limit 50, p50 | sort by an unindexed field limit 50, p50 | count stage = X, p50 | findOne by _id, p50 | summary by stage, sum amount, p50 | RSS after open | RSS after run | seed |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
