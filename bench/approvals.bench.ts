/**
 * The approval benchmark (`npm run bench:approvals`): 10,000 deals submitted by their requester and
 * approved through two steps (the requester's manager, then the finance role's one user), each
 * event one request on a distinct record with 10 in flight, beside a plain PATCH of a number field
 * of the same deals by the same requester, on one platform child process in the same run.
 * Writes its own block of docs/performance.md.
 *
 * Environment: BENCH_RECORDS (10000 measured per phase), BENCH_ROUNDS (10: the measured deals in
 * rounds, each round taking its share through every phase), BENCH_WARMUP_RECORDS (500 taken through
 * every phase first, unmeasured), BENCH_CONNECTIONS (10), BENCH_PROFILE_RECORDS (2000 more taken
 * through every phase under the CPU profiler after the measured runs; 0 skips the profiles),
 * BENCH_PROFILE_DIR (unset; a directory to keep the raw .cpuprofile files in), BENCH_SAMPLE (100
 * deals whose approval is read one by one at the end).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkAllApproved } from './approval-checks.js';
import { DEAL_APPROVAL, seedApprovalOrg, type Person } from './approval-org.js';
import { GOAL, PHASES, writeApprovalsReport, type ApprovalPhase, type ApprovalResults } from './approvals-report.js';
import { ChildServer } from './child-server.js';
import { numberFromEnv } from './env.js';
import type { RequestSpec } from './measure.js';
import { machine } from './report.js';
import type { ProfiledRun } from './results.js';
import { tokenFor, type Caller } from './sales-rep-checks.js';
import { OBJECT_NAME } from './seed.js';
import { combineWalks, walk, type WalkResult } from './walk-records.js';

const settings = {
  records: Math.max(1, Math.round(numberFromEnv('BENCH_RECORDS', 10_000))),
  rounds: Math.max(1, Math.round(numberFromEnv('BENCH_ROUNDS', 10))),
  warmupRecords: Math.round(numberFromEnv('BENCH_WARMUP_RECORDS', 500)),
  connections: Math.max(1, Math.round(numberFromEnv('BENCH_CONNECTIONS', 10))),
  profileRecords: Math.round(numberFromEnv('BENCH_PROFILE_RECORDS', 2000)),
  sample: Math.round(numberFromEnv('BENCH_SAMPLE', 100)),
};
const profileDir = process.env.BENCH_PROFILE_DIR;
const PASSWORD = 'approval bench passphrase';
const deal = (id: string, action?: string) => `/api/v1/records/${OBJECT_NAME}/${id}${action ? `/approval/${action}` : ''}`;
const log = (message: string) => console.log(`[bench:approvals] ${message}`);
const loud = (lines: string[]) => console.error(['', '!'.repeat(72), ...lines.map((line) => `!! ${line}`), '!'.repeat(72), ''].join('\n'));

type Json = Record<string, unknown>;

/** Who sends each phase, the request for the record at a position, and what its answer must say. */
const PLAN: Record<ApprovalPhase, { who: Person; request: (id: string, n: number) => RequestSpec; expect: (body: Json, id: string, n: number) => boolean }> = {
  updateBefore: {
    who: 'requester',
    request: (id, n) => ({ method: 'PATCH', path: deal(id), body: JSON.stringify({ quantity: 1000 + (n % 1000) }) }),
    expect: (body, id, n) => body._id === id && body.quantity === 1000 + (n % 1000),
  },
  submit: {
    who: 'requester',
    request: (id) => ({ method: 'POST', path: deal(id, 'submit'), body: '{}' }),
    expect: (body) => body.status === 'pending' && body.step === DEAL_APPROVAL.steps[0]!.name,
  },
  approveManager: {
    who: 'manager',
    request: (id) => ({ method: 'POST', path: deal(id, 'approve'), body: '{}' }),
    expect: (body) => body.status === 'pending' && body.step === DEAL_APPROVAL.steps[1]!.name,
  },
  approveFinance: {
    who: 'finance',
    request: (id) => ({ method: 'POST', path: deal(id, 'approve'), body: '{}' }),
    expect: (body) => body.status === 'approved' && body.step === null,
  },
  updateAfter: {
    who: 'requester',
    request: (id, n) => ({ method: 'PATCH', path: deal(id), body: JSON.stringify({ quantity: 2000 + (n % 1000) }) }),
    expect: (body, id, n) => body._id === id && body.quantity === 2000 + (n % 1000),
  },
};

const loadBefore = loadavg();
const benchStarted = performance.now();
const dataDir = mkdtempSync(join(tmpdir(), 'crm-bench-approvals-'));
let server: ChildServer | undefined;

