import type { ProfileSummary } from './profile.js';
import { ms, pct, perSecond, times, us } from './report-format.js';
import { SCHEMA_TARGET_MS, type BenchResults, type ProfiledPhase, type ProfiledRun, type Verdict } from './results.js';

// The report's prose: which targets are missed or met narrowly, and why, in sentences built only
// from the measured numbers and the CPU profiles.

/** The missed targets, grouped by phase, each group with what its numbers say. */
export function shortfalls(r: BenchResults, judged: Verdict[]): string[] {
  const missed = judged.filter((v) => !v.met);
  if (missed.length === 0) return ['Every target is met in this run.', ''];
  const phases = [...new Set(missed.map((v) => v.phase))];
  return phases.flatMap((phase) => [
    ...missed.filter((v) => v.phase === phase).map((v) => `**${v.metric}**: ${v.platform}${v.baseline === 'n/a' ? '' : ` against ${v.baseline}`}${v.ratio === undefined ? '' : ` (${times(v.ratio)})`}, target ${v.target}.`),
    '',
    ...explain(r, phase),
    '',
  ]);
}

/** Targets met with less than 20 % to spare: a noisier machine or run could miss them. */
export function closeCalls(r: BenchResults, judged: Verdict[]): string[] {
  const explained = new Set(judged.filter((v) => !v.met).map((v) => v.phase));
  const close = judged.filter((v) => v.met && v.margin < 1.2 && !explained.has(v.phase));
  if (close.length === 0) return [];
  return [
    '### Met, but narrowly',
    '',
    ...close.flatMap((v) => [
      `**${v.metric}**: ${v.platform}${v.baseline === 'n/a' ? '' : ` against ${v.baseline}`}${v.ratio === undefined ? '' : ` (${times(v.ratio)})`}, target ${v.target}.`,
      '',
      ...explain(r, v.phase),
      '',
    ]),
  ];
}


/** The list target compares with a baseline that sorts every match; say how much of the result is that. */
export function listNote(r: BenchResults): string[] {
  const { platform } = r.loads.list;
  const top = r.listTopBaseline;
  return [
    '### About the list row',
    '',
    'The issue\'s baseline sorts every match and slices 50; the platform\'s embedded store keeps a sorted buffer of the',
    `first 50 while it scans. Against a baseline that does the same (\`/top-deals\` in bench/baseline-server.ts) the platform's`,
    `list p99 is ${ms(platform.p99)} ms against ${ms(top.p99)} ms (${times(platform.p99 / top.p99)}) and its rate ${perSecond(platform)}/s against` +
      ` ${perSecond(top)}/s (${times(platform.perSecond / top.perSecond)}): ` +
      (platform.p99 / top.p99 <= 2 ? 'the 2× target would hold against it too.' : 'the 2× target would not hold against it.'),
    '',
  ];
}

