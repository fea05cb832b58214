import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ValidationError, type ErrorDetail } from '../errors/index.js';
import { msg } from '../i18n/message.js';
import type { KindName, PackKind } from '../metadata/pack-kinds/index.js';
import { checkManifest, type PackManifest } from './pack-manifest.js';
import type { PackCode } from './pack-code.js';
import { inPackOrder, type PackItem } from './pack-items.js';
import { checkItemDefinition, kindFolders } from './pack-kinds.js';
import { applyTranslations } from './apply-translations.js';
import { checkPackData, type PackData } from './pack-data.js';

/** A pack as its folder holds it: the manifest, and its definitions ordered by kind and name, with their translations applied. */
export interface Pack {
  readonly manifest: PackManifest;
  readonly items: readonly PackItem[];
  /** Its demo records by object, created only when the admin asks for demo data. */
  readonly data?: PackData;
  /** Its code (index.ts), for a pack of the packs folder that has some. */
  readonly code?: PackCode;
}

/**
 * Reads a pack's folder: pack.json, metadata/<kind folder>/<name>.json, translations/<language>.json
 * (applied to the definitions) and data/<object>.json (demo records). Every problem of every file
 * is reported at once (400), each with the file's path inside the pack, so that a consultant fixes
 * a broken pack in one pass; nothing of a broken pack is used. `packKinds`: the kinds the pack's
 * code adds, whose folders it may hold too.
 */
export function readPack(dir: string, packKinds: ReadonlyMap<string, PackKind> = new Map()): Pack {
  const problems: ErrorDetail[] = [];
  const folderKinds = kindFolders(packKinds);
  const manifest = readManifest(dir, problems);
  const items: PackItem[] = [];
  const metadataDir = join(dir, 'metadata');
  if (existsSync(metadataDir)) {
    for (const folder of readdirSync(metadataDir).sort()) {
      const kind = folderKinds.get(folder);
      if (!kind) {
        problems.push({ path: `/metadata/${folder}`, message: msg`is not a folder of metadata a pack may hold (${[...folderKinds.keys()].join(', ')})` });
        continue;
      }
      for (const file of readdirSync(join(metadataDir, folder)).sort()) {
        const item = readItem(join(metadataDir, folder, file), `/metadata/${folder}/${file}`, kind, packKinds, problems);
        if (item) items.push(item);
      }
    }
  }
  const translated = applyTranslations(items, readJsonFolder(dir, 'translations', problems), problems, packKinds);
  const data = checkPackData(readJsonFolder(dir, 'data', problems), problems);
  if (problems.length > 0 || !manifest) throw new ValidationError(problems, msg`The pack in folder '${basename(dir)}' cannot be used: ${problems.length} problem(s) in its files.`);
  return packOf(manifest, translated, data);
}

/** A pack with what it holds beside its definitions only where it holds some. */
export function packOf(manifest: PackManifest, items: readonly PackItem[], data: PackData): Pack {
  return { manifest, items: inPackOrder(items), ...(Object.keys(data).length > 0 ? { data } : {}) };
}

/** The .json files of one folder of the pack (translations/, data/), parsed, by their name without .json. */
export function readJsonFolder(dir: string, folder: string, problems: ErrorDetail[]): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  if (!existsSync(join(dir, folder))) return files;
  for (const file of readdirSync(join(dir, folder)).sort()) {
    const path = `/${folder}/${file}`;
    if (!file.endsWith('.json') || !statSync(join(dir, folder, file)).isFile()) {
      problems.push({ path, message: msg`is not a .json file` });
      continue;
    }
    const parsed = readJson(join(dir, folder, file), path, problems);
    if (parsed !== undefined) files[file.slice(0, -'.json'.length)] = parsed;
  }
  return files;
}

function readManifest(dir: string, problems: ErrorDetail[]): PackManifest | undefined {
  const parsed = readJson(join(dir, 'pack.json'), '/pack.json', problems);
  if (parsed === undefined) return undefined;
  const checked = checkManifest(parsed);
  if (checked.ok) return checked.manifest;
  problems.push(...checked.problems.map((problem) => ({ ...problem, path: `/pack.json${problem.path}` })));
  return undefined;
}

function readItem(file: string, path: string, kind: KindName, packKinds: ReadonlyMap<string, PackKind>, problems: ErrorDetail[]): PackItem | undefined {
  if (!file.endsWith('.json') || !statSync(file).isFile()) {
    problems.push({ path, message: msg`is not a .json file of one definition` });
    return undefined;
  }
  const parsed = readJson(file, path, problems);
  if (parsed === undefined) return undefined;
  const checked = checkItemDefinition(kind, parsed, packKinds);
  if (!checked.ok) {
    problems.push(...checked.problems.map((problem) => ({ ...problem, path: `${path}${problem.path}` })));
    return undefined;
  }
  const name = checked.definition.name;
  if (`${name}.json` !== path.slice(path.lastIndexOf('/') + 1)) {
    problems.push({ path: `${path}/name`, message: msg`must match the file's name: '${name}' is in a file not named ${name}.json` });
    return undefined;
  }
  return { kind, name, definition: checked.definition };
}

function readJson(file: string, path: string, problems: ErrorDetail[]): unknown {
  if (!existsSync(file)) {
    problems.push({ path, message: msg`is missing` });
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    problems.push({ path, message: msg`is not valid JSON (${(error as Error).message})` });
    return undefined;
  }
}
