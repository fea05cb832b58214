import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from './canonical-json.js';
import { KIND_FOLDERS } from './pack-items.js';
import type { ExportedPack } from './export-pack.js';

/**
 * Writes a pack as its folder holds it: pack.json, metadata/<kind folder>/<name>.json,
 * translations/<language>.json and data/<object>.json, each in canonical JSON (a translation
 * file's keys in alphabetical order). metadata/ and translations/ are written anew, so the folder
 * (and its git history) is exactly the pack's metadata and no stale translation overrides a text
 * of the definitions; data/ is written anew only for a pack with demo data, so records written
 * by hand survive an export of the metadata alone. Other files are left alone.
 */
export function writePack(dir: string, pack: ExportedPack): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'pack.json'), canonicalJson(pack.manifest));
  const metadataDir = join(dir, 'metadata');
  rmSync(metadataDir, { recursive: true, force: true });
  for (const item of pack.items) {
    const folder = join(metadataDir, (KIND_FOLDERS as Readonly<Record<string, string | undefined>>)[item.kind] ?? pack.folders![item.kind]!);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${item.name}.json`), canonicalJson(item.definition));
  }
  writeFiles(join(dir, 'translations'), pack.translations ?? {});
  if (pack.data) writeFiles(join(dir, 'data'), pack.data);
}

/** One canonical JSON file per entry, in a folder written anew (none when there is nothing to write). */
function writeFiles(folder: string, files: Readonly<Record<string, unknown>>): void {
  rmSync(folder, { recursive: true, force: true });
  if (Object.keys(files).length === 0) return;
  mkdirSync(folder, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, `${name}.json`), canonicalJson(content));
}