/** What the numbers say about one phase: CPU per request on both sides, then where the difference lies. */
function explain(r: BenchResults, phase: ProfiledPhase): string[] {
  const sentences: string[] = [];
  const profile = r.profiles.platform[phase];
  if (phase === 'schema') {
    const changes = r.schemaChange.changes;
    const worst = changes.reduce((a, b) => (b.liveMs > a.liveMs ? b : a));
    const over = changes.filter((c) => c.liveMs > SCHEMA_TARGET_MS);
    sentences.push(
      `The metadata POST alone took ${ms(r.schemaChange.post.median)} ms at the median and ${ms(r.schemaChange.post.max)} ms at worst;` +
        ` the first create using the new field adds the rest (median live ${ms(r.schemaChange.live.median)} ms).` +
        ` ${over.length} of ${changes.length} changes took longer than ${SCHEMA_TARGET_MS} ms` +
        (over.length > 0 ? ` (${over.map((c) => ms(c.liveMs)).join(', ')} ms)` : '') +
        `; ${gcDuring(worst, r.schemaChange.live.median)}`,
    );
    if (profile) {
      const perChange = (share: number) => `${ms((share * profile.busyMs) / profile.requests)} ms`;
      const engine = engineFunctions(profile).slice(0, 5);
      sentences.push(
        `Profiled, one change costs ${ms(profile.busyMs / profile.requests)} ms of main-thread CPU: by package ` +
          profile.areas.slice(0, 4).map((a) => `${a.name} ${perChange(a.share)}`).join(', ') +
          `; by engine function with its callees ${engine.map((f) => `\`${f.name}\` (${f.where}) ${perChange(f.share)}`).join(', ')}.`,
      );
      const ajvFunction = (name: string) => profile.packageInclusive.find((f) => f.name === name && f.where.startsWith('node_modules/ajv/'));
      const compile = ajvFunction('compile');
      const metaCheck = ajvFunction('validateSchema');
      if (compile && metaCheck) {
        sentences.push(
          `Ajv's \`compile\` takes ${perChange(compile.share)} of each change, ${perChange(metaCheck.share)} of it (${pct(metaCheck.share / compile.share)})` +
            ' under `validateSchema`: checking each generated record schema against the JSON Schema 2020 meta-schema' +
            (ajvFunction('defaultMeta') ? ', which every new Ajv instance compiles before its first schema; `CompiledObject` makes a new instance per object (engine/metadata/create-ajv.ts) and compiles two record schemas at once.' : '.'),
        );
      }
    }
    return [sentences.join(' ')];
  }
  const { platform, baseline } = r.loads[phase];
  sentences.push(
    `The platform's process spent ${us(platform.cpuPerRequest)} µs of CPU per request against the baseline's ${us(baseline.cpuPerRequest)} µs` +
      ` (${times(platform.cpuPerRequest / baseline.cpuPerRequest)})` +
      (platform.mainThreadMicros !== null && baseline.mainThreadMicros !== null
        ? `, of which ${us(platform.mainThreadMicros / platform.sent)} µs against ${us(baseline.mainThreadMicros / baseline.sent)} µs on the main thread;` +
          ' the rest ran on V8\'s and libuv\'s helper threads (concurrent GC, JIT compilation, the thread pool).'
        : '.'),
  );
  const other = r.profiles.baseline[phase];
  if (profile && other) {
    const differences = perRequestAreas(profile, other)
      .filter((a) => a.platform - a.baseline > 0)
      .sort((a, b) => b.platform - b.baseline - (a.platform - a.baseline))
      .slice(0, 5);
    const extra = (profile.busyMs * 1000) / profile.requests - (other.busyMs * 1000) / other.requests;
    sentences.push(
      `Profiled, the platform's main thread spends ${us((profile.busyMs * 1000) / profile.requests)} µs per request against` +
        ` ${us((other.busyMs * 1000) / other.requests)} µs; the extra ${us(extra)} µs is mostly ` +
        differences.map((a) => `${a.area} (${us(a.platform)} µs against ${us(a.baseline)} µs)`).join(', ') +
        '.',
    );
    const engine = engineFunctions(profile).slice(0, 5);
    if (engine.length > 0) {
      sentences.push(
        `Engine functions with their callees, per request: ${engine.map((f) => `\`${f.name}\` (${f.where}) ${us((f.share * profile.busyMs * 1000) / profile.requests)} µs`).join(', ')}.`,
      );
    }
  }
  return [sentences.join(' ')];
}

/** How much of the slowest schema change the platform's GC pauses explain. */
function gcDuring(change: BenchResults['schemaChange']['changes'][number], median: number): string {
  const above = change.liveMs - median;
  if (change.gc.count === 0) return `no GC pause of the platform fell within the slowest (${ms(change.liveMs)} ms): GC does not explain it.`;
  const pauses = `${change.gc.count} GC pause${change.gc.count === 1 ? '' : 's'} of the platform (${ms(change.gc.totalMs)} ms in all, longest ${ms(change.gc.maxMs)} ms)`;
  return change.gc.totalMs < above / 2
    ? `the slowest (${ms(change.liveMs)} ms) overlapped ${pauses}, less than half of its ${ms(above)} ms above the median: GC does not explain it.`
    : `the slowest (${ms(change.liveMs)} ms) overlapped ${pauses}, at least half of its ${ms(above)} ms above the median.`;
}

/** Engine functions by time with their callees, without the route handlers that wrap everything. */
function engineFunctions(profile: ProfileSummary) {
  return profile.inclusive.filter((f) => f.where.startsWith('engine/') && !f.where.startsWith('engine/http/routes') && f.name !== 'run');
}

/** Self time per request by area, on both sides (µs of main-thread CPU). */
export function perRequestAreas(platform: ProfiledRun, baseline: ProfiledRun): { area: string; platform: number; baseline: number }[] {
  const per = (run: ProfiledRun) => new Map(run.areas.map((a) => [a.name, (a.share * run.busyMs * 1000) / run.requests]));
  const p = per(platform);
  const b = per(baseline);
  return [...new Set([...p.keys(), ...b.keys()])].map((area) => ({ area, platform: p.get(area) ?? 0, baseline: b.get(area) ?? 0 }));
}
