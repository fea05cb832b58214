import { existsSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { Mutex } from '../concurrency/mutex.js';
import { EngineError } from '../errors/index.js';
import { msg } from '../i18n/message.js';
import type { PrintedRecord } from './render-print.js';

/** Where Debian puts Chromium (apt-get install chromium), the one the browser tests use too. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Headless and quiet: no sandbox (containers), no GPU, nothing phoning home. Never --user-data-dir here. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

export interface PdfSettings {
  /** CHROMIUM_PATH: the Chromium executable; /usr/bin/chromium when unset. */
  readonly chromiumPath?: string;
  /** How long one PDF may take before it is abandoned (PDF_TIMEOUT_MS, 30 s by default). */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** 503: what PDF printing needs is not on this machine; the message names it and how to get it. */
class PdfUnavailableError extends EngineError {
  constructor(message: ReturnType<typeof msg>) {
    super('pdf_unavailable', 503, message);
  }
}

/**
 * Prints HTML documents to PDF with a headless Chromium driven by playwright-core. The browser is
 * launched at the first PDF and kept for the next ones (a launch costs about a second); each PDF
 * gets its own context and page, with JavaScript off and every request refused, so a document can
 * neither run code nor fetch anything (its images are data: URLs). One PDF at a time: each takes a
 * few hundred milliseconds, and parallel ones would fight for the same cores.
 */
export class PdfRenderer {
  private browser: Promise<Browser> | undefined;
  private readonly queue = new Mutex();
  private readonly executable: string;
  private readonly timeoutMs: number;

  constructor(settings: PdfSettings = {}) {
    this.executable = settings.chromiumPath || DEFAULT_CHROMIUM;
    this.timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** Whether a PDF can be made here: Chromium where the setting says. */
  available(): boolean {
    return existsSync(this.executable);
  }

  async render(document: PrintedRecord): Promise<Buffer> {
    return this.queue.run(async () => {
      const browser = await this.launched();
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true, serviceWorkers: 'block' });
      let timer: NodeJS.Timeout | undefined;
      // The limit races the whole print: a call on a context closed under it never settles, so
      // closing it alone would leave the request (and every PDF queued behind it) waiting forever.
      const limit = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(
          () => reject(new EngineError('pdf_timeout', 504, msg`The PDF took longer than ${this.timeoutMs / 1000} seconds and was abandoned: print fewer records or a smaller document.`)),
          this.timeoutMs,
        );
      });
      try {
        return await Promise.race([this.print(context, document), limit]);
      } finally {
        clearTimeout(timer);
        await context.close().catch(() => undefined);
      }
    });
  }

  /** One document in its own page: nothing fetched but data: URLs, the page size its CSS says, tagged for screen readers. */
  private async print(context: BrowserContext, document: PrintedRecord): Promise<Buffer> {
    await context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort('blockedbyclient')));
    const page = await context.newPage();
    page.setDefaultTimeout(this.timeoutMs);
    await page.setContent(document.html, { waitUntil: 'load' });
    return page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
  }

  /** Closes the browser, if one was launched (the engine's stop). */
  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    if (browser) await (await browser.catch(() => undefined))?.close();
  }

  private async launched(): Promise<Browser> {
    const running = this.browser && (await this.browser.catch(() => undefined));
    if (running?.isConnected()) return running;
    if (!this.available()) {
      throw new PdfUnavailableError(
        msg`PDF printing needs Chromium, which is not installed at ${this.executable}: install it (apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH to it. The HTML print works without it.`,
      );
    }
    this.browser = (async () => {
      const playwright = await import('playwright-core').catch(() => {
        throw new PdfUnavailableError(msg`PDF printing needs the playwright-core package, which is not installed: run npm install.`);
      });
      return playwright.chromium.launch({ executablePath: this.executable, args: CHROMIUM_ARGS, headless: true });
    })();
    // A failed launch is not kept: the next PDF tries again.
    this.browser.catch(() => (this.browser = undefined));
    return this.browser;
  }
}
