import { ValidationError, type ErrorDetail } from '../errors/index.js';
import { msg } from '../i18n/message.js';
import type { PackKind } from '../metadata/pack-kinds/index.js';
import { checkManifest } from './pack-manifest.js';
import { KIND_FOLDERS, type PackItem } from './pack-items.js';
import { checkItemDefinition } from './pack-kinds.js';
import { packOf, type Pack } from './read-pack.js';
import { applyTranslations } from './apply-translations.js';
import { checkPackData } from './pack-data.js';

/** Most definitions one pack sent in a request may hold. */
const MAX_ITEMS = 2000;

/**
 * A pack sent in a request's body (the CLI reads a folder on the consultant's machine and sends
 * it): `{ manifest, items: [{ kind, name, definition }], translations?: { <language>: {…} },
 * data?: { <object>: [records] } }`, checked as a folder is (its items may be of the kinds `packKinds`), every problem at once with its path
 * in the body (a translation's and a demo record's as in the folder: /translations/zh-CN.json/…).
 */
export function packFromBody(body: unknown, packKinds: ReadonlyMap<string, PackKind> = new Map()): Pack {
  const problems: ErrorDetail[] = [];
  const candidate = (body ?? {}) as { manifest?: unknown; items?: unknown; translations?: unknown; data?: unknown };
  const manifest = checkManifest(candidate.manifest);
  if (!manifest.ok) problems.push(...manifest.problems.map((problem) => ({ ...problem, path: `/manifest${problem.path}` })));
  const items: PackItem[] = [];
  if (!Array.isArray(candidate.items) || candidate.items.length > MAX_ITEMS) {
    problems.push({ path: '/items', message: msg`must be a list of at most ${MAX_ITEMS} definitions, each { kind, name, definition }` });
  } else {
    candidate.items.forEach((raw: unknown, index) => {
      const path = `/items/${index}`;
      const { kind, definition } = (raw ?? {}) as { kind?: unknown; definition?: unknown };
      // The platform's kinds packs hold, and those the tenant's packs add (a pack exported from a tenant with them).
      const kinds = [...Object.keys(KIND_FOLDERS), ...packKinds.keys()];
      if (typeof kind !== 'string' || !kinds.includes(kind)) {
        problems.push({ path: `${path}/kind`, message: msg`must be one of ${kinds.join(', ')}` });
        return;
      }
      const checked = checkItemDefinition(kind, definition, packKinds);
      if (!checked.ok) problems.push(...checked.problems.map((problem) => ({ ...problem, path: `${path}/definition${problem.path}` })));
      else if (items.some((item) => item.kind === kind && item.name === checked.definition.name)) problems.push({ path: `${path}/definition/name`, message: msg`is sent twice for the same kind` });
      else items.push({ kind, name: checked.definition.name, definition: checked.definition });
    });
  }
  const translated = applyTranslations(items, filesOf(candidate.translations, '/translations', problems), problems, packKinds);
  const data = checkPackData(filesOf(candidate.data, '/data', problems), problems);
  if (problems.length > 0 || !manifest.ok) throw new ValidationError(problems);
  return packOf(manifest.manifest, translated, data);
}

/** `translations` and `data` are objects of files by name, when sent. */
function filesOf(value: unknown, path: string, problems: ErrorDetail[]): Record<string, unknown> {
  if (value === undefined) return {};
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  problems.push({ path, message: msg`must be an object of files by name` });
  return {};
}
