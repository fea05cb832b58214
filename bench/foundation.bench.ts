/**
 * The foundation benchmark (`npm run bench`, not part of `npm test`): the platform on the embedded
 * store against a hand-written express server over the same records in a Map and an array.
 * Each server runs in its own child process; autocannon runs here. Writes docs/performance.md.
 *
 * Environment: BENCH_RECORDS (100000), BENCH_SECONDS (10 measured per server and metric, split
 * over BENCH_ROUNDS rounds, 2), BENCH_WARMUP_SECONDS (2 per round), BENCH_CONNECTIONS (10),
 * BENCH_PROFILE_SECONDS (3; 0 skips the CPU profiles), BENCH_SCHEMA_REPEATS (10),
 * BENCH_PROFILE_DIR (unset; a directory to keep the raw .cpuprofile files in).
 */
import { isDeepStrictEqual } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChildServer } from './child-server.js';
import { numberFromEnv } from './env.js';
import { combine, load, type LoadResult, type RequestSpec } from './measure.js';
import { machine, writeReport } from './report.js';
import type { BenchResults, LoadPhase, ProfiledPhase, ProfiledRun, Profiles } from './results.js';
import { measureSchemaChange } from './schema-change.js';
import { OBJECT_NAME, generateRecords, randomDeal, seedPlatform, seededRandom, writeBaselineData } from './seed.js';

const settings = {
  records: numberFromEnv('BENCH_RECORDS', 100_000),
  seconds: numberFromEnv('BENCH_SECONDS', 10),
  rounds: Math.max(1, Math.round(numberFromEnv('BENCH_ROUNDS', 2))),
  warmupSeconds: numberFromEnv('BENCH_WARMUP_SECONDS', 2),
  connections: numberFromEnv('BENCH_CONNECTIONS', 10),
  profileSeconds: numberFromEnv('BENCH_PROFILE_SECONDS', 3),
  schemaRepeats: numberFromEnv('BENCH_SCHEMA_REPEATS', 10),
};
const profileDir = process.env.BENCH_PROFILE_DIR;
const LIST_FILTER = { amount: { gte: 1000 } };
const LIST_QUERY = `filter=${encodeURIComponent(JSON.stringify(LIST_FILTER))}&sort=-amount&limit=50`;

/** The same request for each server, in each one's own URL scheme. */
const routes = {
  platform: { one: (id: string) => `/api/v1/records/${OBJECT_NAME}/${id}`, many: `/api/v1/records/${OBJECT_NAME}`, idle: '/health' },
  baseline: { one: (id: string) => `/deals/${id}`, many: '/deals', idle: '/health' },
};

interface Phase {
  key: LoadPhase;
  label: string;
  /** A request generator per server: each call gives the next request (a random id, a new body). */
  request: (kind: keyof typeof routes) => () => RequestSpec;
}

const log = (message: string) => console.log(`[bench] ${message}`);
const loadBefore = loadavg();
const benchStarted = performance.now();
const dataDir = mkdtempSync(join(tmpdir(), 'crm-bench-'));
const servers: ChildServer[] = [];

