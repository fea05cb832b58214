/**
 * The web app's benchmark (`npm run bench:studio`, not part of `npm test`): the JavaScript each
 * route loads, and in Chromium on loopback over BENCH_RECORDS records (100,000) the time from
 * navigation to a usable list view and to a usable record page, beside the time the API calls
 * those pages make take on their own (replayed one after another with the same session). The
 * ratio of the two is the UI's overhead. Writes its own block of docs/performance.md.
 *
 * Then it scrolls through BENCH_SCROLL_ROWS (10,000) rows of the list in its scrolling mode (the
 * virtual table) and reports the frame times, the long tasks and how many rows the page held.
 *
 * Environment: BENCH_RECORDS (100000), BENCH_STUDIO_RUNS (10 per page and cache state),
 * BENCH_TIMELINE (set: print each visit's resource timeline, to see where a page waits),
 * BENCH_SCROLL_ROWS (10000), BENCH_SCROLL_STEP (pixels per frame, 400: a fast fling).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { STUDIO_DIST } from '../engine/http/studio-routes.js';
import { buildStudioIfStale } from '../studio/build-if-stale.js';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/support/chromium.js';
import { BENCH_ADMIN } from './bench-admin.js';
import { ChildServer } from './child-server.js';
import { numberFromEnv } from './env.js';
import { timings } from './measure.js';
import { OBJECT_NAME, generateRecords, seedPlatform } from './seed.js';
import { measureScroll } from './studio-scroll.js';
import { routeBundles, writeStudioReport, type PageTiming } from './studio-report.js';

const settings = {
  records: numberFromEnv('BENCH_RECORDS', 100_000),
  runs: Math.max(1, Math.round(numberFromEnv('BENCH_STUDIO_RUNS', 10))),
  scrollRows: Math.round(numberFromEnv('BENCH_SCROLL_ROWS', 10_000)),
  scrollStep: numberFromEnv('BENCH_SCROLL_STEP', 400),
};
const log = (message: string) => console.log(`[bench:studio] ${message}`);

/** The little of the DOM the readiness checks read (the bench compiles without the DOM's types). */
interface PageDocument {
  querySelector(selector: string): unknown;
  querySelectorAll(selector: string): { length: number };
}
type Ready = () => number | false;

// Functions, not strings: the app's CSP (no eval) applies to what the bench evaluates in the page too.
/** Usable: the rows are on screen and nothing is loading; the answer is the page's clock then. */
const LIST_READY: Ready = () => {
  const doc = (globalThis as unknown as { document: PageDocument }).document;
  return doc.querySelectorAll('tbody tr.ant-table-row').length === 20 && !doc.querySelector('.ant-spin-spinning, .ant-skeleton, [aria-busy="true"]') && performance.now();
};
const RECORD_READY: Ready = () => {
  const doc = (globalThis as unknown as { document: PageDocument }).document;
  return Boolean(doc.querySelector('.ant-descriptions') && doc.querySelector('h2')) && !doc.querySelector('.ant-spin-spinning, .ant-skeleton') && performance.now();
};

interface Visit {
  /** Milliseconds from the start of the navigation until the page was usable. */
  readonly ms: number;
  /** The API requests the page made, in the order they started. */
  readonly apiCalls: string[];
}

async function sessionCookie(server: ChildServer): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(BENCH_ADMIN),
  });
  const cookie = response.headers.getSetCookie().find((header) => header.startsWith('crm_session='));
  if (!response.ok || !cookie) throw new Error(`signing in as the bench administrator failed: ${response.status} ${await response.text()}`);
  return cookie.split(';')[0]!.slice('crm_session='.length);
}

