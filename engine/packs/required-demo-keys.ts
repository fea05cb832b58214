import type { Collections } from '../store/port.js';
import { installedPacks } from './installed-packs.js';
import type { DemoKeys } from './pack-data.js';

/**
 * The demo keys that the packs a pack requires (and theirs, all the way down) created in the
 * tenant, by object: what its own demo records may name besides its own (finance's orders name the
 * sales demo's `{ "$key": "acct-017" }`). Only required packs count, so a key means the same
 * whatever else the tenant has installed; where two of them made the same key for one object, the
 * pack nearer to this one wins (its direct requirement before theirs, then by name).
 */
export async function requiredDemoKeys(reader: Collections, requires: Readonly<Record<string, string>> | undefined): Promise<DemoKeys> {
  const packs = new Map((await installedPacks(reader)).map((pack) => [pack._id, pack]));
  const keys: DemoKeys = {};
  const seen = new Set<string>();
  let level = Object.keys(requires ?? {}).sort();
  while (level.length > 0) {
    const next: string[] = [];
    for (const name of level) {
      if (seen.has(name)) continue;
      seen.add(name);
      const pack = packs.get(name);
      if (!pack) continue;
      for (const [object, byKey] of Object.entries(pack.demoData ?? {})) {
        const into = (keys[object] ??= {});
        for (const [key, id] of Object.entries(byKey)) if (!(key in into)) into[key] = id;
      }
      next.push(...Object.keys(pack.requires ?? {}).sort());
    }
    level = next;
  }
  return keys;
}