try {
  log(`generating ${settings.records} records of '${OBJECT_NAME}' (10 fields) in ${dataDir}`);
  const records = generateRecords(settings.records);
  const ids = records.map((record) => record._id);
  let started = performance.now();
  await seedPlatform(join(dataDir, 'platform'), records);
  const seedMs = performance.now() - started;
  writeBaselineData(join(dataDir, 'baseline-records.json'), records);
  log(`seeded the platform's store in ${(seedMs / 1000).toFixed(1)} s`);

  const startup = { platform: 0, baseline: 0 };
  for (const kind of ['platform', 'baseline'] as const) {
    started = performance.now();
    const server = await ChildServer.start(kind, dataDir);
    servers.push(server);
    // The first list loads the collection into memory on the platform: count it in the start.
    await getJson(`${server.url}${routes[kind].many}?limit=1`, server.headers);
    startup[kind] = performance.now() - started;
    log(`${kind} listening on ${server.url}, answering after ${startup[kind].toFixed(0)} ms`);
  }
  const [platform, baseline] = servers as [ChildServer, ChildServer];
  // Steady state: the cache warm-up after a restart reads in the background, in slices that give
  // way to requests; its CPU would count against the first phase's requests.
  log(`platform cache warm after ${(await platform.warm()).toFixed(0)} ms more`);
  const memoryAfterSeed = { platform: await platform.memory(), baseline: await baseline.memory() };
  await platform.checkAuthentication(routes.platform.one(ids[0]!));
  log('the platform refuses a request without its API token (401) and answers it with the token; every platform request below sends it');

  await checkSameAnswers(platform, baseline, ids);
  log('both servers give the same record by id and the same list page');

  const random = seededRandom(7);
  const randomId = () => ids[Math.floor(random() * ids.length)]!;
  let created = 0;
  const phases: Phase[] = [
    {
      key: 'get',
      label: 'GET by id',
      request: (kind) => () => ({ method: 'GET', path: routes[kind].one(randomId()) }),
    },
    {
      key: 'list',
      label: 'list: filter + sort + limit 50',
      request: (kind) => () => ({ method: 'GET', path: `${routes[kind].many}?${LIST_QUERY}` }),
    },
    {
      key: 'create',
      label: 'create',
      request: (kind) => () => ({ method: 'POST', path: routes[kind].many, body: JSON.stringify(randomDeal(random, settings.records + created++)) }),
    },
  ];

  const loads = {} as BenchResults['loads'];
  const profiles: Profiles = { platform: {}, baseline: {} };
  let listTopBaseline: LoadResult | undefined;
  for (const phase of phases) {
    loads[phase.key] = await compare(phase, platform, baseline);
    if (phase.key === 'list') {
      log('list on the baseline with a bounded buffer instead of a full sort (for comparison)');
      listTopBaseline = combine(await rounds(baseline, () => ({ method: 'GET', path: `/top-deals?${LIST_QUERY}` })));
      log(`  ${summary(listTopBaseline)}`);
    }
    if (settings.profileSeconds > 0) {
      for (const server of [baseline, platform]) {
        log(`  profiling the ${server.kind} under the same load for ${settings.profileSeconds} s`);
        profiles[server.kind][phase.key] = await profiled(server, phase.key, async () =>
          (await load({ ...loadOptions(server), seconds: settings.profileSeconds, warmupSeconds: 0, next: phase.request(server.kind) })).sent,
        );
      }
    }
  }

  log(`schema change: ${settings.schemaRepeats} new fields, each until a create using it succeeds`);
  const schemaChange = await measureSchemaChange(platform.url, platform.headers, settings.schemaRepeats, (from, to) => platform.gcPauses(from, to));
  log(`  live after ${schemaChange.live.median.toFixed(1)} ms at the median, ${schemaChange.live.max.toFixed(1)} ms at worst`);
  if (settings.profileSeconds > 0) {
    log('  profiling 5 more schema changes on the platform');
    profiles.platform.schema = await profiled(platform, 'schema', async () => {
      await measureSchemaChange(platform.url, platform.headers, 5, (from, to) => platform.gcPauses(from, to), settings.schemaRepeats + 1);
      return 5;
    });
  }
  const memoryAfterRun = { platform: await platform.memory(), baseline: await baseline.memory() };

  const results: BenchResults = {
    machine: machine(),
    settings: {
      ...settings,
      listQuery: `?filter=${JSON.stringify(LIST_FILTER)}&sort=-amount&limit=50`,
      listMatches: records.filter((record) => (record.amount as number) >= LIST_FILTER.amount.gte).length,
    },
    seedMs,
    startup,
    memoryAfterSeed,
    memoryAfterRun,
    loads,
    listTopBaseline: listTopBaseline!,
    loadAverage: { before: loadBefore, after: loadavg() },
    schemaChange,
    profiles,
    totalSeconds: (performance.now() - benchStarted) / 1000,
  };
  const file = writeReport(results);
  log(`wrote ${file} after ${results.totalSeconds.toFixed(0)} s`);
} finally {
  for (const server of servers) await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

/**
 * Both servers in alternating rounds (baseline, platform, platform, baseline, …), so a change in
 * the machine's load during the run weighs on both alike; the rounds of each add up.
 */
async function compare(phase: Phase, platform: ChildServer, baseline: ChildServer): Promise<Record<'platform' | 'baseline', LoadResult>> {
  const byKind = { platform: [] as LoadResult[], baseline: [] as LoadResult[] };
  for (let round = 0; round < settings.rounds; round++) {
    for (const server of round % 2 === 0 ? [baseline, platform] : [platform, baseline]) {
      log(`${phase.label} on the ${server.kind}, round ${round + 1}/${settings.rounds}`);
      byKind[server.kind].push(...(await rounds(server, phase.request(server.kind), 1)));
      log(`  ${summary(byKind[server.kind].at(-1)!)}`);
    }
  }
  return { platform: combine(byKind.platform), baseline: combine(byKind.baseline) };
}

/** `count` rounds on one server, each a warm-up and a measured run of its share of BENCH_SECONDS. */
async function rounds(server: ChildServer, next: () => RequestSpec, count = settings.rounds): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (let i = 0; i < count; i++) {
    results.push(await load({ ...loadOptions(server), seconds: settings.seconds / settings.rounds, next }));
  }
  return results;
}

