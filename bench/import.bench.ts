/**
 * `npm run bench:import`: imports BENCH_IMPORT_RECORDS (100,000) records of the foundation
 * benchmark's object (seed.ts: `deal`, 10 fields) into a fresh platform through the bulk API, in
 * requests of BENCH_IMPORT_REQUEST_RECORDS (10,000), and reports records a second beside the
 * one-by-one API create of the same run: one request a record, as an import script would send
 * them, one at a time (c=1) and ten at a time (c=10, the foundation bench's create). The server
 * runs in its own process (child-server.ts). Writes the 'import' block of docs/performance.md.
 *
 * Environment: BENCH_IMPORT_RECORDS (100000), BENCH_IMPORT_REQUEST_RECORDS (10000),
 * BENCH_IMPORT_SECONDS (10, each one-by-one measure), BENCH_IMPORT_WARMUP_SECONDS (2),
 * BENCH_PROFILE_DIR (unset; a directory to keep a CPU profile of the bulk import in: it runs
 * under the profiler then, so its figures are for looking at, not for the table).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ChildServer } from './child-server.js';
import { numberFromEnv } from './env.js';
import { load, type LoadResult } from './measure.js';
import { writeBlock } from './report-blocks.js';
import { OBJECT_NAME, randomDeal, seedPlatform, seededRandom } from './seed.js';

const RECORDS = numberFromEnv('BENCH_IMPORT_RECORDS', 100_000);
const PER_REQUEST = Math.max(1, numberFromEnv('BENCH_IMPORT_REQUEST_RECORDS', 10_000));
const SECONDS = numberFromEnv('BENCH_IMPORT_SECONDS', 10);
const WARMUP_SECONDS = numberFromEnv('BENCH_IMPORT_WARMUP_SECONDS', 2);
/** The goal: the bulk API at least ten times the one-by-one create. */
const GOAL = 10;
const REPORT = new URL('../docs/performance.md', import.meta.url).pathname;
const log = (line: string) => console.log(`[bench:import] ${line}`);

interface BulkAnswer {
  created: number;
  failed: number;
  results: { status: string; error?: { message: string } }[];
}

/** One record a request, at `connections` requests at a time, for SECONDS: records a second. */
function oneByOne(server: ChildServer, connections: number, random: () => number, numbering: { next: number }): Promise<LoadResult> {
  return load({
    url: server.url,
    idlePath: '/health',
    connections,
    seconds: SECONDS,
    warmupSeconds: WARMUP_SECONDS,
    headers: { ...server.headers, 'content-type': 'application/json' },
    next: () => ({ method: 'POST', path: `/api/v1/records/${OBJECT_NAME}`, body: JSON.stringify(randomDeal(random, numbering.next++)) }),
    cpu: () => server.cpu(),
    gcPauses: (from, to) => server.gcPauses(from, to),
  });
}

/** RECORDS records through the bulk API, PER_REQUEST a request, one request after the other. */
async function bulk(server: ChildServer, random: () => number, numbering: { next: number }): Promise<{ ms: number; created: number; requests: number; cpuMicros: number }> {
  const cpuBefore = await server.cpu();
  const started = performance.now();
  let created = 0;
  let requests = 0;
  for (let sent = 0; sent < RECORDS; sent += PER_REQUEST) {
    const records = Array.from({ length: Math.min(PER_REQUEST, RECORDS - sent) }, () => randomDeal(random, numbering.next++));
    const response = await fetch(`${server.url}/api/v1/bulk/${OBJECT_NAME}`, { method: 'POST', headers: { ...server.headers, 'content-type': 'application/json' }, body: JSON.stringify(records) });
    const answer = (await response.json()) as BulkAnswer;
    requests++;
    if (response.status !== 200 || answer.failed > 0) {
      const first = answer.results?.find((result) => result.status === 'failed');
      throw new Error(`the bulk request answered ${response.status} with ${answer.failed} failed records: ${first?.error?.message ?? JSON.stringify(answer).slice(0, 300)}`);
    }
    created += answer.created;
    if (requests % 5 === 0) log(`  ${created} records created`);
  }
  const ms = performance.now() - started;
  return { ms, created, requests, cpuMicros: (await server.cpu()).micros - cpuBefore.micros };
}

