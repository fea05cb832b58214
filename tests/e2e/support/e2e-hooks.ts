import type { Context } from 'mocha';
import { findChromium } from './chromium.js';
import { closeE2e } from './e2e-environment.js';

/**
 * Mocha root hooks. Chromium is found (or, on a fresh CI machine, installed with apt) before any
 * test, under its own long timeout, so the install never eats a browser test's timeout; the
 * shared browser and engine of the browser tests close after the whole run.
 */
export const mochaHooks = {
  beforeAll(this: Context): void {
    this.timeout(15 * 60_000);
    findChromium();
  },
  async afterAll(): Promise<void> {
    await closeE2e();
  },
};
