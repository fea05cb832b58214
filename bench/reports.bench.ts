/**
 * `npm run bench:reports`: a summary report over REPORTS_BENCH_RECORDS (100,000) deals with two
 * group levels (stage, then close date by month) and a count and a sum of the amount, run through
 * the engine's report operation in this process, beside a hand-written single pass over the same
 * records: read from the same store with the same filter, grouped in one Map, amounts added in
 * whole cents. The target: the report at least 0.3× the pass's speed. Writes the 'reports' block of
 * docs/performance.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { alive } from '../engine/metadata/record-shape/record-state.js';
import { runReport } from '../engine/reports/index.js';
import { createDefinition } from '../engine/setup/operations/index.js';
import { EmbeddedStoreProvider } from '../engine/store/embedded/index.js';
import { BUILT_IN_ADMIN, Platform, operationContext } from '../engine/tenancy/index.js';
import { numberFromEnv } from './env.js';
import { timings } from './measure.js';
import { writeBlock } from './report-blocks.js';
import { generateRecords, OBJECT_NAME, seedPlatform } from './seed.js';
import { loadMasterKey } from '../engine/crypto/index.js';

const RECORDS = numberFromEnv('REPORTS_BENCH_RECORDS', 100_000);
const ROUNDS = numberFromEnv('REPORTS_BENCH_ROUNDS', 15);
const TARGET = 0.3;
const REPORT = new URL('../docs/performance.md', import.meta.url).pathname;
const log = (line: string) => console.log(`[bench:reports] ${line}`);

const SUMMARY = {
  name: 'pipeline_by_month',
  object: OBJECT_NAME,
  type: 'summary',
  groupings: [{ field: 'stage' }, { field: 'close_date', bucket: 'month' }],
  measures: [{ aggregate: 'count' }, { aggregate: 'sum', field: 'amount' }],
};

/** The pass a developer would write: one read of the matches, one Map keyed by stage and month, sums in cents. */
async function handWritten(read: () => Promise<Record<string, unknown>[]>): Promise<Map<string, { count: number; cents: number }>> {
  const groups = new Map<string, { count: number; cents: number }>();
  for (const record of await read()) {
    const key = `${String(record.stage)}|${String(record.close_date).slice(0, 7)}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { count: 0, cents: 0 }));
    group.count++;
    if (typeof record.amount === 'number') group.cents += Math.round(record.amount * 100);
  }
  return groups;
}

async function rounds(run: () => Promise<unknown>): Promise<number[]> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-reports-'));
  log(`seeding ${RECORDS} deals`);
  await seedPlatform(dataDir, generateRecords(RECORDS));
  const platform = new Platform(new EmbeddedStoreProvider(dataDir), loadMasterKey({}, dataDir));
  try {
    const tenant = await platform.tenant();
    const ctx = () => operationContext(tenant, BUILT_IN_ADMIN, 'api');
    await createDefinition(ctx(), 'report', SUMMARY);
    const collection = tenant.store.collection<Record<string, unknown> & { _id: string }>(`records.${OBJECT_NAME}`);
    const read = () => collection.find(alive({}), { projection: { stage: 1, close_date: 1, amount: 1 } });

    // Both answer the same figures before either is timed.
    const result = await runReport(ctx(), SUMMARY.name);
    const pass = await handWritten(read);
    const reportCells = result.groups.flatMap((stage) => (stage.groups ?? []).map((month) => [`${String(stage.key)}|${String(month.key)}`, month.values.count, month.values['sum:amount']] as const));
    const mismatch = reportCells.find(([key, count, sum]) => pass.get(key)?.count !== count || (pass.get(key)?.cents ?? 0) / 100 !== sum);
    if (mismatch || reportCells.length !== pass.size) throw new Error(`the report and the pass disagree at ${JSON.stringify(mismatch ?? reportCells.length)}`);
    log(`${reportCells.length} groups, ${result.total.count} records`);

    const report = timings(await rounds(() => runReport(ctx(), SUMMARY.name)));
    const baseline = timings(await rounds(() => handWritten(read)));
    const speed = baseline.median / report.median;
    log(`report median ${report.median.toFixed(1)} ms, hand-written pass ${baseline.median.toFixed(1)} ms: ${speed.toFixed(2)}× its speed (target ≥ ${TARGET}×)`);
    writeBlock(
      REPORT,
      'reports',
      [
        '## Reports: a summary over 100,000 records (bench:reports)',
        '',
        `${RECORDS.toLocaleString('en')} deals, a summary report grouped by stage, then close date by month (${reportCells.length} groups), counting and summing the amount ` +
          `(exact in cents, in the corporate currency), run through the report operation in-process (${cpus().length} cores, ${ROUNDS} rounds after one warm-up), ` +
          'beside a hand-written single pass over the same records: one read from the same store with the same filter, one Map, sums in cents.',
        '',
        '| | median ms | worst ms | speed of the pass |',
        '|---|---|---|---|',
        `| report (run-report.ts) | ${report.median.toFixed(1)} | ${report.max.toFixed(1)} | ${speed.toFixed(2)}× |`,
        `| hand-written pass | ${baseline.median.toFixed(1)} | ${baseline.max.toFixed(1)} | 1× |`,
        '',
        `Target: at least ${TARGET}× the pass's speed: ${speed >= TARGET ? 'met' : 'NOT met'}.`,
      ].join('\n'),
    );
  } finally {
    await platform.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
