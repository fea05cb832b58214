import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The npm package that holds a pack: `crm-pack-<pack>`, or `@<scope>/crm-pack-<pack>`. */
const PACKAGE_PREFIX = 'crm-pack-';

const holdsPack = (folder: string) => existsSync(join(folder, 'pack.json')) && statSync(folder).isDirectory();

/**
 * Where each pack the platform offers lives, by pack name: a sub-folder of the packs folder
 * (plugins/<name>/), or an npm package installed beside it (`npm install crm-pack-<name>` puts it
 * in the node_modules of the folder that holds plugins/: the platform's own), whose root is the
 * pack's folder (pack.json, metadata/, index.js …). The packs folder wins over a package of the
 * same name, so a consultant's checkout overrides the published version.
 */
export function packFolders(packsDir: string): Map<string, { folder: string; package?: string }> {
  const found = new Map<string, { folder: string; package?: string }>();
  for (const [name, folder, packageName] of packages(join(dirname(packsDir), 'node_modules'))) {
    if (holdsPack(folder)) found.set(name, { folder, package: packageName });
  }
  if (existsSync(packsDir)) {
    for (const name of readdirSync(packsDir)) {
      if (holdsPack(join(packsDir, name))) found.set(name, { folder: join(packsDir, name) });
    }
  }
  return new Map([...found].sort(([a], [b]) => a.localeCompare(b)));
}

/** The folder of one pack the platform offers, if any. */
export function packFolder(packsDir: string, name: string): string | undefined {
  return packFolders(packsDir).get(name)?.folder;
}

/** The packages of a node_modules folder named as packs: [pack name, folder, package name]. */
function packages(modules: string): [string, string, string][] {
  if (!existsSync(modules)) return [];
  return readdirSync(modules).flatMap((entry): [string, string, string][] => {
    if (entry.startsWith(PACKAGE_PREFIX)) return [[entry.slice(PACKAGE_PREFIX.length), join(modules, entry), entry]];
    if (!entry.startsWith('@') || !statSync(join(modules, entry)).isDirectory()) return [];
    return readdirSync(join(modules, entry))
      .filter((scoped) => scoped.startsWith(PACKAGE_PREFIX))
      .map((scoped): [string, string, string] => [scoped.slice(PACKAGE_PREFIX.length), join(modules, entry, scoped), `${entry}/${scoped}`]);
  });
}