/** Opens `path` and waits until `ready` holds; the time is the page's own clock from navigation start. */
async function visit(page: Page, url: string, ready: Ready): Promise<Visit> {
  const apiCalls: string[] = [];
  const onRequest = (request: { url(): string }) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(request.url());
  };
  page.on('request', onRequest);
  await page.goto(url);
  const handle = await page.waitForFunction(ready, undefined, { polling: 'raf', timeout: 60_000 });
  const ms = (await handle.jsonValue()) as number;
  if (process.env.BENCH_TIMELINE) console.log(await page.evaluate(() => (globalThis as unknown as { performance: { getEntriesByType(type: string): { name: string; startTime: number; responseEnd: number }[] } }).performance.getEntriesByType('resource').map((entry) => `${entry.startTime.toFixed(0)}–${entry.responseEnd.toFixed(0)} ${entry.name.replace(/^https?:\/\/[^/]+/, '')}`).join('\n')), `ready ${ms.toFixed(0)}`);
  page.off('request', onRequest);
  return { ms, apiCalls };
}

/** The same API calls without a browser, one after another: what the page cannot go below. */
async function replay(urls: readonly string[], cookie: string): Promise<number> {
  const started = performance.now();
  for (const url of urls) {
    const response = await fetch(url, { headers: { cookie: `crm_session=${cookie}` } });
    if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  }
  return performance.now() - started;
}

async function measurePage(browser: Browser, server: ChildServer, cookie: string, label: string, path: string, ready: Ready): Promise<PageTiming> {
  const cold: number[] = [];
  const warm: number[] = [];
  const api: number[] = [];
  let calls: string[] = [];
  for (let run = 0; run < settings.runs; run++) {
    // Cold: a new context has an empty cache; warm: the same context again, assets cached.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addCookies([{ name: 'crm_session', value: cookie, url: server.url }]);
    const page = await context.newPage();
    cold.push((await visit(page, `${server.url}${path}`, ready)).ms);
    const again = await visit(page, `${server.url}${path}`, ready);
    warm.push(again.ms);
    calls = again.apiCalls;
    api.push(await replay(again.apiCalls, cookie));
    await context.close();
  }
  const result: PageTiming = { label, path, cold: timings(cold), warm: timings(warm), api: timings(api), apiCalls: calls.map((url) => new URL(url).pathname) };
  log(`${label}: cold ${result.cold.median.toFixed(0)} ms, warm ${result.warm.median.toFixed(0)} ms, its ${calls.length} API calls alone ${result.api.median.toFixed(0)} ms`);
  return result;
}

const loadBefore = loadavg();
const dataDir = mkdtempSync(join(tmpdir(), 'crm-bench-studio-'));
let server: ChildServer | undefined;
let browser: Browser | undefined;
try {
  await buildStudioIfStale();
  const bundles = routeBundles(STUDIO_DIST);
  log(`generating and storing ${settings.records} records of '${OBJECT_NAME}'`);
  const records = generateRecords(settings.records);
  await seedPlatform(join(dataDir, 'platform'), records);
  server = await ChildServer.start('platform', dataDir);
  const cookie = await sessionCookie(server);
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
  const middle = records[records.length >> 1]!;
  const pages = [
    await measurePage(browser, server, cookie, `List of ${settings.records.toLocaleString('en')} deals, sorted by amount`, `/o/${OBJECT_NAME}?sort=-amount`, LIST_READY),
    await measurePage(browser, server, cookie, 'Record page of one deal', `/o/${OBJECT_NAME}/${middle._id}`, RECORD_READY),
  ];
  const rows = Math.min(settings.scrollRows, settings.records);
  log(`scrolling through ${rows} rows of the virtual table`);
  const scroll = await measureScroll(browser, server.url, cookie, `/o/${OBJECT_NAME}?mode=scroll&sort=-amount`, rows, settings.scrollStep);
  log(`scroll: ${scroll.frames} frames in ${scroll.seconds.toFixed(1)} s, p50 ${scroll.frameP50.toFixed(1)} ms, p95 ${scroll.frameP95.toFixed(1)} ms, max ${scroll.frameMax.toFixed(0)} ms, ${scroll.longTasks} long tasks, at most ${scroll.maxDomRows} rows in the page`);
  const file = writeStudioReport({ records: settings.records, runs: settings.runs, bundles, pages, scroll, loadBefore, loadAfter: loadavg() });
  log(`wrote ${file}`);
} finally {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
