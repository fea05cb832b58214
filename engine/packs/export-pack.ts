import type { OperationContext } from '../context/index.js';
import { NotFoundError, ValidationError } from '../errors/index.js';
import { msg } from '../i18n/message.js';
import { isCoreDefinition } from '../metadata/core-metadata.js';
import { withoutSecret } from '../mail/index.js';
import { storedDefinition } from '../metadata/stored-definition.js';
import { kindIn, tenantKinds } from '../metadata/pack-kinds/index.js';
import { checkSetupRight } from '../security/object-access.js';
import { checkManifest, type PackManifest } from './pack-manifest.js';
import { inPackOrder, itemKey, type PackItem } from './pack-items.js';
import type { Pack } from './read-pack.js';
import type { PackTranslations } from './apply-translations.js';
import { exportDemoData } from './export-demo-data.js';
import { extractTranslations } from './extract-translations.js';
import { isLanguage, LANGUAGES } from '../i18n/language.js';

/** What to export: the manifest of the pack to make, and which part of the tenant's metadata. */
export interface ExportRequest {
  readonly manifest: unknown;
  /** Objects, each with its layouts, list views, sharing rules, automation rules and approval processes. */
  readonly objects?: readonly string[];
  /** Further definitions by key (`permissionSet:technician`, `app:field_service`). */
  readonly items?: readonly string[];
  /** Languages whose texts go to translations/<language>.json instead of staying in the definitions. */
  readonly translations?: readonly string[];
  /** Objects whose records go with the pack as demo data (data/<object>.json). */
  readonly data?: readonly string[];
}

/** A pack as an export makes it: with the texts of the languages asked for kept apart, by language. */
export interface ExportedPack extends Pack {
  readonly translations?: Readonly<Record<string, PackTranslations>>;
  /** The folder under metadata/ of each kind of a pack among its items (`{ "slaPolicy": "sla-policies" }`): what writes it as a folder cannot know them. */
  readonly folders?: Readonly<Record<string, string>>;
}

/**
 * A tenant's metadata (or a chosen part of it) as a pack, so that a consultant builds in one
 * tenant and ships to others, or promotes from a test tenant to production: the same format a
 * pack folder holds, which `npx crm pack export` writes one file per definition. Without a
 * choice, every definition but the core ones (which every tenant has) is exported. Asked for,
 * the texts of some languages are kept apart as translations, and the records of some objects go
 * with it as demo data.
 */
export async function exportPack(ctx: OperationContext, request: ExportRequest): Promise<ExportedPack> {
  checkSetupRight(ctx);
  const manifest = checkManifest(request.manifest);
  if (!manifest.ok) throw new ValidationError(manifest.problems.map((problem) => ({ ...problem, path: `/manifest${problem.path}` })));
  const languages = (request.translations ?? []).map((language, index) => {
    if (!isLanguage(language)) throw new ValidationError([{ path: `/translations/${index}`, message: msg`must be one of ${LANGUAGES.join(', ')}` }]);
    return language;
  });
  const all = everything(ctx);
  const chosen = inPackOrder(request.objects === undefined && request.items === undefined ? all.filter((item) => !isCoreDefinition(item.kind, item.name)) : choose(ctx, all, request));
  const data = request.data ? await exportDemoData(ctx, request.data) : undefined;
  const folders = packKindFolders(ctx, chosen);
  const pack = { manifest: manifest.manifest satisfies PackManifest, ...(data ? { data } : {}), ...(folders ? { folders } : {}) };
  if (languages.length === 0) return { ...pack, items: chosen };
  const { items, translations } = extractTranslations(chosen, languages);
  return { ...pack, items, translations };
}

/** Every definition of a kind packs may hold: the platform's, and the kinds the tenant's packs add. */
function everything(ctx: OperationContext): PackItem[] {
  return tenantKinds(ctx.snapshot)
    .filter((kind) => kind.inPacks)
    .flatMap((kind) => kind.list(ctx.snapshot).map((definition) => ({ kind: kind.kind, name: definition.name, definition: withoutSecret(definition) }) as PackItem));
}

/** The folders of the packs' kinds among the items, if any. */
function packKindFolders(ctx: OperationContext, items: readonly PackItem[]): Record<string, string> | undefined {
  const kinds = [...new Set(items.map((item) => item.kind))].flatMap((kind) => {
    const packKind = ctx.snapshot.packKinds.kind(kind);
    return packKind ? [[kind, packKind.path] as const] : [];
  });
  return kinds.length > 0 ? Object.fromEntries(kinds) : undefined;
}

function choose(ctx: OperationContext, all: PackItem[], request: ExportRequest): PackItem[] {
  const keys = new Set<string>();
  (request.objects ?? []).forEach((name, index) => {
    if (!ctx.snapshot.object(name)) throw new NotFoundError(msg`There is no object named '${name}' to export (objects/${index}).`);
    keys.add(itemKey('object', name));
    // What belongs to the object (its kind's `ofObject`) goes with it.
    for (const item of all) {
      const ofObject = kindIn(ctx.snapshot, item.kind)?.ofObject;
      if (ofObject && (item.definition as unknown as Record<string, unknown>)[ofObject.property] === name) keys.add(itemKey(item.kind, item.name));
    }
  });
  (request.items ?? []).forEach((key, index) => {
    const [kind, name] = key.split(':') as [string, string | undefined];
    if (!kindIn(ctx.snapshot, kind)?.inPacks || !name || !storedDefinition(ctx.snapshot, kind, name)) {
      throw new ValidationError([{ path: `/items/${index}`, message: msg`is not a definition of this tenant that packs may hold ('kind:name', such as permissionSet:technician)` }]);
    }
    keys.add(key);
  });
  return all.filter((item) => keys.has(itemKey(item.kind, item.name)));
}
