/**
 * The record-access benchmark (`npm run bench:access`): GET by id and the foundation's list as a
 * sales rep on a private deal object with three sharing rules, beside the same requests as the
 * administrator (whom no sharing narrows), on one platform child process in the same run.
 * Writes its own block of docs/performance.md.
 *
 * Environment, as the foundation bench: BENCH_RECORDS (100000), BENCH_SECONDS (10 measured per
 * user and metric, split over BENCH_ROUNDS rounds, 2), BENCH_WARMUP_SECONDS (2 per round),
 * BENCH_CONNECTIONS (10), BENCH_PROFILE_SECONDS (3; 0 skips the CPU profiles), BENCH_PROFILE_DIR
 * (unset; a directory to keep the raw .cpuprofile files in); and BENCH_USERS (50 deal owners).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredRecord } from '../engine/records/index.js';
import { ChildServer } from './child-server.js';
import { numberFromEnv } from './env.js';
import { combine, load, type LoadResult, type RequestSpec } from './measure.js';
import { machine } from './report.js';
import type { ProfiledRun } from './results.js';
import { GOAL, writeAccessReport, type AccessPhase, type AccessResults, type Who } from './sales-rep-access-report.js';
import { seedSalesOrg, visibleToRep } from './sales-org.js';
import { checkRepAccess, tokenFor, type AccessCheck, type Caller } from './sales-rep-checks.js';
import { OBJECT_NAME, seededRandom } from './seed.js';

const settings = {
  records: numberFromEnv('BENCH_RECORDS', 100_000),
  users: Math.max(4, Math.round(numberFromEnv('BENCH_USERS', 50))),
  seconds: numberFromEnv('BENCH_SECONDS', 10),
  rounds: Math.max(1, Math.round(numberFromEnv('BENCH_ROUNDS', 2))),
  warmupSeconds: numberFromEnv('BENCH_WARMUP_SECONDS', 2),
  connections: numberFromEnv('BENCH_CONNECTIONS', 10),
  profileSeconds: numberFromEnv('BENCH_PROFILE_SECONDS', 3),
};
const profileDir = process.env.BENCH_PROFILE_DIR;
/** The foundation bench's list request, unchanged. */
const LIST_FILTER = { amount: { gte: 1000 } };
const LIST_QUERY = `filter=${encodeURIComponent(JSON.stringify(LIST_FILTER))}&sort=-amount&limit=50`;
const listMatches = (deal: StoredRecord) => (deal.amount as number) >= LIST_FILTER.amount.gte;
const REP_PASSWORD = 'sales rep bench passphrase';
const records = (id = '') => `/api/v1/records/${OBJECT_NAME}${id ? `/${id}` : ''}`;
const log = (message: string) => console.log(`[bench:access] ${message}`);
const loud = (lines: string[]) => console.error(['', '!'.repeat(72), ...lines.map((line) => `!! ${line}`), '!'.repeat(72), ''].join('\n'));

const loadBefore = loadavg();
const benchStarted = performance.now();
const dataDir = mkdtempSync(join(tmpdir(), 'crm-bench-access-'));
let server: ChildServer | undefined;

