import { fileURLToPath } from 'node:url';
import { compilePackActions } from '../actions/index.js';
import { NotFoundError, ValidationError, type ErrorDetail } from '../errors/index.js';
import { msg } from '../i18n/message.js';
import type { LocalizedText } from '../schemas/generated/common.js';
import type { LocalizedDescription } from '../schemas/generated/pack.js';
import { loadPackCode } from './load-pack-code.js';
import { readPack, type Pack } from './read-pack.js';
import { packKindsOf } from './pack-kinds.js';
import { packFolders } from './pack-folders.js';

/** Where the platform finds packs by default: plugins/ beside engine/ (PACKS_DIR elsewhere). */
export const DEFAULT_PACKS_DIR = fileURLToPath(new URL('../../plugins', import.meta.url));

/** A pack found in the packs folder (or an npm package beside it), as the packs page lists it. */
export interface AvailablePack {
  readonly name: string;
  /** The npm package it comes from (`crm-pack-sla-desk`), for a pack that is one. */
  readonly package?: string;
  readonly version?: string;
  readonly label?: LocalizedText;
  readonly description?: LocalizedDescription;
  readonly items?: number;
  /** How many demo records it holds (data/), which an install creates when the admin asks for them. */
  readonly demoRecords?: number;
  /** Why the folder cannot be installed, when it cannot. */
  readonly problems?: readonly ErrorDetail[];
}

/**
 * The packs the platform offers: every sub-folder of the packs folder holding a pack.json, and the
 * npm packages of packs beside it (pack-folders.ts), read and checked (with their code, which may
 * add kinds), the broken ones with their problems.
 */
export async function availablePacks(dir: string): Promise<AvailablePack[]> {
  return Promise.all(
    [...packFolders(dir)].map(async ([name, { folder, package: packageName }]): Promise<AvailablePack> => {
      const source = packageName ? { package: packageName } : {};
      try {
        const { manifest, items, data } = await readPackWithCode(folder, name);
        const demoRecords = Object.values(data ?? {}).reduce((count, records) => count + records.length, 0);
        return {
          name: manifest.name,
          ...source,
          version: manifest.version,
          label: manifest.label,
          ...(manifest.description ? { description: manifest.description } : {}),
          items: items.length,
          ...(demoRecords > 0 ? { demoRecords } : {}),
        };
      } catch (error) {
        if (error instanceof ValidationError) return { name, ...source, problems: error.details };
        // Code that does not even load is the folder's problem, not the page's.
        return { name, ...source, problems: [{ path: '/index', message: msg`could not be loaded: ${(error as Error).message}` }] };
      }
    }),
  );
}

/** The pack named `name` the platform offers, with its code: its folder (or npm package) of that name, whose manifest must carry the same name. */
export async function availablePack(dir: string, name: string): Promise<Pack> {
  const folder = /^[a-z][a-z0-9_-]{1,49}$/.test(name) ? packFolders(dir).get(name)?.folder : undefined;
  if (!folder) throw new NotFoundError(msg`There is no pack named '${name}' in the packs folder.`);
  const pack = await readPackWithCode(folder, name);
  if (pack.manifest.name !== name) {
    throw new ValidationError([{ path: '/pack.json/name', message: msg`must be the folder's name, '${name}'` }], msg`The pack in folder '${name}' calls itself '${pack.manifest.name}'.`);
  }
  return pack;
}

/**
 * A pack's folder with its code: the code first, as the kinds it adds decide which folders of
 * metadata the pack may hold. Actions and kinds that cannot be used are found now, before
 * anything installs (400 naming each).
 */
async function readPackWithCode(folder: string, name: string): Promise<Pack> {
  const code = await loadPackCode(folder);
  compilePackActions(name, code?.actions);
  const pack = readPack(folder, packKindsOf(name, code));
  return code ? { ...pack, code } : pack;
}
