import { closeE2e } from './e2e-environment.js';

/** Mocha root hooks: the shared browser and engine of the browser tests close after the whole run. */
export const mochaHooks = {
  async afterAll(): Promise<void> {
    await closeE2e();
  },
};