try {
  log(`seeding ${settings.records} '${OBJECT_NAME}' records owned by ${settings.users} sellers, the private sharing model and its rules`);
  let started = performance.now();
  const { org, records: seeded } = await seedSalesOrg(join(dataDir, 'platform'), settings.records, settings.users);
  const seedMs = performance.now() - started;
  const visible = visibleToRep(org);
  const repIds = seeded.filter(visible).map((deal) => deal._id);
  const allIds = seeded.map((deal) => deal._id);
  log(`  ${(seedMs / 1000).toFixed(1)} s; the rep (${org.rep.email}, ${org.rep.role}) may read ${repIds.length} of them`);

  server = await ChildServer.start('platform', dataDir);
  // Steady state: after the restart the store reads its cache back in the background first.
  log(`platform cache warm after ${(await server.warm()).toFixed(0)} ms more`);
  const platform = server;
  const admin: Caller = { url: platform.url, headers: platform.headers };
  await platform.checkAuthentication(`${records()}?limit=1`);
  const rep: Caller = { url: platform.url, headers: { authorization: `Bearer ${await tokenFor(admin, org.rep, REP_PASSWORD)}` } };
  log('the platform refuses a request without a token (401); the administrator and the rep each send their own API token');

  const check = async (when: string): Promise<AccessCheck> => {
    const result = await checkRepAccess(admin, rep, seeded, visible, { query: LIST_QUERY, matches: listMatches });
    if (result.problems.length > 0) loud([`RECORD ACCESS IS NOT WHAT THE SEED SAYS (${when}):`, ...result.problems]);
    else log(`checked ${when}: the rep's totals (${result.repListTotal} listed, ${result.repTotal} in all) and page match the seed; ${result.hiddenNotFound} of ${result.hiddenAsked} unreadable ids answer 404`);
    return result;
  };
  const before = await check('before measuring');

  const random = seededRandom(7);
  const pick = (ids: string[]) => () => ids[Math.floor(random() * ids.length)]!;
  const ids: Record<Who, () => string> = { admin: pick(allIds), rep: pick(repIds) };
  const requests: Record<AccessPhase, (who: Who) => () => RequestSpec> = {
    get: (who) => () => ({ method: 'GET', path: records(ids[who]()) }),
    list: () => () => ({ method: 'GET', path: `${records()}?${LIST_QUERY}` }),
  };
  const callers: Record<Who, Caller> = { admin, rep };
  const options = (who: Who, next: () => RequestSpec, seconds: number, warmupSeconds: number) => ({
    url: platform.url,
    headers: callers[who].headers,
    idlePath: '/health',
    cpu: () => platform.cpu(),
    gcPauses: (from: number, to: number) => platform.gcPauses(from, to),
    connections: settings.connections,
    seconds,
    warmupSeconds,
    next,
  });

  // Administrator and rep in alternating rounds (admin, rep, rep, admin, …), so a change in the
  // machine's load during the run weighs on both alike.
  const loads = {} as AccessResults['loads'];
  const profiles: AccessResults['profiles'] = {};
  for (const phase of ['get', 'list'] as const) {
    const byWho: Record<Who, LoadResult[]> = { admin: [], rep: [] };
    for (let round = 0; round < settings.rounds; round++) {
      for (const who of round % 2 === 0 ? (['admin', 'rep'] as const) : (['rep', 'admin'] as const)) {
        log(`${phase} as the ${who}, round ${round + 1}/${settings.rounds}`);
        const result = await load(options(who, requests[phase](who), settings.seconds / settings.rounds, settings.warmupSeconds));
        byWho[who].push(result);
        log(`  ${result.perSecond.toFixed(0)}/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.cpuPerRequest.toFixed(0)} µs CPU/request, ${result.failed} non-2xx`);
      }
    }
    loads[phase] = { admin: combine(byWho.admin), rep: combine(byWho.rep) };
    log(`${phase}: rep / admin ${(loads[phase].rep.perSecond / loads[phase].admin.perSecond).toFixed(2)}× in requests per second`);
    if (settings.profileSeconds > 0) {
      const runs = {} as Record<Who, ProfiledRun>;
      for (const who of ['admin', 'rep'] as const) {
        log(`  profiling ${phase} as the ${who} for ${settings.profileSeconds} s`);
        await platform.startProfile();
        const { sent } = await load(options(who, requests[phase](who), settings.profileSeconds, 0));
        runs[who] = { ...(await platform.stopProfile(profileDir ? join(profileDir, `access-${phase}-${who}.cpuprofile`) : undefined)), requests: sent };
      }
      profiles[phase] = runs;
    }
  }

  const after = await check('after measuring');
  if (before.problems.length > 0 || after.problems.length > 0) process.exitCode = 1;

  const results: AccessResults = {
    machine: machine(),
    settings: { ...settings, listQuery: `?filter=${JSON.stringify(LIST_FILTER)}&sort=-amount&limit=50` },
    org,
    repReadable: repIds.length,
    seedMs,
    loads,
    checks: { before, after },
    profiles,
    loadAverage: { before: loadBefore, after: loadavg() },
    totalSeconds: (performance.now() - benchStarted) / 1000,
  };
  const file = writeAccessReport(results);
  for (const phase of ['get', 'list'] as const) {
    const ratio = loads[phase].rep.perSecond / loads[phase].admin.perSecond;
    log(`${phase}: rep ${loads[phase].rep.perSecond.toFixed(0)}/s, admin ${loads[phase].admin.perSecond.toFixed(0)}/s, ${ratio.toFixed(2)}× (goal ≥ ${GOAL}×: ${ratio >= GOAL ? 'met' : 'NOT met'})`);
  }
  log(`wrote ${file} after ${results.totalSeconds.toFixed(0)} s`);
} finally {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
