import { pct, row, us, ms } from './report-format.js';
import { perRequestAreas } from './findings.js';
import type { BenchResults, ProfiledPhase, ProfiledRun } from './results.js';

/** The per-phase tables of where each server's main thread spends its time. */
export function profileSections(r: BenchResults): string[] {
  const phases = Object.entries(r.profiles.platform) as [ProfiledPhase, ProfiledRun][];
  if (phases.length === 0) return [];
  const lines = [
    '## Where the time goes',
    '',
    `CPU profiles of each server's main thread (V8's sampling profiler, every 200 µs) during an extra ${r.settings.profileSeconds} s of each`,
    'load, and of the platform during five extra schema changes, after the measured runs, so the profiler\'s cost is not in',
    'the numbers above. Per request = the area\'s self time divided by the requests of the profiled run. "with callees" counts',
    'a sample for an area whenever one of its functions is on the stack. Functions without a script are V8 builtins or',
    'C++ bindings (socket writes, SQLite statements); tsx-compiled project files report no line numbers. Set',
    'BENCH_PROFILE_DIR to keep the raw .cpuprofile files (they open in Chrome DevTools).',
    '',
  ];
  for (const [phase, profile] of phases) {
    const other = phase === 'schema' ? undefined : r.profiles.baseline[phase];
    const unit = phase === 'schema' ? 'change' : 'request';
    const each = (share: number, run: ProfiledRun) => us((share * run.busyMs * 1000) / run.requests);
    lines.push(`### ${phase}`, '');
    if (other) {
      lines.push(
        `Main thread per request: platform ${us((profile.busyMs * 1000) / profile.requests)} µs (${profile.requests} requests profiled),` +
          ` baseline ${us((other.busyMs * 1000) / other.requests)} µs (${other.requests} requests).`,
        '',
        row(['area (self time)', 'platform µs/request', 'baseline µs/request', 'platform share', 'platform share with callees']),
        row(['---', '---:', '---:', '---:', '---:']),
        ...perRequestAreas(profile, other)
          .sort((a, b) => b.platform - a.platform)
          .slice(0, 12)
          .map((a) => {
            const share = profile.areas.find((x) => x.name === a.area)?.share ?? 0;
            const inclusive = profile.areasInclusive.find((x) => x.name === a.area)?.share ?? 0;
            return row([a.area, us(a.platform), us(a.baseline), pct(share), pct(inclusive)]);
          }),
        '',
      );
    } else {
      lines.push(
        `Main thread per ${unit}: ${ms(profile.busyMs / profile.requests)} ms (${profile.requests} ${unit}s profiled).`,
        '',
        row(['area (self time)', 'share', 'with callees']),
        row(['---', '---:', '---:']),
        ...profile.areas.slice(0, 10).map((a) => row([a.name, pct(a.share), pct(profile.areasInclusive.find((b) => b.name === a.name)?.share ?? 0)])),
        '',
      );
    }
    const baselineSelf = (name: string, where: string) => {
      const match = other?.self.find((f) => f.name === name && f.where === where);
      return other ? (match ? each(match.share, other) : '') : undefined;
    };
    lines.push(
      row(['platform function (self time)', 'where', `µs/${unit}`, ...(other ? ['baseline µs/request'] : []), 'share']),
      row(['---', '---', '---:', ...(other ? ['---:'] : []), '---:']),
      ...profile.self.slice(0, 12).map((f) => {
        const base = baselineSelf(f.name, f.where);
        return row([`\`${f.name}\``, f.where, each(f.share, profile), ...(base === undefined ? [] : [base]), pct(f.share)]);
      }),
      '',
      row(['engine function (with callees)', 'where', `µs/${unit}`, 'share']),
      row(['---', '---', '---:', '---:']),
      ...profile.inclusive.filter((f) => f.where.startsWith('engine/')).slice(0, 10).map((f) => row([`\`${f.name}\``, f.where, each(f.share, profile), pct(f.share)])),
      '',
    );
    if (phase === 'schema') {
      lines.push(
        row(['package function (with callees)', 'where', `µs/${unit}`, 'share']),
        row(['---', '---', '---:', '---:']),
        ...profile.packageInclusive.slice(0, 8).map((f) => row([`\`${f.name}\``, f.where, each(f.share, profile), pct(f.share)])),
        '',
      );
    }
  }
  return lines;
}
