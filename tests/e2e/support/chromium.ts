import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium fonts-noto-cjk';

/**
 * Debian's Chromium (nothing here downloads a browser): CHROMIUM_PATH, else /usr/bin/chromium. On a
 * fresh CI machine running as root it is installed with the CJK fonts (about a minute); anyone
 * else is told the one command to run.
 */
export function findChromium(): string {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH is set to ${configured}, which does not exist.`);
    return configured;
  }
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  if (process.getuid?.() !== 0) throw new Error(`The browser tests need Chromium. Install it with: sudo ${INSTALL} (or set CHROMIUM_PATH).`);
  console.log(`Installing Chromium for the browser tests: ${INSTALL}`);
  execSync(INSTALL, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 600_000 });
  if (!existsSync(SYSTEM_CHROMIUM)) throw new Error(`${INSTALL} finished but ${SYSTEM_CHROMIUM} is still missing.`);
  return SYSTEM_CHROMIUM;
}

/** Headless and quiet: no sandbox (containers), no GPU, nothing phoning home. Never --user-data-dir here. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];
