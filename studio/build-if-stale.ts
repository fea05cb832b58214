import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const STUDIO = fileURLToPath(new URL('.', import.meta.url));
const MANIFEST = join(STUDIO, 'dist', '.vite', 'manifest.json');
/** What the build reads: a change to any of them makes the built app stale. */
const INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', '../package-lock.json'].map((path) => join(STUDIO, path));

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stats.mtimeMs);
}

/** Whether studio/dist is missing or older than its sources. */
export function studioIsStale(): boolean {
  if (!existsSync(MANIFEST)) return true;
  const built = statSync(MANIFEST).mtimeMs;
  return INPUTS.some((input) => newestChange(input) > built);
}

/**
 * Builds the web app when it is missing or stale, so `npm start` on a fresh clone (or after a
 * pull) serves the current app without a separate build command. Vite is loaded only then.
 */
export async function buildStudioIfStale(): Promise<boolean> {
  if (!studioIsStale()) return false;
  const { build } = await import('vite');
  await build({ configFile: join(STUDIO, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  if (await buildStudioIfStale()) console.log(`Web app built into studio/dist in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
