import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildStudioIfStale } from '../../../studio/build-if-stale.js';
import { startTestEngine, TEST_ADMIN, type TestEngine } from '../../support/test-engine.js';
import { createTenant, OPERATOR_TOKEN, type TestTenant } from '../../support/tenant-helpers.js';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';
import { seedDeals, seedUsers, type SeededUsers } from './e2e-seed.js';

export const ARTIFACTS = fileURLToPath(new URL('../artifacts', import.meta.url));
/** The repository's packs folder: the department packs as shipped. */
const PLUGINS = fileURLToPath(new URL('../../../plugins', import.meta.url));
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface E2e {
  readonly engine: TestEngine;
  readonly browser: Browser;
  readonly users: SeededUsers;
  /** The seeded deal that carries an XSS payload in its name. */
  readonly xssDealId: string;
  /** The engine's packs folder (PACKS_DIR): the packs page's specs write packs into it. */
  readonly packsDir: string;
}

let shared: Promise<E2e> | undefined;

/**
 * One built app, one engine and one browser for every browser test (built only when stale;
 * seeded once), closed by the root hook after the whole run.
 */
export function e2e(): Promise<E2e> {
  shared ??= (async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const executablePath = findChromium();
    await buildStudioIfStale();
    const packsDir = mkdtempSync(join(tmpdir(), 'crm-e2e-packs-'));
    const engine = await startTestEngine({ packsDir, operatorToken: OPERATOR_TOKEN });
    const users = await seedUsers(engine);
    const xssDealId = await seedDeals(engine);
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    return { engine, browser, users, xssDealId, packsDir };
  })();
  return shared;
}

export async function closeE2e(): Promise<void> {
  if (!shared) return;
  const { engine, browser, packsDir } = await shared;
  shared = undefined;
  await browser.close();
  await engine.stop();
  rmSync(packsDir, { recursive: true, force: true });
}

/** A set-up call as the administrator that must succeed (any 2xx): its answer's body. */
export async function succeed(env: E2e, method: string, path: string, body?: unknown): Promise<{ _id: string } & Record<string, unknown>> {
  const response = await env.engine.request(method, path, body);
  if (response.status < 200 || response.status > 299) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export interface PageOptions {
  readonly width?: number;
  readonly height?: number;
  /** The tenant every request of the page names (X-Tenant); the default tenant without it. */
  readonly tenant?: string;
}

/**
 * A fresh browser context (own cookies) with the app's CSP enforced; every console error and CSP
 * violation is collected so a test can assert there was none.
 */
export async function openPage(env: E2e, options: PageOptions = {}): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await env.browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    deviceScaleFactor: 1,
    // Without motion, antd's leave animations cannot leave a spinner's icon in a button's name or a
    // loading overlay over a table when the busy machine drops an animation's end event.
    reducedMotion: 'reduce',
    ...(options.tenant ? { extraHTTPHeaders: { 'x-tenant': options.tenant } } : {}),
  });
  // Generous: the machines running the suite are often shared and busy.
  context.setDefaultTimeout(45_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    // The browser logs every 4xx answer; the app shows those itself (a 401 before sign-in is how it
    // learns there is no session). Anything else logged as an error is a problem.
    if (message.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  return { context, page, problems };
}

export async function signInAs(env: E2e, page: Page, email: string, path = '/'): Promise<void> {
  await page.goto(`${env.engine.url}${path}`);
  await page.locator('#sign-in-email').fill(email);
  await page.locator('#sign-in-password').fill(email === TEST_ADMIN.email ? TEST_ADMIN.password : env.users.password);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/**
 * Links packs of the repository's plugins/ into the shared engine's packs folder (those not linked
 * already, by an earlier spec) and returns what removes the links it made: a spec calls it in its
 * after hook, so the folder is back to what the packs page's specs expect.
 */
export function linkRepoPacks(env: E2e, names: readonly string[]): () => void {
  const made = names.filter((name) => !existsSync(join(env.packsDir, name)));
  for (const name of made) symlinkSync(join(PLUGINS, name), join(env.packsDir, name), 'dir');
  return () => {
    for (const name of made) rmSync(join(env.packsDir, name), { force: true });
  };
}

/**
 * A tenant of its own on the shared engine, made through the operator API: a spec that installs
 * packs there (the department packs) cannot meet the labels other specs give the default tenant's
 * objects. Its pages: `signedInPage(env, t.adminEmail, path, { tenant: t.name, password: t.adminPassword })`.
 */
export function e2eTenant(env: E2e, name: string): Promise<TestTenant> {
  return createTenant(env.engine, name);
}

/**
 * A page already signed in as the user: the session cookie from an API sign-in is put in the
 * context, as the browser would have kept it (the sign-in form itself is tested once per language).
 */
export async function signedInPage(env: E2e, email: string, path: string, options: PageOptions & { readonly password?: string } = {}): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const response = await fetch(`${env.engine.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(options.tenant ? { 'x-tenant': options.tenant } : {}) },
    body: JSON.stringify({ email, password: options.password ?? (email === TEST_ADMIN.email ? TEST_ADMIN.password : env.users.password) }),
  });
  const cookie = response.headers.getSetCookie().find((header) => header.startsWith('crm_session='));
  if (!response.ok || !cookie) throw new Error(`Signing in as ${email} failed: ${response.status} ${await response.text()}`);
  const opened = await openPage(env, options);
  await opened.context.addCookies([{ name: 'crm_session', value: cookie.split(';')[0]!.slice('crm_session='.length), url: env.engine.url }]);
  await opened.page.goto(`${env.engine.url}${path}`);
  return opened;
}

/**
 * The whole page, or only the viewport while a drawer or dialog is open: fixed layers are drawn at
 * the scroll position in a full-page capture, which puts a drawer and the header halfway down the image.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const overlay = await page.locator('.ant-drawer-open, .ant-modal-wrap:visible').count();
  if (overlay > 0) {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
    return;
  }
  // Chromium's full-page capture keeps fixed and sticky parts where the view was (the header across
  // the content of a scrolled page, the phone's tab bar half-way down): the view is made as tall as
  // the page instead, captured from the top, and put back as the test had it.
  const viewport = page.viewportSize();
  const scrolled = await page.evaluate(() => window.scrollY);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (!viewport || height <= viewport.height) {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
    return;
  }
  await page.setViewportSize({ width: viewport.width, height: Math.min(height, 16_000) });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  await page.setViewportSize(viewport);
  await page.evaluate((y) => window.scrollTo(0, y), scrolled);
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/** axe-core run inside the page (through the debugger protocol, so the page's CSP stays on): serious and critical only. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.map((node) => String(node.target)) }));
  });
}

/**
 * Signs in through the sign-in form as people do: the language chosen with its switch, the e-mail
 * and password typed, Tab between them, Enter to send. `next`: where the form goes afterwards.
 */
export async function signInThroughForm(env: E2e, page: Page, user: { readonly email: string; readonly password: string }, languageSwitch: string, next?: string): Promise<void> {
  await page.goto(`${env.engine.url}/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.getByRole('button', { name: languageSwitch, exact: true }).click();
  await page.locator('#sign-in-email').focus();
  await page.keyboard.type(user.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(user.password);
  await page.keyboard.press('Enter');
}
