import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDefinition } from '../metadata/definition-validator.js';
import { HISTORY_INDEXES, historyCollection } from '../metadata/compiled-object.js';
import type { MetadataRegistry } from '../metadata/metadata-registry.js';
import type { ObjectDefinition } from '../metadata/schemas/generated/object.js';
import type { Store } from '../store/port.js';

const CORE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'metadata');

/** The core objects every tenant starts with (metadata/*.object.json), checked against their schema when read. */
export function coreObjects(): ObjectDefinition[] {
  return readdirSync(CORE_DIR)
    .filter((file) => file.endsWith('.object.json'))
    .sort()
    .map((file) => {
      const checked = checkDefinition('object', JSON.parse(readFileSync(join(CORE_DIR, file), 'utf8')));
      if (!checked.ok) throw new Error(`metadata/${file} is not a valid object definition: ${JSON.stringify(checked.problems)}`);
      return checked.definition;
    });
}

/** Defines each core object a tenant does not have yet; an existing one is the tenant's to keep. */
export async function installCoreObjects(store: Store, metadata: MetadataRegistry): Promise<void> {
  for (const definition of coreObjects()) {
    if (metadata.snapshot.object(definition.name)) continue;
    const after = await metadata.apply((current) => ({
      kind: 'object',
      action: 'object.create',
      name: definition.name,
      next: current.object(definition.name)?.definition ?? definition,
      by: 'system',
    }));
    const compiled = after.object(definition.name)!;
    await store.ensureIndexes(compiled.collection, [...compiled.indexes]);
    await store.ensureIndexes(historyCollection(compiled.name), [...HISTORY_INDEXES]);
  }
}