/** A CPU profile of the server while `work` runs; `work` says how many requests it made. */
async function profiled(server: ChildServer, phase: ProfiledPhase, work: () => Promise<number>): Promise<ProfiledRun> {
  await server.startProfile();
  const requests = await work();
  const summary = await server.stopProfile(profileDir ? join(profileDir, `${server.kind}-${phase}.cpuprofile`) : undefined);
  return { ...summary, requests };
}

function summary(result: LoadResult): string {
  return `${result.perSecond.toFixed(0)}/s, p99 ${result.p99} ms, ${result.cpuPerRequest.toFixed(0)} µs CPU per request, ${result.failed} non-2xx`;
}

/** What every load on `server` shares; callers add the request generator and may shorten the run. */
function loadOptions(server: ChildServer) {
  return {
    url: server.url,
    headers: server.headers,
    idlePath: routes[server.kind].idle,
    cpu: () => server.cpu(),
    gcPauses: (from: number, to: number) => server.gcPauses(from, to),
    connections: settings.connections,
    seconds: settings.seconds,
    warmupSeconds: settings.warmupSeconds,
  };
}

/** Fairness check: the two servers must answer the measured requests with the same data. */
async function checkSameAnswers(platform: ChildServer, baseline: ChildServer, ids: string[]): Promise<void> {
  for (const id of [ids[0]!, ids[ids.length >> 1]!, ids[ids.length - 1]!]) {
    const [a, b] = await Promise.all([
      getJson(`${platform.url}${routes.platform.one(id)}`, platform.headers),
      getJson(`${baseline.url}${routes.baseline.one(id)}`, baseline.headers),
    ]);
    if (!isDeepStrictEqual(a, b)) throw new Error(`the servers disagree on record ${id}:\n${JSON.stringify(a)}\n${JSON.stringify(b)}`);
  }
  const [a, b, c] = (await Promise.all([
    getJson(`${platform.url}${routes.platform.many}?${LIST_QUERY}`, platform.headers),
    getJson(`${baseline.url}${routes.baseline.many}?${LIST_QUERY}`, baseline.headers),
    getJson(`${baseline.url}/top-deals?${LIST_QUERY}`, baseline.headers),
  ])) as { records: unknown[] }[];
  if (a!.records.length !== 50 || !isDeepStrictEqual(a!.records, b!.records) || !isDeepStrictEqual(b!.records, c!.records)) {
    throw new Error('the servers disagree on the list page');
  }
}

async function getJson(url: string, headers: Record<string, string>): Promise<unknown> {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

