import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePackActions } from '../actions/index.js';
import { NotFoundError, ValidationError, type ErrorDetail } from '../errors/index.js';
import { msg } from '../i18n/message.js';
import type { LocalizedText } from '../schemas/generated/common.js';
import type { LocalizedDescription } from '../schemas/generated/pack.js';
import { loadPackCode } from './load-pack-code.js';
import { readPack, type Pack } from './read-pack.js';

/** Where the platform finds packs by default: plugins/ beside engine/ (PACKS_DIR elsewhere). */
export const DEFAULT_PACKS_DIR = fileURLToPath(new URL('../../plugins', import.meta.url));

/** A pack found in the packs folder, as the packs page lists it. */
export interface AvailablePack {
  readonly name: string;
  readonly version?: string;
  readonly label?: LocalizedText;
  readonly description?: LocalizedDescription;
  readonly items?: number;
  /** How many demo records it holds (data/), which an install creates when the admin asks for them. */
  readonly demoRecords?: number;
  /** Why the folder cannot be installed, when it cannot. */
  readonly problems?: readonly ErrorDetail[];
}

/** The packs in a folder: every sub-folder holding a pack.json, read and checked, the broken ones with their problems. */
export function availablePacks(dir: string): AvailablePack[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory() && existsSync(join(dir, name, 'pack.json')))
    .sort()
    .map((name) => {
      try {
        const { manifest, items, data } = readPack(join(dir, name));
        const demoRecords = Object.values(data ?? {}).reduce((count, records) => count + records.length, 0);
        return { name: manifest.name, version: manifest.version, label: manifest.label, ...(manifest.description ? { description: manifest.description } : {}), items: items.length, ...(demoRecords > 0 ? { demoRecords } : {}) };
      } catch (error) {
        if (error instanceof ValidationError) return { name, problems: error.details };
        throw error;
      }
    });
}

/** The pack named `name` in the folder, with its code: its sub-folder of that name, whose manifest must carry the same name. */
export async function availablePack(dir: string, name: string): Promise<Pack> {
  const folder = join(dir, name);
  if (!/^[a-z][a-z0-9_-]{1,49}$/.test(name) || !existsSync(join(folder, 'pack.json'))) throw new NotFoundError(msg`There is no pack named '${name}' in the packs folder.`);
  const pack = readPack(folder);
  if (pack.manifest.name !== name) {
    throw new ValidationError([{ path: '/pack.json/name', message: msg`must be the folder's name, '${name}'` }], msg`The pack in folder '${name}' calls itself '${pack.manifest.name}'.`);
  }
  const code = await loadPackCode(folder);
  // Actions that cannot be used are found now, before anything installs (400 naming each).
  compilePackActions(name, code?.actions);
  return code ? { ...pack, code } : pack;
}
