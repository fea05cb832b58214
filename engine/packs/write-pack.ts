import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from './canonical-json.js';
import { KIND_FOLDERS } from './pack-items.js';
import type { Pack } from './read-pack.js';

/**
 * Writes a pack as its folder holds it: pack.json and metadata/<kind folder>/<name>.json, each in
 * canonical JSON. Definitions the folder held that the pack no longer has are removed, so the
 * folder (and its git history) is exactly the pack; files beside metadata/ are left alone.
 */
export function writePack(dir: string, pack: Pack): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'pack.json'), canonicalJson(pack.manifest));
  const metadataDir = join(dir, 'metadata');
  rmSync(metadataDir, { recursive: true, force: true });
  for (const item of pack.items) {
    const folder = join(metadataDir, KIND_FOLDERS[item.kind]!);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${item.name}.json`), canonicalJson(item.definition));
  }
}