async function storedCount(server: ChildServer): Promise<number> {
  const response = await fetch(`${server.url}/api/v1/records/${OBJECT_NAME}?limit=1&total=true`, { headers: server.headers });
  return ((await response.json()) as { total: number }).total;
}

const loadBefore = loadavg();
const dataDir = mkdtempSync(join(tmpdir(), 'crm-bench-import-'));
let server: ChildServer | undefined;
try {
  log(`a fresh platform with the '${OBJECT_NAME}' object and no records in ${dataDir}`);
  await seedPlatform(join(dataDir, 'platform'), []);
  server = await ChildServer.start('platform', dataDir);
  const random = seededRandom(5);
  const numbering = { next: 0 };

  log(`bulk API: ${RECORDS} records in requests of ${PER_REQUEST}`);
  const profileDir = process.env.BENCH_PROFILE_DIR;
  if (profileDir) await server.startProfile();
  const imported = await bulk(server, random, numbering);
  if (profileDir) await server.stopProfile(join(profileDir, 'bulk-import.cpuprofile'));
  const bulkRate = imported.created / (imported.ms / 1000);
  log(`  ${imported.created} records in ${(imported.ms / 1000).toFixed(1)} s: ${bulkRate.toFixed(0)} records/s`);
  const afterBulk = await storedCount(server);
  if (afterBulk !== RECORDS) throw new Error(`the object holds ${afterBulk} records after the bulk import, not ${RECORDS}`);

  // One by one after the bulk import, so both write into an object of about the same size.
  log(`one-by-one API create, one request at a time, ${SECONDS} s`);
  const single = await oneByOne(server, 1, random, numbering);
  log(`  ${single.perSecond.toFixed(0)} records/s, p99 ${single.p99} ms`);
  log(`one-by-one API create, ten requests at a time, ${SECONDS} s`);
  const ten = await oneByOne(server, 10, random, numbering);
  log(`  ${ten.perSecond.toFixed(0)} records/s, p99 ${ten.p99} ms`);

  const ratio = bulkRate / single.perSecond;
  const cpuPerRecord = (micros: number, records: number) => `${(micros / records).toFixed(0)} µs`;
  const body = [
    '## Import: the bulk API against one-by-one creates (bench:import)',
    '',
    `\`npm run bench:import\` on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, load average ${loadBefore.map((value) => value.toFixed(2)).join(' / ')} before, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    `A fresh platform with the foundation bench's \`${OBJECT_NAME}\` object (10 fields); ${RECORDS.toLocaleString('en')} records created through \`POST /api/v1/bulk/${OBJECT_NAME}\` in requests of ${PER_REQUEST.toLocaleString('en')}`,
    `(JSON arrays, one after the other, each record through the whole write path), then ${SECONDS} s of \`POST /api/v1/records/${OBJECT_NAME}\`, one record a request, at one and at ten requests at a time.`,
    '',
    '| way | records/s | server CPU per record | ratio to one-by-one (c=1) | goal | met? |',
    '|---|---|---|---|---|---|',
    `| bulk API, ${PER_REQUEST.toLocaleString('en')} a request | ${bulkRate.toFixed(0)} | ${cpuPerRecord(imported.cpuMicros, imported.created)} | **${ratio.toFixed(1)}×** | ≥ ${GOAL}× | ${ratio >= GOAL ? 'yes' : 'no'} |`,
    `| one-by-one create, c=1 | ${single.perSecond.toFixed(0)} | ${cpuPerRecord(single.cpuMicros, single.sent)} | 1× | | |`,
    `| one-by-one create, c=10 | ${ten.perSecond.toFixed(0)} | ${cpuPerRecord(ten.cpuMicros, ten.sent)} | ${(ten.perSecond / single.perSecond).toFixed(1)}× | | |`,
    '',
    `The bulk import took ${(imported.ms / 1000).toFixed(1)} s for ${imported.requests} requests (${imported.requests} against the per-user rate limit, where one by one would have been ${RECORDS.toLocaleString('en')}). ` +
      `Beside c=10: ${(bulkRate / ten.perSecond).toFixed(1)}×. Load average after: ${loadavg().map((value) => value.toFixed(2)).join(' / ')}.`,
  ].join('\n');
  writeBlock(REPORT, 'import', body);
  log(`wrote the 'import' block of ${REPORT}`);
} finally {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
