import { ConflictError, ValidationError, type ErrorDetail } from '../errors/index.js';
import { msg } from '../i18n/message.js';
import { checkDefinition } from '../metadata/definition-validator.js';
import { isMetadataKind } from '../metadata/kinds/index.js';
import { checkPackDefinition, definePackKind, type PackDefinition, type PackKind } from '../metadata/pack-kinds/index.js';
import type { AnyDefinition } from '../metadata/kinds/index.js';
import type { PackCode } from './pack-code.js';
import { KIND_FOLDERS } from './pack-items.js';

const NO_KINDS: ReadonlyMap<string, PackKind> = new Map();
const compiled = new WeakMap<object, ReadonlyMap<string, PackKind>>();

/**
 * The kinds a pack's code declares, checked once per loaded code: a declaration the platform
 * cannot use makes the code unusable (400, every problem at `/kinds/<kind>/…`), found when the
 * pack is read, before it installs.
 */
export function packKindsOf(pack: string, code: PackCode | undefined): ReadonlyMap<string, PackKind> {
  const declared = code?.kinds;
  if (!declared) return NO_KINDS;
  const known = compiled.get(declared);
  if (known) return known;
  const problems: ErrorDetail[] = [];
  const kinds = new Map<string, PackKind>();
  for (const [name, declaration] of Object.entries(declared)) {
    try {
      kinds.set(name, definePackKind(pack, name, declaration));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      problems.push(...error.details);
    }
  }
  if (problems.length > 0) throw new ValidationError(problems, msg`The kinds of pack '${pack}' cannot be used.`);
  compiled.set(declared, kinds);
  return kinds;
}

/**
 * The kinds of the tenant's packs once a pack's kinds replaced its earlier version's (an install
 * or upgrade; none: its uninstall). Refused (409 `pack_kind_taken`) when another pack installed
 * there already adds a kind of that name or path.
 */
export function kindsWith(current: ReadonlyMap<string, PackKind>, pack: string, kinds: ReadonlyMap<string, PackKind>): ReadonlyMap<string, PackKind> {
  const others = [...current.values()].filter((kind) => kind.pack !== pack);
  for (const kind of kinds.values()) {
    const taken = others.find((other) => other.kind === kind.kind || other.path === kind.path);
    if (taken) throw new ConflictError('pack_kind_taken', msg`Pack '${pack}' adds the kind ${kind.kind} (${kind.path}), which pack '${taken.pack}' installed here adds already.`);
  }
  return new Map([...others.map((kind) => [kind.kind, kind] as const), ...kinds]);
}

/** The folders of a pack's metadata/: those of the platform's kinds packs hold, and those of the given packs' kinds. */
export function kindFolders(packKinds: ReadonlyMap<string, PackKind>): ReadonlyMap<string, string> {
  return new Map([...Object.entries(KIND_FOLDERS).map(([kind, folder]) => [folder!, kind] as const), ...[...packKinds.values()].map((kind) => [kind.path, kind.kind] as const)]);
}

/** A definition a pack ships checked against its kind's schema: the platform's kind, or one of `packKinds`. */
export function checkItemDefinition(kind: string, candidate: unknown, packKinds: ReadonlyMap<string, PackKind>): { ok: true; definition: AnyDefinition | PackDefinition } | { ok: false; problems: ErrorDetail[] } {
  const packKind = packKinds.get(kind);
  if (packKind) return checkPackDefinition(packKind, candidate);
  if (isMetadataKind(kind)) return checkDefinition(kind, candidate);
  return { ok: false, problems: [{ path: '', message: msg`is of the kind ${kind}, which neither the platform nor the pack has` }] };
}
