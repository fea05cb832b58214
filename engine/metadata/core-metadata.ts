import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDefinition } from './definition-validator.js';
import { KINDS, kindOf, type AnyDefinition, type MetadataAction, type MetadataKind } from './kinds/index.js';
import { ensureObjectIndexes } from './object-indexes.js';
import type { MetadataRegistry } from './metadata-registry.js';
import type { ObjectDefinition } from '../schemas/generated/object.js';
import type { Store } from '../store/port.js';

const CORE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'metadata');

/** The file suffix of each kind the core metadata holds (its `core`), in the registry's order, which they are installed in. */
const CORE_KINDS: ReadonlyArray<[suffix: string, kind: MetadataKind]> = KINDS.flatMap((entry) => (entry.core === undefined ? [] : [[entry.core, entry.kind] as [string, MetadataKind]]));

/** The core definitions of one kind (metadata/*.<kind>.json), checked against their schema when read. */
function coreDefinitions(suffix: string, kind: MetadataKind): AnyDefinition[] {
  return readdirSync(CORE_DIR)
    .filter((file) => file.endsWith(suffix))
    .sort()
    .map((file) => {
      const checked = checkDefinition(kind, JSON.parse(readFileSync(join(CORE_DIR, file), 'utf8')));
      if (!checked.ok) throw new Error(`metadata/${file} is not a valid ${kind} definition: ${JSON.stringify(checked.problems)}`);
      return checked.definition;
    });
}

let coreKeys: Set<string> | undefined;

/** Whether a definition is one of the core ones every tenant starts with (metadata/), which no pack ships. */
export function isCoreDefinition(kind: string, name: string): boolean {
  coreKeys ??= new Set(CORE_KINDS.flatMap(([suffix, coreKind]) => coreDefinitions(suffix, coreKind).map((definition) => `${coreKind}:${definition.name}`)));
  return coreKeys.has(`${kind}:${name}`);
}

/** The core objects every tenant starts with. */
export function coreObjects(): ObjectDefinition[] {
  return coreDefinitions(kindOf('object').core!, 'object') as ObjectDefinition[];
}

/**
 * Defines each core object and permission set a tenant does not have yet; an existing one is the
 * tenant's to keep (an admin may have changed it).
 */
export async function installCoreMetadata(store: Store, metadata: MetadataRegistry): Promise<void> {
  for (const [suffix, kind] of CORE_KINDS) {
    for (const definition of coreDefinitions(suffix, kind)) {
      const exists = kindOf(kind).find(metadata.snapshot, definition.name);
      if (exists) continue;
      const after = await metadata.apply(() => ({ kind, action: `${kind}.create` as MetadataAction, name: definition.name, next: definition, by: 'system' }));
      const compiled = kind === 'object' ? after.object(definition.name) : undefined;
      if (compiled) await ensureObjectIndexes(store, compiled);
    }
  }
}