try {
  const total = settings.warmupRecords + settings.records + settings.profileRecords;
  log(`seeding ${total} draft '${OBJECT_NAME}' records owned by the requester, the users and the process '${DEAL_APPROVAL.name}'`);
  const started = performance.now();
  const { org, records } = await seedApprovalOrg(join(dataDir, 'platform'), total);
  const seedMs = performance.now() - started;
  const ids = records.map((record) => record._id);
  const warmupIds = ids.slice(0, settings.warmupRecords);
  const measuredIds = ids.slice(settings.warmupRecords, settings.warmupRecords + settings.records);
  const profiledIds = ids.slice(settings.warmupRecords + settings.records);
  log(`  ${(seedMs / 1000).toFixed(1)} s`);

  server = await ChildServer.start('platform', dataDir);
  // Steady state: after the restart the store reads its cache back in the background first.
  log(`platform cache warm after ${(await server.warm()).toFixed(0)} ms more`);
  const platform = server;
  const admin: Caller = { url: platform.url, headers: platform.headers };
  await platform.checkAuthentication(`/api/v1/records/${OBJECT_NAME}?limit=1`);
  const people = {} as Record<Person, Caller & { id: string }>;
  for (const who of ['requester', 'manager', 'finance'] as const) {
    const user = org.users[who];
    people[who] = { id: user.id, url: platform.url, headers: { authorization: `Bearer ${await tokenFor(admin, user, PASSWORD)}` } };
  }
  log('the platform refuses a request without a token (401); the requester, the manager and the finance user each send their own API token');

  const run = (phase: ApprovalPhase, phaseIds: readonly string[]) =>
    walk({
      url: platform.url,
      headers: people[PLAN[phase].who].headers,
      connections: settings.connections,
      requests: phaseIds.map((id, n) => PLAN[phase].request(id, n)),
      check: (body, n) => (PLAN[phase].expect(body as Json, phaseIds[n]!, n) ? undefined : `${phase} of ${phaseIds[n]} answered ${JSON.stringify(body).slice(0, 300)}`),
      cpu: () => platform.cpu(),
      gcPauses: (from, to) => platform.gcPauses(from, to),
    });
  const summary = (result: WalkResult) =>
    `${result.perSecond.toFixed(0)}/s over ${result.seconds.toFixed(1)} s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms,` +
    ` ${result.cpuPerRequest.toFixed(0)} µs CPU/request, ${result.failed} non-2xx, ${result.errors} connection errors, ${result.wrong} wrong answers`;

  if (warmupIds.length > 0) {
    log(`warm-up: ${warmupIds.length} deals through every phase, unmeasured`);
    for (const phase of PHASES) {
      const result = await run(phase, warmupIds);
      if (result.ok !== warmupIds.length || result.wrong > 0) loud([`THE WARM-UP'S ${phase} DID NOT GO THROUGH:`, ...result.problems]);
    }
  }

  // The deals in rounds, each taking its share through every phase in turn, so a change in the
  // machine's load during the run weighs on the plain update and the transitions alike.
  const byPhase = Object.fromEntries(PHASES.map((phase) => [phase, [] as WalkResult[]])) as Record<ApprovalPhase, WalkResult[]>;
  for (let round = 0; round < settings.rounds; round++) {
    const roundIds = measuredIds.slice(Math.floor((round * measuredIds.length) / settings.rounds), Math.floor(((round + 1) * measuredIds.length) / settings.rounds));
    log(`round ${round + 1}/${settings.rounds}: ${roundIds.length} deals through every phase, ${settings.connections} in flight`);
    for (const phase of PHASES) {
      const result = await run(phase, roundIds);
      byPhase[phase].push(result);
      if (result.problems.length > 0) loud([`${phase}: ${result.sent - result.ok + result.wrong} requests failed or answered wrongly, e.g.:`, ...result.problems]);
    }
  }
  const walks = Object.fromEntries(PHASES.map((phase) => [phase, combineWalks(byPhase[phase])])) as Record<ApprovalPhase, WalkResult>;
  for (const phase of PHASES) log(`${phase} as the ${PLAN[phase].who}: ${summary(walks[phase])}`);
  const plain = combineWalks([walks.updateBefore, walks.updateAfter]);
  const transitions = combineWalks([walks.submit, walks.approveManager, walks.approveFinance]);

  const profiles: Partial<Record<ApprovalPhase, ProfiledRun>> = {};
  if (profiledIds.length > 0) {
    for (const phase of PHASES) {
      log(`  profiling ${phase} over ${profiledIds.length} more deals`);
      await platform.startProfile();
      const result = await run(phase, profiledIds);
      profiles[phase] = { ...(await platform.stopProfile(profileDir ? join(profileDir, `approvals-${phase}.cpuprofile`) : undefined)), requests: result.sent };
      if (result.ok !== profiledIds.length || result.wrong > 0) loud([`THE PROFILED ${phase} DID NOT GO THROUGH:`, ...result.problems]);
    }
  }

  const check = await checkAllApproved(admin, people, ids.length, measuredIds, settings.sample);
  if (check.problems.length > 0) {
    loud(['NOT EVERY DEAL ENDED APPROVED:', ...check.problems]);
    process.exitCode = 1;
  } else {
    log(`checked: the list counts ${check.approvedTotal} approved deals of ${check.seeded} and ${check.notApprovedTotal} others; ${check.sampled} approvals read one by one; both inboxes empty`);
  }
  const serverErrors = PHASES.reduce((sum, phase) => sum + Object.entries(walks[phase].statuses).reduce((n, [status, count]) => (Number(status) >= 500 ? n + count : n), 0), 0);
  if (serverErrors > 0) process.exitCode = 1;

  const results: ApprovalResults = {
    machine: machine(),
    settings,
    seedMs,
    walks,
    plain,
    transitions,
    serverErrors,
    check,
    profiles,
    loadAverage: { before: loadBefore, after: loadavg() },
    totalSeconds: (performance.now() - benchStarted) / 1000,
  };
  const file = writeApprovalsReport(results);
  for (const phase of ['submit', 'approveManager', 'approveFinance'] as const) {
    const ratio = walks[phase].perSecond / plain.perSecond;
    log(`${phase}: ${walks[phase].perSecond.toFixed(0)}/s against plain update ${plain.perSecond.toFixed(0)}/s, ${ratio.toFixed(2)}× (goal ≥ ${GOAL}×: ${ratio >= GOAL ? 'met' : 'NOT met'})`);
  }
  log(`all transitions: ${transitions.perSecond.toFixed(0)}/s, ${(transitions.perSecond / plain.perSecond).toFixed(2)}×`);
  log(`wrote ${file} after ${results.totalSeconds.toFixed(0)} s`);
} finally {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
