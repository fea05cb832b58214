import type { Browser } from 'playwright-core';

/** Scrolling through a long list in the app's virtual table, frame by frame. */
export interface ScrollTiming {
  readonly path: string;
  /** Rows scrolled through (the list fetches them 200 at a time with the cursor as the end nears). */
  readonly rows: number;
  /** Pixels the bench scrolls each frame. */
  readonly step: number;
  readonly seconds: number;
  readonly frames: number;
  /** requestAnimationFrame deltas, ms: 16.7 is 60 frames a second. */
  readonly frameP50: number;
  readonly frameP95: number;
  readonly frameMax: number;
  /** Frames slower than 50 ms (a visible stutter). */
  readonly slowFrames: number;
  /** Main-thread tasks over 50 ms while scrolling: how many, and the longest. */
  readonly longTasks: number;
  readonly longestTask: number;
  /** The most table rows in the page at once (virtualised: bounded, whatever the rows scrolled). */
  readonly maxDomRows: number;
  /** Frames spent at the end of the loaded rows, waiting for the next page. */
  readonly waitingFrames: number;
}

interface InPage {
  readonly frames: number[];
  readonly longTasks: number[];
  readonly maxDomRows: number;
  readonly waitingFrames: number;
  readonly reached: number;
  readonly ms: number;
}

/** The little of the DOM the scroll driver uses (the bench compiles without the DOM's types). */
interface Holder {
  scrollTop: number;
  readonly scrollHeight: number;
  readonly clientHeight: number;
}
interface ScrollDocument {
  querySelector(selector: string): (Holder & { offsetHeight: number }) | null;
  querySelectorAll(selector: string): { length: number };
}
interface PageGlobals {
  document: ScrollDocument;
  requestAnimationFrame(callback: (now: number) => void): number;
  PerformanceObserver: new (callback: (list: { getEntries(): { duration: number }[] }) => void) => { observe(options: { type: string }): void; disconnect(): void };
}

/**
 * Runs in the page: moves the virtual table's scroll position by `step` pixels every animation
 * frame until `rows` rows have passed (waiting at the end of what is loaded while the next page
 * comes), and records each frame's time, the long tasks, and how many rows the page holds.
 */
function driveScroll({ rows, step, limitMs }: { rows: number; step: number; limitMs: number }): Promise<InPage> {
  const page = globalThis as unknown as PageGlobals;
  const holder = page.document.querySelector('.ant-table-tbody-virtual-holder');
  const firstRow = page.document.querySelector('.ant-table-row');
  if (!holder || !firstRow) throw new Error('no virtual table on the page');
  const rowHeight = firstRow.offsetHeight;
  const target = rows * rowHeight;
  const frames: number[] = [];
  const longTasks: number[] = [];
  const observer = new page.PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push(entry.duration)));
  observer.observe({ type: 'longtask' });
  let maxDomRows = 0;
  let waitingFrames = 0;
  const started = performance.now();
  let last = started;
  return new Promise((resolve) => {
    const frame = (now: number) => {
      frames.push(now - last);
      last = now;
      maxDomRows = Math.max(maxDomRows, page.document.querySelectorAll('.ant-table-row').length);
      const before = holder.scrollTop;
      if (before + holder.clientHeight >= target || now - started > limitMs) {
        observer.disconnect();
        resolve({ frames: frames.slice(1), longTasks, maxDomRows, waitingFrames, reached: Math.floor((before + holder.clientHeight) / rowHeight), ms: now - started });
        return;
      }
      holder.scrollTop = Math.min(before + step, target);
      if (holder.scrollTop === before) waitingFrames++;
      page.requestAnimationFrame(frame);
    };
    page.requestAnimationFrame(frame);
  });
}

const percentile = (sorted: readonly number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;

/** Opens `path` (a list in scrolling mode) and scrolls through `rows` of its rows. */
export async function measureScroll(browser: Browser, url: string, cookie: string, path: string, rows: number, step: number): Promise<ScrollTiming> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addCookies([{ name: 'crm_session', value: cookie, url }]);
    // tsx (esbuild) names inner functions with a `__name` helper the page does not have.
    await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
    const page = await context.newPage();
    await page.goto(`${url}${path}`);
    await page.locator('.ant-table-row').first().waitFor({ timeout: 60_000 });
    const result = await page.evaluate(driveScroll, { rows, step, limitMs: 600_000 });
    if (result.reached < rows) throw new Error(`the table stopped at row ${result.reached} of ${rows} within the time limit`);
    const sorted = [...result.frames].sort((a, b) => a - b);
    return {
      path,
      rows,
      step,
      seconds: result.ms / 1000,
      frames: sorted.length,
      frameP50: percentile(sorted, 0.5),
      frameP95: percentile(sorted, 0.95),
      frameMax: sorted.at(-1) ?? 0,
      slowFrames: sorted.filter((ms) => ms > 50).length,
      longTasks: result.longTasks.length,
      longestTask: Math.max(0, ...result.longTasks),
      maxDomRows: result.maxDomRows,
      waitingFrames: result.waitingFrames,
    };
  } finally {
    await context.close();
  }
}
