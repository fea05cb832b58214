/**
 * The business-logic benchmark (`npm run bench:logic`): a create and an update of a record with
 * five formula fields, three validation rules and a roll-up on its master, against the plain
 * create of the foundation bench's 10-field object, all on one platform child process.
 * Writes its own block of docs/performance.md.
 *
 * Environment: BENCH_SECONDS (10 measured per metric, split over BENCH_ROUNDS rounds, 2),
 * BENCH_WARMUP_SECONDS (2 per round), BENCH_CONNECTIONS (10), BENCH_MASTERS (100),
 * BENCH_DETAILS (20000 lines seeded through the API), BENCH_SEED_CONCURRENCY (20),
 * BENCH_PROFILE_SECONDS (3; 0 skips the CPU profiles), BENCH_PROFILE_DIR (unset; a directory to keep
 * the raw .cpuprofile files in).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, checkLogic, checkRollups } from './business-logic-checks.js';
import { DETAIL, DETAIL_OBJECT, MASTER, MASTER_OBJECT, TOTAL_FIELD, randomAmount, randomLine } from './business-logic-objects.js';
import { GOAL, writeLogicReport, type LogicPhase, type LogicResults } from './business-logic-report.js';
import { ChildServer } from './child-server.js';
import { numberFromEnv } from './env.js';
import { combine, load, type LoadResult, type RequestSpec } from './measure.js';
import { machine } from './report.js';
import { OBJECT_NAME, REGIONS, generateRecords, randomDeal, seedPlatform, seededRandom } from './seed.js';

const settings = {
  seconds: numberFromEnv('BENCH_SECONDS', 10),
  rounds: Math.max(1, Math.round(numberFromEnv('BENCH_ROUNDS', 2))),
  warmupSeconds: numberFromEnv('BENCH_WARMUP_SECONDS', 2),
  connections: numberFromEnv('BENCH_CONNECTIONS', 10),
  masters: Math.max(1, Math.round(numberFromEnv('BENCH_MASTERS', 100))),
  details: Math.round(numberFromEnv('BENCH_DETAILS', 20_000)),
  seedConcurrency: Math.max(1, Math.round(numberFromEnv('BENCH_SEED_CONCURRENCY', 20))),
};
const profileSeconds = numberFromEnv('BENCH_PROFILE_SECONDS', 3);
const profileDir = process.env.BENCH_PROFILE_DIR;
const records = (object: string, id = '') => `/api/v1/records/${object}${id ? `/${id}` : ''}`;
const log = (message: string) => console.log(`[bench:logic] ${message}`);
const loud = (lines: string[]) => console.error(['', '!'.repeat(72), ...lines.map((line) => `!! ${line}`), '!'.repeat(72), ''].join('\n'));

const loadBefore = loadavg();
const benchStarted = performance.now();
const dataDir = mkdtempSync(join(tmpdir(), 'crm-bench-logic-'));
let server: ChildServer | undefined;

try {
  // The plain object holds as many records as the detail, so neither writes into a smaller collection.
  log(`seeding ${settings.details} '${OBJECT_NAME}' records through the store port`);
  await seedPlatform(join(dataDir, 'platform'), generateRecords(settings.details));
  server = await ChildServer.start('platform', dataDir);
  // Steady state: after the restart the store reads its cache back in the background first.
  log(`platform cache warm after ${(await server.warm()).toFixed(0)} ms more`);
  const platform = server;
  await call(platform, 'GET', `${records(OBJECT_NAME)}?limit=1`);
  await platform.checkAuthentication(`${records(OBJECT_NAME)}?limit=1`);
  log('the platform refuses a request without its API token (401) and answers it with the token; every request below sends it');
  await call(platform, 'POST', '/api/v1/meta/objects', MASTER_OBJECT);
  await call(platform, 'POST', '/api/v1/meta/objects', DETAIL_OBJECT);
  await call(platform, 'POST', `/api/v1/meta/objects/${MASTER}/fields`, TOTAL_FIELD);

  const random = seededRandom(11);
  const masterIds: string[] = [];
  for (let i = 0; i < settings.masters; i++) {
    masterIds.push((await call(platform, 'POST', records(MASTER), { title: `Quote ${i}`, region: REGIONS[i % REGIONS.length] }))._id as string);
  }
  const randomMaster = () => masterIds[Math.floor(random() * masterIds.length)]!;
  log(`seeding ${settings.details} '${DETAIL}' lines over ${settings.masters} '${MASTER}'s through the API at concurrency ${settings.seedConcurrency}`);
  const started = performance.now();
  const lineIds = await inParallel(settings.details, settings.seedConcurrency, async () =>
    (await call(platform, 'POST', records(DETAIL), randomLine(random, randomMaster())))._id as string,
  );
  const seedMs = performance.now() - started;
  log(`  ${(seedMs / 1000).toFixed(1)} s, ${((settings.details / seedMs) * 1000).toFixed(0)} lines/s`);

  const before = await checkLogic(platform, masterIds[0]!, randomLine(random, masterIds[0]!), random);
  if (before.length > 0) loud(['THE BUSINESS LOGIC IS NOT WHAT THE BENCH EXPECTS:', ...before]);
  else log('checked: formulas computed, roll-up moved on create and update, a broken rule refused');

  let plainCount = 0;
  let nextLine = 0;
  const requests: Record<LogicPhase, () => RequestSpec> = {
    plain: () => ({ method: 'POST', path: records(OBJECT_NAME), body: JSON.stringify(randomDeal(random, settings.details + plainCount++)) }),
    create: () => ({ method: 'POST', path: records(DETAIL), body: JSON.stringify(randomLine(random, randomMaster())) }),
    update: () => ({ method: 'PATCH', path: records(DETAIL, lineIds[nextLine++ % lineIds.length]!), body: JSON.stringify({ amount: randomAmount(random) }) }),
  };
  const options = (next: () => RequestSpec, seconds: number, warmupSeconds: number) => ({
    url: platform.url,
    headers: platform.headers,
    idlePath: '/health',
    cpu: () => platform.cpu(),
    gcPauses: (from: number, to: number) => platform.gcPauses(from, to),
    connections: settings.connections,
    seconds,
    warmupSeconds,
    next,
  });

  // Rounds in turning order (plain, create, update, then update, create, plain, …), so a change in
  // the machine's load during the run weighs on every metric alike.
  const byPhase: Record<LogicPhase, LoadResult[]> = { plain: [], create: [], update: [] };
  const order: LogicPhase[] = ['plain', 'create', 'update'];
  for (let round = 0; round < settings.rounds; round++) {
    for (const phase of round % 2 === 0 ? order : [...order].reverse()) {
      log(`${phase}, round ${round + 1}/${settings.rounds}`);
      const result = await load(options(requests[phase], settings.seconds / settings.rounds, settings.warmupSeconds));
      byPhase[phase].push(result);
      log(`  ${result.perSecond.toFixed(0)}/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.cpuPerRequest.toFixed(0)} µs CPU/request, ${result.failed} non-2xx`);
    }
  }
  const loads = { plain: combine(byPhase.plain), create: combine(byPhase.create), update: combine(byPhase.update) };

  const profiles: LogicResults['profiles'] = {};
  if (profileSeconds > 0) {
    for (const phase of ['plain', 'create'] as const) {
      log(`profiling ${phase === 'plain' ? 'plain' : 'logic'} create for ${profileSeconds} s`);
      await server.startProfile();
      const { sent } = await load(options(requests[phase], profileSeconds, 0));
      profiles[phase] = { ...(await server.stopProfile(profileDir ? join(profileDir, `logic-${phase}-create.cpuprofile`) : undefined)), requests: sent };
    }
  }

  log(`checking every '${MASTER}' total against the sum of its lines`);
  const after = await checkRollups(platform, masterIds);
  if (after.mismatches.length > 0) loud([`ROLL-UPS WRONG ON ${after.mismatches.length} OF ${after.masters} MASTERS:`, ...after.mismatches.slice(0, 10)]);
  else log(`  all ${after.masters} totals equal the sum of their ${after.details} lines`);
  if (before.length > 0 || after.mismatches.length > 0) process.exitCode = 1;

  const results: LogicResults = {
    machine: machine(),
    settings,
    seed: { ms: seedMs, perSecond: (settings.details / seedMs) * 1000 },
    loads,
    checks: { before, after },
    profiles,
    profileSeconds,
    loadAverage: { before: loadBefore, after: loadavg() },
    totalSeconds: (performance.now() - benchStarted) / 1000,
  };
  const file = writeLogicReport(results);
  for (const phase of ['create', 'update'] as const) {
    const ratio = loads[phase].perSecond / loads.plain.perSecond;
    log(`${phase} / plain create: ${ratio.toFixed(2)}× (goal ≥ ${GOAL}×: ${ratio >= GOAL ? 'met' : 'NOT met'})`);
  }
  log(`wrote ${file} after ${results.totalSeconds.toFixed(0)} s`);
} finally {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

/** Runs `task` `count` times with at most `concurrency` at once; the results in start order. */
async function inParallel<T>(count: number, concurrency: number, task: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let started = 0;
  const worker = async () => {
    while (started < count) {
      const index = started++;
      results[index] = await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
}
