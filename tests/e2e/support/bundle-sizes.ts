import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One entry of vite's build manifest (studio/dist/.vite/manifest.json). */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  /** Files the chunk refers to by URL (fonts, images, a worker imported with ?url). */
  assets?: string[];
  src?: string;
}
type Manifest = Record<string, ManifestChunk>;

export interface ChunkSize {
  readonly file: string;
  readonly gzip: number;
}

export function readManifest(distDir: string): Manifest {
  return JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

/** The JavaScript files a chunk needs before it runs: itself and its static imports, transitively. */
export function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): string[] {
  if (seen.has(key)) return [];
  seen.add(key);
  const chunk = manifest[key];
  if (!chunk) throw new Error(`The build manifest has no chunk '${key}'`);
  return [chunk.file, ...(chunk.imports ?? []).flatMap((imported) => staticClosure(manifest, imported, seen))];
}

export function gzipSizes(distDir: string, files: readonly string[]): ChunkSize[] {
  return [...new Set(files)].filter((file) => file.endsWith('.js')).map((file) => ({ file, gzip: gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length }));
}

/** The key of the app's entry (index.html). */
export function entryKey(manifest: Manifest): string {
  const key = Object.keys(manifest).find((candidate) => manifest[candidate]?.isEntry);
  if (!key) throw new Error('The build manifest has no entry chunk');
  return key;
}

/** The key of a lazy route's chunk by its source file (e.g. 'src/app/list/list-page.tsx'). */
export function dynamicKey(manifest: Manifest, source: string): string {
  const key = Object.keys(manifest).find((candidate) => manifest[candidate]?.isDynamicEntry && candidate.endsWith(source));
  if (!key) throw new Error(`The build manifest has no lazy chunk for ${source}`);
  return key;
}
