import { dynamicKey, entryKey, gzipSizes, readManifest, staticClosure } from '../tests/e2e/support/bundle-sizes.js';
import type { Timings } from './measure.js';
import { REPORT, machine } from './report.js';
import { writeBlock } from './report-blocks.js';
import type { ScrollTiming } from './studio-scroll.js';

export interface RouteBundle {
  readonly route: string;
  /** Gzipped JavaScript the route needs beyond the first load (sign-in, shell and home). */
  readonly ownGzip: number;
  readonly chunks: number;
}

export interface StudioBundles {
  readonly firstLoadGzip: number;
  readonly routes: readonly RouteBundle[];
}

export interface PageTiming {
  readonly label: string;
  readonly path: string;
  /** Navigation to usable with an empty browser cache. */
  readonly cold: Timings;
  /** The same navigation again, the app's files cached. */
  readonly warm: Timings;
  /** The page's API calls replayed without a browser, one after another. */
  readonly api: Timings;
  readonly apiCalls: readonly string[];
}

export interface StudioResults {
  readonly records: number;
  readonly runs: number;
  readonly bundles: StudioBundles;
  readonly pages: readonly PageTiming[];
  readonly scroll: ScrollTiming;
  readonly loadBefore: number[];
  readonly loadAfter: number[];
}

/** The first load and every lazy route's own JavaScript, gzipped, from vite's build manifest. */
export function routeBundles(distDir: string): StudioBundles {
  const manifest = readManifest(distDir);
  const first = staticClosure(manifest, entryKey(manifest));
  const firstSet = new Set(first);
  const sum = (files: readonly string[]) => gzipSizes(distDir, files).reduce((total, chunk) => total + chunk.gzip, 0);
  const routes = Object.entries(manifest)
    .filter(([key, chunk]) => chunk.isDynamicEntry && key.startsWith('src/app/'))
    .map(([key]) => {
      const own = staticClosure(manifest, dynamicKey(manifest, key)).filter((file) => !firstSet.has(file));
      return { route: key.replace(/^src\/app\//, ''), ownGzip: sum(own), chunks: own.length };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
  return { firstLoadGzip: sum(first), routes };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const msCell = (timing: Timings) => `${timing.median.toFixed(0)} ms (max ${timing.max.toFixed(0)})`;

/** Writes the web app's block of docs/performance.md, leaving the rest of the file as it is. */
export function writeStudioReport(results: StudioResults): string {
  const host = machine();
  const lines = [
    `## The web app: bundles and pages over ${results.records.toLocaleString('en')} records`,
    '',
    `\`npm run bench:studio\`, ${host.date.slice(0, 10)}, ${host.cpus} × ${host.cpuModel}, ${host.memoryGb} GB, node ${host.node}; load average ${results.loadBefore.map((v) => v.toFixed(2)).join(' / ')} before, ${results.loadAfter.map((v) => v.toFixed(2)).join(' / ')} after. Headless Debian Chromium on loopback, the platform on the embedded store in its own process, ${results.records.toLocaleString('en')} deals, ${results.runs} runs per page; medians.`,
    '',
    `### JavaScript per route (gzipped)`,
    '',
    `First load (sign-in, shell and home): **${kb(results.bundles.firstLoadGzip)}** of the 250 KB budget.`,
    '',
    '| route (lazy chunk) | its own JavaScript beyond the first load | files |',
    '|---|---:|---:|',
    ...results.bundles.routes.map((route) => `| \`${route.route}\` | ${kb(route.ownGzip)} | ${route.chunks} |`),
    '',
    '### Navigation to a usable page',
    '',
    'Usable: the rows (or the record\'s fields) are on screen and no spinner or skeleton is left, by the page\'s own clock from navigation start. "API alone" replays the same API calls the page made, one after another, with the same session and no browser: the time no UI could go below. The overhead is the warm navigation over that.',
    '',
    '| page | cold (empty cache) | warm (app cached) | API alone | UI overhead, warm ÷ API | API calls |',
    '|---|---:|---:|---:|---:|---|',
    ...results.pages.map(
      (page) =>
        `| ${page.label} | ${msCell(page.cold)} | ${msCell(page.warm)} | ${msCell(page.api)} | ${(page.warm.median / page.api.median).toFixed(1)}× | ${page.apiCalls.map((path) => `\`${path}\``).join(', ')} |`,
    ),
    '',
    `### Scrolling ${results.scroll.rows.toLocaleString('en')} rows`,
    '',
    `\`${results.scroll.path}\` (the scrolling mode: one virtual table, 200 rows per request with the cursor), 1280 × 800, the scroll position moved ${results.scroll.step} px every animation frame until row ${results.scroll.rows.toLocaleString('en')} is in sight. Frame times are requestAnimationFrame deltas (16.7 ms is 60 frames a second); long tasks are the main thread's tasks over 50 ms.`,
    '',
    '| rows | time | frames | frame p50 | frame p95 | frame max | frames over 50 ms | long tasks (longest) | frames waiting for rows | most rows in the page |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${results.scroll.rows.toLocaleString('en')} | ${results.scroll.seconds.toFixed(1)} s | ${results.scroll.frames} | ${results.scroll.frameP50.toFixed(1)} ms | ${results.scroll.frameP95.toFixed(1)} ms | ${results.scroll.frameMax.toFixed(0)} ms | ${results.scroll.slowFrames} | ${results.scroll.longTasks} (${results.scroll.longestTask.toFixed(0)} ms) | ${results.scroll.waitingFrames} | ${results.scroll.maxDomRows} |`,
  ];
  writeBlock(REPORT, 'studio', lines.join('\n'));
  return REPORT;
}
